/**
 * Applications for the two subsidies (D1 三(一)5; 专栏2 一2 “跨省通办”):
 * received → reviewed → approved or refused, and an approved grant ended.
 * Each step is one transaction that checks the status it moves from, so two
 * clerks acting at once cannot both succeed; every step is logged as an event.
 */
import { randomUUID } from 'node:crypto';

import type { Kysely, Selectable } from 'kysely';

import { isIsoDate, type IsoDate } from '../../core/dates.ts';
import type { Database } from '../../db/schema.ts';
import type { PlatformContext } from '../../platform/context.ts';
import {
  APPLICATION_STATUSES,
  APPLICATION_STATUS_LABELS,
  checkNewApplication,
  nextStatus,
  type ApplicationAction,
  type ApplicationStatus,
} from '../rules/application.ts';
import { SUBSIDY_LABELS, type Subsidy } from '../rules/types.ts';
import type { DisabilityApplicationEventTable, DisabilityApplicationTable } from '../storage/tables.ts';
import type { Actor } from './caller.ts';
import { eligibility } from './eligibility.ts';
import { fail } from './fail.ts';
import { requirePerson } from './register.ts';

type Db = Kysely<Database>;
type ApplicationRow = Selectable<DisabilityApplicationTable>;
type EventRow = Selectable<DisabilityApplicationEventTable>;

export interface ApplicationView {
  id: string;
  personId: string;
  subsidy: Subsidy;
  subsidyLabel: string;
  channel: string;
  acceptedAt: string | null;
  status: ApplicationStatus;
  statusLabel: string;
  receivedOn: string;
  reviewedOn: string | null;
  decidedOn: string | null;
  endedOn: string | null;
  review: unknown;
  reasons: string[];
  events: Array<{ action: string; from: string | null; to: string; on: string; note: string | null; by: string; at: string }>;
}

function view(row: ApplicationRow, events: EventRow[]): ApplicationView {
  return {
    id: row.id,
    personId: row.person_id,
    subsidy: row.subsidy as Subsidy,
    subsidyLabel: SUBSIDY_LABELS[row.subsidy as Subsidy],
    channel: row.channel,
    acceptedAt: row.accepted_at,
    status: row.status as ApplicationStatus,
    statusLabel: APPLICATION_STATUS_LABELS[row.status as ApplicationStatus],
    receivedOn: row.received_on,
    reviewedOn: row.reviewed_on,
    decidedOn: row.decided_on,
    endedOn: row.ended_on,
    review: row.review_json ? JSON.parse(row.review_json) : null,
    reasons: row.reasons_json ? (JSON.parse(row.reasons_json) as string[]) : [],
    events: events.map((e) => ({ action: e.action, from: e.from_status, to: e.to_status, on: e.on_date, note: e.note, by: e.by_user, at: e.at })),
  };
}

export async function applicationView(db: Db, id: string): Promise<ApplicationView> {
  const row = await db.selectFrom('disability_application').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) fail('ERR_DISABILITY_APPLICATION_NOT_FOUND', { details: { id } });
  const events = await db.selectFrom('disability_application_event').selectAll().where('application_id', '=', id).orderBy('at').orderBy('id').execute();
  return view(row, events);
}

export async function addEvent(
  db: Db,
  event: { applicationId: string; action: string; from: string | null; to: string; on: IsoDate; note: string | null },
  actor: Actor,
): Promise<void> {
  await db.insertInto('disability_application_event').values({
    id: `ae_${randomUUID()}`,
    application_id: event.applicationId,
    action: event.action,
    from_status: event.from,
    to_status: event.to,
    on_date: event.on,
    note: event.note,
    by_user: actor.user,
    at: new Date().toISOString(),
  }).execute();
}

export interface NewApplication {
  personId: string;
  subsidy: string;
  channel?: string | undefined;
  acceptedAt?: string | null | undefined;
  receivedOn: string;
  note?: string | null | undefined;
}

export async function createApplication(ctx: PlatformContext, input: NewApplication, actor: Actor): Promise<ApplicationView> {
  const channel = input.channel ?? 'local';
  const problems = checkNewApplication({ channel, receivedOn: input.receivedOn, acceptedAt: input.acceptedAt });
  if (input.subsidy !== 'living' && input.subsidy !== 'care') {
    problems.push({ field: 'subsidy', value: input.subsidy, reason: '补贴项目应为 living（困难残疾人生活补贴）或 care（重度残疾人护理补贴）' });
  }
  if (problems.length) fail('ERR_CORE_INVALID_INPUT', { problems });

  const id = `da_${randomUUID()}`;
  await ctx.store.db.transaction().execute(async (trx) => {
    await requirePerson(trx, input.personId);
    const open = await trx.selectFrom('disability_application').select(['id', 'status'])
      .where('person_id', '=', input.personId).where('subsidy', '=', input.subsidy)
      .where('status', 'in', ['received', 'reviewed', 'approved']).executeTakeFirst();
    if (open) fail('ERR_DISABILITY_APPLICATION_DUPLICATE', { details: { id: open.id, status: open.status } });

    const at = new Date().toISOString();
    await trx.insertInto('disability_application').values({
      id,
      person_id: input.personId,
      subsidy: input.subsidy,
      channel,
      accepted_at: input.acceptedAt?.trim() || null,
      status: 'received',
      received_on: input.receivedOn,
      reviewed_on: null,
      decided_on: null,
      ended_on: null,
      review_json: null,
      reasons_json: null,
      created_at: at,
      created_by: actor.user,
      updated_at: at,
    }).execute();
    await addEvent(trx, { applicationId: id, action: 'receive', from: null, to: 'received', on: input.receivedOn, note: input.note ?? null }, actor);
  });

  ctx.logger.info({ applicationId: id, subsidy: input.subsidy, channel, rule: 'd1.s3_1_5.application', by: actor.user }, 'application received');
  return applicationView(ctx.store.db, id);
}

function lastEventOn(row: ApplicationRow): IsoDate {
  return row.ended_on ?? row.decided_on ?? row.reviewed_on ?? row.received_on;
}

/**
 * One step. Review records the rules' decision on the review day; approval
 * re-checks it on the approval day and refuses to approve a person the
 * rules find not eligible (the clerk refuses instead, with those reasons).
 */
export async function stepApplication(
  ctx: PlatformContext,
  id: string,
  action: ApplicationAction,
  input: { on: string; note?: string | null | undefined; reasons?: string[] | undefined },
  actor: Actor,
): Promise<ApplicationView> {
  if (!isIsoDate(input.on)) fail('ERR_CORE_INVALID_INPUT', { problems: [{ field: 'on', value: input.on, reason: '日期应为 YYYY-MM-DD' }] });
  if (action === 'refuse' && !input.reasons?.length && !input.note) {
    fail('ERR_CORE_INVALID_INPUT', { problems: [{ field: 'reasons', reason: '不予批准须说明理由' }] });
  }

  const row = await ctx.store.db.selectFrom('disability_application').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) fail('ERR_DISABILITY_APPLICATION_NOT_FOUND', { details: { id } });
  const next = nextStatus({ status: row.status as ApplicationStatus, lastEventOn: lastEventOn(row) }, action, input.on);
  if (!next.ok) fail('ERR_DISABILITY_APPLICATION_STEP', { message: next.reason, details: { id, status: row.status, action } });

  let review: string | null = row.review_json;
  if (action === 'review' || action === 'approve') {
    const answer = await eligibility(ctx, row.person_id, input.on);
    const decision = answer[row.subsidy as Subsidy];
    if (action === 'review') review = JSON.stringify({ on: input.on, ...decision });
    if (action === 'approve' && decision.outcome !== 'eligible') {
      fail('ERR_DISABILITY_APPLICATION_INELIGIBLE', { details: { id, on: input.on, reasons: decision.reasons.map((r) => r.text) } });
    }
  }

  await ctx.store.db.transaction().execute(async (trx) => {
    const dates = action === 'review'
      ? { reviewed_on: input.on }
      : action === 'end' ? { ended_on: input.on } : { decided_on: input.on };
    const reasons = action === 'refuse' || action === 'end'
      ? JSON.stringify(input.reasons?.length ? input.reasons : [input.note])
      : row.reasons_json;
    const updated = await trx.updateTable('disability_application')
      .set({ status: next.status, ...dates, review_json: review, reasons_json: reasons, updated_at: new Date().toISOString() })
      .where('id', '=', id).where('status', '=', row.status)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) {
      fail('ERR_DISABILITY_APPLICATION_STEP', { details: { id, action, reason: 'changed meanwhile' } });
    }
    await addEvent(trx, { applicationId: id, action, from: row.status, to: next.status, on: input.on, note: input.note ?? (input.reasons?.join('；') || null) }, actor);
  });

  ctx.logger.info({ applicationId: id, action, to: next.status, rule: 'd1.s3_1_5.application', on: input.on, by: actor.user }, 'application step');
  return applicationView(ctx.store.db, id);
}

export interface ApplicationQuery {
  personId?: string | undefined;
  status?: string | undefined;
  subsidy?: string | undefined;
  county?: string | undefined;
  channel?: string | undefined;
  limit: number;
  offset: number;
}

export async function listApplications(db: Db, query: ApplicationQuery): Promise<{ total: number; items: Array<ApplicationView & { county: string }> }> {
  if (query.status && !APPLICATION_STATUSES.includes(query.status as ApplicationStatus)) {
    fail('ERR_CORE_INVALID_INPUT', { problems: [{ field: 'status', value: query.status, reason: `状态应为 ${APPLICATION_STATUSES.join('、')} 之一` }] });
  }
  let select = db.selectFrom('disability_application as a').innerJoin('disability_person as p', 'p.id', 'a.person_id');
  if (query.personId) select = select.where('a.person_id', '=', query.personId);
  if (query.status) select = select.where('a.status', '=', query.status);
  if (query.subsidy) select = select.where('a.subsidy', '=', query.subsidy);
  if (query.county) select = select.where('p.county', '=', query.county);
  if (query.channel) select = select.where('a.channel', '=', query.channel);

  const counted = await select.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  const rows = await select.selectAll('a').select('p.county').orderBy('a.received_on', 'desc').orderBy('a.id').limit(query.limit).offset(query.offset).execute();
  return {
    total: Number(counted?.n ?? 0),
    items: rows.map((r) => ({ ...view(r, []), county: r.county })),
  };
}
