/**
 * D5 §7(1): a yearly deductible of policy-scope ordinary outpatient costs,
 * cumulative over the calendar year in the order claims are settled.
 */
import { clampNonNegative, type Fen } from '../../../core/money.ts';
import type { RuleDeclaration } from '../../../core/params/articles.ts';

export const poolingDeductibleRule: RuleDeclaration = {
  id: 'd5.art7_1.deductible',
  articles: ['D5 §7(1)'],
  title: '普通门诊统筹年度累计起付标准',
};

/** How much of `amount` the deductible still takes, given what the year used. */
export function deductibleTaken(amount: Fen, usedBefore: Fen, deductible: Fen): Fen {
  const left = clampNonNegative(deductible - usedBefore);
  return amount < left ? amount : left;
}
