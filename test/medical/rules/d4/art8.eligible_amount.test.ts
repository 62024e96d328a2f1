import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { claim, employee, resident, settleInOrder } from '../build.ts';

describe('d4.art8.eligible_amount (D4 §8)', () => {
  test('ordinary outpatient of a dibao recipient, not covered, the bill says so', () => {
    const person = resident('dibao');
    const [bill] = settleInOrder(person, [claim(person, { total: '300.00', basic: '100.00' })]);
    assert.equal(bill!.assistance, 0);
    assert.ok(bill!.notes.some((n) => n.code === 'not_covered' && n.article === 'D4 §8'));
  });

  test('chronic claim, eligible = policy scope - basic - critical, below their deductibles included', () => {
    const person = resident('dibao');
    const [bill] = settleInOrder(person, [claim(person, { kind: 'chronic', total: '1200.00', scope: '1000.00', basic: '300.00', critical: '100.00' })]);
    // (1000 - 300 - 100) x 70% = 420; cash 180 + 200 out of scope
    assert.equal(bill!.assistance, 42_000);
    assert.equal(bill!.cashPaid, 38_000);
  });

  test('employee dibao outpatient pooled first; ordinary outpatient then gets no assistance', () => {
    const person = employee('in_service', [{ code: 'dibao', from: '2023-01-01', to: null }]);
    const [bill] = settleInOrder(person, [claim(person, { level: 1, total: '1600.00' })]);
    assert.equal(bill!.pooling, 70_000);
    assert.equal(bill!.assistance, 0);
  });

  test('inpatient cost owed by a third party, no assistance', () => {
    const person = resident('dibao');
    const [bill] = settleInOrder(person, [claim(person, { kind: 'inpatient', exclusion: 'third_party', total: '5000.00' })]);
    assert.equal(bill!.assistance, 0);
    assert.ok(bill!.notes.some((n) => n.code === 'excluded' && n.layer === 'assistance'));
  });
});
