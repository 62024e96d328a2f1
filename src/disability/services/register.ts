/**
 * The register of disabled persons (D1 三(六)1): enter a person, change
 * their household status, record benefits and services over time. Every
 * change names who made it; periods are closed, never overwritten.
 */
import { createHash, randomUUID } from 'node:crypto';

import type { Kysely } from 'kysely';

import { addDays, isIsoDate, todayInBeijing, type IsoDate } from '../../core/dates.ts';
import type { FieldProblem } from '../../core/errors.ts';
import type { Database } from '../../db/schema.ts';
import type { PlatformContext } from '../../platform/context.ts';
import { checkPerson, type CheckedPerson, type PersonInput } from '../rules/person.ts';
import {
  BENEFIT_KINDS,
  HOUSEHOLD_STATUSES,
  SERVICE_KINDS,
  SPAN_KINDS,
  type BenefitKind,
  type HouseholdStatus,
  type ServiceKind,
} from '../rules/types.ts';
import {
  benefitsOf,
  findPerson,
  findPersonByResidentId,
  householdsOf,
  recordsOf,
  searchPersons,
  type PersonQuery,
  type PersonRow,
} from '../storage/register.ts';
import type { Actor } from './caller.ts';
import { fail } from './fail.ts';
import { counties } from './params.ts';
import { householdOn } from './situation.ts';
import { personView, type PersonView } from './views.ts';

type Db = Kysely<Database>;

export interface NewPerson extends PersonInput {
  bankAccount?: string | null | undefined;
}

function now(): string {
  return new Date().toISOString();
}

/** Record ids are derived from their content, so an import run twice adds nothing. */
export function recordId(personId: string, kind: string, on: IsoDate, detail: string | null): string {
  return `sr_${createHash('sha256').update(`${personId}|${kind}|${on}|${detail ?? ''}`).digest('hex').slice(0, 32)}`;
}

export function checkNewPerson(ctx: PlatformContext, input: NewPerson): CheckedPerson {
  const today = todayInBeijing();
  const checked = checkPerson(input, counties(ctx.params, today), today);
  if (!checked.ok) fail('ERR_DISABILITY_PERSON_INVALID', { problems: checked.problems });
  return checked.person;
}

/** Insert a checked person with their first household period, inside `db`. */
export async function insertPerson(
  db: Db,
  person: CheckedPerson,
  extra: { bankAccount?: string | null | undefined; source?: string | null },
  actor: Actor,
): Promise<string> {
  const id = `dp_${randomUUID()}`;
  const at = now();
  await db.insertInto('disability_person').values({
    id,
    resident_id: person.residentId,
    name: person.name,
    sex: person.sex,
    birth_date: person.birthDate,
    county: person.county,
    card_number: person.cardNumber,
    category: person.category,
    grade: person.grade,
    bank_account: extra.bankAccount?.trim() || null,
    deceased_on: null,
    moved_away_on: null,
    source: extra.source ?? null,
    created_at: at,
    created_by: actor.user,
    updated_at: at,
    updated_by: actor.user,
  }).execute();
  await db.insertInto('disability_household_period').values({
    id: `hh_${randomUUID()}`,
    person_id: id,
    status: person.household,
    valid_from: person.householdFrom,
    valid_to: null,
    recorded_at: at,
    recorded_by: actor.user,
  }).execute();
  return id;
}

export async function registerPerson(ctx: PlatformContext, input: NewPerson, actor: Actor): Promise<PersonDetail> {
  const person = checkNewPerson(ctx, input);

  const id = await ctx.store.db.transaction().execute(async (trx) => {
    const existing = await findPersonByResidentId(trx, person.residentId);
    const sameCard = await trx.selectFrom('disability_person').select('id').where('card_number', '=', person.cardNumber).executeTakeFirst();
    if (existing || sameCard) fail('ERR_DISABILITY_PERSON_EXISTS', { details: { id: existing?.id ?? sameCard?.id } });
    return insertPerson(trx, person, { bankAccount: input.bankAccount }, actor);
  });

  ctx.logger.info({ personId: id, county: person.county, rule: 'd1.s3_6_1.person_record', by: actor.user }, 'person registered');
  return personDetail(ctx, id, { mask: false });
}

export interface PersonDetail {
  person: PersonView;
  households: Array<{ status: string; from: string; to: string | null; recordedBy: string; recordedAt: string }>;
  benefits: Array<{ kind: string; from: string; to: string | null; recordedBy: string }>;
  records: Array<{ id: string; kind: string; on: string; until: string | null; detail: string | null; recordedBy: string }>;
}

export async function personDetail(ctx: PlatformContext, id: string, options: { mask: boolean; on?: IsoDate }): Promise<PersonDetail> {
  const row = await findPerson(ctx.store.db, id);
  if (!row) fail('ERR_DISABILITY_PERSON_NOT_FOUND', { details: { id } });

  const on = options.on ?? todayInBeijing();
  const [households, benefits, records] = await Promise.all([
    householdsOf(ctx.store.db, id),
    benefitsOf(ctx.store.db, id),
    recordsOf(ctx.store.db, id),
  ]);
  return {
    person: personView(row, { mask: options.mask, household: householdOn(households, on), counties: counties(ctx.params, on) }),
    households: households.map((h) => ({ status: h.status, from: h.valid_from, to: h.valid_to, recordedBy: h.recorded_by, recordedAt: h.recorded_at })),
    benefits: benefits.map((b) => ({ kind: b.kind, from: b.valid_from, to: b.valid_to, recordedBy: b.recorded_by })),
    records: records.map((r) => ({ id: r.id, kind: r.kind, on: r.on_date, until: r.until_date, detail: r.detail, recordedBy: r.recorded_by })),
  };
}

export async function requirePerson(db: Db, id: string): Promise<PersonRow> {
  const row = await findPerson(db, id);
  if (!row) fail('ERR_DISABILITY_PERSON_NOT_FOUND', { details: { id } });
  return row;
}

export async function listPersons(
  ctx: PlatformContext,
  query: PersonQuery,
  options: { mask: boolean },
): Promise<{ total: number; items: PersonView[] }> {
  const on = todayInBeijing();
  const { total, rows } = await searchPersons(ctx.store.db, query);
  const ids = rows.map((r) => r.id);
  const households = ids.length
    ? await ctx.store.db.selectFrom('disability_household_period').selectAll().where('person_id', 'in', ids).orderBy('valid_from').execute()
    : [];
  const table = counties(ctx.params, on);
  return {
    total,
    items: rows.map((r) => personView(r, {
      mask: options.mask,
      household: householdOn(households.filter((h) => h.person_id === r.id), on),
      counties: table,
    })),
  };
}

/**
 * A new household status from `from`: the open period ends the day before.
 * The same status again is a no-op, so a repeated request changes nothing.
 */
export async function changeHousehold(
  db: Db,
  personId: string,
  change: { status: string; from: string },
  actor: Actor,
): Promise<'changed' | 'unchanged'> {
  const problems: FieldProblem[] = [];
  if (!HOUSEHOLD_STATUSES.includes(change.status as HouseholdStatus)) {
    problems.push({ field: 'status', value: change.status, reason: '家庭类别应为 dibao、dibao_marginal、tekun 或 none' });
  }
  if (!isIsoDate(change.from)) problems.push({ field: 'from', value: change.from, reason: '起始日期应为 YYYY-MM-DD' });
  if (problems.length) fail('ERR_CORE_INVALID_INPUT', { problems });

  await requirePerson(db, personId);
  const periods = await householdsOf(db, personId);
  const open = periods.filter((p) => p.valid_to === null).at(-1);
  if (open && open.status === change.status) return 'unchanged';
  if (open && change.from <= open.valid_from) {
    fail('ERR_DISABILITY_PERIOD_INVALID', { details: { from: change.from, currentFrom: open.valid_from } });
  }

  const at = now();
  if (open) {
    await db.updateTable('disability_household_period').set({ valid_to: addDays(change.from, -1) }).where('id', '=', open.id).execute();
  }
  await db.insertInto('disability_household_period').values({
    id: `hh_${randomUUID()}`,
    person_id: personId,
    status: change.status,
    valid_from: change.from,
    valid_to: null,
    recorded_at: at,
    recorded_by: actor.user,
  }).execute();
  await db.updateTable('disability_person').set({ updated_at: at, updated_by: actor.user }).where('id', '=', personId).execute();
  return 'changed';
}

export function checkBenefit(input: { kind: string; from: string; to?: string | null }): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!BENEFIT_KINDS.includes(input.kind as BenefitKind)) {
    problems.push({ field: 'kind', value: input.kind, reason: `待遇类别应为 ${BENEFIT_KINDS.join('、')} 之一` });
  }
  if (!isIsoDate(input.from)) problems.push({ field: 'from', value: input.from, reason: '起始日期应为 YYYY-MM-DD' });
  if (input.to && (!isIsoDate(input.to) || input.to < input.from)) {
    problems.push({ field: 'to', value: input.to, reason: '终止日期应为 YYYY-MM-DD，且不早于起始日期' });
  }
  return problems;
}

/** Start (or, with `to`, record a closed) benefit period; the same period twice is a no-op. */
export async function addBenefit(
  db: Db,
  personId: string,
  input: { kind: string; from: string; to?: string | null },
  actor: Actor,
): Promise<'added' | 'updated' | 'unchanged'> {
  const problems = checkBenefit(input);
  if (problems.length) fail('ERR_CORE_INVALID_INPUT', { problems });
  await requirePerson(db, personId);

  const to = input.to ?? null;
  const same = await db.selectFrom('disability_benefit_period').selectAll()
    .where('person_id', '=', personId).where('kind', '=', input.kind).where('valid_from', '=', input.from).executeTakeFirst();
  if (same) {
    if (same.valid_to === to) return 'unchanged';
    await db.updateTable('disability_benefit_period').set({ valid_to: to }).where('id', '=', same.id).execute();
    return 'updated';
  }
  const overlapping = await db.selectFrom('disability_benefit_period').select('id')
    .where('person_id', '=', personId).where('kind', '=', input.kind)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', input.from)]))
    .where('valid_from', '<=', to ?? '9999-12-31')
    .executeTakeFirst();
  if (overlapping) fail('ERR_DISABILITY_PERIOD_INVALID', { details: { kind: input.kind, from: input.from } });

  await db.insertInto('disability_benefit_period').values({
    id: `bp_${randomUUID()}`,
    person_id: personId,
    kind: input.kind,
    valid_from: input.from,
    valid_to: to,
    recorded_at: now(),
    recorded_by: actor.user,
  }).execute();
  return 'added';
}

/** End the open period of a benefit on `on` (the last day held). */
export async function endBenefit(db: Db, personId: string, kind: string, on: string): Promise<'ended' | 'unchanged'> {
  if (!isIsoDate(on)) fail('ERR_CORE_INVALID_INPUT', { problems: [{ field: 'on', value: on, reason: '日期应为 YYYY-MM-DD' }] });
  await requirePerson(db, personId);

  const open = await db.selectFrom('disability_benefit_period').selectAll()
    .where('person_id', '=', personId).where('kind', '=', kind).where('valid_to', 'is', null).executeTakeFirst();
  if (!open) return 'unchanged';
  if (on < open.valid_from) fail('ERR_DISABILITY_PERIOD_INVALID', { details: { kind, on, from: open.valid_from } });
  await db.updateTable('disability_benefit_period').set({ valid_to: on }).where('id', '=', open.id).execute();
  return 'ended';
}

export interface RecordInput {
  kind: string;
  on: string;
  until?: string | null | undefined;
  detail?: string | null | undefined;
}

export function checkRecord(input: RecordInput): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!SERVICE_KINDS.includes(input.kind as ServiceKind)) {
    problems.push({ field: 'kind', value: input.kind, reason: `记录类别应为 ${SERVICE_KINDS.join('、')} 之一` });
  }
  if (!isIsoDate(input.on)) problems.push({ field: 'on', value: input.on, reason: '日期应为 YYYY-MM-DD' });
  if (input.until) {
    if (!SPAN_KINDS.has(input.kind as ServiceKind)) {
      problems.push({ field: 'until', value: input.until, reason: '只有就学、就业、参保等持续性记录才有终止日期' });
    } else if (!isIsoDate(input.until) || input.until < input.on) {
      problems.push({ field: 'until', value: input.until, reason: '终止日期应为 YYYY-MM-DD，且不早于起始日期' });
    }
  }
  if (input.detail && input.detail.length > 500) problems.push({ field: 'detail', reason: '说明不超过500字' });
  return problems;
}

/**
 * A service record. Death and moving away also set the person's dates, which
 * stop both subsidies from the following payroll (d1.s3_1_5.dynamic_management).
 */
export async function addRecord(db: Db, personId: string, input: RecordInput, actor: Actor): Promise<{ id: string; outcome: 'added' | 'updated' | 'unchanged' }> {
  const problems = checkRecord(input);
  if (problems.length) fail('ERR_CORE_INVALID_INPUT', { problems });
  const person = await requirePerson(db, personId);

  const detail = input.detail?.trim() || null;
  const id = recordId(personId, input.kind, input.on, detail);
  const existing = await db.selectFrom('disability_service_record').select(['id', 'until_date']).where('id', '=', id).executeTakeFirst();
  const until = input.until ?? null;
  const at = now();
  if (existing) {
    if (existing.until_date === until) return { id, outcome: 'unchanged' };
    await db.updateTable('disability_service_record').set({ until_date: until }).where('id', '=', id).execute();
  } else {
    await db.insertInto('disability_service_record').values({
      id, person_id: personId, kind: input.kind, on_date: input.on, until_date: until, detail, recorded_at: at, recorded_by: actor.user,
    }).execute();
  }

  if (input.kind === 'death' && person.deceased_on !== input.on) {
    await db.updateTable('disability_person').set({ deceased_on: input.on, updated_at: at, updated_by: actor.user }).where('id', '=', personId).execute();
  }
  if (input.kind === 'moved_away' && person.moved_away_on !== input.on) {
    await db.updateTable('disability_person').set({ moved_away_on: input.on, updated_at: at, updated_by: actor.user }).where('id', '=', personId).execute();
  }
  return { id, outcome: existing ? 'updated' : 'added' };
}
