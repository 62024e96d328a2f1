/**
 * D5 §9: costs the pooling never pays: owed by work-injury insurance, by a
 * third party, by public health; incurred abroad; fitness, wellness and
 * check-ups. Such a claim pays nothing and uses no deductible.
 */
import type { RuleDeclaration } from '../../../core/params/articles.ts';
import type { BillNote, Exclusion } from '../types.ts';
import { billNote } from '../trace.ts';

export const exclusionsRule: RuleDeclaration = {
  id: 'd5.art9.exclusions',
  articles: ['D5 §9'],
  title: '普通门诊统筹不予支付的范围',
};

const CLAUSE: Record<Exclusion, { article: string; text: string }> = {
  work_injury: { article: 'D5 §9(1)', text: '应当从工伤保险基金中支付' },
  third_party: { article: 'D5 §9(2)', text: '应当由第三人负担' },
  public_health: { article: 'D5 §9(3)', text: '应当由公共卫生负担' },
  abroad: { article: 'D5 §9(4)', text: '在境外就医' },
  wellness: { article: 'D5 §9(5)', text: '体育健身、养生保健消费、健康体检' },
};

const NOTES = Object.fromEntries(
  Object.entries(CLAUSE).map(([reason, { text }]) => [
    reason,
    billNote('pooling', 'excluded', exclusionsRule.id, 'D5 §9', `费用属于“${text}”，普通门诊统筹不予支付`),
  ]),
) as Record<Exclusion, BillNote>;

export function exclusionNote(reason: Exclusion): BillNote {
  return NOTES[reason];
}

export function exclusionClause(reason: Exclusion): string {
  return CLAUSE[reason].article;
}
