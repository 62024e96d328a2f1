import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { claim, employee, settleInOrder } from '../build.ts';

describe('d5.art17.in_force (D5 §17)', () => {
  test('outpatient claim on 2022-12-31, no pooling and no account payment, "no rule in force"', () => {
    const person = employee();
    const [bill] = settleInOrder(person, [claim(person, { date: '2022-12-31', level: 1, total: '1000.00' })], undefined, {
      account: 30_000,
      accumulators: null,
    });
    assert.equal(bill!.pooling, 0);
    assert.equal(bill!.accountPaid, 0);
    assert.equal(bill!.cashPaid, 100_000);
    assert.deepEqual(
      bill!.notes.map((n) => [n.layer, n.code, n.article]),
      [
        ['pooling', 'no_rule_in_force', 'D5 §17'],
        ['account', 'no_rule_in_force', 'D5 §17'],
      ],
    );
  });

  test('claim on 2023-01-01, the first day, settled under D5: (1000-600)x70% = 280', () => {
    const person = employee();
    const [bill] = settleInOrder(person, [claim(person, { date: '2023-01-01', level: 1, total: '1000.00' })]);
    assert.equal(bill!.pooling, 28_000);
    assert.ok(!bill!.notes.some((n) => n.code === 'no_rule_in_force'));
  });
});
