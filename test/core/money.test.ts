import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import fc from 'fast-check';

import {
  allocateByLargestRemainder,
  applyRate,
  formatYuan,
  parsePercent,
  parseYuan,
  roundHalfUp,
  toChineseCapital,
} from '../../src/core/money.ts';

describe('money', () => {
  test('yuan strings parse to fen and back', () => {
    assert.equal(parseYuan('1440.00'), 144_000);
    assert.equal(parseYuan('0.5'), 50);
    assert.equal(parseYuan('-12.34'), -1234);
    assert.equal(parseYuan('1.234'), undefined);
    assert.equal(parseYuan('1e3'), undefined);
    assert.equal(parseYuan(''), undefined);
    assert.equal(formatYuan(144_000), '1440.00');
    assert.equal(formatYuan(-5), '-0.05');
  });

  test('half up: 2% of 4567.89 is 91.36 (acc-01 of the examples)', () => {
    // 456789 fen x 200 bp / 10000 = 9135.78 -> 9136
    assert.equal(applyRate(456_789, 200), 9_136);
  });

  test('exact halves round away from zero', () => {
    assert.equal(roundHalfUp(5, 10), 1);
    assert.equal(roundHalfUp(4, 10), 0);
    assert.equal(roundHalfUp(-5, 10), -1);
    assert.equal(roundHalfUp(15, 10), 2);
  });

  test('percent strings parse to basis points', () => {
    assert.equal(parsePercent('70'), 7000);
    assert.equal(parsePercent('-10'), -1000);
    assert.equal(parsePercent('2.5'), 250);
    assert.equal(parsePercent('x'), undefined);
  });

  test('largest remainder: 50000.00 split 700000:500000 gives 29166.67 and 20833.33 (D4 §19 case)', () => {
    assert.deepEqual(allocateByLargestRemainder(5_000_000, [70_000_000, 50_000_000]), [2_916_667, 2_083_333]);
  });

  test('allocation always adds up exactly', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000_000 }),
        fc.array(fc.integer({ min: 0, max: 1_000_000_000 }), { minLength: 1, maxLength: 20 }),
        (total, weights) => {
          const parts = allocateByLargestRemainder(total, weights);
          const sum = weights.reduce((a, b) => a + b, 0);
          assert.equal(parts.reduce((a, b) => a + b, 0), sum === 0 ? 0 : total);
        },
      ),
    );
  });

  test('Chinese capitals for bills', () => {
    assert.equal(toChineseCapital(144_000), '壹仟肆佰肆拾元整');
    assert.equal(toChineseCapital(144_050), '壹仟肆佰肆拾元伍角');
    assert.equal(toChineseCapital(100_005), '壹仟元零伍分');
    assert.equal(toChineseCapital(1_000_100), '壹万零壹元整');
    assert.equal(toChineseCapital(3_000_000), '叁万元整');
    assert.equal(toChineseCapital(10_020_000_00), '壹仟零贰万元整');
    assert.equal(toChineseCapital(1), '壹分');
    assert.equal(toChineseCapital(0), '零元整');
  });
});
