import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { isOverdue, workingDayDeadline } from '../../../src/credit/rules/objection.ts';
import { PARAM } from '../../../src/credit/rules/params.ts';
import { nextState, OBJECTION_ACTIONS, REPAIR_ACTIONS } from '../../../src/credit/rules/workflow.ts';
import { loadExamples, loadParams } from '../examples.ts';

const example = loadExamples().objection_deadlines_7_working_days;
const registry = loadParams();

describe('d2.part2_4_2.objection_deadline: 7 working days', () => {
  for (const [received, expected] of example.cases) {
    test(`received ${received}, deadline ${expected}`, () => {
      // Some receipt dates precede D2 (in force 2022-08-03); the case tests
      // the calendar, so the parameters are read on D2's first day then.
      const on = received < '2022-08-03' ? '2022-08-03' : received;
      const days = registry.at<number>(PARAM.objectionWorkingDays, on)!.value;
      const counts = registry.at<boolean>(PARAM.receiptDayCounts, on)!.value;
      assert.deepEqual(workingDayDeadline(received, days, counts), { ok: true, deadline: expected });
    });
  }

  test('a year the calendar does not cover, refused with the year (never guessed)', () => {
    assert.deepEqual(workingDayDeadline('2099-03-02', 7, false), { ok: false, year: 2099 });
  });

  test('receipt day counted (the other reading), one working day earlier', () => {
    // 2023-06-05 is a Monday: 7 working days after it is Wednesday 06-14; counting it, Tuesday 06-13.
    assert.deepEqual(workingDayDeadline('2023-06-05', 7, false), { ok: true, deadline: '2023-06-14' });
    assert.deepEqual(workingDayDeadline('2023-06-05', 7, true), { ok: true, deadline: '2023-06-13' });
  });

  test('open after its deadline, overdue; settled, never overdue', () => {
    assert.equal(isOverdue(true, '2023-06-14', '2023-06-15'), true);
    assert.equal(isOverdue(true, '2023-06-14', '2023-06-14'), false);
    assert.equal(isOverdue(false, '2023-06-14', '2023-07-01'), false);
  });
});

describe('workflow states', () => {
  test('objection received, can be upheld; upheld, cannot be rejected', () => {
    assert.deepEqual(nextState(OBJECTION_ACTIONS, 'received', 'uphold'), { ok: true, to: 'upheld' });
    const again = nextState(OBJECTION_ACTIONS, 'upheld', 'reject');
    assert.equal(again.ok, false);
  });

  test('repair checking, approved; unknown action refused', () => {
    assert.deepEqual(nextState(REPAIR_ACTIONS, 'checking', 'approve'), { ok: true, to: 'approved' });
    assert.equal(nextState(REPAIR_ACTIONS, 'applied', 'explode').ok, false);
  });
});
