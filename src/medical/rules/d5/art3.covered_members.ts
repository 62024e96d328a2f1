/**
 * D5 §3: the measures apply to 城镇职工 members, 单建统筹灵活就业 included
 * (D5 §4 gives them outpatient benefits without an account). Residents are
 * outside D5 altogether.
 */
import type { RuleDeclaration } from '../../../core/params/articles.ts';
import type { Person } from '../types.ts';

export const coveredMembersRule: RuleDeclaration = {
  id: 'd5.art3.covered_members',
  articles: ['D5 §3', 'D5 §4'],
  title: '门诊共济适用对象：城镇职工参保人员',
};

export function isPoolingMember(person: Person): boolean {
  return person.scheme === 'employee';
}

/** D5 §4: 单建统筹灵活就业 members have no personal account; residents none either. */
export function hasPersonalAccount(person: Person): boolean {
  return person.scheme === 'employee' && person.employment !== 'flexible';
}
