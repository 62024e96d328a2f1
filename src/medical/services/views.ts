/**
 * How bills leave the platform: amounts in yuan with two decimals, as the
 * import format writes them. The stored bill (fen) is the source; these are
 * pure functions of it, so the same bill always reads the same.
 */
import { formatYuan } from '../../core/money.ts';
import type { OutputColumn } from '../../io/table.ts';
import type { Bill, YearAccumulators } from '../rules/types.ts';
import type { RetroResult } from './retroactive.ts';

/** The bill file: the seven columns of the examples first, then the rest. */
export const BILL_COLUMNS: readonly OutputColumn[] = [
  { name: 'claim_id', label: '单据号' },
  { name: 'person_id', label: '身份证号' },
  { name: 'pooling', label: '门诊统筹支付' },
  { name: 'assistance', label: '医疗救助（含倾斜）' },
  { name: 'assistance_tilt', label: '其中倾斜救助' },
  { name: 'account_paid', label: '个人账户支付' },
  { name: 'cash_paid', label: '现金支付' },
  { name: 'date', label: '就诊日期' },
  { name: 'total', label: '总费用' },
  { name: 'policy_scope', label: '政策范围内费用' },
  { name: 'basic_paid', label: '基本医保支付' },
  { name: 'critical_paid', label: '大病保险支付' },
  { name: 'category', label: '救助类别' },
  { name: 'deposit_free', label: '免住院押金' },
  { name: 'account_after', label: '结算后账户余额' },
  { name: 'articles', label: '适用条款' },
  { name: 'notes', label: '说明' },
];

export function billFileRow(bill: Bill): Record<string, string> {
  return {
    claim_id: bill.claimId,
    person_id: bill.personId,
    pooling: formatYuan(bill.pooling),
    assistance: formatYuan(bill.assistance),
    assistance_tilt: formatYuan(bill.assistanceTilt),
    account_paid: formatYuan(bill.accountPaid),
    cash_paid: formatYuan(bill.cashPaid),
    date: bill.date,
    total: formatYuan(bill.total),
    policy_scope: formatYuan(bill.policyScope),
    basic_paid: formatYuan(bill.basicPaid),
    critical_paid: formatYuan(bill.criticalPaid),
    category: bill.category ?? '',
    deposit_free: bill.depositFree ? 'yes' : 'no',
    account_after: formatYuan(bill.accountAfter),
    articles: bill.articles.join('; '),
    notes: (bill.notes ?? []).map((n) => n.text).join('；'),
  };
}

export function accumulatorsView(a: YearAccumulators) {
  return {
    year: a.year,
    pooling_deductible: formatYuan(a.poolingDeductible),
    pooling_paid: formatYuan(a.poolingPaid),
    assistance_deductible: formatYuan(a.assistanceDeductible),
    assistance_paid: formatYuan(a.assistancePaid),
    tilt_burden: formatYuan(a.tiltBurden),
    burden_after_insurance: formatYuan(a.burdenAfterInsurance),
    fund_paid: formatYuan(a.fundPaid ?? 0),
    critical_paid: formatYuan(a.criticalPaid ?? 0),
  };
}

/** The whole bill for the API (一单制): every amount, the totals, the articles. */
export function billView(bill: Bill, extra: { kind?: string; status?: string; reverses?: string; reason?: string } = {}) {
  return {
    ...billFileRow(bill),
    deposit_free: bill.depositFree,
    kind: extra.kind ?? 'settlement',
    ...(extra.status ? { status: extra.status } : {}),
    ...(extra.reverses ? { reverses: extra.reverses, reason: extra.reason ?? '' } : {}),
    account_before: formatYuan(bill.accountBefore),
    accumulators_before: accumulatorsView(bill.accumulatorsBefore),
    accumulators_after: accumulatorsView(bill.accumulatorsAfter),
    articles: bill.articles,
    notes: bill.notes ?? [],
    steps: bill.steps,
  };
}

export const PUSH_LIST_COLUMNS: readonly OutputColumn[] = [
  { name: 'person_id', label: '身份证号' },
  { name: 'year', label: '年度' },
  { name: 'burden', label: '经基本医保、大病保险报销后个人负担' },
  { name: 'county', label: '认定地区' },
];

export const WATCH_LIST_COLUMNS: readonly OutputColumn[] = [
  { name: 'person_id', label: '身份证号' },
  { name: 'year', label: '年度' },
  { name: 'category', label: '监测类别' },
  { name: 'reason', label: '原因' },
  { name: 'burden', label: '个人负担' },
  { name: 'critical_paid', label: '大病保险支付' },
  { name: 'county', label: '认定地区' },
];

/** A retroactive application (D4 §14) as the API returns it. */
export function retroactiveView(result: RetroResult) {
  return {
    outcome: result.outcome,
    application_id: result.applicationId,
    person_id: result.personId,
    date: result.date,
    category: result.category,
    decided_by: result.decidedBy,
    valid_from: result.validFrom,
    valid_to: result.validTo,
    window_from: result.windowFrom,
    window_to: result.windowTo,
    reasons: result.reasons,
    articles: result.articles,
    total: formatYuan(result.total),
    claims: result.claims.map((c) => ({
      claim_id: c.claimId,
      date: c.date,
      outcome: c.outcome,
      assistance: formatYuan(c.assistance),
      assistance_tilt: formatYuan(c.tilt),
      reason: c.reason,
      steps: c.steps,
    })),
    years: result.years.map((y) => ({ year: y.year, before: accumulatorsView(y.before), after: accumulatorsView(y.after) })),
  };
}
