import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { loadParams } from '../../src/platform/context.ts';
import { chainSteps } from '../../src/price/rules/chain.ts';
import { r3ContinuousRise } from '../../src/price/rules/r3ContinuousRise.ts';
import { detectionSettings } from '../../src/price/services/settings.ts';
import { obs } from './fixtures.ts';

const loaded = detectionSettings(loadParams(), '2022-09-15');
assert.ok(loaded.ok);
const { r3, r3MinRises } = loaded.settings;

const series = (itemId: string, prices: [string, number][]) => chainSteps(prices.map(([d, p]) => obs('p1', itemId, d, p)), 'matched');

describe('D3 1.3 R3 continuous rise within a window', () => {
  test('oil 10.00, 10.40, 10.80, 11.10 over 8 days: three rises, +11% > 10%, holds', () => {
    const steps = series('oil', [['2022-09-06', 1000], ['2022-09-08', 1040], ['2022-09-11', 1080], ['2022-09-14', 1110]]);
    const r = r3ContinuousRise('edible_oil', steps, '2022-09-11', r3, r3MinRises);
    assert.equal(r?.holds, true);
    assert.equal(r?.rises, 3);
    assert.equal(r?.from, '2022-09-06');
    assert.equal(r?.changeBp, 1100);
  });

  test('the same rises ending at exactly +10%: not more than 10%, does not hold', () => {
    const steps = series('oil', [['2022-09-06', 1000], ['2022-09-08', 1040], ['2022-09-11', 1080], ['2022-09-14', 1100]]);
    assert.equal(r3ContinuousRise('edible_oil', steps, '2022-09-11', r3, r3MinRises)?.holds, false);
  });

  test('a dip breaks the run: only the rises after it count', () => {
    const steps = series('rice', [['2022-09-05', 200], ['2022-09-07', 220], ['2022-09-09', 215], ['2022-09-12', 225], ['2022-09-14', 236]]);
    const r = r3ContinuousRise('grain', steps, '2022-09-11', r3, r3MinRises);
    assert.equal(r?.from, '2022-09-09');
    assert.equal(r?.rises, 2);
    // 236 / 215 − 1 = 9.77%: does not hold, although 236/200 would be +18%
    assert.equal(r?.changeBp, 977);
    assert.equal(r?.holds, false);
  });

  test('rises that started more than 10 days before the last one are cut off', () => {
    const steps = series('rice', [['2022-09-01', 200], ['2022-09-03', 210], ['2022-09-12', 220], ['2022-09-14', 230]]);
    const r = r3ContinuousRise('grain', steps, '2022-09-11', r3, r3MinRises);
    // window starts 2022-09-04: the 09-01 -> 09-03 step and 09-03 -> 09-12 step begin before it
    assert.equal(r?.from, '2022-09-12');
    assert.equal(r?.rises, 1);
    assert.equal(r?.holds, false);
  });

  test('medicines within a month: +21% over four weekly rises holds', () => {
    const steps = series('med', [['2022-08-20', 1000], ['2022-08-27', 1050], ['2022-09-03', 1100], ['2022-09-10', 1150], ['2022-09-14', 1210]]);
    const r = r3ContinuousRise('medicines', steps, '2022-09-11', r3, r3MinRises);
    assert.equal(r?.rises, 4);
    assert.equal(r?.holds, true);
  });
});
