/**
 * D5 §7(3): with a referral filed, care outside the city is paid at the
 * ratio of the same level at home, 10% lower. Whether "10% lower" means
 * percentage points or a relative cut is the parameter reduction_reading.
 */
import { BP_ONE, roundHalfUp, type BasisPoints } from '../../../core/money.ts';
import type { RuleDeclaration } from '../../../core/params/articles.ts';
import type { PoolingParams } from '../params.ts';

export const outOfCityReferralRule: RuleDeclaration = {
  id: 'd5.art7_3.out_of_city_referral',
  articles: ['D5 §7(3)'],
  title: '转诊备案后市域外门诊报销比例下浮',
};

export function referredOutsideRatio(ratio: BasisPoints, p: PoolingParams): BasisPoints {
  const reduced =
    p.reductionReading === 'percentage_points'
      ? ratio - p.referralReduction
      : roundHalfUp(ratio * (BP_ONE - p.referralReduction), BP_ONE);
  return reduced > 0 ? reduced : 0;
}
