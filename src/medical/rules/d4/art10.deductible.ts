/**
 * D4 §10: yearly assistance deductible by category, cumulative over the
 * calendar year: none for §10(1) categories; §10(2) and §10(3) amounts for
 * 2022 carried forward until the bureau enters a new dated value.
 */
import { clampNonNegative, type Fen } from '../../../core/money.ts';
import type { RuleDeclaration } from '../../../core/params/articles.ts';

export const assistanceDeductibleRule: RuleDeclaration = {
  id: 'd4.art10.deductible',
  articles: ['D4 §10(1)', 'D4 §10(2)', 'D4 §10(3)'],
  title: '年度医疗救助起付标准',
};

export function assistanceDeductibleTaken(amount: Fen, usedBefore: Fen, deductible: Fen): Fen {
  const left = clampNonNegative(deductible - usedBefore);
  return amount < left ? amount : left;
}
