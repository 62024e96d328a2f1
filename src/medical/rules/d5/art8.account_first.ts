/**
 * D5 §8, §5(1): the member's own share of policy-scope costs, what is left
 * after pooling (or basic insurance), 大病保险 and assistance, is paid from
 * the personal account first; the rest, and everything outside the policy
 * scope, is paid in cash (D4 §2). Members without an account (residents,
 * 单建统筹灵活就业, D5 §4) pay it all in cash.
 */
import { formatYuan, type Fen } from '../../../core/money.ts';
import type { RuleDeclaration } from '../../../core/params/articles.ts';
import type { AccountParams } from '../params.ts';
import { billNote, type Trace } from '../trace.ts';
import type { Claim, Person } from '../types.ts';
import { hasPersonalAccount } from './art3.covered_members.ts';
import { ACCOUNT_NOT_IN_FORCE } from './art17.in_force.ts';

export const accountFirstRule: RuleDeclaration = {
  id: 'd5.art8.account_first',
  articles: ['D5 §8', 'D5 §5'],
  title: '个人负担的政策范围内费用优先使用个人账户支付',
};

export const ACCOUNT_EXCLUDED = billNote(
  'account',
  'excluded',
  accountFirstRule.id,
  'D5 §5',
  '该费用不属于个人账户支付范围（第五条），由个人现金支付',
);

/** What the account pays of the member's remaining policy-scope share. */
export function accountPayment(
  person: Person,
  claim: Claim,
  share: Fen,
  balance: Fen,
  p: AccountParams | null,
  trace: Trace,
): Fen {
  if (share <= 0 || !hasPersonalAccount(person)) return 0;

  if (!p) {
    if (balance > 0) trace.note(ACCOUNT_NOT_IN_FORCE);
    return 0;
  }
  // Costs owed by another payer, abroad, or for public health and wellness
  // are outside what the account may pay (D5 §5(1), §5(4)).
  if (claim.exclusion) {
    if (balance > 0) trace.note(ACCOUNT_EXCLUDED);
    return 0;
  }

  const paid = balance < share ? (balance > 0 ? balance : 0) : share;
  const article = claim.kind === 'outpatient' ? 'D5 §8' : 'D5 §5(1)';
  trace.article(article);
  if (trace.steps) {
    trace.step(
      accountFirstRule.id,
      article,
      `个人负担的政策范围内费用${formatYuan(share)}元，个人账户余额${formatYuan(balance)}元，` +
        `账户支付${formatYuan(paid)}元`,
      undefined,
      { share: formatYuan(share), balanceBefore: formatYuan(balance), balanceAfter: formatYuan(balance - paid) },
    );
  }
  return paid;
}
