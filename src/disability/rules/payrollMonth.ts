/**
 * The monthly payroll of the two subsidies (D1 三(一)5 “确保发放工作制度化、
 * 规范化”, “强化信息动态管理”): for each approved grant, decide the month on
 * the reference day and pay the standard; a grant paid last time and not now
 * is listed as stopped, with the reasons. Totals per county. Pure: the same
 * situations and parameters give the same payroll, line for line.
 */
import { firstDayOfMonth, lastDayOfMonth, type IsoDate, type IsoMonth } from '../../core/dates.ts';
import type { Fen } from '../../core/money.ts';
import type { RuleDeclaration } from '../../core/params/articles.ts';
import { decideCare } from './careSubsidy.ts';
import { decideLiving } from './livingSubsidy.ts';
import type { SubsidyParameters } from './subsidyParameters.ts';
import type { Reason, ReasonCode, Situation, Subsidy } from './types.ts';

export const payrollMonthRule: RuleDeclaration = {
  id: 'd1.s3_1_5.payroll_month',
  articles: ['D1 三(一)5', 'D1 专栏2 一2'],
  title: '两项补贴按月发放名册：发放、停发及原因、分县区合计',
};

export interface Grant {
  applicationId: string;
  subsidy: Subsidy;
  approvedOn: IsoDate;
  endedOn: IsoDate | null;
}

export interface PayrollPerson {
  personId: string;
  county: string;
  /** The person's situation on the month's reference day. */
  situation: Situation;
  grants: readonly Grant[];
}

export interface PreviousLine {
  county: string;
  amount: Fen;
  status: 'paid' | 'stopped';
}

export type LineChange = 'new' | 'continued' | 'changed' | 'stopped';

export interface PayrollLine {
  personId: string;
  subsidy: Subsidy;
  county: string;
  applicationId: string | null;
  status: 'paid' | 'stopped';
  amount: Fen;
  change: LineChange;
  previousAmount: Fen | null;
  basis: 'standard' | 'county_extension' | null;
  reasons: Reason[];
}

export interface SubsidyTotal {
  persons: number;
  amount: Fen;
  stopped: number;
}

export interface CountyTotal {
  county: string;
  living: SubsidyTotal;
  care: SubsidyTotal;
  /** Persons paid at least one subsidy. */
  persons: number;
  amount: Fen;
}

export interface PayrollResult {
  month: IsoMonth;
  referenceDate: IsoDate;
  lines: PayrollLine[];
  totals: CountyTotal[];
  grandTotal: Omit<CountyTotal, 'county'>;
  /** Grants that end because their payment stopped (stop_ends_grant). */
  endedGrants: { applicationId: string; endedOn: IsoDate; reasons: ReasonCode[] }[];
}

export function lineKey(personId: string, subsidy: Subsidy): string {
  return `${personId}:${subsidy}`;
}

/** The day whose situation decides the month (disability.d1.s3_1_5.situation_reference). */
export function referenceDate(month: IsoMonth, reference: SubsidyParameters['situationReference']): IsoDate {
  return reference === 'last_day_of_month' ? lastDayOfMonth(month) : firstDayOfMonth(month);
}

/** Whether a grant pays in `month` (payment_start; an end on or before the reference day stops it). */
export function grantActive(grant: Grant, month: IsoMonth, reference: IsoDate, params: SubsidyParameters): boolean {
  const approvedMonth = grant.approvedOn.slice(0, 7);
  const started = params.paymentStart === 'month_after_approval' ? approvedMonth < month : approvedMonth <= month;
  return started && (grant.endedOn === null || grant.endedOn > reference);
}

export function payrollMonth(input: {
  month: IsoMonth;
  referenceDate: IsoDate;
  persons: Iterable<PayrollPerson>;
  /** Lines of the last payroll before this month, by lineKey. */
  previous: ReadonlyMap<string, PreviousLine>;
  paramsFor: (county: string) => SubsidyParameters;
}): PayrollResult {
  const { month, referenceDate: reference, previous } = input;
  const lines: PayrollLine[] = [];
  const endedGrants: PayrollResult['endedGrants'] = [];
  const seen = new Set<string>();

  for (const person of input.persons) {
    const params = input.paramsFor(person.county);
    for (const subsidy of ['living', 'care'] as const) {
      const key = lineKey(person.personId, subsidy);
      const before = previous.get(key);
      const paidBefore = before?.status === 'paid';
      const grant = pickGrant(person.grants, subsidy, month, reference, params);
      seen.add(key);

      if (!grant.active) {
        if (paidBefore) {
          lines.push(stopLine(person, subsidy, grant.applicationId, before!, [grantEndedReason(grant.applicationId)]));
        }
        continue;
      }

      const decision = subsidy === 'living' ? decideLiving(person.situation, params) : decideCare(person.situation, params);
      if (decision.outcome === 'eligible') {
        const change: LineChange = !paidBefore ? 'new' : before!.amount === decision.amount ? 'continued' : 'changed';
        lines.push({
          personId: person.personId,
          subsidy,
          county: person.county,
          applicationId: grant.applicationId,
          status: 'paid',
          amount: decision.amount,
          change,
          previousAmount: paidBefore ? before!.amount : null,
          basis: decision.basis,
          reasons: [],
        });
        continue;
      }

      if (paidBefore) {
        lines.push(stopLine(person, subsidy, grant.applicationId, before!, decision.reasons));
        if (params.stopEndsGrant && grant.applicationId) {
          endedGrants.push({
            applicationId: grant.applicationId,
            endedOn: reference,
            reasons: decision.reasons.map((r) => r.code),
          });
        }
      }
    }
  }

  for (const [key, before] of previous) {
    if (seen.has(key) || before.status !== 'paid') continue;
    const [personId, subsidy] = key.split(':') as [string, Subsidy];
    lines.push({
      personId,
      subsidy,
      county: before.county,
      applicationId: null,
      status: 'stopped',
      amount: 0,
      change: 'stopped',
      previousAmount: before.amount,
      basis: null,
      reasons: [{ code: 'no_grant', text: '已不在登记名册中', rule: payrollMonthRule.id, article: 'D1 三(一)5' }],
    });
  }

  const totals = countyTotals(lines);
  return { month, referenceDate: reference, lines, totals, grandTotal: sumTotals(totals), endedGrants };
}

function pickGrant(
  grants: readonly Grant[],
  subsidy: Subsidy,
  month: IsoMonth,
  reference: IsoDate,
  params: SubsidyParameters,
): { active: boolean; applicationId: string | null } {
  let latest: Grant | undefined;
  for (const grant of grants) {
    if (grant.subsidy !== subsidy) continue;
    if (grantActive(grant, month, reference, params)) return { active: true, applicationId: grant.applicationId };
    if (!latest || grant.approvedOn > latest.approvedOn) latest = grant;
  }
  return { active: false, applicationId: latest?.applicationId ?? null };
}

function grantEndedReason(applicationId: string | null): Reason {
  return applicationId
    ? { code: 'grant_ended', text: '补贴资格已终止', rule: payrollMonthRule.id, article: 'D1 三(一)5' }
    : { code: 'no_grant', text: '没有已批准的申请', rule: payrollMonthRule.id, article: 'D1 三(一)5' };
}

function stopLine(
  person: PayrollPerson,
  subsidy: Subsidy,
  applicationId: string | null,
  before: PreviousLine,
  reasons: Reason[],
): PayrollLine {
  return {
    personId: person.personId,
    subsidy,
    county: person.county,
    applicationId,
    status: 'stopped',
    amount: 0,
    change: 'stopped',
    previousAmount: before.amount,
    basis: null,
    reasons,
  };
}

function emptyTotal(): SubsidyTotal {
  return { persons: 0, amount: 0, stopped: 0 };
}

export function countyTotals(lines: readonly PayrollLine[]): CountyTotal[] {
  const byCounty = new Map<string, CountyTotal & { paid: Set<string> }>();
  for (const line of lines) {
    let total = byCounty.get(line.county);
    if (!total) {
      total = { county: line.county, living: emptyTotal(), care: emptyTotal(), persons: 0, amount: 0, paid: new Set() };
      byCounty.set(line.county, total);
    }
    const part = total[line.subsidy];
    if (line.status === 'paid') {
      part.persons += 1;
      part.amount += line.amount;
      total.amount += line.amount;
      total.paid.add(line.personId);
    } else {
      part.stopped += 1;
    }
  }
  return [...byCounty.values()]
    .map(({ paid, ...t }) => ({ ...t, persons: paid.size }))
    .sort((a, b) => a.county.localeCompare(b.county));
}

export function sumTotals(totals: readonly CountyTotal[]): Omit<CountyTotal, 'county'> {
  const sum = { living: emptyTotal(), care: emptyTotal(), persons: 0, amount: 0 };
  for (const t of totals) {
    for (const s of ['living', 'care'] as const) {
      sum[s].persons += t[s].persons;
      sum[s].amount += t[s].amount;
      sum[s].stopped += t[s].stopped;
    }
    sum.persons += t.persons;
    sum.amount += t.amount;
  }
  return sum;
}
