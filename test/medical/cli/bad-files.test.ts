/**
 * Bad input files: the whole file is checked first, every bad row is
 * reported with row, column, value and reason, and nothing is stored —
 * unless --skip-invalid, which settles the good rows and writes the rest to
 * the error report. Also: Chinese headers and XLSX, and --param checks.
 */
import assert from 'node:assert/strict';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

import { PlatformError, type FieldProblem } from '../../../src/core/errors.ts';
import { readTableFile, writeTable } from '../../../src/io/table.ts';
import type { PlatformContext } from '../../../src/platform/context.ts';
import { ERROR_REPORT_COLUMNS, runSettleCommand } from '../../../src/medical/commands/settle.ts';
import { BILL_COLUMNS } from '../../../src/medical/services/views.ts';
import { describeEachDatabase } from '../../helpers/db.ts';
import { tempDir } from '../services/cases.ts';

const GOOD_PERSON = { person_id: '230302198503150018', scheme: 'employee', employment: 'in_service', categories: '', account_balance: '500.00' };
const CLAIM = {
  claim_id: 'b-1', person_id: '230302198503150018', date: '2023-03-01', kind: 'outpatient', level: '2', place: 'city',
  referral: 'yes', resident_elsewhere: 'no', emergency: 'no', exclusion: '',
  total: '3200.00', policy_scope: '3000.00', basic_paid: '0.00', critical_paid: '0.00',
};
const cols = (row: Record<string, string>) => Object.keys(row).map((name) => ({ name }));

// Row numbers as the clerk sees them: header row 1, first claim row 2.
const BAD_CLAIMS: Array<{ row: Record<string, string>; field: string; value: string; reason: RegExp }> = [
  { row: { ...CLAIM, claim_id: 'b-2', person_id: '230302198503150019' }, field: 'person_id', value: '230302198503150019', reason: /校验位/ },
  { row: { ...CLAIM, claim_id: 'b-3', date: '2023-02-30' }, field: 'date', value: '2023-02-30', reason: /不是存在的日期/ },
  { row: { ...CLAIM, claim_id: 'b-4', kind: 'dental' }, field: 'kind', value: 'dental', reason: /就诊类型/ },
  { row: { ...CLAIM, claim_id: 'b-5', total: '12.345' }, field: 'total', value: '12.345', reason: /金额/ },
  { row: { ...CLAIM, claim_id: 'b-6', basic_paid: '-1.00' }, field: 'basic_paid', value: '-1.00', reason: /负数/ },
  { row: { ...CLAIM, claim_id: 'b-7', policy_scope: '3300.00' }, field: 'policy_scope', value: '3300.00', reason: /不能大于总费用/ },
  { row: { ...CLAIM, claim_id: 'b-8', person_id: '230303195601010011' }, field: 'person_id', value: '230303195601010011', reason: /参保人不存在/ },
  { row: { ...CLAIM, claim_id: 'b-9', level: '4' }, field: 'level', value: '4', reason: /医院等级/ },
  { row: { ...CLAIM, claim_id: 'b-10', referral: '' }, field: 'referral', value: '', reason: /yes 或 no/ },
  { row: { ...CLAIM, claim_id: 'b-1' }, field: 'claim_id', value: 'b-1', reason: /与第 2 行的单据号重复/ },
];

async function files(dir: string, claims: Record<string, string>[], persons = [GOOD_PERSON]) {
  const paths = { persons: join(dir, 'persons.csv'), claims: join(dir, 'claims.csv'), out: join(dir, 'bills.csv'), errors: join(dir, 'errors.csv') };
  writeFileSync(paths.persons, await writeTable(persons, cols(GOOD_PERSON), 'csv'));
  writeFileSync(paths.claims, await writeTable(claims, cols(CLAIM), 'csv'));
  return paths;
}

async function stored(ctx: PlatformContext) {
  const n = async (table: 'medical_claim' | 'medical_person' | 'medical_bill' | 'medical_account') =>
    Number((await ctx.store.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return { persons: await n('medical_person'), claims: await n('medical_claim'), bills: await n('medical_bill'), accounts: await n('medical_account') };
}

describeEachDatabase('jixi medical settle, bad files', (db) => {
  test('a file with bad rows, refused with every problem reported and nothing stored', async () => {
    const ctx = await db.open();
    try {
      const paths = await files(tempDir('bad'), [CLAIM, ...BAD_CLAIMS.map((b) => b.row)]);
      const error = await runSettleCommand(ctx, { ...paths, param: [], progress: false, quiet: true }).then(
        () => assert.fail('accepted a bad file'),
        (e: unknown) => e,
      );
      assert.ok(error instanceof PlatformError);
      assert.equal(error.code, 'ERR_MEDICAL_BATCH_INVALID');

      for (const [i, bad] of BAD_CLAIMS.entries()) {
        const row = i + 3;
        const problem: FieldProblem | undefined = error.problems?.find((p) => p.row === row && p.field === bad.field);
        assert.ok(problem, `row ${row} ${bad.field} reported`);
        assert.equal(problem.value, bad.value);
        assert.match(problem.reason, bad.reason);
      }
      assert.deepEqual(await stored(ctx), { persons: 0, claims: 0, bills: 0, accounts: 0 });
      assert.equal(existsSync(paths.out), false, 'no bill file for a refused run');

      const report = await readTableFile(paths.errors, ERROR_REPORT_COLUMNS);
      assert.equal(report.rows.length, error.problems!.length);
      assert.deepEqual(report.rows[0]!.values, { file: 'claims', row: '3', field: 'person_id', value: '230302198503150019', reason: '身份证号码校验位错误' });
    } finally {
      await ctx.close();
    }
  });

  test('a bad person row, refused and nothing stored', async () => {
    const ctx = await db.open();
    try {
      const badPerson = { ...GOOD_PERSON, person_id: '230302198502300013', scheme: 'soldier' };
      const paths = await files(tempDir('badp'), [CLAIM], [GOOD_PERSON, badPerson]);
      await assert.rejects(runSettleCommand(ctx, { ...paths, param: [], progress: false, quiet: true }), (e: PlatformError) => {
        assert.equal(e.code, 'ERR_MEDICAL_BATCH_INVALID');
        assert.ok(e.problems!.some((p) => p.row === 3 && p.field === 'person_id' && /出生日期 1985-02-30 不存在/.test(p.reason)));
        assert.ok(e.problems!.some((p) => p.row === 3 && p.field === 'scheme' && p.value === 'soldier'));
        return true;
      });
      assert.deepEqual(await stored(ctx), { persons: 0, claims: 0, bills: 0, accounts: 0 });
    } finally {
      await ctx.close();
    }
  });

  test('--skip-invalid, good rows settled and the rest in the error report', async () => {
    const ctx = await db.open();
    try {
      const paths = await files(tempDir('skip'), [CLAIM, ...BAD_CLAIMS.map((b) => b.row)]);
      const result = await runSettleCommand(ctx, { ...paths, param: [], skipInvalid: true, progress: false, quiet: true });
      assert.equal(result.settled, 1);

      const bills = await readTableFile(paths.out, BILL_COLUMNS);
      assert.deepEqual(bills.rows.map((r) => r.values.claim_id), ['b-1']);
      // med-01 of the worked cases: (3000-600) x 60% = 1440 pooled.
      assert.equal(bills.rows[0]!.values.pooling, '1440.00');

      const report = await readTableFile(paths.errors, ERROR_REPORT_COLUMNS);
      assert.deepEqual([...new Set(report.rows.map((r) => Number(r.values.row)))], BAD_CLAIMS.map((_, i) => i + 3));
      assert.deepEqual(await stored(ctx), { persons: 1, claims: 1, bills: 1, accounts: 1 });
    } finally {
      await ctx.close();
    }
  });

  test('a missing column, refused even with --skip-invalid', async () => {
    const ctx = await db.open();
    try {
      const dir = tempDir('col');
      const paths = await files(dir, [CLAIM]);
      const { total: _dropped, ...noTotal } = CLAIM;
      writeFileSync(paths.claims, await writeTable([noTotal], cols(noTotal), 'csv'));
      await assert.rejects(runSettleCommand(ctx, { ...paths, param: [], skipInvalid: true, progress: false, quiet: true }), (e: PlatformError) => {
        assert.deepEqual(e.problems?.map((p) => [p.row, p.field]), [[1, 'total']]);
        return true;
      });
      assert.equal((await stored(ctx)).claims, 0);
    } finally {
      await ctx.close();
    }
  });

  test('claims already settled with other content, refused on re-run', async () => {
    const ctx = await db.open();
    try {
      const dir = tempDir('resend');
      const paths = await files(dir, [CLAIM]);
      await runSettleCommand(ctx, { ...paths, param: [], progress: false, quiet: true });
      writeFileSync(paths.claims, await writeTable([{ ...CLAIM, total: '3300.00' }], cols(CLAIM), 'csv'));
      await assert.rejects(runSettleCommand(ctx, { ...paths, param: [], progress: false, quiet: true }), (e: PlatformError) => {
        assert.match(e.problems![0]!.reason, /已结算，但内容与已结算单据不同/);
        return true;
      });
    } finally {
      await ctx.close();
    }
  });

  test('XLSX with Chinese headers and Chinese codes, settled like the CSV', async () => {
    const ctx = await db.open();
    try {
      const dir = tempDir('xlsx');
      const persons = join(dir, '参保人.xlsx');
      const claims = join(dir, '单据.xlsx');
      const out = join(dir, '结算单.xlsx');
      writeFileSync(persons, await writeTable(
        [{ 身份证号: '230302198503150018', 参保类型: '职工', 人员类别: '在职', 救助类别: '', 个人账户余额: '500.00' }],
        ['身份证号', '参保类型', '人员类别', '救助类别', '个人账户余额'].map((name) => ({ name })), 'xlsx'));
      writeFileSync(claims, await writeTable(
        [{ 单据号: 'x-1', 身份证号: '230302198503150018', 就诊日期: '2023-03-01', 就诊类型: '普通门诊', 医院等级: '二级', 就医地: '市内', 按规定转诊: '是', 异地居住备案: '否', 急诊抢救: '否', 总费用: '3200.00', 政策范围内费用: '3000.00', 基本医保支付: '0', 大病保险支付: '0' }],
        ['单据号', '身份证号', '就诊日期', '就诊类型', '医院等级', '就医地', '按规定转诊', '异地居住备案', '急诊抢救', '总费用', '政策范围内费用', '基本医保支付', '大病保险支付'].map((name) => ({ name })), 'xlsx'));

      await runSettleCommand(ctx, { persons, claims, out, param: [], progress: false, quiet: true });
      const bills = await readTableFile(out, BILL_COLUMNS);
      // As med-01: 1440 pooled, account 500, cash 1060 + 200 out of scope.
      assert.deepEqual(
        [bills.rows[0]!.values.pooling, bills.rows[0]!.values.account_paid, bills.rows[0]!.values.cash_paid],
        ['1440.00', '500.00', '1260.00'],
      );
    } finally {
      await ctx.close();
    }
  });

  test('an unknown or malformed --param, refused before reading the files', async () => {
    const ctx = await db.open();
    try {
      const paths = await files(tempDir('param'), [CLAIM]);
      await assert.rejects(runSettleCommand(ctx, { ...paths, param: ['no_such_thing=1'], progress: false, quiet: true }), { code: 'ERR_CORE_PARAM_OVERRIDE_INVALID' });
      await assert.rejects(runSettleCommand(ctx, { ...paths, param: ['income_last_year=lots'], progress: false, quiet: true }), { code: 'ERR_CORE_PARAM_OVERRIDE_INVALID' });
      assert.equal(existsSync(paths.out), false);
      assert.equal((await stored(ctx)).claims, 0);
    } finally {
      await ctx.close();
    }
  });
});
