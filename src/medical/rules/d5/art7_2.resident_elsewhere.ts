/**
 * D5 §7(2): members registered as living elsewhere (异地居住备案) are settled
 * at the standards of the place they are insured, wherever they are treated.
 */
import type { RuleDeclaration } from '../../../core/params/articles.ts';
import type { Claim } from '../types.ts';

export const residentElsewhereRule: RuleDeclaration = {
  id: 'd5.art7_2.resident_elsewhere',
  articles: ['D5 §7(2)'],
  title: '异地居住参保职工执行参保地报销标准',
};

/** True when the city's own standards apply to the claim (D5 §7(1)–(2)). */
export function cityStandardApplies(claim: Claim): boolean {
  return claim.place === 'city' || claim.residentElsewhere;
}
