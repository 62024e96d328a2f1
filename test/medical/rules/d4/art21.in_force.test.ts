import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { claim, resident, settleInOrder } from '../build.ts';

describe('d4.art21.in_force (D4 §21)', () => {
  test('inpatient claim of a dibao recipient on 2022-09-30, no assistance, "no rule in force"', () => {
    const person = resident('dibao');
    const [bill] = settleInOrder(person, [claim(person, { kind: 'inpatient', date: '2022-09-30', total: '10000.00', basic: '6000.00' })]);
    assert.equal(bill!.assistance, 0);
    assert.deepEqual(bill!.notes.map((n) => [n.layer, n.code, n.article]), [['assistance', 'no_rule_in_force', 'D4 §21']]);
  });

  test('the same claim on 2022-10-01, the first day, 4000 x 70% = 2800', () => {
    const person = resident('dibao');
    const [bill] = settleInOrder(person, [claim(person, { kind: 'inpatient', date: '2022-10-01', total: '10000.00', basic: '6000.00' })]);
    assert.equal(bill!.assistance, 280_000);
  });
});
