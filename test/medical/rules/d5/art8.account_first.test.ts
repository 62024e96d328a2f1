import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { claim, employee, resident, settleInOrder } from '../build.ts';

describe('d5.art8.account_first (D5 §8, §5(1))', () => {
  test('own policy-scope share paid from the account, out-of-scope part in cash', () => {
    const person = employee();
    const [bill] = settleInOrder(person, [claim(person, { total: '3200.00', scope: '3000.00' })], undefined, {
      account: 200_000,
      accumulators: null,
    });
    // pooled (3000-600) x 60% = 1440; share 1560 from the account; cash 200 out of scope
    assert.equal(bill!.accountPaid, 156_000);
    assert.equal(bill!.accountAfter, 44_000);
    assert.equal(bill!.cashPaid, 20_000);
  });

  test('flexible single-pool member with a stray balance, no account payment', () => {
    const person = employee('flexible');
    const [bill] = settleInOrder(person, [claim(person, { total: '1600.00' })], undefined, { account: 100_000, accumulators: null });
    assert.equal(bill!.accountPaid, 0);
    assert.equal(bill!.cashPaid, 100_000);
  });

  test('resident, no account', () => {
    const person = resident();
    const [bill] = settleInOrder(person, [claim(person, { kind: 'inpatient', total: '1000.00', basic: '500.00' })]);
    assert.equal(bill!.accountPaid, 0);
    assert.equal(bill!.pooling, 0);
    assert.equal(bill!.cashPaid, 50_000);
  });
});
