/**
 * A scenario run over the credit data stored through the credit area's own
 * import path (the small demonstration set), on both databases: stored
 * scores and measures stay as they are, every entity is graded once per
 * run, and lowering the cut-offs moves grades only upwards.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { seedCreditDemo } from '../../../src/credit/demo/seed.ts';
import type { PlatformContext } from '../../../src/platform/context.ts';
import type { CreditDetail } from '../../../src/simulation/services/creditArea.ts';
import { runScenario } from '../../../src/simulation/services/run.ts';
import { createScenario } from '../../../src/simulation/services/scenarios.ts';
import { describeEachDatabase } from '../../helpers/db.ts';
import { letReachabilityCheckFinish } from '../pause.ts';

const TABLES = ['credit_entity', 'credit_record', 'credit_score', 'credit_measure', 'credit_model', 'credit_assessment'] as const;

async function dump(ctx: PlatformContext): Promise<string> {
  const parts: string[] = [];
  for (const table of TABLES) {
    const rows = await ctx.store.db.selectFrom(table).selectAll().execute();
    parts.push(`${table}\n${rows.map((r) => JSON.stringify(r)).sort().join('\n')}`);
  }
  return parts.join('\n');
}

describeEachDatabase('simulation run over the stored credit records', (db) => {
  let ctx: PlatformContext;

  before(async () => {
    await letReachabilityCheckFinish();
    ctx = await db.open();
    await seedCreditDemo(ctx, { size: 'small' });
  });
  after(async () => ctx?.close());

  test('B from 760 and C from 700: nothing stored moves, 300 entities graded, grades only rise', async () => {
    const before = await dump(ctx);
    const scenario = await createScenario(ctx, {
      name: '降低B、C级分数线',
      purpose: '测算调整等级分数线后各行业的等级分布',
      author: '测试',
      changes: [{
        id: 'credit.d2.part2_2_2.grade_cutoffs',
        value: [{ grade: 'A', min: 850 }, { grade: 'B', min: 760 }, { grade: 'C', min: 700 }, { grade: 'D', min: 670 }, { grade: 'E', min: 0 }],
        from: '2023-01-01',
      }],
    }, 'tester');

    const result = await runScenario(ctx, scenario, { year: 2023 });
    assert.equal(await dump(ctx), before, 'no credit table changed');
    assert.deepEqual(result.areas, ['credit']);
    assert.equal(result.totals.delta, 0, 'credit moves no money');

    const area = result.results[0]!;
    const detail = area.detail as CreditDetail;
    const publicGrades = detail.sectors.find((s) => s.sector === 'public')!.grades;
    const sum = (side: 'baseline' | 'scenario') => publicGrades.reduce((s, g) => s + g[side], 0);
    assert.equal(sum('baseline'), 300);
    assert.equal(sum('scenario'), 300);
    assert.equal(area.distribution.losers, 0);
    assert.ok(area.distribution.gainers > 0, 'the demonstration set has entities between the old and new lines');
    assert.equal(area.crossings.length, detail.changes.filter((c) => c.steps !== 0).length);
    assert.ok(area.crossings.every((c) => c.kind.endsWith(':up')));
    assert.ok(detail.sectors.some((s) => s.sector === 'food' && s.evaluation === 'industry_model'));
    assert.ok(area.tables?.[0]?.rows.length);
  });
});
