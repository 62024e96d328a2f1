import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { addDays } from '../../src/core/dates.ts';
import { loadParams } from '../../src/platform/context.ts';
import { r5Complaints } from '../../src/price/rules/r5Complaints.ts';
import { r6PanicBuying } from '../../src/price/rules/r6PanicBuying.ts';
import { detectionSettings } from '../../src/price/services/settings.ts';
import type { ComplaintCount } from '../../src/price/rules/types.ts';

const loaded = detectionSettings(loadParams(), '2022-09-15');
assert.ok(loaded.ok);
const { r5, r6 } = loaded.settings;

/** One complaint a day for the 28 baseline days 08-12..09-08 (7 a week), then `recent` in the last 7 days. */
function counts(recent: number): ComplaintCount[] {
  const rows: ComplaintCount[] = [];
  for (let d = 0; d < 28; d += 1) rows.push({ itemId: 'pork', county: '230302', date: addDays('2022-08-12', d), count: 1 });
  rows.push({ itemId: 'pork', county: '230321', date: '2022-09-14', count: recent });
  return rows;
}

describe('D3 1.3 R5 complaints (12315)', () => {
  test('14 in the last 7 days against 7 a week before: twice the mean and at least 10, holds', () => {
    const r = r5Complaints(counts(14), '2022-09-15', r5);
    assert.equal(r.baseline, 28);
    assert.equal(r.recent, 14);
    assert.equal(r.holds, true);
    assert.deepEqual(r.counties, ['230321']);
  });

  test('13 against 7 a week: under twice, does not hold', () => {
    assert.equal(r5Complaints(counts(13), '2022-09-15', r5).holds, false);
  });

  test('9 against none before: twice the mean but under 10, does not hold', () => {
    const rows: ComplaintCount[] = [{ itemId: 'pork', county: '230302', date: '2022-09-15', count: 9 }];
    assert.equal(r5Complaints(rows, '2022-09-15', r5).holds, false);
    rows[0]!.count = 10;
    assert.equal(r5Complaints(rows, '2022-09-15', r5).holds, true);
  });
});

describe('D3 3.2.3 R6 panic buying reported by a market patrol', () => {
  test('one 脱销 report in the last 7 days holds; one 8 days old does not', () => {
    const report = { id: 'k1', itemId: 'salt', county: '230302', pointId: null, kind: 'sold_out' as const };
    assert.equal(r6PanicBuying([{ ...report, date: '2022-09-09' }], '2022-09-15', r6).holds, true);
    assert.equal(r6PanicBuying([{ ...report, date: '2022-09-08' }], '2022-09-15', r6).holds, false);
  });
});
