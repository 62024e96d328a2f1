/**
 * D4 §11(1)(2): assistance ratio by tier, the same for outpatient
 * chronic/special care and for inpatient care: T1 100%, T2 70%, T3 60%.
 */
import type { BasisPoints } from '../../../core/money.ts';
import type { RuleDeclaration } from '../../../core/params/articles.ts';
import type { AssistanceParams } from '../params.ts';
import type { CategoryCode } from '../types.ts';

export const assistanceRatioRule: RuleDeclaration = {
  id: 'd4.art11.ratio',
  articles: ['D4 §11(1)', 'D4 §11(2)'],
  title: '门诊慢特病与住院救助比例',
};

export function assistanceRatio(category: CategoryCode, a: AssistanceParams): BasisPoints {
  return a.ratioOf[category];
}
