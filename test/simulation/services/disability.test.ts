/**
 * A scenario run over the register stored through the disability area's
 * own paths (the small demonstration set, with its payrolls closed through
 * the payroll service), on both databases: nothing stored changes, the
 * baseline December is the December payroll as stored, and the scenario
 * differs by exactly the standard's change times the persons paid.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import ExcelJS from 'exceljs';

import { seedDisabilityDemo } from '../../../src/disability/demo/seed.ts';
import type { PlatformContext } from '../../../src/platform/context.ts';
import type { DisabilityDetail } from '../../../src/simulation/services/disabilityArea.ts';
import { resultWorkbook } from '../../../src/simulation/services/export.ts';
import { runScenario } from '../../../src/simulation/services/run.ts';
import { createScenario } from '../../../src/simulation/services/scenarios.ts';
import { describeEachDatabase } from '../../helpers/db.ts';
import { letReachabilityCheckFinish } from '../pause.ts';

const TABLES = [
  'disability_person',
  'disability_household_period',
  'disability_benefit_period',
  'disability_application',
  'disability_payroll_month',
  'disability_payroll_line',
] as const;

async function dump(ctx: PlatformContext): Promise<string> {
  const parts: string[] = [];
  for (const table of TABLES) {
    const rows = await ctx.store.db.selectFrom(table).selectAll().execute();
    parts.push(`${table}\n${rows.map((r) => JSON.stringify(r)).sort().join('\n')}`);
  }
  return parts.join('\n');
}

describeEachDatabase('simulation run over the stored disability register', (db) => {
  let ctx: PlatformContext;

  before(async () => {
    await letReachabilityCheckFinish();
    ctx = await db.open();
    await seedDisabilityDemo(ctx, { size: 'small' });
  });
  after(async () => ctx?.close());

  test('living 100 → 130 yuan from July 2023: nothing stored moves; December as stored; 30 yuan per living line from July', async () => {
    const before = await dump(ctx);
    const scenario = await createScenario(ctx, {
      name: '生活补贴提高到130元',
      purpose: '测算困难残疾人生活补贴标准动态调整（8号 三(一)5）',
      author: '测试',
      changes: [{ id: 'disability.d1.s3_1_5.living_monthly', value: '130.00', from: '2023-07-01' }],
    }, 'tester');

    const result = await runScenario(ctx, scenario, { year: 2023 });
    assert.equal(await dump(ctx), before, 'no disability table changed');
    assert.deepEqual(result.areas, ['disability']);

    const area = result.results[0]!;
    const detail = area.detail as DisabilityDetail;
    const stored = await ctx.store.db.selectFrom('disability_payroll_line').select(['amount']).where('month', '=', '2023-12').where('status', '=', 'paid').execute();
    const storedTotal = stored.reduce((s, l) => s + Number(l.amount), 0);
    const december = detail.months.find((m) => m.month === '2023-12')!;
    assert.equal(december.baseline, storedTotal, 'the baseline December is the stored December payroll');

    // The living lines paid each month, from the baseline's own lines.
    const livingLines = area.lines.filter((l) => l.item === 'living');
    const livingBaseline = livingLines.reduce((s, l) => s + l.baseline, 0);
    const livingScenario = livingLines.reduce((s, l) => s + l.scenario, 0);
    assert.ok(livingBaseline > 0);
    // Every month pays 100 yuan a line in the baseline; from July the scenario pays 130.
    for (const m of detail.months) {
      const delta = m.scenario - m.baseline;
      if (m.month < '2023-07') assert.equal(delta, 0, m.month);
      else assert.equal(delta % 3000, 0, `${m.month}: a multiple of 30 yuan`);
    }
    const extra = detail.months.reduce((s, m) => s + m.scenario - m.baseline, 0);
    assert.equal(livingScenario - livingBaseline, extra);
    assert.equal(result.totals.delta, extra);
    assert.equal(area.distribution.losers, 0);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await resultWorkbook(result)) as unknown as ArrayBuffer);
    assert.ok(workbook.getWorksheet('残联·人员'));
    assert.ok(workbook.getWorksheet('残联·逐月发放'));
    // Every parameter the payroll read is listed, the changed one marked.
    const used = workbook.getWorksheet('所用参数')!;
    const rows = used.getSheetValues().slice(2).map((r) => (r as unknown[]).slice(1, 6));
    assert.ok(rows.some((r) => r[0] === 'disability.d1.s3_1_5.living_monthly' && r[4] === '是'));
    assert.ok(rows.some((r) => r[0] === 'disability.d1.s3_1_5.care_monthly_grade_1' && r[4] === '否'));
  });
});
