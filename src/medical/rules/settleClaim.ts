/**
 * D4 §2, 一站式 / 一单制: one claim in, one bill out. Payers in order:
 * outpatient pooling (D5), basic insurance and 大病保险 as handed over
 * (D4 §3), medical assistance with its tilt (D4 §8–§11, §16), the personal
 * account for the member's remaining policy-scope share (D5 §8, §5(1)), and
 * cash for the rest, everything outside the policy scope included. Pure:
 * the same claim and state give the same bill, and nothing is changed.
 */
import { PlatformError, type FieldProblem } from '../../core/errors.ts';
import { isIsoDate } from '../../core/dates.ts';
import { formatYuan } from '../../core/money.ts';
import type { RuleDeclaration } from '../../core/params/articles.ts';
import { medicalErrors } from '../errors.ts';
import { accumulatorsFor } from './accumulators.ts';
import { recordHandover } from './d4/art3.insurance_first.ts';
import { burdenAfterInsurance } from './d4/art13.push_list.ts';
import { claimDepositFree } from './d4/art16.deposit_free.ts';
import { settleAssistance } from './d4/assistanceLayer.ts';
import { accountPayment } from './d5/art8.account_first.ts';
import { settlePooling } from './d5/art6.outpatient_pooling.ts';
import type { MedicalParams } from './params.ts';
import { Trace } from './trace.ts';
import type { Bill, Claim, Person, PersonState, YearAccumulators } from './types.ts';

export const oneStopRule: RuleDeclaration = {
  id: 'd4.art2.one_stop',
  articles: ['D4 §2'],
  title: '“一站式”服务、“一单制”结算',
};

export interface SettleOptions {
  /** Build the explanation steps (slower; off for batch runs). */
  explain?: boolean;
}

export function settleClaim(
  person: Person,
  claim: Claim,
  state: PersonState,
  params: MedicalParams,
  options?: SettleOptions,
): Bill {
  checkClaim(person, claim);

  const snapshot = params.on(claim.date);
  const trace = new Trace(options?.explain === true);
  const before = accumulatorsFor(snapshot.year, state.accumulators);
  trace.article('D4 §2');
  recordHandover(claim, trace);

  const pooling = settlePooling(person, claim, before, snapshot.pooling, trace);
  const assistance = settleAssistance(person, claim, pooling.paid, before, snapshot.assistance, trace);

  const covered = claim.basicPaid + claim.criticalPaid + pooling.paid + assistance.paid;
  const share = claim.policyScope - covered;
  const accountPaid = accountPayment(person, claim, share, state.account, snapshot.account, trace);
  const cashPaid = claim.total - covered - accountPaid;

  const after: YearAccumulators = {
    year: before.year,
    poolingDeductible: before.poolingDeductible + pooling.deductibleUsed,
    poolingPaid: before.poolingPaid + pooling.paid,
    assistanceDeductible: before.assistanceDeductible + assistance.deductibleUsed,
    assistancePaid: before.assistancePaid + assistance.paid,
    tiltBurden: before.tiltBurden + assistance.burden,
    burdenAfterInsurance: before.burdenAfterInsurance + burdenAfterInsurance(claim, pooling.paid),
    fundPaid: (before.fundPaid ?? 0) + (person.scheme === 'employee' ? claim.basicPaid + pooling.paid : 0),
    criticalPaid: (before.criticalPaid ?? 0) + claim.criticalPaid,
  };

  if (trace.steps) {
    trace.step(
      oneStopRule.id,
      'D4 §2',
      `一单制结算：总费用${formatYuan(claim.total)}元，基本医保${formatYuan(claim.basicPaid)}元，` +
        `大病保险${formatYuan(claim.criticalPaid)}元，门诊统筹${formatYuan(pooling.paid)}元，` +
        `医疗救助${formatYuan(assistance.paid)}元（其中倾斜救助${formatYuan(assistance.tilt)}元），` +
        `个人账户${formatYuan(accountPaid)}元，现金${formatYuan(cashPaid)}元`,
      undefined,
      { total: formatYuan(claim.total), cash: formatYuan(cashPaid) },
    );
  }

  return {
    claimId: claim.claimId,
    personId: claim.personId,
    date: claim.date,
    total: claim.total,
    policyScope: claim.policyScope,
    basicPaid: claim.basicPaid,
    criticalPaid: claim.criticalPaid,
    pooling: pooling.paid,
    assistance: assistance.paid,
    assistanceTilt: assistance.tilt,
    accountPaid,
    cashPaid,
    category: assistance.category,
    depositFree: claimDepositFree(person, claim, snapshot.assistance),
    accumulatorsBefore: before,
    accumulatorsAfter: after,
    accountBefore: state.account,
    accountAfter: state.account - accountPaid,
    articles: trace.articles,
    notes: trace.notes,
    steps: trace.steps ?? [],
  };
}

const KINDS: readonly string[] = ['outpatient', 'chronic', 'inpatient'];
const PLACES: readonly string[] = ['city', 'province', 'outside'];

/** Everything wrong with a claim, for checking a whole file before settling. */
export function claimProblems(claim: Claim, row?: number): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const add = (field: string, value: unknown, reason: string) =>
    problems.push({ ...(row === undefined ? {} : { row }), field, value, reason });

  if (!claim.claimId) add('claim_id', claim.claimId, '缺少单据号');
  if (!claim.personId) add('person_id', undefined, '缺少参保人');
  if (!isIsoDate(claim.date)) add('date', claim.date, '日期应为 YYYY-MM-DD');
  if (!KINDS.includes(claim.kind)) {
    add('kind', claim.kind, '费用类型应为 outpatient、chronic 或 inpatient');
  }
  if (claim.level !== 1 && claim.level !== 2 && claim.level !== 3) {
    add('level', claim.level, '医疗机构级别应为 1、2 或 3');
  }
  if (!PLACES.includes(claim.place)) {
    add('place', claim.place, '就医地应为 city、province 或 outside');
  }
  for (const field of ['total', 'policyScope', 'basicPaid', 'criticalPaid'] as const) {
    const value = claim[field];
    if (!Number.isSafeInteger(value) || value < 0) add(field, value, '金额应为非负整数（分）');
  }
  if (problems.length > 0) return problems;

  if (claim.policyScope > claim.total) add('policyScope', claim.policyScope, '政策范围内费用不能超过总费用');
  if (claim.basicPaid + claim.criticalPaid > claim.policyScope) {
    add('basicPaid', claim.basicPaid, '基本医保与大病保险支付合计不能超过政策范围内费用');
  }
  return problems;
}

let lastCheckedDate = '';

/** The cheap checks of the hot path; a full date check once per new date. */
function checkClaim(person: Person, claim: Claim): void {
  const amountsOk =
    claim.total >= claim.policyScope &&
    claim.basicPaid >= 0 &&
    claim.criticalPaid >= 0 &&
    claim.basicPaid + claim.criticalPaid <= claim.policyScope &&
    Number.isSafeInteger(claim.total) &&
    Number.isSafeInteger(claim.policyScope) &&
    Number.isSafeInteger(claim.basicPaid) &&
    Number.isSafeInteger(claim.criticalPaid);
  const dateOk = claim.date === lastCheckedDate || isIsoDate(claim.date);
  if (amountsOk && dateOk && claim.personId === person.personId && claim.level >= 1 && claim.level <= 3) {
    lastCheckedDate = claim.date;
    return;
  }

  const problems = claimProblems(claim);
  if (claim.personId !== person.personId) {
    // No identity numbers in errors: they may end up in logs.
    problems.push({ field: 'person_id', reason: '单据与所结算的参保人不符' });
  }
  throw new PlatformError('ERR_MEDICAL_CLAIM_INVALID', medicalErrors.ERR_MEDICAL_CLAIM_INVALID, {
    details: { claimId: claim.claimId },
    problems,
  });
}
