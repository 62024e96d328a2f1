import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { claim, employee, settleInOrder } from '../build.ts';

describe('d5.art7_4.unreferred_outside (D5 §7(4))', () => {
  test('outside the city without referral, nothing paid, no deductible used, the bill says why', () => {
    const person = employee();
    const [bill] = settleInOrder(person, [claim(person, { place: 'outside', referral: false, total: '800.00' })]);
    assert.equal(bill!.pooling, 0);
    assert.equal(bill!.accumulatorsAfter.poolingDeductible, 0);
    assert.deepEqual(bill!.notes.map((n) => [n.code, n.article]), [['not_referred', 'D5 §7(4)']]);
    assert.equal(bill!.cashPaid, 80_000);
  });
});
