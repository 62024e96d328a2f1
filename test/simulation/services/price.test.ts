/**
 * A scenario run over index months and recipients stored through the price
 * area's own services, on both databases: the stored payment list of a
 * triggered month is untouched, the baseline cost of that month equals it,
 * and lowering the CPI threshold adds the month just under it.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import type { PlatformContext } from '../../../src/platform/context.ts';
import { runPayments, upsertIndexMonths, upsertRecipients } from '../../../src/price/services/subsidies.ts';
import type { PriceDetail } from '../../../src/simulation/services/priceArea.ts';
import { runScenario } from '../../../src/simulation/services/run.ts';
import { createScenario } from '../../../src/simulation/services/scenarios.ts';
import { describeEachDatabase } from '../../helpers/db.ts';
import { letReachabilityCheckFinish } from '../pause.ts';

const OFFICE = { user: 'tester', role: 'price_office' };

async function dump(ctx: PlatformContext): Promise<string> {
  const parts: string[] = [];
  for (const table of ['price_index_month', 'price_recipient', 'price_payment'] as const) {
    const rows = await ctx.store.db.selectFrom(table).selectAll().execute();
    parts.push(`${table}\n${rows.map((r) => JSON.stringify(r)).sort().join('\n')}`);
  }
  return parts.join('\n');
}

describeEachDatabase('simulation run over stored price subsidy data', (db) => {
  let ctx: PlatformContext;

  before(async () => {
    await letReachabilityCheckFinish();
    ctx = await db.open();
    await upsertIndexMonths(ctx, [
      { month: '2023-05', cpi: 320, food: 500 },
      { month: '2023-09', cpi: 380, food: 400 },
    ], '测试', OFFICE);
    await upsertRecipients(ctx, [
      { id: 'r-urban', group: 'dibao', residence: 'urban', county: '230302', from: '2022-01' },
      { id: 'r-rural', group: 'dibao', residence: 'rural', county: '230321', from: '2022-01' },
    ]);
    await runPayments(ctx, '2023-09', OFFICE);
  });
  after(async () => ctx?.close());

  test('CPI threshold 3.0 %: stored list untouched, September as stored (27 + 17 yuan), May adds 22 + 14 yuan', async () => {
    const before = await dump(ctx);
    const scenario = await createScenario(ctx, {
      name: '临时补贴启动条件降至3%',
      purpose: '测算降低价格补贴联动机制启动条件的补贴支出（D3 2.4.1(4)）',
      author: '测试',
      changes: [{ id: 'price.d3.art2_4_1.subsidy_cpi_threshold', value: '3.0', from: '2023-03-01' }],
    }, 'tester');

    const result = await runScenario(ctx, scenario, { year: 2023 });
    assert.equal(await dump(ctx), before, 'no price table changed');
    assert.deepEqual(result.areas, ['price']);

    const stored = await ctx.store.db.selectFrom('price_payment').select('amount_fen').where('index_month', '=', '2023-09').execute();
    const storedTotal = stored.reduce((s, r) => s + Number(r.amount_fen), 0);
    const detail = result.results[0]!.detail as PriceDetail;
    const september = detail.months.find((m) => m.indexMonth === '2023-09')!;
    assert.equal(september.baseline.outcome === 'decided' && september.baseline.cost, storedTotal);
    assert.equal(storedTotal, 4400, '700 × 3.8 % = 26.6 → 27; 450 × 3.8 % = 17.1 → 17');
    assert.equal(result.totals.baseline, 4400);
    assert.equal(result.totals.delta, 3600, '700 × 3.2 % = 22.4 → 22; 450 × 3.2 % = 14.4 → 14');
    assert.deepEqual(result.crossings.map((c) => c.kind), ['subsidy_month:in']);
  });
});
