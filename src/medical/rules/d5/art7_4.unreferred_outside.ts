/**
 * D5 §7(4): outpatient care outside the city without a filed referral is not
 * paid by the pooling fund (and uses no deductible).
 */
import type { RuleDeclaration } from '../../../core/params/articles.ts';
import { billNote } from '../trace.ts';

export const unreferredOutsideRule: RuleDeclaration = {
  id: 'd5.art7_4.unreferred_outside',
  articles: ['D5 §7(4)'],
  title: '未转诊备案市域外门诊统筹不予支付',
};

export const UNREFERRED_OUTSIDE = billNote(
  'pooling',
  'not_referred',
  unreferredOutsideRule.id,
  'D5 §7(4)',
  '未履行转诊备案手续在市域外门诊治疗，统筹基金不予支付',
);
