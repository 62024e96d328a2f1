/**
 * D4 §11(3), 倾斜救助: for recipients referred according to the rules and
 * treated in the province, when the year's policy-scope personal burden
 * after the three layers exceeds 50% of last year's per-capita disposable
 * income, the ratio rises by 10 (reading raise_reading: percentage points or
 * relative), within the annual cap; not for 特困人员.
 *
 * Reading burden_reading = whole_claim_no_reopen: the burden is the eligible
 * amount minus the assistance paid, summed over the year's claims settled
 * under assistance; a claim is settled at the raised ratio when the burden,
 * counting this claim settled at the normal ratio, exceeds the threshold;
 * earlier claims are not reopened.
 */
import { BP_ONE, roundHalfUp, type BasisPoints, type Fen } from '../../../core/money.ts';
import type { RuleDeclaration } from '../../../core/params/articles.ts';
import type { AssistanceParams } from '../params.ts';
import type { CategoryCode, Claim } from '../types.ts';

export const tiltRule: RuleDeclaration = {
  id: 'd4.art11_3.tilt',
  articles: ['D4 §11(3)'],
  title: '倾斜医疗救助（托底保障）',
};

/** Whether the claim can be tilted at all: category, referral, place. */
export function tiltCanApply(claim: Claim, category: CategoryCode, a: AssistanceParams): boolean {
  return claim.referral && claim.place !== 'outside' && !a.tiltExcluded.has(category);
}

/** Whether the year's burden with this claim at the normal ratio exceeds the threshold. */
export function tiltTriggered(burdenBefore: Fen, eligible: Fen, normal: Fen, a: AssistanceParams): boolean {
  return burdenBefore + eligible - normal > a.tiltThreshold;
}

export function tiltedRatio(ratio: BasisPoints, a: AssistanceParams): BasisPoints {
  const raised =
    a.tiltRaiseReading === 'percentage_points'
      ? ratio + a.tiltRaise
      : roundHalfUp(ratio * (BP_ONE + a.tiltRaise), BP_ONE);
  return raised > BP_ONE ? BP_ONE : raised;
}
