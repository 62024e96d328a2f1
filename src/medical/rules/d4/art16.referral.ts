/**
 * D4 §16: recipients referred according to the rules are settled at the
 * city's standards; costs of recipients not referred according to the rules
 * are not covered, except emergencies and rescue (急诊抢救).
 */
import type { RuleDeclaration } from '../../../core/params/articles.ts';
import { billNote } from '../trace.ts';
import type { Claim } from '../types.ts';

export const referralRule: RuleDeclaration = {
  id: 'd4.art16.referral',
  articles: ['D4 §16'],
  title: '按规定转诊；未按规定转诊不予救助（急诊抢救除外）',
};

export const NOT_REFERRED = billNote(
  'assistance',
  'not_referred',
  referralRule.id,
  'D4 §16',
  '未按规定转诊，所发生的医疗费用不纳入医疗救助范围',
);

export function referralAllowsAssistance(claim: Claim): boolean {
  return claim.referral || claim.emergency;
}
