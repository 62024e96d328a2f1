/** Register and record imports: whole-file checks, nothing stored on error, idempotent re-import. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { writeTable } from '../../../src/io/table.ts';
import { importRecords, importRegister, REGISTER_COLUMNS } from '../../../src/disability/services/imports.ts';
import type { PlatformContext } from '../../../src/platform/context.ts';
import { describeEachDatabase } from '../../helpers/db.ts';
import { card, CLERK, residentId } from '../helpers.ts';

const A = residentId('230302', '19850315', 1);
const B = residentId('230381', '20100707', 3);
const C = residentId('230382', '19700101', 4);

const header = '身份证号,姓名,县区代码,残疾人证号,家庭类别,家庭类别起始日期,其他待遇,生活补贴批准日期,护理补贴批准日期';
const good = [
  `${A},张甲,230302,${card(A, 4, 1)},低保,2023-01-01,,2023-02-01,2023-02-01`,
  `${B},王丙,虎林市,${card(B, 5, 3)},低保边缘,2023-01-01,orphan_allowance:2020-01-01:,,`,
  `${C},赵丁,230382,${card(C, 6, 4)},特困,2023-01-01,,,`,
];
// Row 5: the card's ID check digit is wrong (…0X instead of the real one) and the county is not Jixi's.
const bad = `${A.slice(0, 17)}${A[17] === '0' ? '1' : '0'},钱戊,230100,${A.slice(0, 17)}${A[17] === '0' ? '1' : '0'}41,低保,2023-01-01,,,`;

const csv = (lines: string[]) => Buffer.from(`${header}\n${lines.join('\n')}\n`, 'utf8');

describeEachDatabase('disability imports', (database) => {
  let ctx: PlatformContext;
  before(async () => { ctx = await database.open(); });
  after(async () => ctx.close());

  const count = async () => Number((await ctx.store.db.selectFrom('disability_person').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst())?.n);

  test('a file with one bad row, refused with row, column, value and reason; nothing stored', async () => {
    await assert.rejects(importRegister(ctx, csv([...good, bad]), 'csv', CLERK), (error: { code: string; problems: Array<{ row: number; field: string; value: unknown; reason: string }> }) => {
      assert.equal(error.code, 'ERR_DISABILITY_IMPORT_INVALID');
      assert.ok(error.problems.every((p) => p.row === 5), JSON.stringify(error.problems));
      assert.deepEqual([...new Set(error.problems.map((p) => p.field))].sort(), ['card_number', 'county', 'resident_id']);
      assert.ok(error.problems.every((p) => p.value !== undefined && p.reason.length > 0));
      return true;
    });
    assert.equal(await count(), 0);
  });

  test('the same file with skip-invalid, three stored and the bad row reported', async () => {
    const report = await importRegister(ctx, csv([...good, bad]), 'csv', CLERK, { skipInvalid: true });
    assert.deepEqual([report.rows, report.valid, report.invalid, report.stored, report.unchanged], [4, 3, 1, 3, 0]);
    assert.equal(await count(), 3);
    const grants = await ctx.store.db.selectFrom('disability_application').select(['subsidy', 'status', 'decided_on']).orderBy('subsidy').execute();
    assert.deepEqual(grants.map((g) => [g.subsidy, g.status, g.decided_on]), [['care', 'approved', '2023-02-01'], ['living', 'approved', '2023-02-01']]);
    const benefit = await ctx.store.db.selectFrom('disability_benefit_period').selectAll().executeTakeFirstOrThrow();
    assert.equal(benefit.kind, 'orphan_allowance');
  });

  test('imported again, nothing changes', async () => {
    const report = await importRegister(ctx, csv(good), 'csv', CLERK);
    assert.deepEqual([report.stored, report.unchanged], [0, 3]);
    assert.equal(await count(), 3);
  });

  test('an XLSX with a household change from 2024-04-01, the old period closed the day before', async () => {
    const rows = [{ resident_id: A, name: '张甲', county: '230302', card_number: card(A, 4, 1), household: 'none', household_from: '2024-04-01' }];
    const buffer = await writeTable(rows, REGISTER_COLUMNS.map((c) => ({ name: c.name, label: c.label! })), 'xlsx', { headers: 'label' });
    const report = await importRegister(ctx, buffer, 'xlsx', CLERK);
    assert.equal(report.stored, 1);
    const person = await ctx.store.db.selectFrom('disability_person').select('id').where('resident_id', '=', A).executeTakeFirstOrThrow();
    const periods = await ctx.store.db.selectFrom('disability_household_period').select(['status', 'valid_from', 'valid_to']).where('person_id', '=', person.id).orderBy('valid_from').execute();
    assert.deepEqual(periods, [
      { status: 'dibao', valid_from: '2023-01-01', valid_to: '2024-03-31' },
      { status: 'none', valid_from: '2024-04-01', valid_to: null },
    ]);
  });

  test('a household change dated before the current period, refused', async () => {
    const rows = [`${A},张甲,230302,${card(A, 4, 1)},低保,2024-01-01,,,`];
    await assert.rejects(importRegister(ctx, csv(rows), 'csv', CLERK), (e: { problems: Array<{ field: string }> }) => e.problems[0]!.field === 'household_from');
  });

  test('service records: an unknown person refused; known ones stored once', async () => {
    const unknown = residentId('230302', '19990101', 5);
    const file = (lines: string[]) => Buffer.from(`身份证号,记录类别,日期,终止日期\n${lines.join('\n')}\n`, 'utf8');
    await assert.rejects(importRecords(ctx, file([`${A},rehabilitation,2024-05-01,`, `${unknown},rehabilitation,2024-05-01,`]), 'csv', CLERK),
      (e: { problems: Array<{ row: number; field: string }> }) => e.problems.length === 1 && e.problems[0]!.row === 3 && e.problems[0]!.field === 'resident_id');
    const records = file([`${A},接受基本康复服务,2024-05-01,`, `${B},school_enrolment,2016-09-01,2026-07-31`]);
    assert.equal((await importRecords(ctx, records, 'csv', CLERK)).stored, 2);
    assert.equal((await importRecords(ctx, records, 'csv', CLERK)).stored, 0);
  });
});
