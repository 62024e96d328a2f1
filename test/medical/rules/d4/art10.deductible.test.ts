import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { claim, resident, settleInOrder } from '../build.ts';

describe('d4.art10.deductible (D4 §10)', () => {
  test('T2 dibao, no deductible (§10(1)): 1000 x 70% = 700', () => {
    const person = resident('dibao');
    const [bill] = settleInOrder(person, [claim(person, { kind: 'inpatient', total: '1000.00' })]);
    assert.equal(bill!.assistance, 70_000);
    assert.equal(bill!.accumulatorsAfter.assistanceDeductible, 0);
  });

  test('rural_at_risk 2000 (§10(2)), 2022 claim after D4 came into force: (3000-2000) x 60% = 600', () => {
    const person = resident('rural_at_risk');
    const [bill] = settleInOrder(person, [claim(person, { kind: 'inpatient', date: '2022-11-01', total: '3000.00' })]);
    assert.equal(bill!.assistance, 60_000);
    assert.ok(bill!.articles.includes('D4 §10(2)'));
  });

  test('illness_poverty 5000 (§10(3)) carried forward into 2023: 4000 all deductible, then (3000-1000) x 60%', () => {
    const person = resident('illness_poverty');
    const [first, second] = settleInOrder(person, [
      claim(person, { claimId: 'a', kind: 'inpatient', total: '4000.00' }),
      claim(person, { claimId: 'b', kind: 'inpatient', date: '2023-04-01', total: '3000.00' }),
    ]);
    assert.equal(first!.assistance, 0);
    assert.equal(second!.assistance, 120_000);
    assert.equal(second!.accumulatorsAfter.assistanceDeductible, 500_000);
  });
});
