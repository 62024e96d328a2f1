/** D3 3.6: when the platform proposes ending a level-3 warning. */
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { level3Termination, type PeriodSignals } from '../../src/price/rules/level3Termination.ts';

const settings = { ratio: 12_000, clearPeriods: 2, condition: 'either' as const };
// Baseline: 40 complaints in the 4 weeks before publication, 10 a week;
// "明显减少" below 120% of it, i.e. fewer than 12 in a week.
const base = { total: 40, weeks: 4 };
const week = (start: string, fluctuation: boolean | null, complaints: number): PeriodSignals => ({ start, end: start, fluctuation, complaints });

test('art3_6(1): levels 2 and 1 end with the province, never proposed here', () => {
  assert.equal(level3Termination(2, base, [], settings).outcome, 'province');
});

test('art3_6(2) either: fluctuation gone in one week, complaints fallen in the next — two clear weeks, propose', () => {
  const periods = [week('2022-11-07', true, 15), week('2022-11-14', false, 30), week('2022-11-21', true, 11)];
  const check = level3Termination(3, base, periods, settings);
  assert.equal(check.outcome, 'propose');
  assert.deepEqual([check.baseline, check.limit], [10, 12]);
  assert.deepEqual(check.periods.map((p) => [p.fluctuationGone, p.complaintsFallen, p.clear]), [[false, false, false], [true, false, true], [false, true, true]]);
});

test('art3_6(2) both: the same weeks are not clear when both conditions must hold', () => {
  const periods = [week('2022-11-14', false, 30), week('2022-11-21', true, 11)];
  assert.equal(level3Termination(3, base, periods, { ...settings, condition: 'both' }).outcome, 'not_yet');
});

test('art3_6(2): 12 complaints is not below 120% of 10; a week without a detection run does not show the fluctuation gone', () => {
  const check = level3Termination(3, base, [week('2022-11-14', null, 12), week('2022-11-21', false, 0)], settings);
  assert.equal(check.outcome, 'not_yet');
  assert.deepEqual(check.periods.map((p) => p.clear), [false, true]);
});
