/**
 * The contract of the medical rules (鸡政办规〔2022〕21号 D4, 22号 D5):
 * plain data in, a bill and the new year-to-date state out. No I/O.
 * Money is integer fen; dates ISO.
 */
import type { Fen } from '../../core/money.ts';
import type { IsoDate } from '../../core/dates.ts';
import type { ExplanationStep } from '../../core/explain.ts';

export type Scheme = 'employee' | 'resident';
export type Employment = 'in_service' | 'retired' | 'flexible';

export const CATEGORY_CODES = [
  'tekun',
  'dibao',
  'orphan',
  'unsupported_child',
  'returned_poverty',
  'dibao_marginal',
  'rural_at_risk',
  'illness_poverty',
] as const;
export type CategoryCode = (typeof CATEGORY_CODES)[number];

export interface CategorySpan {
  code: CategoryCode;
  from: IsoDate | null;
  to: IsoDate | null;
}

export interface Person {
  personId: string;
  scheme: Scheme;
  employment: Employment | null;
  categories: CategorySpan[];
  /** GB/T 2260 county code of the certifying office, for the fund ledger. */
  county?: string;
}

export type ClaimKind = 'outpatient' | 'chronic' | 'inpatient';
export type Place = 'city' | 'province' | 'outside';
export type Exclusion = 'work_injury' | 'third_party' | 'public_health' | 'abroad' | 'wellness';

export interface Claim {
  claimId: string;
  personId: string;
  date: IsoDate;
  kind: ClaimKind;
  level: 1 | 2 | 3;
  place: Place;
  referral: boolean;
  residentElsewhere: boolean;
  emergency: boolean;
  exclusion: Exclusion | null;
  total: Fen;
  policyScope: Fen;
  basicPaid: Fen;
  criticalPaid: Fen;
  /** Referred after a first visit at primary level (D4 §16 先诊疗后付费). */
  primaryFirstVisit?: boolean;
}

/** One person's running totals for one calendar year. */
export interface YearAccumulators {
  year: number;
  /** Outpatient-pooling deductible used so far (D5 §7(1)). */
  poolingDeductible: Fen;
  /** Outpatient pooling paid so far, against the annual cap (D5 §7(1), §10). */
  poolingPaid: Fen;
  /** Assistance deductible used so far (D4 §10). */
  assistanceDeductible: Fen;
  /** Assistance paid so far, against the annual cap (D4 §9). */
  assistancePaid: Fen;
  /** Policy-scope burden after the three layers, for the tilt (D4 §11(3)). */
  tiltBurden: Fen;
  /** Personal burden after basic insurance and 大病保险, for the push list (D4 §13). */
  burdenAfterInsurance: Fen;
}

export interface Bill {
  claimId: string;
  personId: string;
  date: IsoDate;
  total: Fen;
  policyScope: Fen;
  basicPaid: Fen;
  criticalPaid: Fen;
  pooling: Fen;
  /** Assistance including its tilt part. */
  assistance: Fen;
  assistanceTilt: Fen;
  accountPaid: Fen;
  cashPaid: Fen;
  /** Category the assistance was settled under, if any. */
  category: CategoryCode | null;
  /** D4 §16: admitted without deposit. */
  depositFree: boolean;
  accumulatorsBefore: YearAccumulators;
  accumulatorsAfter: YearAccumulators;
  accountBefore: Fen;
  accountAfter: Fen;
  /** Articles applied, in order. */
  articles: string[];
  /** Filled when explanations are on. */
  steps: ExplanationStep[];
}
