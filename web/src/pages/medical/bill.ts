/**
 * The lines of a 一单制 bill (D4 §2) and, for each amount, its explanation:
 * the rule steps that produced it (rule, article, parameter values), the
 * notes on its layer, and the year-to-date accumulators before and after.
 * Pure: the bill in, what to show out.
 */
import type { ResponseOf } from '../../api/client.ts';
import { parseYuan, toChineseCapital } from '../../money.ts';
import type { ExplanationStep } from '../../../../src/core/explain.ts';
import { ACCUMULATORS } from './labels.ts';

export type BillView = ResponseOf<'/api/medical/claims/preview', 'post'>;

export type AmountKey =
  | 'total'
  | 'policy_scope'
  | 'basic_paid'
  | 'critical_paid'
  | 'pooling'
  | 'assistance'
  | 'assistance_tilt'
  | 'account_paid'
  | 'cash_paid';

export interface BillLine {
  key: AmountKey;
  label: string;
  /** Rules whose steps explain the amount, by id prefix (the id carries the article). */
  rules: readonly string[];
  /** Note layer (bill.notes[].layer). */
  layer?: string;
  accumulators: readonly string[];
  /** For amounts the platform receives rather than computes. */
  given?: string;
  /** A part of the line above, shown indented. */
  partOf?: AmountKey;
}

export const BILL_LINES: readonly BillLine[] = [
  { key: 'total', label: '医疗总费用', rules: [], accumulators: [], given: '随费用单据传入（定点医疗机构结算数据）' },
  { key: 'policy_scope', label: '其中：政策范围内费用', rules: [], accumulators: [], given: '随费用单据传入', partOf: 'total' },
  {
    key: 'basic_paid',
    label: '基本医疗保险支付',
    rules: ['d4.art3'],
    accumulators: ['fund_paid'],
    given: '住院与门诊慢特病的基本医保支付由国家医保信息平台结算后随单据传入',
  },
  {
    key: 'critical_paid',
    label: '大病保险支付',
    rules: [],
    accumulators: ['critical_paid'],
    given: '大病保险支付随单据传入',
  },
  {
    key: 'pooling',
    label: '职工门诊统筹支付',
    rules: ['d5.art3', 'd5.art6', 'd5.art7', 'd5.art9', 'd5.art10', 'd5.art17'],
    layer: 'pooling',
    accumulators: ['pooling_deductible', 'pooling_paid', 'fund_paid'],
  },
  {
    key: 'assistance',
    label: '医疗救助支付',
    rules: ['d4.art6', 'd4.art8', 'd4.art9', 'd4.art10', 'd4.art11.', 'd4.art14', 'd4.art16.referral', 'd4.art21'],
    layer: 'assistance',
    accumulators: ['assistance_deductible', 'assistance_paid', 'burden_after_insurance'],
  },
  {
    key: 'assistance_tilt',
    label: '其中：倾斜救助',
    rules: ['d4.art11_3'],
    accumulators: ['tilt_burden'],
    partOf: 'assistance',
  },
  { key: 'account_paid', label: '个人账户支付', rules: ['d5.art8', 'd5.art5'], layer: 'account', accumulators: [] },
  { key: 'cash_paid', label: '个人现金支付', rules: ['d4.art2'], accumulators: ['burden_after_insurance'] },
];

export function amountOf(bill: BillView, key: AmountKey): string {
  return (bill[key] as string | undefined) ?? '0.00';
}

/** Chinese capitals (大写) of a yuan amount as the API writes it. */
export function capitalOf(yuan: string | undefined): string {
  const fen = parseYuan(yuan ?? '');
  return fen === undefined ? '' : toChineseCapital(fen);
}

export interface LineExplanation {
  steps: ExplanationStep[];
  notes: { rule?: string; article?: string; text?: string }[];
  accumulators: { key: string; label: string; before: string; after: string }[];
  account?: { before: string; after: string };
  given?: string;
}

/** The steps of the bill, as the platform's explanation chain (src/core/explain.ts). */
export function stepsOf(bill: BillView): ExplanationStep[] {
  return (bill.steps ?? []) as unknown as ExplanationStep[];
}

export function explainLine(bill: BillView, line: BillLine): LineExplanation {
  const steps = stepsOf(bill).filter((s) => line.rules.some((prefix) => s.rule.startsWith(prefix)));
  const notes = (bill.notes ?? []).filter((n) => line.layer !== undefined && n.layer === line.layer);
  const before = (bill.accumulators_before ?? {}) as Record<string, unknown>;
  const after = (bill.accumulators_after ?? {}) as Record<string, unknown>;
  const accumulators = line.accumulators.map((key) => ({
    key,
    label: ACCUMULATORS[key] ?? key,
    before: String(before[key] ?? '0.00'),
    after: String(after[key] ?? '0.00'),
  }));
  return {
    steps,
    notes,
    accumulators,
    ...(line.key === 'account_paid' ? { account: { before: bill.account_before ?? '0.00', after: bill.account_after ?? '0.00' } } : {}),
    ...(line.given ? { given: line.given } : {}),
  };
}

/** Steps that belong to no line (eligibility, in-force checks, one-stop summary). */
export function otherSteps(bill: BillView): ExplanationStep[] {
  return stepsOf(bill).filter((s) => !BILL_LINES.some((l) => l.rules.some((prefix) => s.rule.startsWith(prefix))));
}
