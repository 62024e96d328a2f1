/**
 * Retroactive assistance on recognition as 因病致贫重病患者 (D4 §14): the
 * applicant's own policy-scope personal burden of the 12 months before the
 * application date counts for assistance, each claim under its own year's
 * deductible and cap, once a year.
 *
 * Apply is ONE transaction: the year totals are locked, the category is
 * recorded from the application date, each payment is stored as a
 * supplementary bill (kind `retroactive`) on its original claim, the totals
 * are updated and the application is stored with its result. The
 * application id is the idempotency key: sent again with the same content
 * it returns the stored result; with other content it is a conflict.
 *
 * Claims already settled under an assistance category, reversed, or
 * already paid retroactively are left out: the same cost is never
 * assisted twice (spec, "benefits are never paid twice").
 */
import { createHash } from 'node:crypto';

import { addMonths, yearOf, type IsoDate } from '../../core/dates.ts';
import type { ExplanationStep } from '../../core/explain.ts';
import type { Fen } from '../../core/money.ts';
import type { ParamRegistry } from '../../core/params/registry.ts';
import { fail } from '../../errorCatalog.ts';
import type { PlatformContext } from '../../platform/context.ts';
import type { RetroactiveClaim } from '../rules/d4/art14.retroactive.ts';
import type { Bill, CategoryCode, Claim, YearAccumulators } from '../rules/types.ts';
import { loadPerson, personOn, type Db } from '../storage/persons.ts';
import {
  addCategorySpan,
  applicationDates,
  claimsWithBills,
  findApplication,
  insertApplication,
  type ClaimWithBills,
} from '../storage/retroactive.ts';
import { insertBill, lockAccumulators, readAccumulators, saveAccumulators, type StoredAccumulators } from '../storage/settlements.ts';
import { retroactiveMonths, retroactiveWithRules } from './engine.ts';

export interface RetroApplicationInput {
  personId: string;
  /** Application date (申请之日). */
  date: IsoDate;
  category: CategoryCode;
  /** The deciding document or reference (认定文书). */
  decidedBy: string;
  /** End of the recognition; open when absent. */
  validTo?: IsoDate | null;
  /** Idempotency key; `retro:<person>:<date>` when absent. */
  id?: string;
}

export type RetroClaimOutcome = RetroactiveClaim['outcome'] | 'already_assisted' | 'reversed';

export interface RetroClaimResult {
  claimId: string;
  date: IsoDate;
  outcome: RetroClaimOutcome;
  assistance: Fen;
  tilt: Fen;
  reason: string;
  steps: ExplanationStep[];
}

export interface RetroResult {
  /** applied | existing | preview | not_eligible | no_rule_in_force */
  outcome: 'applied' | 'existing' | 'preview' | 'not_eligible' | 'no_rule_in_force';
  applicationId: string;
  personId: string;
  date: IsoDate;
  category: CategoryCode;
  decidedBy: string;
  validFrom: IsoDate;
  validTo: IsoDate | null;
  windowFrom: IsoDate | null;
  windowTo: IsoDate | null;
  /** Why it cannot be applied (not_eligible, no_rule_in_force). */
  reasons: string[];
  articles: string[];
  claims: RetroClaimResult[];
  /** Assistance of all claims, tilt included. */
  total: Fen;
  /** Year totals before and after, for each year touched. */
  years: Array<{ year: number; before: YearAccumulators; after: YearAccumulators }>;
}

export interface RetroOptions {
  params?: ParamRegistry;
  explain?: boolean;
}

function applicationId(input: RetroApplicationInput): string {
  return input.id ?? `retro:${input.personId}:${input.date}`;
}

function contentHash(input: RetroApplicationInput): string {
  const content = JSON.stringify([input.personId, input.date, input.category, input.decidedBy, input.validTo ?? null]);
  return createHash('sha256').update(content).digest('hex');
}

/** The calendar years a window of `months` before `date` can reach. */
function windowYears(date: IsoDate, months: number): number[] {
  const years: number[] = [];
  for (let y = yearOf(addMonths(date, -months)); y <= yearOf(date); y += 1) years.push(y);
  return years;
}

/** Claims the rule must not see again, with the reason shown instead. */
function leftOut(entry: ClaimWithBills): string | null {
  if (entry.claim.status === 'reversed') return '该单据已冲销';
  if (entry.bills.some((b) => b.kind === 'retroactive')) return '该单据已依申请追溯救助，不重复救助';
  const settlement = entry.bills.find((b) => b.kind === 'settlement');
  if (settlement?.category) return '该单据结算时已按救助对象身份计算医疗救助，不重复救助';
  return null;
}

function storedResult(row: { content_hash: string; result_json: string }, input: RetroApplicationInput): RetroResult {
  if (row.content_hash !== contentHash(input)) {
    fail('ERR_MEDICAL_RETRO_CONFLICT', { details: { applicationId: applicationId(input) } });
  }
  return { ...(JSON.parse(row.result_json) as RetroResult), outcome: 'existing' };
}

interface Computed {
  result: RetroResult;
  /** Original settlement bill of each claim settled, by claim id. */
  originals: Map<string, Bill>;
  /** The rule's result of each claim it saw, by claim id. */
  full: Map<string, RetroactiveClaim>;
  after: Map<number, YearAccumulators>;
  county: string;
}

/** Load, run the rule, shape the result: shared by preview and apply. */
async function compute(
  db: Db,
  params: ParamRegistry,
  input: RetroApplicationInput,
  totals: Map<number, StoredAccumulators>,
  explain: boolean,
): Promise<Computed> {
  const stored = await loadPerson(db, input.personId);
  if (!stored) fail('ERR_CORE_NOT_FOUND', { details: { what: 'person' } });
  const person = personOn(stored, input.date);
  if (!person) {
    fail('ERR_MEDICAL_NOT_ENROLLED', {
      problems: [{ field: 'date', value: input.date, reason: '申请日期不在参保人的参保期间内' }],
    });
  }

  const base: RetroResult = {
    outcome: 'preview',
    applicationId: applicationId(input),
    personId: input.personId,
    date: input.date,
    category: input.category,
    decidedBy: input.decidedBy,
    validFrom: input.date,
    validTo: input.validTo ?? null,
    windowFrom: null,
    windowTo: null,
    reasons: [],
    articles: ['D4 §14'],
    claims: [],
    total: 0,
    years: [],
  };
  const months = retroactiveMonths(params, input.date);
  if (months === null) {
    const reasons = ['申请日期在暂行办法施行之前，不按本办法依申请救助'];
    return { result: { ...base, outcome: 'no_rule_in_force', reasons }, originals: new Map(), full: new Map(), after: new Map(), county: stored.county };
  }

  const years = windowYears(input.date, months);
  const entries = await claimsWithBills(db, input.personId, `${years[0]}-01-01`, input.date);
  const skipped: RetroClaimResult[] = [];
  const claims: Claim[] = [];
  const originals = new Map<string, Bill>();
  // Before the window the rule answers "outside the window" whatever the claim.
  const windowStart = addMonths(input.date, -months);
  for (const entry of entries) {
    const reason = entry.claim.date >= windowStart ? leftOut(entry) : null;
    if (reason) {
      const outcome = entry.claim.status === 'reversed' ? 'reversed' : 'already_assisted';
      skipped.push({ claimId: entry.claim.claim_id, date: entry.claim.date, outcome, assistance: 0, tilt: 0, reason, steps: [] });
      continue;
    }
    claims.push(JSON.parse(entry.claim.claim_json) as Claim);
    const settlement = entry.bills.find((b) => b.kind === 'settlement');
    if (settlement) originals.set(entry.claim.claim_id, JSON.parse(settlement.bill_json) as Bill);
  }

  const decision = retroactiveWithRules({
    person,
    application: { date: input.date, category: input.category, earlierApplications: await applicationDates(db, input.personId) },
    claims,
    accumulators: new Map([...totals].map(([year, t]) => [year, t.accumulators])),
    params,
    explain,
  });
  if (decision.outcome === 'no_rule_in_force') {
    const reasons = ['申请日期在暂行办法施行之前，不按本办法依申请救助'];
    return { result: { ...base, outcome: 'no_rule_in_force', reasons }, originals, full: new Map(), after: new Map(), county: stored.county };
  }
  if (decision.outcome !== 'decided') {
    const reasons = decision.outcome === 'not_eligible' ? decision.reasons : decision.missing;
    return { result: { ...base, outcome: 'not_eligible', reasons }, originals, full: new Map(), after: new Map(), county: stored.county };
  }

  const settlement = decision.result;
  const settled = settlement.claims.map((c) => ({
    claimId: c.claimId,
    date: c.date,
    outcome: c.outcome,
    assistance: c.assistance,
    tilt: c.tilt,
    reason: c.reason,
    steps: c.steps,
  }));
  const all = [...settled, ...skipped].sort((a, b) => (a.date === b.date ? (a.claimId < b.claimId ? -1 : 1) : a.date < b.date ? -1 : 1));
  const after = new Map(settlement.accumulators);
  const result: RetroResult = {
    ...base,
    windowFrom: settlement.windowFrom,
    windowTo: settlement.windowTo,
    articles: decision.articles,
    claims: all,
    total: settled.reduce((sum, c) => sum + c.assistance, 0),
    years: years.map((year) => {
      const before = totals.get(year)!.accumulators;
      return { year, before, after: after.get(year) ?? before };
    }),
  };
  const full = new Map(settlement.claims.map((c) => [c.claimId, c]));
  return { result, originals, full, after, county: stored.county };
}

async function readTotals(db: Db, personId: string, date: IsoDate, params: ParamRegistry) {
  const totals = new Map<number, StoredAccumulators>();
  const months = retroactiveMonths(params, date);
  if (months === null) return totals;
  for (const year of windowYears(date, months)) totals.set(year, await readAccumulators(db, personId, year));
  return totals;
}

/** "See before confirming": the same settlement, nothing stored. */
export async function previewRetroactive(ctx: PlatformContext, input: RetroApplicationInput, options: RetroOptions = {}): Promise<RetroResult> {
  const db = ctx.store.db;
  const params = options.params ?? ctx.params;
  const existing = await findApplication(db, applicationId(input));
  if (existing) return storedResult(existing, input);

  const totals = await readTotals(db, input.personId, input.date, params);
  const { result } = await compute(db, params, input, totals, options.explain ?? true);
  return result;
}

/** The supplementary bill of one retroactive payment, on its original claim. */
function supplementaryBill(
  original: Bill | undefined,
  claim: RetroactiveClaim,
  input: RetroApplicationInput,
  id: string,
): Bill & { applicationId: string; decidedBy: string } {
  const before = claim.accumulatorsBefore!;
  return {
    claimId: claim.claimId,
    personId: input.personId,
    date: claim.date,
    // The costs were on the original bill; this one carries only the
    // assistance, given back to the patient out of the cash share.
    total: 0,
    policyScope: 0,
    basicPaid: 0,
    criticalPaid: 0,
    pooling: 0,
    assistance: claim.assistance,
    assistanceTilt: claim.tilt,
    accountPaid: 0,
    cashPaid: -claim.assistance,
    category: input.category,
    depositFree: false,
    accumulatorsBefore: before,
    accumulatorsAfter: claim.accumulatorsAfter ?? before,
    accountBefore: original?.accountAfter ?? 0,
    accountAfter: original?.accountAfter ?? 0,
    articles: [...new Set(['D4 §14', ...claim.steps.map((s) => s.article)])],
    notes: [],
    steps: claim.steps,
    applicationId: id,
    decidedBy: input.decidedBy,
  };
}

/**
 * Apply the application: everything in one transaction, or nothing.
 * A second application in the same year, or one before D4, is refused.
 */
export async function applyRetroactive(ctx: PlatformContext, input: RetroApplicationInput, options: RetroOptions = {}): Promise<RetroResult> {
  const params = options.params ?? ctx.params;
  const { dialect } = ctx.store;
  const id = applicationId(input);

  const result = await ctx.store.db.transaction().execute(async (trx) => {
    const now = new Date().toISOString();
    const existing = await findApplication(trx, id);
    if (existing) return storedResult(existing, input);

    // Lock the year totals in ascending order: settlements of the person
    // and a parallel application wait here.
    const totals = new Map<number, StoredAccumulators>();
    const months = retroactiveMonths(params, input.date);
    if (months !== null && (await loadPerson(trx, input.personId))) {
      for (const year of windowYears(input.date, months)) {
        totals.set(year, await lockAccumulators(trx, dialect, input.personId, year, now));
      }
    }
    const again = await findApplication(trx, id);
    if (again) return storedResult(again, input);

    const computed = await compute(trx, params, input, totals, options.explain ?? true);
    if (computed.result.outcome !== 'preview') {
      fail('ERR_MEDICAL_RETRO_REFUSED', { details: { outcome: computed.result.outcome, reasons: computed.result.reasons } });
    }

    // D4 §14: recognised from the application date; later claims settle
    // under the category in the ordinary way.
    await addCategorySpan(trx, input.personId, { code: input.category, from: input.date, to: input.validTo ?? null });
    for (const claim of computed.result.claims.filter((c) => c.outcome === 'settled')) {
      const full = computed.full.get(claim.claimId)!;
      const bill = supplementaryBill(computed.originals.get(claim.claimId), full, input, id);
      await insertBill(trx, {
        bill_id: `retroactive:${claim.claimId}`,
        claim_id: claim.claimId,
        person_id: input.personId,
        kind: 'retroactive',
        date: claim.date,
        year: yearOf(claim.date),
        county: computed.county,
        total: 0,
        policy_scope: 0,
        pooling: 0,
        assistance: bill.assistance,
        assistance_tilt: bill.assistanceTilt,
        account_paid: 0,
        cash_paid: bill.cashPaid,
        category: input.category,
        bill_json: JSON.stringify(bill),
        reverses: null,
        reason: input.decidedBy,
        created_at: now,
      });
    }
    for (const [year, after] of computed.after) {
      const stored = totals.get(year);
      if (stored) await saveAccumulators(trx, input.personId, { accumulators: after, claims: stored.claims }, now);
    }

    const applied: RetroResult = { ...computed.result, outcome: 'applied' };
    await insertApplication(trx, {
      id,
      person_id: input.personId,
      date: input.date,
      year: yearOf(input.date),
      category: input.category,
      decided_by: input.decidedBy,
      valid_to: input.validTo ?? null,
      content_hash: contentHash(input),
      result_json: JSON.stringify(applied),
      created_at: now,
    });
    return applied;
  });

  ctx.logger.info(
    { rule: 'd4.art14.retroactive', article: 'D4 §14', date: input.date, outcome: result.outcome, claims: result.claims.length },
    'retroactive application applied',
  );
  return result;
}
