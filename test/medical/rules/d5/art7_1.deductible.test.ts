import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { deductibleTaken } from '../../../../src/medical/rules/d5/art7_1.deductible.ts';
import { claim, employee, settleInOrder } from '../build.ts';

describe('d5.art7_1.deductible (D5 §7(1))', () => {
  test('claim below what is left of the deductible, all of it taken', () => {
    assert.equal(deductibleTaken(40_000, 0, 60_000), 40_000);
  });

  test('claim larger than what is left, only the rest taken', () => {
    assert.equal(deductibleTaken(50_000, 40_000, 60_000), 20_000);
  });

  test('deductible used up, nothing taken', () => {
    assert.equal(deductibleTaken(50_000, 60_000, 60_000), 0);
  });

  test('two claims in a year, the deductible is cumulative: 300 + (500-300)x60%', () => {
    const person = employee();
    const [first, second] = settleInOrder(person, [
      claim(person, { claimId: 'a', total: '300.00' }),
      claim(person, { claimId: 'b', date: '2023-04-01', total: '500.00' }),
    ]);
    assert.equal(first!.pooling, 0);
    assert.equal(first!.accumulatorsAfter.poolingDeductible, 30_000);
    // 600 - 300 = 300 left; (500 - 300) x 60% = 120
    assert.equal(second!.pooling, 12_000);
    assert.equal(second!.accumulatorsAfter.poolingDeductible, 60_000);
  });
});
