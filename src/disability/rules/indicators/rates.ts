/**
 * Indicators computed from the register (专栏1 2, 4–11): coverage = paid /
 * eligible, enrolment = enrolled / the age group, counts cumulative since
 * the start of the period. Rates are kept as numerator and denominator so
 * comparisons are exact; the displayed value is basis points, half up.
 */
import { BP_ONE, formatYuan, roundHalfUp } from '../../../core/money.ts';
import type { IndicatorId } from './definitions.ts';

/** What the register says on one day, for one county or the city. */
export interface RegisterSummary {
  cardHolders: number;
  livingEligible: number;
  livingPaid: number;
  careEligible: number;
  carePaid: number;
  pensionAgeGroup: number;
  pensionEnrolled: number;
  medicalEnrolled: number;
  schoolAgeGroup: number;
  schoolEnrolled: number;
  rehabNeed: number;
  rehabReceived: number;
  deviceNeed: number;
  deviceFitted: number;
  trained: number;
  homesModified: number;
}

export const EMPTY_SUMMARY: RegisterSummary = {
  cardHolders: 0, livingEligible: 0, livingPaid: 0, careEligible: 0, carePaid: 0,
  pensionAgeGroup: 0, pensionEnrolled: 0, medicalEnrolled: 0, schoolAgeGroup: 0,
  schoolEnrolled: 0, rehabNeed: 0, rehabReceived: 0, deviceNeed: 0, deviceFitted: 0,
  trained: 0, homesModified: 0,
};

export type IndicatorValue =
  | { measure: 'percent'; numerator: number; denominator: number; /** bp; null when nobody is in the denominator */ value: number | null }
  | { measure: 'count'; value: number }
  | { measure: 'in_step'; /** bp */ value: number | null; gdp: number | null };

/** Basis points of num/den, half up; null for an empty denominator. */
export function rateBp(numerator: number, denominator: number): number | null {
  if (denominator === 0) return null;
  return roundHalfUp(numerator * BP_ONE, denominator);
}

/** "99.64": basis points carry two decimals of a percent, laid out as fen are. */
export function formatRate(bp: number | null): string | null {
  return bp === null ? null : formatYuan(bp);
}

function percent(numerator: number, denominator: number): IndicatorValue {
  return { measure: 'percent', numerator, denominator, value: rateBp(numerator, denominator) };
}

export function registerIndicatorValues(s: RegisterSummary): Partial<Record<IndicatorId, IndicatorValue>> {
  return {
    training: { measure: 'count', value: s.trained },
    living_coverage: percent(s.livingPaid, s.livingEligible),
    care_coverage: percent(s.carePaid, s.careEligible),
    pension_rate: percent(s.pensionEnrolled, s.pensionAgeGroup),
    medical_rate: percent(s.medicalEnrolled, s.cardHolders),
    school_rate: percent(s.schoolEnrolled, s.schoolAgeGroup),
    rehab_coverage: percent(s.rehabReceived, s.rehabNeed),
    device_rate: percent(s.deviceFitted, s.deviceNeed),
    home_modifications: { measure: 'count', value: s.homesModified },
  };
}

export function addSummaries(a: RegisterSummary, b: RegisterSummary): RegisterSummary {
  const sum = { ...a };
  for (const key of Object.keys(b) as (keyof RegisterSummary)[]) sum[key] += b[key];
  return sum;
}
