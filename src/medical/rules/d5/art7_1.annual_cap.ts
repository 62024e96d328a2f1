/**
 * D5 §7(1), §10: at most the annual cap of pooling payments per member in a
 * calendar year; what is left is not carried over or transferred (the
 * accumulators start afresh each year, see accumulatorsFor).
 */
import { clampNonNegative, type Fen } from '../../../core/money.ts';
import type { RuleDeclaration } from '../../../core/params/articles.ts';
import { billNote } from '../trace.ts';

export const poolingCapRule: RuleDeclaration = {
  id: 'd5.art7_1.annual_cap',
  articles: ['D5 §7(1)', 'D5 §10'],
  title: '普通门诊统筹年度最高支付限额（按自然年度，不结转、不转让）',
};

export const POOLING_CAP_REACHED = billNote(
  'pooling',
  'annual_cap_reached',
  poolingCapRule.id,
  'D5 §7(1)',
  '普通门诊统筹本年度支付已达年度最高支付限额',
);

export function withinCap(amount: Fen, paidBefore: Fen, cap: Fen): Fen {
  const left = clampNonNegative(cap - paidBefore);
  return amount < left ? amount : left;
}
