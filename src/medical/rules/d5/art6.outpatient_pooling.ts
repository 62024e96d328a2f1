/**
 * D5 §6, §8: policy-scope ordinary outpatient costs of 职工医保 members are
 * paid by the pooling fund, under the deductible, ratio, location rules and
 * caps of D5 §7 and §10, never for the costs of §9. This composes those
 * rules into the pooling layer of the one-stop bill (D4 §2).
 */
import { applyRate, clampNonNegative, formatPercent, formatYuan, type Fen } from '../../../core/money.ts';
import type { RuleDeclaration } from '../../../core/params/articles.ts';
import type { PoolingParams } from '../params.ts';
import type { Trace } from '../trace.ts';
import type { Claim, Person, YearAccumulators } from '../types.ts';
import { coveredMembersRule, isPoolingMember } from './art3.covered_members.ts';
import { POOLING_CAP_REACHED, poolingCapRule, withinCap } from './art7_1.annual_cap.ts';
import { deductibleTaken, poolingDeductibleRule } from './art7_1.deductible.ts';
import { outpatientRatio, outpatientRatioRule } from './art7_1.ratio.ts';
import { cityStandardApplies, residentElsewhereRule } from './art7_2.resident_elsewhere.ts';
import { outOfCityReferralRule, referredOutsideRatio } from './art7_3.out_of_city_referral.ts';
import { UNREFERRED_OUTSIDE } from './art7_4.unreferred_outside.ts';
import { exclusionNote } from './art9.exclusions.ts';
import {
  FUND_LIMIT_REACHED,
  FUND_LIMIT_UNSET,
  fundAnnualLimitRule,
  withinFundLimit,
} from './art10.fund_annual_limit.ts';
import { POOLING_NOT_IN_FORCE } from './art17.in_force.ts';

export const outpatientPoolingRule: RuleDeclaration = {
  id: 'd5.art6.outpatient_pooling',
  articles: ['D5 §6', 'D5 §8'],
  title: '政策范围内普通门诊费用由统筹基金支付',
};

export interface PoolingOutcome {
  paid: Fen;
  deductibleUsed: Fen;
}

const NOTHING: PoolingOutcome = Object.freeze({ paid: 0, deductibleUsed: 0 });

export function settlePooling(
  person: Person,
  claim: Claim,
  acc: YearAccumulators,
  p: PoolingParams | null,
  trace: Trace,
): PoolingOutcome {
  if (claim.kind !== 'outpatient' || !isPoolingMember(person)) return NOTHING;

  if (!p) {
    trace.note(POOLING_NOT_IN_FORCE);
    return NOTHING;
  }
  if (claim.exclusion) {
    trace.note(exclusionNote(claim.exclusion));
    return NOTHING;
  }
  const cityStandard = cityStandardApplies(claim);
  if (!cityStandard && !claim.referral) {
    trace.note(UNREFERRED_OUTSIDE);
    return NOTHING;
  }

  trace.article('D5 §6');
  trace.step(
    coveredMembersRule.id,
    'D5 §3',
    person.employment === 'flexible'
      ? '单建统筹灵活就业人员，享受门诊待遇（不划入个人账户）'
      : '职工医保参保人员，普通门诊政策范围内费用由统筹基金按规定支付',
  );

  // Upstream payments on an ordinary outpatient claim of an employee are
  // normally none; whatever was handed over is not paid twice.
  const base = clampNonNegative(claim.policyScope - claim.basicPaid - claim.criticalPaid);

  let ratio = outpatientRatio(claim.level, person, p);
  trace.article('D5 §7(1)');
  if (trace.steps) {
    const retired = person.employment === 'retired';
    trace.step(
      outpatientRatioRule.id,
      'D5 §7(1)',
      `${claim.level}级定点医疗机构支付比例${formatPercent(p.ratioByLevel[claim.level - 1]!)}` +
        (retired ? `，退休人员提高${formatPercent(p.retireeBonus)}，为${formatPercent(ratio)}` : ''),
      retired ? [p.use.ratioByLevel[claim.level - 1]!, p.use.retireeBonus] : [p.use.ratioByLevel[claim.level - 1]!],
      { ratio: formatPercent(ratio) },
    );
  }
  if (claim.residentElsewhere && claim.place !== 'city') {
    trace.article('D5 §7(2)');
    trace.step(residentElsewhereRule.id, 'D5 §7(2)', '异地居住备案人员，执行参保地报销标准');
  }
  if (!cityStandard) {
    const before = ratio;
    ratio = referredOutsideRatio(ratio, p);
    trace.article('D5 §7(3)');
    if (trace.steps) {
      trace.step(
        outOfCityReferralRule.id,
        'D5 §7(3)',
        `转诊备案后市域外就医，报销比例下浮${formatPercent(p.referralReduction)}` +
          `（${p.reductionReading === 'percentage_points' ? '按百分点' : '按比例'}），由${formatPercent(before)}降为${formatPercent(ratio)}`,
        [p.use.referralReduction, p.use.reductionReading],
        { ratioBefore: formatPercent(before), ratioAfter: formatPercent(ratio) },
      );
    }
  }

  const deductibleUsed = deductibleTaken(base, acc.poolingDeductible, p.deductible);
  const raw = applyRate(base - deductibleUsed, ratio);
  if (trace.steps) {
    trace.step(
      poolingDeductibleRule.id,
      'D5 §7(1)',
      `年度累计起付标准${formatYuan(p.deductible)}元，本年已累计${formatYuan(acc.poolingDeductible)}元，` +
        `本次政策范围内${formatYuan(base)}元中${formatYuan(deductibleUsed)}元计入起付线，` +
        `其余${formatYuan(base - deductibleUsed)}元按${formatPercent(ratio)}支付${formatYuan(raw)}元`,
      [p.use.deductible],
      {
        policyScope: formatYuan(base),
        deductibleBefore: formatYuan(acc.poolingDeductible),
        deductibleAfter: formatYuan(acc.poolingDeductible + deductibleUsed),
        computed: formatYuan(raw),
      },
    );
  }

  let paid = withinCap(raw, acc.poolingPaid, p.annualCap);
  if (paid < raw) trace.note(POOLING_CAP_REACHED);
  if (trace.steps) {
    trace.step(
      poolingCapRule.id,
      'D5 §7(1)',
      `年度最高支付限额${formatYuan(p.annualCap)}元，本年已支付${formatYuan(acc.poolingPaid)}元，本次支付${formatYuan(paid)}元`,
      [p.use.annualCap],
      { paidBefore: formatYuan(acc.poolingPaid), paidAfter: formatYuan(acc.poolingPaid + paid) },
    );
  }

  if (p.fundAnnualLimit === null) {
    trace.note(FUND_LIMIT_UNSET);
  } else {
    const fundBefore = (acc.fundPaid ?? 0) + claim.basicPaid;
    const limited = withinFundLimit(paid, fundBefore, p.fundAnnualLimit);
    if (limited < paid) trace.note(FUND_LIMIT_REACHED);
    if (trace.steps) {
      trace.step(
        fundAnnualLimitRule.id,
        'D5 §10',
        `统筹基金年度支付限额${formatYuan(p.fundAnnualLimit)}元，本年已支付${formatYuan(fundBefore)}元，本次门诊统筹支付${formatYuan(limited)}元`,
        [p.use.fundAnnualLimit],
      );
    }
    trace.article('D5 §10');
    paid = limited;
  }

  return { paid, deductibleUsed };
}
