/**
 * 专栏1 rates from the worked register summary (examples/disability) and
 * the findings they raise: binding indicators below target are alarms,
 * expected ones warnings (disability.d1.s4_3.flag_expected_indicators).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { indicatorDefinitions } from '../../src/disability/rules/indicators/definitions.ts';
import { registerIndicatorValues, type RegisterSummary } from '../../src/disability/rules/indicators/rates.ts';
import { trackIndicator, type TrackOptions } from '../../src/disability/rules/indicators/track.ts';
import { loadParams } from '../../src/platform/context.ts';
import { loadExamples } from './examples.ts';

const { indicators } = loadExamples();
const s = indicators.register_summary;

/** The example's field names, mapped onto the register summary. */
const summary: RegisterSummary = {
  cardHolders: s.card_holders!,
  livingEligible: s.dibao_disabled!,
  livingPaid: s.living_paid!,
  careEligible: s.grade_1_2!,
  carePaid: s.care_paid!,
  pensionAgeGroup: s.aged_16_59_non_student!,
  pensionEnrolled: s.pension_enrolled!,
  medicalEnrolled: s.medical_enrolled_of_all!,
  schoolAgeGroup: s.school_age_6_15!,
  schoolEnrolled: s.school_enrolled!,
  rehabNeed: s.rehab_need!,
  rehabReceived: s.rehab_received!,
  deviceNeed: s.device_need!,
  deviceFitted: s.device_fitted!,
  trained: 0,
  homesModified: 0,
};

const options: TrackOptions = {
  asOf: '2025-12-31',
  periodStart: '2021-01-01',
  targetDate: '2025-12-31',
  flagExpected: true,
  inStepTolerance: 100,
};

describe('专栏1 indicators from the register summary', () => {
  const values = registerIndicatorValues(summary);
  const definitions = indicatorDefinitions(loadParams(), options.asOf);

  for (const [id, expected] of Object.entries(indicators.expected)) {
    test(`${id}, ${expected}%`, () => {
      const definition = definitions.find((d) => d.id === id);
      assert.ok(definition, id);
      const tracked = trackIndicator(definition, values[definition.id], options);
      assert.equal(tracked.value, expected);
    });
  }

  test('the worked summary, findings exactly those of the example', () => {
    const findings = definitions
      .filter((d) => d.id in indicators.expected)
      .map((d) => trackIndicator(d, values[d.id], options))
      .filter((t) => t.flag !== null)
      .map((t) => `${t.id} below the ${t.kind === 'binding' ? 'binding' : 'expected'} ${t.target} target`);
    assert.deepEqual(findings.sort(), [...indicators.alarms].sort());
  });

  test('care coverage 279/280 shows 99.64 and is an alarm, not rounded up to the target', () => {
    const care = trackIndicator(definitions.find((d) => d.id === 'care_coverage')!, values.care_coverage, options);
    assert.equal(care.flag, 'alarm');
    assert.equal(care.status, 'off_track');
  });

  test('expected indicators not flagged when the switch is off', () => {
    const school = definitions.find((d) => d.id === 'school_rate')!;
    const tracked = trackIndicator(school, values.school_rate, { ...options, flagExpected: false });
    assert.equal(tracked.status, 'off_track');
    assert.equal(tracked.flag, null);
  });
});
