import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { loadParams } from '../../src/platform/context.ts';
import { ifpaOf, ifpaSeries, weightedStats } from '../../src/price/rules/ifpa.ts';
import { detectionSettings } from '../../src/price/services/settings.ts';
import { exampleCsv, priceCases } from './examples.ts';

const step = priceCases().ifpa_step;
const loaded = detectionSettings(loadParams(), '2022-09-15');
assert.ok(loaded.ok);
const settings = loaded.settings.r4.ifpa;

function near(actual: number | null, expected: number, decimals: number, what: string) {
  assert.ok(actual !== null, `${what} is null`);
  assert.equal(actual.toFixed(decimals), expected.toFixed(decimals), what);
}

describe('D3 1.3 R4 FAO indicator of food price anomalies (IFPA)', () => {
  test('five earlier years weighted 1..5: the worked statistics', () => {
    const q = weightedStats(step.history_oldest_first.cqgr, 'year_weighted');
    const a = weightedStats(step.history_oldest_first.cagr, 'year_weighted');
    near(q.mean, step.expected_stats.mean_q, 8, 'mean_q');
    near(q.sd, step.expected_stats.sd_q, 8, 'sd_q');
    near(a.mean, step.expected_stats.mean_a, 8, 'mean_a');
    near(a.sd, step.expected_stats.sd_a, 8, 'sd_a');
  });

  test('equal weights give the unweighted statistics the note quotes (0.0112 / 0.0025884)', () => {
    const q = weightedStats(step.history_oldest_first.cqgr, 'equal');
    near(q.mean, 0.0112, 4, 'mean');
    near(q.sd, 0.0025884, 7, 'sd');
  });

  for (const c of step.cases) {
    test(`CQGR ${c.cqgr}, CAGR ${c.cagr}: IFPA ${c.ifpa}, ${c.class}`, () => {
      const result = ifpaOf({ cqgr: c.cqgr, cagr: c.cagr }, step.history_oldest_first, settings);
      near(result.ifpa, c.ifpa, 6, 'ifpa');
      assert.equal(result.class, c.class);
    });
  }

  test('the 96-month series gives the expected 2022 values to four decimals', () => {
    const series = exampleCsv('ifpa_series.csv').map((r) => ({ month: r.month!, price: Number(r.price) }));
    const rows = new Map(ifpaSeries(series, settings).map((r) => [r.month, r]));
    const expected = exampleCsv('ifpa_expected_2022.csv');
    assert.equal(expected.length, 12);
    for (const e of expected) {
      const row = rows.get(e.month!);
      assert.ok(row, e.month);
      near(row.cqgr, Number(e.cqgr), 6, `${e.month} cqgr`);
      near(row.cagr, Number(e.cagr), 6, `${e.month} cagr`);
      near(row.ifpa, Number(e.ifpa), 4, `${e.month} ifpa`);
      assert.equal(row.class, e.class, `${e.month} class`);
    }
  });

  test('a month with fewer than four earlier years has no IFPA', () => {
    const series = exampleCsv('ifpa_series.csv').map((r) => ({ month: r.month!, price: Number(r.price) }));
    const rows = new Map(ifpaSeries(series, settings).map((r) => [r.month, r]));
    // 2019-04: CQGR exists from 2016-04 (2015-01 is the first month), so 2016–2018 = 3 earlier years
    assert.equal(rows.get('2019-04')?.years, 3);
    assert.equal(rows.get('2019-04')?.ifpa, null);
    assert.equal(rows.get('2020-04')?.years, 4);
    assert.notEqual(rows.get('2020-04')?.ifpa, null);
  });
});
