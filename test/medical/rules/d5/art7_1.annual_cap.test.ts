import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { claim, employee, settleInOrder } from '../build.ts';

describe('d5.art7_1.annual_cap (D5 §7(1), §10)', () => {
  test('second large claim of the year, paid up to the 2000 cap and noted', () => {
    const person = employee();
    const [first, second] = settleInOrder(person, [
      claim(person, { claimId: 'a', level: 1, total: '2600.00' }),
      claim(person, { claimId: 'b', date: '2023-05-01', level: 1, total: '1000.00' }),
    ]);
    // (2600-600) x 70% = 1400; then 1000 x 70% = 700, only 600 left of the cap
    assert.equal(first!.pooling, 140_000);
    assert.equal(second!.pooling, 60_000);
    assert.ok(second!.notes.some((n) => n.code === 'annual_cap_reached'));
    assert.equal(second!.accumulatorsAfter.poolingPaid, 200_000);
  });

  test('cap reached in December, a January claim starts afresh (no carry-over)', () => {
    const person = employee();
    const bills = settleInOrder(person, [
      claim(person, { claimId: 'a', date: '2023-12-01', level: 1, total: '5000.00' }),
      claim(person, { claimId: 'b', date: '2024-01-02', level: 1, total: '1000.00' }),
    ]);
    assert.equal(bills[0]!.pooling, 200_000);
    assert.equal(bills[1]!.accumulatorsBefore.year, 2024);
    assert.equal(bills[1]!.accumulatorsBefore.poolingPaid, 0);
    assert.equal(bills[1]!.pooling, 28_000); // (1000-600) x 70%
  });
});
