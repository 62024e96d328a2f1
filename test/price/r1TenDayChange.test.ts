import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { parsePercent, parseYuan } from '../../src/core/money.ts';
import { loadParams } from '../../src/platform/context.ts';
import { fenRatio, formatChangePercent, relativeChange, toBasisPoints } from '../../src/price/rules/exact.ts';
import { r1Light } from '../../src/price/rules/r1TenDayChange.ts';
import { detectionSettings } from '../../src/price/services/settings.ts';
import { priceCases } from './examples.ts';

const examples = priceCases().thresholds;
const loaded = detectionSettings(loadParams(), '2022-09-15');
assert.ok(loaded.ok);
const thresholds = loaded.settings.r1;

describe('D3 1.3 R1 ten-day change (旬环比)', () => {
  test('the parameter file holds the thresholds of the worked cases', () => {
    for (const [category, [yellow, red]] of Object.entries(examples.thresholds_percent as Record<string, [number, number]>)) {
      assert.deepEqual(
        thresholds[category as keyof typeof thresholds],
        { yellow: parsePercent(String(yellow)), red: parsePercent(String(red)) },
        category,
      );
    }
  });

  for (const c of examples.cases) {
    test(`${c.item} ${c.previous} -> ${c.current}, ${c.change_percent}% ${c.light}`, () => {
      const result = r1Light(c.item, fenRatio(parseYuan(c.previous)!), fenRatio(parseYuan(c.current)!), thresholds);
      assert.ok(result);
      assert.equal(formatChangePercent(result.changeBp), c.change_percent);
      assert.equal(result.light, c.light);
    });
  }

  test('4.00 -> 4.60 is exactly 15%, where floating point says 14.999…', () => {
    assert.ok(4.6 / 4.0 - 1 < 0.15);
    const change = relativeChange(fenRatio(400), fenRatio(460));
    assert.equal(toBasisPoints(change), 1500);
    assert.equal(r1Light('vegetables', fenRatio(400), fenRatio(460), thresholds)?.light, 'red');
  });

  test('an average a hundredth of a fen under the yellow line, no light', () => {
    // grain 2.50 -> 2.5499 (an unrounded average of 254.99 fen): +1.996%, under 2%
    const result = r1Light('grain', fenRatio(250), { num: 25_499n, den: 100n }, thresholds);
    assert.equal(result?.light, 'none');
  });

  test('a category R1 does not watch, no result', () => {
    assert.equal(r1Light('salt', fenRatio(100), fenRatio(200), thresholds), undefined);
  });
});
