/**
 * The assistance layer of the one-stop bill (D4 §2): category (§6), scope
 * and eligible amount (§8), referral (§16), deductible (§10), ratio (§11),
 * tilt (§11(3)) and annual cap (§9), in that order.
 */
import { applyRate, formatPercent, formatYuan, type Fen } from '../../../core/money.ts';
import type { AssistanceParams } from '../params.ts';
import type { Trace } from '../trace.ts';
import type { CategoryCode, Claim, Person, YearAccumulators } from '../types.ts';
import { categoriesRule, bestCategory, CATEGORY_NAMES, heldCategories, holdsAnyCategory } from './art6.categories.ts';
import {
  EXCLUDED_FROM_ASSISTANCE,
  ORDINARY_OUTPATIENT_NOT_COVERED,
  eligibleAmount,
  eligibleAmountRule,
} from './art8.eligible_amount.ts';
import { ASSISTANCE_CAP_REACHED, assistanceCapLeft, assistanceCapRule } from './art9.annual_cap.ts';
import { assistanceDeductibleRule, assistanceDeductibleTaken } from './art10.deductible.ts';
import { assistanceRatio, assistanceRatioRule } from './art11.ratio.ts';
import { tiltCanApply, tiltedRatio, tiltRule, tiltTriggered } from './art11_3.tilt.ts';
import { NOT_REFERRED, referralAllowsAssistance } from './art16.referral.ts';
import { ASSISTANCE_NOT_IN_FORCE } from './art21.in_force.ts';

export interface AssistanceOutcome {
  category: CategoryCode | null;
  /** Total assistance, tilt included. */
  paid: Fen;
  tilt: Fen;
  deductibleUsed: Fen;
  /** Eligible amount minus assistance: added to the tilt burden. */
  burden: Fen;
}

const NONE: AssistanceOutcome = Object.freeze({ category: null, paid: 0, tilt: 0, deductibleUsed: 0, burden: 0 });

export function settleAssistance(
  person: Person,
  claim: Claim,
  pooling: Fen,
  acc: YearAccumulators,
  a: AssistanceParams | null,
  trace: Trace,
  /** Settle as if holding this category (D4 §14 retroactive settlement). */
  forcedCategory?: CategoryCode,
): AssistanceOutcome {
  if (person.categories.length === 0 && !forcedCategory) return NONE;

  if (!a) {
    if (forcedCategory || holdsAnyCategory(person, claim.date)) trace.note(ASSISTANCE_NOT_IN_FORCE);
    return NONE;
  }
  const category = forcedCategory ?? bestCategory(person, claim.date, a);
  if (!category) return NONE;

  const outcome = { category, paid: 0, tilt: 0, deductibleUsed: 0, burden: 0 };
  trace.article(forcedCategory ? 'D4 §14' : 'D4 §6');
  if (trace.steps) explainCategory(person, claim, category, a, trace, forcedCategory);

  if (!a.covers[claim.kind]) {
    trace.note(ORDINARY_OUTPATIENT_NOT_COVERED);
    return outcome;
  }
  if (claim.exclusion) {
    trace.note(EXCLUDED_FROM_ASSISTANCE);
    return outcome;
  }
  if (!referralAllowsAssistance(claim)) {
    trace.note(NOT_REFERRED);
    return outcome;
  }

  const eligible = eligibleAmount(claim, pooling);
  trace.article('D4 §8');
  if (trace.steps) {
    trace.step(
      eligibleAmountRule.id,
      'D4 §8',
      `政策范围内费用${formatYuan(claim.policyScope)}元，减去基本医保（含门诊统筹）${formatYuan(claim.basicPaid + pooling)}元、` +
        `大病保险${formatYuan(claim.criticalPaid)}元，可救助金额${formatYuan(eligible)}元` +
        (claim.referral ? '' : '（急诊抢救，未转诊仍予救助，D4 §16）'),
      [a.use.coveredKinds],
      { eligible: formatYuan(eligible) },
    );
  }

  const deductible = a.deductibleOf[category];
  const deductibleUsed = assistanceDeductibleTaken(eligible, acc.assistanceDeductible, deductible);
  const base = eligible - deductibleUsed;
  trace.article(a.use.deductibleOf[category].citation.article);
  if (trace.steps) {
    trace.step(
      assistanceDeductibleRule.id,
      a.use.deductibleOf[category].citation.article,
      deductible === 0
        ? '不设起付标准'
        : `年度累计起付标准${formatYuan(deductible)}元，本年已累计${formatYuan(acc.assistanceDeductible)}元，本次计入${formatYuan(deductibleUsed)}元`,
      [a.use.deductibleOf[category]],
      {
        deductibleBefore: formatYuan(acc.assistanceDeductible),
        deductibleAfter: formatYuan(acc.assistanceDeductible + deductibleUsed),
      },
    );
  }

  const ratio = assistanceRatio(category, a);
  const capLeft = assistanceCapLeft(acc.assistancePaid, a.annualCap);
  const computed = applyRate(base, ratio);
  const normal = computed < capLeft ? computed : capLeft;
  trace.article(a.use.ratioOf[category].citation.article);
  if (trace.steps) {
    trace.step(
      assistanceRatioRule.id,
      a.use.ratioOf[category].citation.article,
      `${CATEGORY_NAMES[category]}救助比例${formatPercent(ratio)}：${formatYuan(base)}元×${formatPercent(ratio)}=${formatYuan(computed)}元`,
      [a.use.ratioOf[category], a.use.categoryTiers],
      { base: formatYuan(base), computed: formatYuan(computed) },
    );
  }

  let paid = normal;
  let uncapped = computed;
  if (tiltCanApply(claim, category, a)) {
    const triggered = tiltTriggered(acc.tiltBurden, eligible, normal, a);
    if (triggered) {
      const raised = tiltedRatio(ratio, a);
      uncapped = applyRate(base, raised);
      paid = uncapped < capLeft ? uncapped : capLeft;
      outcome.tilt = paid - normal;
      trace.article('D4 §11(3)');
    }
    if (trace.steps) explainTilt(acc, eligible, normal, ratio, triggered, paid, a, trace);
  }

  if (uncapped > capLeft) trace.note(ASSISTANCE_CAP_REACHED);
  trace.article('D4 §9');
  if (trace.steps) {
    trace.step(
      assistanceCapRule.id,
      'D4 §9',
      `年度最高救助限额${formatYuan(a.annualCap)}元，本年已救助${formatYuan(acc.assistancePaid)}元，本次救助${formatYuan(paid)}元`,
      [a.use.annualCap],
      { paidBefore: formatYuan(acc.assistancePaid), paidAfter: formatYuan(acc.assistancePaid + paid) },
    );
  }

  outcome.paid = paid;
  outcome.deductibleUsed = deductibleUsed;
  outcome.burden = eligible - paid;
  return outcome;
}

function explainCategory(
  person: Person,
  claim: Claim,
  category: CategoryCode,
  a: AssistanceParams,
  trace: Trace,
  forced: CategoryCode | undefined,
): void {
  if (forced) {
    trace.step(categoriesRule.id, 'D4 §14', `依申请认定为${CATEGORY_NAMES[forced]}，追溯计入医疗救助范围`);
    return;
  }
  const held = heldCategories(person, claim.date);
  trace.step(
    categoriesRule.id,
    'D4 §6',
    held.length > 1
      ? `同时具有${held.map((c) => CATEGORY_NAMES[c]).join('、')}身份，按最有利的${CATEGORY_NAMES[category]}救助，不重复救助`
      : `救助对象类别：${CATEGORY_NAMES[category]}`,
    held.length > 1 ? [a.use.multiCategoryReading] : undefined,
    { category },
  );
}

function explainTilt(
  acc: YearAccumulators,
  eligible: Fen,
  normal: Fen,
  ratio: number,
  triggered: boolean,
  paid: Fen,
  a: AssistanceParams,
  trace: Trace,
): void {
  const burden = acc.tiltBurden + eligible - normal;
  trace.step(
    tiltRule.id,
    'D4 §11(3)',
    triggered
      ? `本年个人负担（按原比例计入本笔）${formatYuan(burden)}元，超过上年人均可支配收入${formatYuan(a.incomeLastYear)}元的` +
          `${formatPercent(a.tiltThresholdShare)}即${formatYuan(a.tiltThreshold)}元，` +
          `比例由${formatPercent(ratio)}上浮为${formatPercent(tiltedRatio(ratio, a))}，倾斜救助${formatYuan(paid - normal)}元`
      : `本年个人负担（按原比例计入本笔）${formatYuan(burden)}元，未超过倾斜救助门槛${formatYuan(a.tiltThreshold)}元`,
    [a.use.incomeLastYear, a.use.tiltThresholdShare, a.use.tiltRaise, a.use.tiltRaiseReading, a.use.tiltBurdenReading],
    { burdenBefore: formatYuan(acc.tiltBurden), burdenWithClaim: formatYuan(burden), threshold: formatYuan(a.tiltThreshold) },
  );
}
