/**
 * D4 §8: assistance covers inpatient costs and long-term outpatient care for
 * chronic or critical illness (门诊慢特病) at designated institutions, within
 * the basic-insurance scope; ordinary outpatient is not covered. The
 * eligible amount is the policy-scope self-pay left after basic insurance
 * (or outpatient pooling) and 大病保险, amounts below their deductibles
 * included.
 */
import { clampNonNegative, type Fen } from '../../../core/money.ts';
import type { RuleDeclaration } from '../../../core/params/articles.ts';
import { billNote } from '../trace.ts';
import type { Claim } from '../types.ts';

export const eligibleAmountRule: RuleDeclaration = {
  id: 'd4.art8.eligible_amount',
  articles: ['D4 §8'],
  title: '医疗救助费用保障范围与可救助金额',
};

export const ORDINARY_OUTPATIENT_NOT_COVERED = billNote(
  'assistance',
  'not_covered',
  eligibleAmountRule.id,
  'D4 §8',
  '普通门诊费用不属于医疗救助费用保障范围',
);

/**
 * Costs owed by another payer, incurred abroad or for wellness are outside
 * the basic-insurance scope D4 §8 refers to, so assistance pays none.
 */
export const EXCLUDED_FROM_ASSISTANCE = billNote(
  'assistance',
  'excluded',
  eligibleAmountRule.id,
  'D4 §8',
  '该费用不属于基本医保支付范围，不纳入医疗救助',
);

export function eligibleAmount(claim: Claim, pooling: Fen): Fen {
  return clampNonNegative(claim.policyScope - claim.basicPaid - claim.criticalPaid - pooling);
}
