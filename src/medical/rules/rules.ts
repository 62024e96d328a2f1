/** Every rule of the medical area, as the article manifests map them. */
import type { RuleDeclaration } from '../../core/params/articles.ts';
import { premiumSubsidyRule } from './d4/art7.premium_subsidy.ts';
import { insuranceFirstRule } from './d4/art3.insurance_first.ts';
import { categoriesRule } from './d4/art6.categories.ts';
import { eligibleAmountRule } from './d4/art8.eligible_amount.ts';
import { assistanceCapRule } from './d4/art9.annual_cap.ts';
import { assistanceDeductibleRule } from './d4/art10.deductible.ts';
import { assistanceRatioRule } from './d4/art11.ratio.ts';
import { tiltRule } from './d4/art11_3.tilt.ts';
import { watchListRule } from './d4/art12.watch_list.ts';
import { pushListRule } from './d4/art13.push_list.ts';
import { retroactiveRule } from './d4/art14.retroactive.ts';
import { depositFreeRule } from './d4/art16.deposit_free.ts';
import { referralRule } from './d4/art16.referral.ts';
import { fundShortfallRule } from './d4/art19.fund_shortfall.ts';
import { d4InForceRule } from './d4/art21.in_force.ts';
import { coveredMembersRule } from './d5/art3.covered_members.ts';
import { accountCreditRule } from './d5/art4.account_credit.ts';
import { retireeTopUpRule } from './d5/art4.retiree_top_up.ts';
import { accountUseRule } from './d5/art5.account_use.ts';
import { outpatientPoolingRule } from './d5/art6.outpatient_pooling.ts';
import { poolingCapRule } from './d5/art7_1.annual_cap.ts';
import { poolingDeductibleRule } from './d5/art7_1.deductible.ts';
import { outpatientRatioRule } from './d5/art7_1.ratio.ts';
import { residentElsewhereRule } from './d5/art7_2.resident_elsewhere.ts';
import { outOfCityReferralRule } from './d5/art7_3.out_of_city_referral.ts';
import { unreferredOutsideRule } from './d5/art7_4.unreferred_outside.ts';
import { accountFirstRule } from './d5/art8.account_first.ts';
import { exclusionsRule } from './d5/art9.exclusions.ts';
import { fundAnnualLimitRule } from './d5/art10.fund_annual_limit.ts';
import { d5InForceRule } from './d5/art17.in_force.ts';
import { oneStopRule } from './settleClaim.ts';

export const medicalRules: readonly RuleDeclaration[] = [
  oneStopRule,
  insuranceFirstRule,
  categoriesRule,
  premiumSubsidyRule,
  eligibleAmountRule,
  assistanceCapRule,
  assistanceDeductibleRule,
  assistanceRatioRule,
  tiltRule,
  watchListRule,
  pushListRule,
  retroactiveRule,
  referralRule,
  depositFreeRule,
  fundShortfallRule,
  d4InForceRule,
  coveredMembersRule,
  accountCreditRule,
  retireeTopUpRule,
  accountUseRule,
  outpatientPoolingRule,
  poolingDeductibleRule,
  outpatientRatioRule,
  poolingCapRule,
  residentElsewhereRule,
  outOfCityReferralRule,
  unreferredOutsideRule,
  accountFirstRule,
  exclusionsRule,
  fundAnnualLimitRule,
  d5InForceRule,
];

export const MEDICAL_MANIFESTS = [
  'params/d4-medical-assistance/articles.yaml',
  'params/d5-outpatient-pooling/articles.yaml',
] as const;
