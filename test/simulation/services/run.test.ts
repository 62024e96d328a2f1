/**
 * A scenario run over data stored through the medical area's own batch
 * path (the small demonstration set), on both databases: nothing the
 * baseline stored changes, the baseline run reproduces the stored bills,
 * the run is stored and can be compared and exported.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import ExcelJS from 'exceljs';

import { seedMedicalDemo } from '../../../src/medical/demo/seed.ts';
import type { PlatformContext } from '../../../src/platform/context.ts';
import { compareResults } from '../../../src/simulation/rules/compare.ts';
import { resultWorkbook } from '../../../src/simulation/services/export.ts';
import { runScenario, storedResult } from '../../../src/simulation/services/run.ts';
import { createScenario } from '../../../src/simulation/services/scenarios.ts';
import { describeEachDatabase } from '../../helpers/db.ts';
import { letReachabilityCheckFinish } from '../pause.ts';

const MEDICAL_TABLES = [
  'medical_person',
  'medical_enrolment',
  'medical_category',
  'medical_account',
  'medical_account_movement',
  'medical_claim',
  'medical_bill',
  'medical_accumulator',
  'medical_fund_budget',
  'medical_fund_surplus',
] as const;

/** Every row of every medical table, in key order, as one text. */
async function dump(ctx: PlatformContext): Promise<string> {
  const parts: string[] = [];
  for (const table of MEDICAL_TABLES) {
    const rows = await ctx.store.db.selectFrom(table).selectAll().execute();
    const lines = rows.map((r) => JSON.stringify(r, (_k, v) => (typeof v === 'bigint' ? String(v) : v))).sort();
    parts.push(`${table}\n${lines.join('\n')}`);
  }
  return parts.join('\n');
}

describeEachDatabase('simulation run over stored medical data', (db) => {
  let ctx: PlatformContext;

  before(async () => {
    await letReachabilityCheckFinish();
    ctx = await db.open();
    await seedMedicalDemo(ctx, { size: 'small' });
  });
  after(async () => ctx?.close());

  test('cap 2000 → 3000: stored bills byte-identical after the run, baseline reproduces every stored bill, cost only rises', async () => {
    const before = await dump(ctx);
    const scenario = await createScenario(ctx, {
      name: '门诊统筹年度限额提高到3000元',
      purpose: '测算提高普通门诊统筹年度最高支付限额的基金支出',
      author: '测试',
      changes: [{ id: 'medical.d5.art7_1.annual_cap', value: '3000.00', from: '2023-01-01' }],
    }, 'tester');

    const result = await runScenario(ctx, scenario, { year: 2023 });
    assert.equal(await dump(ctx), before, 'no medical table changed');

    const medical = result.results.find((r) => r.area === 'medical')!;
    const detail = medical.detail as { reproduced: { compared: number; matching: number; differing: string[] } };
    assert.ok(detail.reproduced.compared > 900, `claims compared: ${detail.reproduced.compared}`);
    assert.deepEqual(detail.reproduced.differing, []);
    assert.equal(detail.reproduced.matching, detail.reproduced.compared);

    const pooling = result.byItem.find((g) => g.key === 'medical:pooling')!;
    assert.ok(pooling.delta >= 0);
    assert.equal(medical.distribution.losers, 0, 'a higher cap takes from nobody');
    // Every gainer is a pooling member who was at the old cap.
    const capped = medical.crossings.filter((c) => c.kind === 'pooling_capped:out').length;
    assert.ok(capped <= medical.distribution.gainers);
    assert.deepEqual(result.parameters.map((p) => [p.id, p.scenario.at(-1)!.value]), [['medical.d5.art7_1.annual_cap', '3000.00']]);
  });

  test('the run is stored with the scenario, and two runs of one year compare', async () => {
    const lower = await createScenario(ctx, {
      name: '救助起付线降至1000元',
      purpose: '测算降低低保边缘等对象起付标准',
      author: '测试',
      changes: [{ id: 'medical.d4.art10_2.deductible', value: '1000.00', from: '2023-01-01' }],
    }, 'tester');
    const first = await runScenario(ctx, lower, { year: 2023 });
    const stored = await storedResult(ctx, first.runId);
    assert.deepEqual(stored.totals, first.totals);
    assert.equal(stored.scenario.name, '救助起付线降至1000元');

    const assistance = first.byItem.find((g) => g.key === 'medical:assistance')!;
    assert.ok(assistance.delta >= 0, 'a lower deductible costs more or the same');
    const newlyPaid = first.crossings.filter((c) => c.kind === 'assistance_paid:in');
    assert.ok(newlyPaid.every((c) => c.rule === 'd4.art10.deductible'));

    const other = await createScenario(ctx, {
      name: '两项同时调整',
      purpose: '比较',
      author: '测试',
      changes: [
        { id: 'medical.d4.art10_2.deductible', value: '1000.00', from: '2023-01-01' },
        { id: 'medical.d5.art7_1.annual_cap', value: '3000.00', from: '2023-01-01' },
      ],
    }, 'tester');
    const second = await runScenario(ctx, other, { year: 2023 });
    const comparison = compareResults([first, second])!;
    assert.equal(comparison.baselineConsistent, true);
    const total = comparison.rows.find((r) => r.group === 'total')!;
    assert.equal(total.baseline, first.totals.baseline);
    assert.deepEqual(total.scenarios, [first.totals.scenario, second.totals.scenario]);
    assert.ok(second.totals.scenario >= first.totals.scenario);
  });

  test('the workbook has the scenario, parameters, totals, lines, distribution, crossings and medical details', async () => {
    const scenario = await createScenario(ctx, {
      name: '导出',
      purpose: '导出测试',
      author: '测试',
      changes: [{ id: 'medical.d5.art7_1.annual_cap', value: '3000.00' }],
    }, null);
    const result = await runScenario(ctx, scenario, { year: 2023 });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await resultWorkbook(result)) as unknown as ArrayBuffer);
    assert.deepEqual(workbook.worksheets.map((w) => w.name), [
      '方案', '参数调整', '所用参数', '汇总', '成本明细', '受益与受损分布', '跨越门槛', '医保·人员', '医保·单据', '医保·救助资金',
    ]);
    const params = workbook.getWorksheet('参数调整')!;
    assert.equal(params.getCell('A2').value, 'medical.d5.art7_1.annual_cap');
    assert.equal(params.getCell('C2').value, '鸡政办规〔2022〕22号');
    const persons = workbook.getWorksheet('医保·人员')!;
    const pooling = result.byItem.find((g) => g.key === 'medical:pooling')!;
    // The persons sheet sums to the pooling change (in yuan, two decimals).
    let sum = 0;
    persons.eachRow((row, n) => {
      if (n > 1) sum += Math.round(Number(row.getCell(9).value) * 100);
    });
    assert.equal(sum, pooling.delta);
  });
});
