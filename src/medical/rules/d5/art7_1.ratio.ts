/**
 * D5 §7(1): payment ratio by institution level; retired members get the
 * extra percentage points at every level.
 */
import { BP_ONE, type BasisPoints } from '../../../core/money.ts';
import type { RuleDeclaration } from '../../../core/params/articles.ts';
import type { PoolingParams } from '../params.ts';
import type { Person } from '../types.ts';

export const outpatientRatioRule: RuleDeclaration = {
  id: 'd5.art7_1.outpatient_ratio',
  articles: ['D5 §7(1)'],
  title: '普通门诊统筹支付比例（按医疗机构级别，退休人员提高）',
};

export function outpatientRatio(
  level: 1 | 2 | 3,
  person: Person,
  p: PoolingParams,
): BasisPoints {
  const base = p.ratioByLevel[level - 1]!;
  const ratio = person.employment === 'retired' ? base + p.retireeBonus : base;
  return ratio > BP_ONE ? BP_ONE : ratio;
}
