import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import fc from 'fast-check';

import {
  changeAbove, changeAtLeast, fenRatio, formatYuanRatio, meanOfRatios, ratioOf, relativeChange, toBasisPoints,
} from '../../src/price/rules/exact.ts';

describe('exact price ratios', () => {
  test('(2.55 − 2.50) / 2.50 is exactly 2%, at least 2% and not above it', () => {
    const change = relativeChange(fenRatio(250), fenRatio(255));
    assert.ok(changeAtLeast(change, 200));
    assert.ok(!changeAbove(change, 200));
    assert.ok(!changeAtLeast(change, 201));
  });

  test('the mean of 2.50, 2.55 and 2.56 is 7.61/3, kept unrounded', () => {
    const mean = meanOfRatios([fenRatio(250), fenRatio(255), fenRatio(256)]);
    assert.deepEqual(mean, ratioOf(761, 3));
    assert.equal(formatYuanRatio(mean, 4), '2.5367');
  });

  test('at-least agrees with integer cross-multiplication for any fen prices', () => {
    fc.assert(fc.property(
      fc.integer({ min: 1, max: 10_000_000 }),
      fc.integer({ min: 0, max: 20_000_000 }),
      fc.integer({ min: -10_000, max: 10_000 }),
      (previous, current, bp) => {
        const change = relativeChange(fenRatio(previous), fenRatio(current));
        const expected = (current - previous) * 10_000 >= bp * previous;
        return changeAtLeast(change, bp) === expected;
      },
    ));
  });

  test('display rounding is half up: 0.47 / 9.05 = 5.1933% shows 519 bp', () => {
    assert.equal(toBasisPoints(relativeChange(fenRatio(905), fenRatio(952))), 519);
    assert.equal(toBasisPoints(ratioOf(1, 20_000)), 1);
    assert.equal(toBasisPoints(ratioOf(-1, 20_000)), -1);
  });
});
