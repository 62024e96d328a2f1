/**
 * The public surface of the medical rules (鸡政办规〔2022〕21号 D4, 22号 D5).
 * Pure: plain data and a parameter snapshot in, bills and decisions out.
 */
export * from './types.ts';
export { emptyAccumulators, accumulatorsFor, initialState } from './accumulators.ts';
export {
  MedicalParams,
  buildSnapshot,
  PARAM,
  type MedicalSnapshot,
  type PoolingParams,
  type AccountParams,
  type AssistanceParams,
  type MonitoringParams,
  type PremiumParams,
  type FundParams,
  type Tier,
} from './params.ts';
export { settleClaim, claimProblems, type SettleOptions } from './settleClaim.ts';
export { settleBatch, type BatchOptions } from './settleBatch.ts';
export { medicalRules, MEDICAL_MANIFESTS } from './rules.ts';

export { accountCredit, type AccountCreditInput, type AccountCredit } from './d5/art4.account_credit.ts';
export { retireeTopUp, type TopUpInput, type TopUp } from './d5/art4.retiree_top_up.ts';
export {
  accountUse,
  type AccountPurpose,
  type Relation,
  type AccountUseRequest,
  type AccountUseDecision,
} from './d5/art5.account_use.ts';
export { hasPersonalAccount, isPoolingMember } from './d5/art3.covered_members.ts';

export { CATEGORY_NAMES, bestCategory, heldCategories } from './d4/art6.categories.ts';
export { premiumSubsidy, type PremiumSubsidy } from './d4/art7.premium_subsidy.ts';
export { admissionDeposit, type Admission, type DepositDecision } from './d4/art16.deposit_free.ts';
export {
  settleRetroactive,
  type RetroactiveApplication,
  type RetroactiveClaim,
  type RetroactiveSettlement,
} from './d4/art14.retroactive.ts';
export { fundShortfall, type FundYear, type FundLedger } from './d4/art19.fund_shortfall.ts';
export { watchEntries } from './d4/art12.watch_list.ts';
export { pushCrossed, burdenAfterInsurance } from './d4/art13.push_list.ts';
