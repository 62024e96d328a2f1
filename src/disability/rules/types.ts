/**
 * The vocabulary of the disability rules (鸡政规〔2022〕8号, D1): categories
 * and grades of the 残疾人证, household status, other benefits that exclude
 * a subsidy, the kinds of service record. Plain data, no I/O.
 */
import type { IsoDate } from '../../core/dates.ts';
import type { ExplanationStep } from '../../core/explain.ts';
import type { Fen } from '../../core/money.ts';

/** 残疾类别 in the order of the card's category digit (1 视力 … 7 多重). */
export const CATEGORIES = [
  'visual',
  'hearing',
  'speech',
  'physical',
  'intellectual',
  'mental',
  'multiple',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const CATEGORY_LABELS: Readonly<Record<Category, string>> = {
  visual: '视力',
  hearing: '听力',
  speech: '言语',
  physical: '肢体',
  intellectual: '智力',
  mental: '精神',
  multiple: '多重',
};

/** 残疾等级: 一级 is the most severe. */
export type Grade = 1 | 2 | 3 | 4;

/** Household status over time (低保, 低保边缘, 特困, none). */
export const HOUSEHOLD_STATUSES = ['dibao', 'dibao_marginal', 'tekun', 'none'] as const;
export type HouseholdStatus = (typeof HOUSEHOLD_STATUSES)[number];

export const HOUSEHOLD_LABELS: Readonly<Record<HouseholdStatus, string>> = {
  dibao: '低保',
  dibao_marginal: '低保边缘',
  tekun: '特困',
  none: '无',
};

/**
 * Benefits and recognitions held over a period that change the subsidies:
 * the orphans' and unsupported children's allowances and long-term-care
 * insurance exclude one (Readings, D1 三(一)5); a county's recognition of
 * 其他困难残疾人 opens its living-subsidy extension.
 */
export const BENEFIT_KINDS = [
  'orphan_allowance',
  'unsupported_child_allowance',
  'ltc_insurance',
  'other_hardship',
] as const;
export type BenefitKind = (typeof BENEFIT_KINDS)[number];

export const BENEFIT_LABELS: Readonly<Record<BenefitKind, string>> = {
  orphan_allowance: '孤儿基本生活费',
  unsupported_child_allowance: '事实无人抚养儿童基本生活补贴',
  ltc_insurance: '长期护理保险待遇',
  other_hardship: '其他困难残疾人（县区认定）',
};

/**
 * Service records over time (dynamic management, D1 三(一)5; the register,
 * 三(六)1). Spans (enrolments, employment) carry an end date when they end.
 */
export const SERVICE_KINDS = [
  'rehab_need',
  'rehabilitation',
  'device_need',
  'device_fitted',
  'school_enrolment',
  'vocational_training',
  'employment',
  'pension_enrolment',
  'medical_enrolment',
  'home_modification',
  'death',
  'moved_away',
] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];

export const SERVICE_LABELS: Readonly<Record<ServiceKind, string>> = {
  rehab_need: '康复需求评估',
  rehabilitation: '接受基本康复服务',
  device_need: '辅助器具需求评估',
  device_fitted: '适配辅助器具',
  school_enrolment: '就学（义务教育）',
  vocational_training: '职业技能培训',
  employment: '就业',
  pension_enrolment: '参加城乡居民基本养老保险',
  medical_enrolment: '参加城乡居民基本医疗保险',
  home_modification: '家庭无障碍改造',
  death: '死亡',
  moved_away: '迁出本市',
};

/** Kinds that are spans (from … to) rather than events on a day. */
export const SPAN_KINDS: ReadonlySet<ServiceKind> = new Set([
  'school_enrolment',
  'employment',
  'pension_enrolment',
  'medical_enrolment',
]);

export type Subsidy = 'living' | 'care';

export const SUBSIDY_LABELS: Readonly<Record<Subsidy, string>> = {
  living: '困难残疾人生活补贴',
  care: '重度残疾人护理补贴',
};

/** What the subsidy rules need to know about one person on one day. */
export interface Situation {
  county: string;
  category: Category;
  grade: Grade;
  household: HouseholdStatus;
  benefits: ReadonlySet<BenefitKind>;
  alive: boolean;
  /** Still registered in the city (not moved away). */
  resident: boolean;
}

/** Why a subsidy is not paid; stable codes the payroll reports. */
export type ReasonCode =
  | 'deceased'
  | 'moved_away'
  | 'not_dibao'
  | 'excluded_tekun'
  | 'excluded_orphan_allowance'
  | 'excluded_unsupported_child_allowance'
  | 'grade_not_severe'
  | 'excluded_ltc_insurance'
  | 'no_grant'
  | 'grant_ended'
  | 'no_rule_in_force';

export interface Reason {
  code: ReasonCode;
  /** Chinese sentence for the clerk. */
  text: string;
  rule: string;
  article: string;
}

export type SubsidyDecision =
  | {
      outcome: 'eligible';
      subsidy: Subsidy;
      amount: Fen;
      /** standard: the plan's own group; county_extension: a county's 扩面. */
      basis: 'standard' | 'county_extension';
      articles: string[];
      steps: ExplanationStep[];
    }
  | {
      outcome: 'not_eligible';
      subsidy: Subsidy;
      reasons: Reason[];
      articles: string[];
      steps: ExplanationStep[];
    };

export interface DatedSpan {
  from: IsoDate;
  to: IsoDate | null;
}
