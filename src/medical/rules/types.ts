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
  /**
   * Employee pooling-fund payments so far (outpatient pooling plus handed-over
   * basic insurance of 职工医保 members), against the fund's overall annual
   * limit (D5 §10). Absent counts as 0 (stores that predate it).
   */
  fundPaid?: Fen;
  /**
   * 大病保险 paid so far; a monitored person with any is watched (D4 §12).
   * Absent counts as 0.
   */
  criticalPaid?: Fen;
}

/** What the bill says about a layer that paid nothing or was limited. */
export type BillNoteCode =
  | 'no_rule_in_force'
  | 'excluded'
  | 'not_referred'
  | 'not_covered'
  | 'annual_cap_reached'
  | 'fund_limit_unset'
  | 'fund_limit_reached';

export interface BillNote {
  layer: 'pooling' | 'assistance' | 'account';
  code: BillNoteCode;
  rule: string;
  article: string;
  /** Chinese sentence printed on the bill. */
  text: string;
}

/** A person's settlement state between claims. */
export interface PersonState {
  /** Personal-account balance (职工医保 only; 0 otherwise). */
  account: Fen;
  /** Running totals of the year of the last claim settled; null before any. */
  accumulators: YearAccumulators | null;
}

/** D4 §13: a person whose burden after insurance for the year exceeded the threshold. */
export interface PushListEntry {
  personId: string;
  year: number;
  /** Burden after basic insurance and 大病保险 at the end of the batch. */
  burden: Fen;
  /** Claim with which the threshold was crossed. */
  claimId: string;
}

/** D4 §12: a monitored person to watch, and why. */
export interface WatchListEntry {
  personId: string;
  year: number;
  category: CategoryCode;
  reason: 'heavy_burden' | 'critical_started';
  claimId: string;
}

export interface BatchResult {
  /** In settlement order (date, then input order). */
  bills: Bill[];
  pushList: PushListEntry[];
  watchList: WatchListEntry[];
  /**
   * New state of every person with a claim in the batch; the others keep
   * their opening state. Merge into the opening map to carry on.
   */
  states: Map<string, PersonState>;
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
  /** Layers that paid nothing or were limited, and why (always filled). */
  notes: BillNote[];
  /** Filled when explanations are on. */
  steps: ExplanationStep[];
}
