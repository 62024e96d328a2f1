/**
 * Imports (CSV UTF-8/GBK, XLSX): the whole file checked first; a bad row
 * refuses the file with row, column, value and reason and stores nothing,
 * unless skip_invalid; re-importing the same file stores no duplicate.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';

import iconv from 'iconv-lite';

import { writeTable } from '../../../src/io/table.ts';
import { describeEachDatabase } from '../../helpers/db.ts';
import { get, post, withApp } from './helpers.ts';

const ENTITIES = [
  '统一社会信用代码,主体名称,成立日期',
  '91230302MA1AAA018C,鸡西示例A01有限公司,2018-04-01',
  '91230302MA1AAA0267,鸡西示例A02有限公司,2018-04-01',
  '91110000600037341N,校验位错误有限公司,2018-04-01',
  '91230302MA1AAA0342,鸡西示例A03有限公司,2018-13-01',
].join('\n');

function b64(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64');
}

describeEachDatabase('credit imports', (database) => {
  test('entities with two bad rows, refused with row, column, value and reason; nothing stored', async () => {
    await withApp(database.open, async (app) => {
      const res = await post(app, '/import/entities', { format: 'csv', content_base64: b64(ENTITIES), on: '2023-06-01' });
      assert.equal(res.statusCode, 400);
      assert.equal(res.json().code, 'ERR_CREDIT_IMPORT_INVALID');
      const problems = res.json().problems as Array<{ row: number; field: string; value: string; reason: string }>;
      assert.deepEqual(problems.map((p) => [p.row, p.field, p.value]), [
        [4, 'uscc', '91110000600037341N'],
        [5, 'established', '2018-13-01'],
      ]);
      assert.match(problems[0]!.reason, /校验码/);
      assert.equal((await get(app, '/entities')).json().total, 0);
    });
  });

  test('entities with skip_invalid, the two good rows stored and the bad ones reported', async () => {
    await withApp(database.open, async (app) => {
      const res = await post(app, '/import/entities', { format: 'csv', content_base64: b64(ENTITIES), skip_invalid: true, on: '2023-06-01' });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().stored, 2);
      assert.equal(res.json().skippedInvalid, 2);
      assert.equal((await get(app, '/entities')).json().total, 2);
    });
  });

  test('GBK CSV of records, stored and re-scored; the same file again, no duplicate', async () => {
    await withApp(database.open, async (app) => {
      const good = ENTITIES.split('\n').slice(0, 3).join('\n');
      await post(app, '/import/entities', { format: 'csv', content_base64: b64(good), on: '2023-06-01' });
      const records = [
        '统一社会信用代码,评价指标,决定日期,来源部门,决定文号',
        '91230302MA1AAA018C,administrative_penalty,2022-03-01,市市场监督管理局,鸡市监罚〔2022〕12号',
        '91230302MA1AAA018C,administrative_penalty,2023-01-10,市市场监督管理局,鸡市监罚〔2023〕3号',
      ].join('\n');
      const gbk = iconv.encode(records, 'gbk').toString('base64');
      const first = await post(app, '/import/records', { format: 'csv', content_base64: gbk, on: '2023-06-01' });
      assert.equal(first.statusCode, 200, first.body);
      assert.equal(first.json().stored, 2);
      // Two penalties: 770 − 60 = 710, grade D (as cr-05).
      const score = await get(app, '/entities/91230302MA1AAA018C/score');
      assert.equal(score.json().score, 710);
      const again = await post(app, '/import/records', { format: 'csv', content_base64: gbk, on: '2023-06-01' });
      assert.equal(again.json().stored, 0);
      assert.equal(again.json().unchanged, 2);
      assert.equal((await get(app, '/entities/91230302MA1AAA018C/records')).json().length, 2);
    });
  });

  test('XLSX records naming an unknown entity and an unknown indicator, refused; nothing stored', async () => {
    await withApp(database.open, async (app) => {
      await post(app, '/import/entities', { format: 'csv', content_base64: b64(ENTITIES.split('\n').slice(0, 2).join('\n')), on: '2023-06-01' });
      const xlsx = await writeTable([
        { uscc: '91230302MA1AAA018C', indicator: 'tax_arrears', decided: '2023-01-01', source_department: '税务局', document_number: '税〔2023〕1号' },
        { uscc: '91230302MA1AAA0267', indicator: 'tax_arrears', decided: '2023-01-01', source_department: '税务局', document_number: '税〔2023〕2号' },
        { uscc: '91230302MA1AAA018C', indicator: 'flying', decided: '2023-01-01', source_department: '税务局', document_number: '税〔2023〕3号' },
      ], [{ name: 'uscc' }, { name: 'indicator' }, { name: 'decided' }, { name: 'source_department' }, { name: 'document_number' }], 'xlsx');
      const res = await post(app, '/import/records', { format: 'xlsx', content_base64: xlsx.toString('base64'), on: '2023-06-01' });
      assert.equal(res.statusCode, 400);
      assert.deepEqual((res.json().problems as Array<{ row: number; field: string }>).map((p) => [p.row, p.field]), [[3, 'uscc'], [4, 'indicator']]);
      assert.equal((await get(app, '/entities/91230302MA1AAA018C/records')).json().length, 0);
    });
  });
});
