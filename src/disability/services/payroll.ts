/**
 * The monthly payroll of the two subsidies (D1 三(一)5): decide every grant
 * for the month (d1.s3_1_5.payroll_month), then store the lines through the
 * platform's kill-safe batch (src/platform/batch.ts): lines carry the key
 * `${month}:${person}:${subsidy}` and are inserted only if absent, so a
 * killed run completes on the next attempt without duplicates. A finished
 * month is closed: running it again returns what was stored, unchanged.
 */
import type { Kysely } from 'kysely';

import { firstDayOfMonth, isIsoMonth, type IsoMonth } from '../../core/dates.ts';
import { formatYuan, type Fen } from '../../core/money.ts';
import type { Database } from '../../db/schema.ts';
import { digestOf, runBatch } from '../../platform/batch.ts';
import type { PlatformContext } from '../../platform/context.ts';
import {
  payrollMonth,
  referenceDate,
  type Grant,
  type PayrollLine,
  type PayrollPerson,
  type PreviousLine,
} from '../rules/payrollMonth.ts';
import { P, type SubsidyParameters } from '../rules/subsidyParameters.ts';
import type { Subsidy } from '../rules/types.ts';
import { groupByPerson } from '../storage/register.ts';
import { addEvent } from './applications.ts';
import type { Actor } from './caller.ts';
import { requireSubsidyParameters } from './eligibility.ts';
import { fail } from './fail.ts';
import { counties } from './params.ts';
import { situationOf } from './situation.ts';

type Db = Kysely<Database>;

export const PAYROLL_KIND = 'disability.payroll';

export interface SubsidyTotalView {
  persons: number;
  amount: Fen;
  amountYuan: string;
  stopped: number;
}

export interface CountyTotalView {
  county: string;
  countyName: string;
  living: SubsidyTotalView;
  care: SubsidyTotalView;
  persons: number;
  amount: Fen;
  amountYuan: string;
}

export interface PayrollSummary {
  month: IsoMonth;
  status: 'running' | 'finished';
  referenceDate: string;
  /** True when the month was already finished and nothing was recomputed. */
  rerun: boolean;
  runId: string | null;
  persons: number;
  amount: Fen;
  amountYuan: string;
  totals: CountyTotalView[];
  grandTotal: Omit<CountyTotalView, 'county' | 'countyName'>;
  changes: Record<'new' | 'continued' | 'changed' | 'stopped', number>;
  startedAt: string;
  startedBy: string;
  finishedAt: string | null;
}

export function requireMonth(month: string): IsoMonth {
  if (!isIsoMonth(month)) fail('ERR_CORE_INVALID_INPUT', { problems: [{ field: 'month', value: month, reason: '月份应为 YYYY-MM' }] });
  return month;
}

function nowIso(): string {
  return new Date().toISOString();
}

/** The register as the month's reference day sees it: every person holding a grant. */
export async function payrollInput(ctx: PlatformContext, month: IsoMonth) {
  const db = ctx.store.db;
  const first = firstDayOfMonth(month);
  const reference = ctx.params.at<SubsidyParameters['situationReference']>(P.reference, first);
  if (!reference) fail('ERR_DISABILITY_PARAM_MISSING', { details: { id: P.reference, on: first } });
  const ref = referenceDate(month, reference.value);

  const cache = new Map<string, SubsidyParameters>();
  const paramsFor = (county: string) => {
    let found = cache.get(county);
    if (!found) {
      found = requireSubsidyParameters(ctx.params, county, ref);
      cache.set(county, found);
    }
    return found;
  };

  const grantRows = await db.selectFrom('disability_application')
    .select(['id', 'person_id', 'subsidy', 'decided_on', 'ended_on'])
    .where('status', 'in', ['approved', 'ended'])
    .where('decided_on', 'is not', null)
    .execute();
  const grants = groupByPerson(grantRows);

  const [persons, households, benefits] = await Promise.all([
    db.selectFrom('disability_person').select(['id', 'county', 'category', 'grade', 'deceased_on', 'moved_away_on']).execute(),
    db.selectFrom('disability_household_period').select(['person_id', 'status', 'valid_from', 'valid_to'])
      .where('valid_from', '<=', ref).where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', ref)])).execute(),
    db.selectFrom('disability_benefit_period').select(['person_id', 'kind', 'valid_from', 'valid_to'])
      .where('valid_from', '<=', ref).where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', ref)])).execute(),
  ]);
  const householdsBy = groupByPerson(households);
  const benefitsBy = groupByPerson(benefits);

  const payrollPersons: PayrollPerson[] = [];
  for (const person of persons) {
    const held = grants.get(person.id);
    if (!held) continue;
    payrollPersons.push({
      personId: person.id,
      county: person.county,
      situation: situationOf(person, householdsBy.get(person.id), benefitsBy.get(person.id), ref),
      grants: held.map((g): Grant => ({ applicationId: g.id, subsidy: g.subsidy as Subsidy, approvedOn: g.decided_on!, endedOn: g.ended_on })),
    });
  }
  payrollPersons.sort((a, b) => (a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0));

  const previousMonth = await db.selectFrom('disability_payroll_month').select('month')
    .where('status', '=', 'finished').where('month', '<', month).orderBy('month', 'desc').limit(1).executeTakeFirst();
  const previous = new Map<string, PreviousLine>();
  if (previousMonth) {
    const lines = await db.selectFrom('disability_payroll_line').select(['person_id', 'subsidy', 'county', 'amount', 'status'])
      .where('month', '=', previousMonth.month).execute();
    for (const l of lines) previous.set(`${l.person_id}:${l.subsidy}`, { county: l.county, amount: Number(l.amount), status: l.status as 'paid' | 'stopped' });
  }

  return { ref, persons: payrollPersons, previous, previousMonth: previousMonth?.month ?? null, paramsFor, cache };
}

export interface RunOptions {
  onProgress?: (done: number, total: number) => void;
  /** Lines per transaction. */
  groupSize?: number;
}

export async function runPayroll(ctx: PlatformContext, monthText: string, actor: Actor, options: RunOptions = {}): Promise<PayrollSummary> {
  const month = requireMonth(monthText);
  const db = ctx.store.db;

  const existing = await db.selectFrom('disability_payroll_month').selectAll().where('month', '=', month).executeTakeFirst();
  if (existing?.status === 'finished') {
    ctx.logger.info({ month, rule: 'd1.s3_1_5.payroll_month' }, 'payroll month already closed');
    return payrollSummary(ctx, month, { rerun: true });
  }
  const later = await db.selectFrom('disability_payroll_month').select('month')
    .where('status', '=', 'finished').where('month', '>', month).limit(1).executeTakeFirst();
  if (later) fail('ERR_DISABILITY_PAYROLL_ORDER', { details: { month, later: later.month } });

  const input = await payrollInput(ctx, month);
  const result = payrollMonth({ month, referenceDate: input.ref, persons: input.persons, previous: input.previous, paramsFor: input.paramsFor });

  const startedAt = nowIso();
  await db.insertInto('disability_payroll_month').values({
    month, status: 'running', reference_date: input.ref, run_id: null, persons: 0, amount: 0,
    totals_json: null, params_json: null, started_at: startedAt, started_by: actor.user, finished_at: null,
  }).onConflict((oc) => oc.column('month').doNothing()).execute();

  const endings = new Map(result.endedGrants.map((e) => [e.applicationId, e]));
  const size = Math.max(1, options.groupSize ?? 2000);
  const units: PayrollLine[][] = [];
  for (let i = 0; i < result.lines.length; i += size) units.push(result.lines.slice(i, i + size));
  // runBatch resumes by unit index, so the cut of the units is part of the input.
  const digest = digestOf([month, input.ref, String(size), ...result.lines.map((l) => `${l.personId}:${l.subsidy}:${l.status}:${l.amount}`)]);

  const outcome = await runBatch(ctx.store, {
    kind: PAYROLL_KIND,
    digest,
    units,
    report: { month, referenceDate: input.ref, previousMonth: input.previousMonth, lines: result.lines.length },
    apply: async (trx, unit) => {
      const inserted = await insertLines(trx, month, unit);
      const ended = unit.flatMap((l) => (l.applicationId && endings.has(l.applicationId) ? [endings.get(l.applicationId)!] : []));
      await endGrants(trx, ended, actor);
      return inserted > 0 ? 'applied' : 'skipped';
    },
  }, {
    groupSize: 1,
    logger: ctx.logger,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });

  const paramsUsed = Object.fromEntries([...input.cache].map(([county, p]) => [county, p.uses.map((u) => ({ id: u.id, from: u.from, value: u.value }))]));
  await closeMonth(ctx, month, outcome.runId, paramsUsed);
  ctx.logger.info({ month, runId: outcome.runId, lines: result.lines.length, applied: outcome.applied, skipped: outcome.skipped, rule: 'd1.s3_1_5.payroll_month' }, 'payroll month closed');
  return payrollSummary(ctx, month, { rerun: false });
}

async function insertLines(trx: Db, month: IsoMonth, lines: readonly PayrollLine[]): Promise<number> {
  let inserted = 0;
  for (let i = 0; i < lines.length; i += 500) {
    const chunk = lines.slice(i, i + 500);
    const result = await trx.insertInto('disability_payroll_line').values(chunk.map((l) => ({
      id: `${month}:${l.personId}:${l.subsidy}`,
      month,
      person_id: l.personId,
      subsidy: l.subsidy,
      county: l.county,
      application_id: l.applicationId,
      status: l.status,
      amount: l.amount,
      change: l.change,
      previous_amount: l.previousAmount,
      basis: l.basis,
      reasons_json: l.reasons.length ? JSON.stringify(l.reasons.map((r) => ({ code: r.code, text: r.text, rule: r.rule, article: r.article }))) : null,
    }))).onConflict((oc) => oc.column('id').doNothing()).executeTakeFirst();
    inserted += Number(result.numInsertedOrUpdatedRows ?? 0);
  }
  return inserted;
}

/** Grants whose payment stopped end with the month (stop_ends_grant); only approved ones move. */
async function endGrants(trx: Db, ended: ReadonlyArray<{ applicationId: string; endedOn: string; reasons: string[] }>, actor: Actor): Promise<void> {
  for (const e of ended) {
    const updated = await trx.updateTable('disability_application')
      .set({ status: 'ended', ended_on: e.endedOn, reasons_json: JSON.stringify(e.reasons), updated_at: nowIso() })
      .where('id', '=', e.applicationId).where('status', '=', 'approved')
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 1) {
      await addEvent(trx, { applicationId: e.applicationId, action: 'end', from: 'approved', to: 'ended', on: e.endedOn, note: `按月发放停发：${e.reasons.join('、')}` }, actor);
    }
  }
}

async function closeMonth(ctx: PlatformContext, month: IsoMonth, runId: string, paramsUsed: unknown): Promise<void> {
  const db = ctx.store.db;
  const totals = await storedTotals(db, month);
  await db.updateTable('disability_payroll_month').set({
    status: 'finished',
    run_id: runId,
    persons: totals.grand.persons,
    amount: totals.grand.amount,
    totals_json: JSON.stringify(totals),
    params_json: JSON.stringify(paramsUsed),
    finished_at: nowIso(),
  }).where('month', '=', month).where('status', '=', 'running').execute();
}

interface StoredTotals {
  counties: Array<{ county: string; living: { persons: number; amount: number; stopped: number }; care: { persons: number; amount: number; stopped: number }; persons: number; amount: number }>;
  grand: { living: { persons: number; amount: number; stopped: number }; care: { persons: number; amount: number; stopped: number }; persons: number; amount: number };
  changes: Record<'new' | 'continued' | 'changed' | 'stopped', number>;
}

/** Totals from what is stored, so they always agree with the lines. */
async function storedTotals(db: Db, month: IsoMonth): Promise<StoredTotals> {
  const groups = await db.selectFrom('disability_payroll_line')
    .select(['county', 'subsidy', 'status', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.sum<number>('amount').as('amount')])
    .where('month', '=', month).groupBy(['county', 'subsidy', 'status']).execute();
  const persons = await db.selectFrom('disability_payroll_line')
    .select(['county', (eb) => eb.fn.count<number>('person_id').distinct().as('n')])
    .where('month', '=', month).where('status', '=', 'paid').groupBy('county').execute();
  const changeRows = await db.selectFrom('disability_payroll_line')
    .select(['change', (eb) => eb.fn.countAll<number>().as('n')]).where('month', '=', month).groupBy('change').execute();

  const empty = () => ({ persons: 0, amount: 0, stopped: 0 });
  const byCounty = new Map<string, StoredTotals['counties'][number]>();
  for (const g of groups) {
    let t = byCounty.get(g.county);
    if (!t) {
      t = { county: g.county, living: empty(), care: empty(), persons: 0, amount: 0 };
      byCounty.set(g.county, t);
    }
    const part = t[g.subsidy as Subsidy];
    if (g.status === 'paid') {
      part.persons += Number(g.n);
      part.amount += Number(g.amount ?? 0);
      t.amount += Number(g.amount ?? 0);
    } else {
      part.stopped += Number(g.n);
    }
  }
  for (const p of persons) byCounty.get(p.county)!.persons = Number(p.n);

  const list = [...byCounty.values()].sort((a, b) => a.county.localeCompare(b.county));
  const grand = { living: empty(), care: empty(), persons: 0, amount: 0 };
  for (const t of list) {
    for (const s of ['living', 'care'] as const) {
      grand[s].persons += t[s].persons;
      grand[s].amount += t[s].amount;
      grand[s].stopped += t[s].stopped;
    }
    grand.persons += t.persons;
    grand.amount += t.amount;
  }
  const changes = { new: 0, continued: 0, changed: 0, stopped: 0 };
  for (const c of changeRows) changes[c.change as keyof typeof changes] = Number(c.n);
  return { counties: list, grand, changes };
}

function subsidyView(t: { persons: number; amount: number; stopped: number }): SubsidyTotalView {
  return { persons: t.persons, amount: t.amount, amountYuan: formatYuan(t.amount), stopped: t.stopped };
}

export async function payrollSummary(ctx: PlatformContext, monthText: string, options: { rerun?: boolean } = {}): Promise<PayrollSummary> {
  const month = requireMonth(monthText);
  const row = await ctx.store.db.selectFrom('disability_payroll_month').selectAll().where('month', '=', month).executeTakeFirst();
  if (!row) fail('ERR_DISABILITY_PAYROLL_NOT_RUN', { details: { month } });

  const totals: StoredTotals = row.totals_json ? JSON.parse(row.totals_json) : await storedTotals(ctx.store.db, month);
  const names = counties(ctx.params, row.reference_date);
  return {
    month,
    status: row.status as PayrollSummary['status'],
    referenceDate: row.reference_date,
    rerun: options.rerun ?? false,
    runId: row.run_id,
    persons: totals.grand.persons,
    amount: totals.grand.amount,
    amountYuan: formatYuan(totals.grand.amount),
    totals: totals.counties.map((t) => ({
      county: t.county,
      countyName: names[t.county] ?? t.county,
      living: subsidyView(t.living),
      care: subsidyView(t.care),
      persons: t.persons,
      amount: t.amount,
      amountYuan: formatYuan(t.amount),
    })),
    grandTotal: {
      living: subsidyView(totals.grand.living),
      care: subsidyView(totals.grand.care),
      persons: totals.grand.persons,
      amount: totals.grand.amount,
      amountYuan: formatYuan(totals.grand.amount),
    },
    changes: totals.changes,
    startedAt: row.started_at,
    startedBy: row.started_by,
    finishedAt: row.finished_at,
  };
}

export async function payrollMonths(ctx: PlatformContext): Promise<Array<{ month: string; status: string; persons: number; amount: number; amountYuan: string; finishedAt: string | null }>> {
  const rows = await ctx.store.db.selectFrom('disability_payroll_month').selectAll().orderBy('month', 'desc').execute();
  return rows.map((r) => ({ month: r.month, status: r.status, persons: r.persons, amount: Number(r.amount), amountYuan: formatYuan(Number(r.amount)), finishedAt: r.finished_at }));
}
