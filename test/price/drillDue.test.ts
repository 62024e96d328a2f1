/** D3 7.1: at least one comprehensive drill every 3 years. */
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { drillStatus } from '../../src/price/rules/drillDue.ts';

test('art7_1: never drilled — due three years from the plan (2022-08-23 → 2025-08-23)', () => {
  assert.deepEqual(drillStatus([], '2025-08-24', 3, '2022-08-23'), {
    lastComprehensive: null, basis: '2022-08-23', due: '2025-08-23', overdue: true, daysLeft: -1, article: 'D3 7.1',
  });
});

test('art7_1: tabletop exercises do not reset the clock; a comprehensive one does', () => {
  const drills = [{ date: '2023-03-01', kind: 'tabletop' as const }, { date: '2024-02-29', kind: 'comprehensive' as const }];
  const s = drillStatus(drills, '2025-01-01', 3, '2022-08-23');
  // 29 February 2024 + 3 years: 2027 has no 29 February → 28 February.
  assert.deepEqual([s.lastComprehensive, s.due, s.overdue], ['2024-02-29', '2027-02-28', false]);
  // A drill recorded for a later date does not count before it happens.
  assert.equal(drillStatus(drills, '2024-01-01', 3, '2022-08-23').due, '2025-08-23');
});
