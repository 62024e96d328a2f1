import type { PersonState, YearAccumulators } from './types.ts';

/** A person's totals on 1 January: nothing used, nothing paid. */
export function emptyAccumulators(year: number): YearAccumulators {
  return {
    year,
    poolingDeductible: 0,
    poolingPaid: 0,
    assistanceDeductible: 0,
    assistancePaid: 0,
    tiltBurden: 0,
    burdenAfterInsurance: 0,
    fundPaid: 0,
    criticalPaid: 0,
  };
}

/**
 * The totals a claim of `year` starts from: the carried ones if they are of
 * that year, fresh ones otherwise (caps and deductibles reset each calendar
 * year and never carry over, D5 §10, D4 §9–§10).
 */
export function accumulatorsFor(
  year: number,
  carried: YearAccumulators | null | undefined,
): YearAccumulators {
  return carried && carried.year === year ? carried : emptyAccumulators(year);
}

export function initialState(account = 0): PersonState {
  return { account, accumulators: null };
}
