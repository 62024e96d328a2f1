import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { fundShortfall, PARAM } from '../../../../src/medical/rules/index.ts';
import { baseline, withParams } from '../build.ts';

describe('d4.art19.fund_shortfall (D4 §19)', () => {
  test('spending within the budget, no gap, nothing from the surplus', () => {
    const d = fundShortfall({ year: 2023, budget: { city: 1_000_000 }, spendingByCertifier: { '230302': 900_000 }, accumulatedSurplus: 100 }, baseline);
    assert.equal(d.outcome === 'decided' && d.result.gap, 0);
    assert.equal(d.outcome === 'decided' && d.result.surplusAfter, 100);
  });

  test('surplus covers the whole gap, nothing falls to the certifiers', () => {
    const d = fundShortfall({ year: 2023, budget: { city: 100 }, spendingByCertifier: { a: 150 }, accumulatedSurplus: 80 }, baseline);
    assert.deepEqual(d.outcome === 'decided' && [d.result.fromSurplus, d.result.remaining, d.result.remainingByCertifier.a], [50, 0, 0]);
  });

  test('reading by_certifier_overspend: only the county over its own budget bears the rest', () => {
    const params = withParams([{ id: PARAM.shortfallAllocation, value: 'by_certifier_overspend' }]);
    const d = fundShortfall(
      { year: 2023, budget: { a: 500, b: 500 }, spendingByCertifier: { a: 400, b: 900 }, accumulatedSurplus: 100 },
      params,
    );
    // gap 300, surplus 100, remaining 200: a under budget, b over by 400 -> all to b
    assert.deepEqual(d.outcome === 'decided' && d.result.remainingByCertifier, { a: 0, b: 200 });
  });

  test('before D4 came into force, no rule', () => {
    const d = fundShortfall({ year: 2021, budget: {}, spendingByCertifier: {}, accumulatedSurplus: 0 }, baseline);
    assert.equal(d.outcome, 'no_rule_in_force');
  });
});
