import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';

import { EXAMPLES, exampleCsv } from './examples.ts';

const dir = mkdtempSync(join(tmpdir(), 'jixi-price-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function jixi(...args: string[]) {
  const result = spawnSync(process.execPath, ['bin/jixi.js', ...args], { encoding: 'utf8', env: { ...process.env, LOG_LEVEL: 'silent' } });
  assert.equal(result.status, 0, result.stderr);
  return result.stdout;
}

function csvRows(file: string): Record<string, string>[] {
  const [header, ...lines] = readFileSync(file, 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/);
  const names = header!.split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [names[i], v])));
}

describe('npx jixi price …', () => {
  test('ifpa --series --out: the example series gives the expected 2022 file to four decimals', () => {
    const out = join(dir, 'ifpa.csv');
    jixi('price', 'ifpa', '--series', join(EXAMPLES, 'ifpa_series.csv'), '--out', out);
    const rows = new Map(csvRows(out).map((r) => [r.month, r]));
    for (const e of exampleCsv('ifpa_expected_2022.csv')) {
      const r = rows.get(e.month!)!;
      assert.deepEqual([r.cqgr, r.cagr, r.ifpa, r.class], [e.cqgr, e.cagr, e.ifpa, e.class], e.month);
    }
  });

  test('subsidies --indices --out: national CPI 2021–2023 triggers in the five months the spec lists', () => {
    const out = join(dir, 'subsidies.csv');
    jixi('price', 'subsidies', '--indices', join(EXAMPLES, 'cpi_national.csv'), '--out', out);
    const rows = csvRows(out).filter((r) => r.month! >= '2021-01' && r.month! <= '2023-12');
    assert.deepEqual(rows.filter((r) => r.trigger).map((r) => [r.month, r.trigger, r.urban_yuan, r.rural_yuan]), [
      ['2022-07', 'food', '44', '28'],
      ['2022-08', 'food', '43', '27'],
      ['2022-09', 'food', '62', '40'],
      ['2022-10', 'food', '49', '32'],
      ['2023-01', 'food', '43', '28'],
    ]);
  });

  test('a series file with a bad row is refused naming the row', () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'month,price\n2022-01,10\n2022-13,11\n');
    const result = spawnSync(process.execPath, ['bin/jixi.js', 'price', 'ifpa', '--series', bad, '--out', join(dir, 'x.csv')], { encoding: 'utf8' });
    assert.equal(result.status, 1);
    assert.match(result.stderr, /ERR_PRICE_SERIES_INVALID/);
    assert.match(result.stderr, /第 3 行 month/);
  });
});
