/**
 * 专栏1 indicators from a hand-made register, worked by hand (as of 2023-12-31):
 *   A 1985, 肢体1级, 低保, both grants; pension and medical enrolled; rehab need and service 2023
 *   B 1990, 智力3级;  not pension-enrolled; medical; rehab need 2023 only; device need and fit 2023;
 *     trained 2022; home modified 2021
 *   C 2012, 听力4级;  at school 2018-09-01 … 2028-07-31; no medical insurance
 *   D 1950, 视力2级;  medical enrolled; no care grant (eligible, unpaid); dies 2024-03-01
 * pension 1/2 = 50.00 (A, B aged 16–59, C too young, D too old); medical 3/4 = 75.00;
 * school 1/1 = 100.00; rehab 1/2 = 50.00; devices 1/1 = 100.00; trained 1; homes 1;
 * living 1/1 = 100.00; care: eligible A and D, paid A = 50.00 → an alarm.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import ExcelJS from 'exceljs';

import { createApplication, stepApplication } from '../../../src/disability/services/applications.ts';
import { evaluationWorkbook } from '../../../src/disability/services/evaluationFile.ts';
import { enterIndicator, evaluation, listEntries, monitoring } from '../../../src/disability/services/indicators.ts';
import { runPayroll } from '../../../src/disability/services/payroll.ts';
import { addRecord, registerPerson } from '../../../src/disability/services/register.ts';
import type { PlatformContext } from '../../../src/platform/context.ts';
import { describeEachDatabase } from '../../helpers/db.ts';
import { card, CLERK, residentId } from '../helpers.ts';

describeEachDatabase('disability indicators', (database) => {
  let ctx: PlatformContext;

  before(async () => {
    ctx = await database.open();
    const add = async (id: string, cat: number, grade: number, household: string) =>
      (await registerPerson(ctx, { residentId: id, name: '测试', county: '230302', cardNumber: card(id, cat, grade), household, householdFrom: '2020-01-01' }, CLERK)).person.id;
    const a = await add(residentId('230302', '19850315', 1), 4, 1, 'dibao');
    const b = await add(residentId('230302', '19900101', 3), 5, 3, 'none');
    const c = await add(residentId('230302', '20120601', 5), 2, 4, 'none');
    const d = await add(residentId('230302', '19500101', 7), 1, 2, 'none');
    const rec = (p: string, kind: string, on: string, until?: string) => addRecord(ctx.store.db, p, { kind, on, until: until ?? null }, CLERK);
    await rec(a, 'pension_enrolment', '2016-01-01');
    await rec(a, 'medical_enrolment', '2016-01-01');
    await rec(a, 'rehab_need', '2023-03-01');
    await rec(a, 'rehabilitation', '2023-04-01');
    await rec(b, 'medical_enrolment', '2016-01-01');
    await rec(b, 'rehab_need', '2023-03-01');
    await rec(b, 'device_need', '2023-05-01');
    await rec(b, 'device_fitted', '2023-06-01');
    await rec(b, 'vocational_training', '2022-05-01');
    await rec(b, 'home_modification', '2021-06-01');
    await rec(c, 'school_enrolment', '2018-09-01', '2028-07-31');
    await rec(d, 'medical_enrolment', '2016-01-01');
    await rec(d, 'death', '2024-03-01');
    for (const subsidy of ['living', 'care']) {
      const app = await createApplication(ctx, { personId: a, subsidy, receivedOn: '2023-01-05' }, CLERK);
      await stepApplication(ctx, app.id, 'review', { on: '2023-01-06' }, CLERK);
      await stepApplication(ctx, app.id, 'approve', { on: '2023-01-07' }, CLERK);
    }
    await runPayroll(ctx, '2023-12', CLERK);
  });
  after(async () => ctx.close());

  test('2023, every computed indicator as worked by hand', async () => {
    const m = await monitoring(ctx, { year: 2023 });
    const value = (id: string) => m.city.indicators.find((i) => i.id === id)!;
    assert.equal(m.asOf, '2023-12-31');
    assert.equal(m.payrollMonth, '2023-12');
    assert.deepEqual(
      ['pension_rate', 'medical_rate', 'school_rate', 'rehab_coverage', 'device_rate', 'training', 'home_modifications', 'living_coverage', 'care_coverage'].map((id) => value(id).value),
      ['50.00', '75.00', '100.00', '50.00', '100.00', '1', '1', '100.00', '50.00'],
    );
    assert.equal(value('care_coverage').flag, 'alarm');
    assert.equal(value('income_growth').status, 'no_data');
    assert.equal(m.synthetic, false);
  });

  test('the county line carries the same figures; counties with nobody have no data', async () => {
    const m = await monitoring(ctx, { year: 2023 });
    const jiguan = m.counties.find((c) => c.county === '230302')!;
    assert.equal(jiguan.indicators.find((i) => i.id === 'medical_rate')!.value, '75.00');
    const mashan = m.counties.find((c) => c.county === '230307')!;
    assert.equal(mashan.indicators.find((i) => i.id === 'medical_rate')!.status, 'no_data');
  });

  test('income 4.1% against GDP 5.5% entered by an officer: who and when kept, a warning raised', async () => {
    await enterIndicator(ctx, { series: 'gdp_growth', year: 2023, value: '5.5', note: '统计公报' }, { user: 'tongji', role: 'disabled_federation' });
    await enterIndicator(ctx, { series: 'income_growth', year: 2023, value: '4.1' }, { user: 'canlian1', role: 'disabled_federation' });
    const entries = await listEntries(ctx, { year: 2023 });
    assert.deepEqual(entries.map((e) => [e.series, e.value, e.enteredBy]).sort(), [['gdp_growth', '5.50', 'tongji'], ['income_growth', '4.10', 'canlian1']]);
    assert.ok(entries.every((e) => e.enteredAt.length > 0));
    const m = await monitoring(ctx, { year: 2023 });
    const income = m.city.indicators.find((i) => i.id === 'income_growth')!;
    assert.equal(income.status, 'off_track');
    assert.equal(income.flag, 'warning');
  });

  test('2024, D has died and nobody is paid: no payroll that year, coverage has no data', async () => {
    const m = await monitoring(ctx, { year: 2024 });
    assert.equal(m.payrollMonth, null);
    assert.equal(m.city.indicators.find((i) => i.id === 'care_coverage')!.status, 'no_data');
    assert.equal(m.city.indicators.find((i) => i.id === 'medical_rate')!.value, '66.67');
  });

  test('the mid-term evaluation is 2023: care coverage among its alarms, and a workbook of five sheets', async () => {
    const report = await evaluation(ctx, 'midterm');
    assert.equal(report.year, 2023);
    assert.ok(report.findings.some((f) => f.indicator === 'care_coverage' && f.flag === 'alarm' && f.county === '230300'));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await evaluationWorkbook(report)) as unknown as ArrayBuffer);
    assert.deepEqual(workbook.worksheets.map((w) => w.name), ['说明', '全市指标', '分县区', '预警与提示', '录入记录']);
    assert.equal(workbook.getWorksheet('全市指标')!.rowCount, 12);
  });
});
