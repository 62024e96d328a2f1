/**
 * D4 §13: every insured person whose burden after basic insurance and 大病
 * 保险 for the year exceeds the threshold is pushed to civil affairs and
 * rural revitalisation for an identity check. The burden counts everything
 * the person still owes: total − basic insurance (outpatient pooling
 * included) − 大病保险; assistance is what the check may lead to, so it is
 * not deducted.
 */
import type { Fen } from '../../../core/money.ts';
import type { RuleDeclaration } from '../../../core/params/articles.ts';
import type { MonitoringParams } from '../params.ts';
import type { Claim } from '../types.ts';

export const pushListRule: RuleDeclaration = {
  id: 'd4.art13.push_list',
  articles: ['D4 §13'],
  title: '个人负担超过1万元的参保人员推送民政、乡村振兴部门核实',
};

export function burdenAfterInsurance(claim: Claim, pooling: Fen): Fen {
  return claim.total - claim.basicPaid - claim.criticalPaid - pooling;
}

/** True on the claim with which the year's burden first exceeds the threshold. */
export function pushCrossed(before: Fen, after: Fen, m: MonitoringParams): boolean {
  return before <= m.pushThreshold && after > m.pushThreshold;
}
