/**
 * D5 §10: what the outpatient pooling pays counts toward the pooling fund's
 * overall annual payment limit per member. The bulletin gives no amount;
 * while the parameter is unset the check is skipped and the bill says so.
 */
import { clampNonNegative, type Fen } from '../../../core/money.ts';
import type { RuleDeclaration } from '../../../core/params/articles.ts';
import { billNote } from '../trace.ts';

export const fundAnnualLimitRule: RuleDeclaration = {
  id: 'd5.art10.fund_annual_limit',
  articles: ['D5 §10'],
  title: '门诊统筹支付额度计入统筹基金年度支付限额',
};

export const FUND_LIMIT_UNSET = billNote(
  'pooling',
  'fund_limit_unset',
  fundAnnualLimitRule.id,
  'D5 §10',
  '统筹基金年度支付限额尚未录入，本次未校验该限额',
);

export const FUND_LIMIT_REACHED = billNote(
  'pooling',
  'fund_limit_reached',
  fundAnnualLimitRule.id,
  'D5 §10',
  '统筹基金本年度支付已达年度支付限额',
);

/** `amount` limited to what the fund may still pay this year. */
export function withinFundLimit(amount: Fen, fundPaidBefore: Fen, limit: Fen): Fen {
  const left = clampNonNegative(limit - fundPaidBefore);
  return amount < left ? amount : left;
}
