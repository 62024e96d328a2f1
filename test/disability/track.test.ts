/** d1.s4_3.monitoring: the path to 2025 and alarms, worked by hand. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { indicatorDefinitions } from '../../src/disability/rules/indicators/definitions.ts';
import { splitCountTarget, trackIndicator, type TrackOptions } from '../../src/disability/rules/indicators/track.ts';
import { loadParams } from '../../src/platform/context.ts';

const defs = indicatorDefinitions(loadParams(), '2023-12-31');
const def = (id: string) => defs.find((d) => d.id === id)!;
const at = (asOf: string): TrackOptions => ({ asOf, periodStart: '2021-01-01', targetDate: '2025-12-31', flagExpected: true, inStepTolerance: 100 });

describe('d1.s4_3.monitoring', () => {
  test('3871 homes by 2025, 2023 year end: milestone 3871×36/60 = 2322.6 → 2323; 2300 done is an alarm', () => {
    const t = trackIndicator(def('home_modifications'), { measure: 'count', value: 2300 }, at('2023-12-31'));
    assert.equal(t.milestone, '2323');
    assert.equal(t.status, 'off_track');
    assert.equal(t.flag, 'alarm');
    // (3871 − 2300) over the 24 months left: 1571 × 12 / 24 = 785.5 → 786 a year.
    assert.equal(t.neededPerYear, 786);
    assert.deepEqual(t.path.map((p) => p.milestone), [774, 1548, 2323, 3097, 3871]);
  });

  test('2000 trainings, mid-2022 (18 months): milestone 600; 650 done is on track', () => {
    const t = trackIndicator(def('training'), { measure: 'count', value: 650 }, at('2022-06-15'));
    assert.equal(t.milestone, '600');
    assert.equal(t.status, 'on_track');
    assert.equal(t.flag, null);
  });

  test('pension 91.00 against “>91”, not met, a warning since it is expected', () => {
    const t = trackIndicator(def('pension_rate'), { measure: 'percent', numerator: 91, denominator: 100, value: 9100 }, at('2023-12-31'));
    assert.equal(t.target, '>91');
    assert.equal(t.status, 'off_track');
    assert.equal(t.flag, 'warning');
  });

  test('rehabilitation 85 of 100 meets the binding 85', () => {
    const t = trackIndicator(def('rehab_coverage'), { measure: 'percent', numerator: 85, denominator: 100, value: 8500 }, at('2023-12-31'));
    assert.equal(t.status, 'met');
    assert.equal(t.flag, null);
  });

  test('nobody eligible, no data rather than an alarm', () => {
    const t = trackIndicator(def('living_coverage'), { measure: 'percent', numerator: 0, denominator: 0, value: null }, at('2023-12-31'));
    assert.equal(t.status, 'no_data');
    assert.equal(t.flag, null);
  });

  test('income growth 5.2% against GDP 6.5%, more than 1 point below, off track', () => {
    const t = trackIndicator(def('income_growth'), { measure: 'in_step', value: 520, gdp: 650 }, at('2023-12-31'));
    assert.equal(t.status, 'off_track');
    assert.equal(t.flag, 'warning');
    const ok = trackIndicator(def('income_growth'), { measure: 'in_step', value: 560, gdp: 650 }, at('2023-12-31'));
    assert.equal(ok.status, 'on_track');
  });

  test('county share of 3871 for 4 900 of 49 000 holders: 387.1 → 387', () => {
    assert.equal(splitCountTarget(3871, 4900, 49000), 387);
  });
});
