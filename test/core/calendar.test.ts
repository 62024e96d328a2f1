import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { addWorkingDays, isWorkingDay } from '../../src/core/calendar.ts';

describe('working-day calendar', () => {
  test('National Day week and its make-up Saturday (2023)', () => {
    assert.equal(isWorkingDay('2023-10-02'), false); // 国庆 holiday, a Monday
    assert.equal(isWorkingDay('2023-10-07'), true); // Saturday worked in lieu
    assert.equal(isWorkingDay('2023-10-09'), true);
  });

  test('seven working days from Friday 2023-09-22 skip the holiday', () => {
    // 9-25..9-28 (4), 9-29..10-06 holidays, 10-07 Sat worked (5), 10-08 Sun worked (6), 10-09 (7)
    assert.deepEqual(addWorkingDays('2023-09-22', 7), { ok: true, date: '2023-10-09' });
  });

  test('a year the calendar data does not cover is refused, not guessed', () => {
    const result = addWorkingDays('2099-12-20', 5);
    assert.equal(result.ok, false);
  });
});
