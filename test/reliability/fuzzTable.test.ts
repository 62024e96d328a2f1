/**
 * Fuzzing the table reader and writer every importer and export goes
 * through (src/io/table.ts): whatever bytes arrive, the answer is rows with
 * problems or the one clear error ERR_CORE_FILE_UNREADABLE, never a crash;
 * whatever text is exported, no cell can run as a spreadsheet formula.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import ExcelJS from 'exceljs';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { parse as parseCsv } from 'csv-parse/sync';

import { PlatformError } from '../../src/core/errors.ts';
import { readTable, writeTable, type TableFormat } from '../../src/io/table.ts';

const columns = [
  { name: 'claim_id', aliases: ['单据号'] },
  { name: 'total', aliases: ['总费用'] },
  { name: 'date', aliases: ['就诊日期'], required: false },
];

async function readsCleanly(buffer: Buffer, format: TableFormat): Promise<void> {
  try {
    const result = await readTable(buffer, format, columns);
    assert.ok(Array.isArray(result.rows) && Array.isArray(result.problems));
    for (const row of result.rows) {
      assert.ok(row.row >= 2);
      for (const value of Object.values(row.values)) assert.equal(typeof value, 'string');
    }
  } catch (error) {
    assert.ok(error instanceof PlatformError, `unexpected ${String(error)}`);
    assert.equal(error.code, 'ERR_CORE_FILE_UNREADABLE');
  }
}

/** Cells a clerk's spreadsheet might hold, and worse. */
const nasty = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom('', ' ', '"', '""', ',', '\n', '\r\n', '=1+1', '+SUM(A1)', '-2+3', '@cmd', '\t=x', '2023-02-30', '2023-13-01', '1e309', '-100.00', '99999999999999999999', '０１２', '壹佰元', 'NaN', '\u0000', '\uFEFF'),
  fc.double().map(String),
  fc.bigInt().map(String),
);

describe('table reader under fuzzing', () => {
  test('arbitrary bytes as CSV, rows or a clear error', async () => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), (bytes) => readsCleanly(Buffer.from(bytes), 'csv')), { numRuns: 300 });
  });

  test('arbitrary bytes as XLSX, a clear error', async () => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), (bytes) => readsCleanly(Buffer.from(bytes), 'xlsx')), { numRuns: 200 });
  });

  test('a real XLSX with bytes damaged, rows or a clear error', async () => {
    const good = await writeTable([{ claim_id: 'c-1', total: '100.00' }, { claim_id: 'c-2', total: '-5' }], columns, 'xlsx');
    await fc.assert(fc.asyncProperty(
      fc.array(fc.tuple(fc.nat({ max: good.length - 1 }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 20 }),
      fc.option(fc.nat({ max: good.length }), { nil: undefined }),
      async (flips, cut) => {
        const damaged = Buffer.from(good);
        for (const [at, value] of flips) damaged[at] = value;
        await readsCleanly(cut === undefined ? damaged : damaged.subarray(0, cut), 'xlsx');
      },
    ), { numRuns: 150 });
  });

  test('CSV of nasty cells, quoted properly, read back exactly', async () => {
    const cell = nasty.filter((s) => !s.includes('\u0000') && s.trim() === s && s !== '\uFEFF');
    await fc.assert(fc.asyncProperty(fc.array(fc.tuple(cell, cell), { minLength: 1, maxLength: 20 }), async (rows) => {
      const nonEmpty = rows.filter(([a, b]) => a !== '' || b !== '');
      const csv = ['claim_id,total', ...rows.map(([a, b]) => [a, b].map((v) => `"${v.replace(/"/g, '""')}"`).join(','))].join('\n');
      const result = await readTable(Buffer.from(csv, 'utf8'), 'csv', columns);
      assert.deepEqual(result.rows.map((r) => [r.values.claim_id, r.values.total]), nonEmpty);
    }), { numRuns: 200 });
  });

  test('GBK CSV with Chinese text, decoded as written', async () => {
    const hanzi = fc.array(fc.integer({ min: 0x4e00, max: 0x9fa5 }), { minLength: 1, maxLength: 8 }).map((cs) => String.fromCodePoint(...cs));
    await fc.assert(fc.asyncProperty(fc.array(fc.tuple(hanzi, fc.integer({ min: -10_000_000, max: 10_000_000 })), { minLength: 1, maxLength: 10 }), async (rows) => {
      // Only text GBK can hold: the round trip through GBK must be lossless.
      fc.pre(rows.every(([name]) => iconv.decode(iconv.encode(name, 'gbk'), 'gbk') === name));
      const csv = ['单据号,总费用', ...rows.map(([name, n]) => `${name},${(n / 100).toFixed(2)}`)].join('\r\n');
      const result = await readTable(iconv.encode(csv, 'gbk'), 'csv', columns);
      assert.deepEqual(result.problems, []);
      assert.deepEqual(result.rows.map((r) => r.values.claim_id), rows.map(([name]) => name));
    }), { numRuns: 100 });
  });
});

describe('exported cells under fuzzing', () => {
  const formulaStart = /^[=+\-@\t\r]/;
  const numeric = /^-?\d+(\.\d+)?$/;

  test('CSV export, no cell starts a formula', async () => {
    await fc.assert(fc.asyncProperty(fc.array(nasty, { minLength: 1, maxLength: 30 }), async (cells) => {
      const buffer = await writeTable(cells.map((c) => ({ claim_id: c, total: c })), columns, 'csv');
      const parsed = parseCsv(buffer.toString('utf8').replace(/^\uFEFF/, ''), { relax_column_count: true }) as string[][];
      for (const row of parsed.slice(1)) {
        for (const cell of row) assert.ok(!formulaStart.test(cell) || numeric.test(cell), `formula-like cell ${JSON.stringify(cell)}`);
      }
    }), { numRuns: 200 });
  });

  test('XLSX export, every cell a value, none a formula', async () => {
    await fc.assert(fc.asyncProperty(fc.array(nasty, { minLength: 1, maxLength: 20 }), async (cells) => {
      const buffer = await writeTable(cells.map((c) => ({ claim_id: c, total: c })), columns, 'xlsx');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
      workbook.worksheets[0]!.eachRow((row, n) => {
        if (n === 1) return;
        row.eachCell((cell) => {
          assert.notEqual(cell.type, ExcelJS.ValueType.Formula);
          const text = String(cell.value ?? '');
          assert.ok(!formulaStart.test(text) || numeric.test(text), `formula-like cell ${JSON.stringify(text)}`);
        });
      });
    }), { numRuns: 60 });
  });
});
