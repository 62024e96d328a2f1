import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import iconv from 'iconv-lite';

import { decodeText, readTable, safeCell, writeTable } from '../../src/io/table.ts';

const columns = [
  { name: 'claim_id', aliases: ['单据号'] },
  { name: 'total', aliases: ['总费用'] },
];

describe('tables in and out', () => {
  test('GBK CSV with Chinese headers maps to canonical columns', async () => {
    const buffer = iconv.encode('单据号,总费用\nc-1,100.00\n', 'gbk');
    const result = await readTable(buffer, 'csv', columns);
    assert.deepEqual(result.problems, []);
    assert.deepEqual(result.rows, [{ row: 2, values: { claim_id: 'c-1', total: '100.00' } }]);
  });

  test('UTF-8 holding a replacement character stays UTF-8; bytes invalid as UTF-8 are read as GBK', () => {
    assert.equal(decodeText(Buffer.from('姓名,备注\n张三,\uFFFD\n', 'utf8')), '姓名,备注\n张三,\uFFFD\n');
    assert.equal(decodeText(iconv.encode('姓名,备注\n张三,低保\n', 'gbk')), '姓名,备注\n张三,低保\n');
  });

  test('a missing column is reported against the header row', async () => {
    const result = await readTable(Buffer.from('claim_id\nx\n'), 'csv', columns);
    assert.equal(result.problems[0]?.field, 'total');
    assert.equal(result.problems[0]?.row, 1);
  });

  test('XLSX round trip keeps values and neutralises formulas', async () => {
    const buffer = await writeTable([{ claim_id: '=HYPERLINK("x")', total: '1.00' }], columns, 'xlsx');
    const result = await readTable(buffer, 'xlsx', columns);
    assert.equal(result.rows[0]?.values.claim_id, `'=HYPERLINK("x")`);
    assert.equal(result.rows[0]?.values.total, '1.00');
    assert.equal(safeCell('-12.5'), '-12.5');
    assert.equal(safeCell('@cmd'), "'@cmd");
  });

  test('a file that is not XLSX is refused with a clear error', async () => {
    await assert.rejects(readTable(Buffer.from('hello'), 'xlsx', columns), { code: 'ERR_CORE_FILE_UNREADABLE' });
  });
});
