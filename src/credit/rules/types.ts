/**
 * The contract of the credit rules (鸡政办规〔2022〕16号, D2, and its
 * appendix 黑龙江省市场主体公共信用综合评价指标体系): plain data in,
 * decisions with their articles out. No I/O.
 */
import type { IsoDate } from '../../core/dates.ts';

export const RECORD_STATUSES = [
  'active',
  'under_objection',
  'corrected',
  'repaired',
  'expired',
] as const;
export type RecordStatus = (typeof RECORD_STATUSES)[number];

export const RECORD_STATUS_LABELS: Record<RecordStatus, string> = {
  active: '有效',
  under_objection: '异议中',
  corrected: '已更正',
  repaired: '已修复',
  expired: '已过期',
};

/** Domains with longer shortest publicity before repair (D2 二(四)3). */
export const RECORD_DOMAINS = [
  'general',
  'special_equipment',
  'work_safety',
  'fire',
  'food',
  'drug',
] as const;
export type RecordDomain = (typeof RECORD_DOMAINS)[number];

export interface MarketEntity {
  /** 统一社会信用代码, already checked and capitalised. */
  uscc: string;
  name?: string;
  /** 成立日期, for 经营年限. */
  established: IsoDate;
}

/** A credit record from a department (D2 二(一)1). */
export interface CreditRecord {
  id: string;
  uscc: string;
  /** Indicator code of the indicator table. */
  indicator: string;
  /** Finer kind inside the indicator (broken_pledge, false_complaint …). */
  kind?: string;
  decided: IsoDate;
  /** Last day in force, e.g. removal from a list; open when absent. */
  until?: IsoDate | null;
  /** Own publicity window in years; the indicator's default otherwise. */
  windowYears?: number | null;
  status: RecordStatus;
  domain?: RecordDomain;
  sourceDepartment?: string;
  documentNumber?: string;
}

export type IndicatorRuleKind =
  | 'operating_years'
  | 'lose_on_any'
  | 'steps_by_count'
  | 'earn_on_any';

export interface IndicatorDefinition {
  code: string;
  label: string;
  group: string;
  points: number;
  rule: IndicatorRuleKind;
  /** operating_years: years since establishment that earn the points. */
  minYears?: number;
  /** steps_by_count: points for 0, 1, 2 … records; the last for more. */
  steps?: number[];
  text?: string;
}

export interface IndicatorGroup {
  code: string;
  label: string;
  points: number;
}

export interface IndicatorTable {
  fullScore: number;
  groups: IndicatorGroup[];
  indicators: IndicatorDefinition[];
  /** Where the table came from: parameter id and version, or a file. */
  source: string;
}

export type Grade = 'A' | 'B' | 'C' | 'D' | 'E';
export const GRADES: readonly Grade[] = ['A', 'B', 'C', 'D', 'E'];

export type CategoryCode = 'trustworthy' | 'minor' | 'general' | 'serious';
export const CATEGORY_CODES: readonly CategoryCode[] = ['trustworthy', 'minor', 'general', 'serious'];

export interface Category {
  code: CategoryCode;
  /** 诚信守法 | 轻微失信 | 一般失信 | 严重失信 */
  label: string;
}

export interface GradeCutoff {
  grade: Grade;
  /** Lowest score of the grade. */
  min: number;
}

export interface IndicatorPoints {
  code: string;
  label: string;
  group: string;
  max: number;
  points: number;
  /** Records counted for the indicator on the evaluation date. */
  records: string[];
  /** Chinese sentence: why these points. */
  reason: string;
}

export interface PublicScore {
  uscc: string;
  evaluatedOn: IsoDate;
  score: number;
  grade: Grade;
  category: Category;
  indicators: IndicatorPoints[];
  /** Records that did not count, with the reason, for the breakdown. */
  excluded: Array<{ record: string; reason: string }>;
  /** Plain notes shown with the breakdown (e.g. the 770 of a firm without records). */
  notes: string[];
  articles: string[];
  table: string;
}
