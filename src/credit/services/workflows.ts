/**
 * Objections (D2 二(四)2) and credit repair (D2 二(四)3) as workflows: each
 * case has its state, its deadline in Chinese working days, the people who
 * moved it and when. An upheld objection corrects the record, an approved
 * repair marks it repaired; either way the entity is re-scored and the
 * measures of its old grade end, in the same transaction.
 */
import type { Kysely } from 'kysely';

import type { IsoDate } from '../../core/dates.ts';
import { isIsoDate } from '../../core/dates.ts';
import type { PlatformContext } from '../../platform/context.ts';
import type { Database } from '../../db/schema.ts';
import { fail } from '../../errorCatalog.ts';
import { isOverdue, workingDayDeadline } from '../rules/objection.ts';
import { PARAM } from '../rules/params.ts';
import { checkRepair, type MinPublicity } from '../rules/repair.ts';
import {
  nextState,
  OBJECTION_ACTIONS,
  OPEN_OBJECTION_STATES,
  OPEN_REPAIR_STATES,
  REPAIR_ACTIONS,
  STATE_LABELS,
  type ObjectionState,
  type RepairState,
} from '../rules/workflow.ts';
import type { CreditObjectionTable, CreditRepairTable } from '../storage/tables.ts';
import type { CreditRegistry } from './registry.ts';
import { recordFromRow, type RescoreOutcome } from './scoring.ts';
import { newId, nowIso, paramValue, parseJson } from './support.ts';

export interface Actor {
  user: string;
  role: string;
}

function deadlineOrFail(received: IsoDate, days: number, receiptCounts: boolean): IsoDate {
  const result = workingDayDeadline(received, days, receiptCounts);
  if (!result.ok) {
    // Never guess a deadline for a year whose holidays are not published.
    fail('ERR_CORE_CALENDAR_NOT_COVERED', { details: { year: result.year, received } });
  }
  return result.deadline;
}

export class CreditWorkflows {
  constructor(private readonly ctx: PlatformContext, private readonly registry: CreditRegistry) {}

  private async event(trx: Kysely<Database>, kind: string, id: string, action: string, from: string | null, to: string, actor: Actor, on: IsoDate, note: string | null) {
    await trx.insertInto('credit_workflow_event').values({
      id: newId('evt'), case_kind: kind, case_id: id, action, from_state: from, to_state: to,
      actor: actor.user, actor_role: actor.role, on_date: on, at: nowIso(), note,
    }).execute();
  }

  async events(kind: string, id: string) {
    const rows = await this.ctx.store.db.selectFrom('credit_workflow_event').selectAll()
      .where('case_kind', '=', kind).where('case_id', '=', id).orderBy('at').orderBy('id').execute();
    return rows.map((e) => ({ action: e.action, from: e.from_state, to: e.to_state, stateLabel: STATE_LABELS[e.to_state] ?? e.to_state, actor: e.actor, actorRole: e.actor_role, on: e.on_date, at: e.at, note: e.note }));
  }

  // ── objections

  async fileObjection(input: { uscc: string; record_id?: string; claim: string; received_on: IsoDate }, actor: Actor) {
    if (!isIsoDate(input.received_on)) fail('ERR_CORE_INVALID_INPUT', { problems: [{ field: 'received_on', value: input.received_on, reason: '日期应为 YYYY-MM-DD' }] });
    await this.registry.entity(input.uscc);
    if (input.record_id) {
      const record = await this.registry.record(input.record_id);
      if (record.uscc !== input.uscc) fail('ERR_CORE_INVALID_INPUT', { problems: [{ field: 'record_id', value: input.record_id, reason: '该记录不属于此市场主体' }] });
    }
    const days = paramValue<number>(this.ctx.params, PARAM.objectionWorkingDays, input.received_on);
    const receiptCounts = paramValue<boolean>(this.ctx.params, PARAM.receiptDayCounts, input.received_on);
    const deadline = deadlineOrFail(input.received_on, days, receiptCounts);

    const at = nowIso();
    const row: CreditObjectionTable = {
      id: newId('obj'), uscc: input.uscc, record_id: input.record_id ?? null, filed_by: actor.user,
      received_on: input.received_on, deadline, state: 'received', claim: input.claim,
      handler: null, decided_on: null, decision_note: null, created_at: at, updated_at: at,
    };
    await this.ctx.store.db.transaction().execute(async (trx) => {
      await trx.insertInto('credit_objection').values(row).execute();
      if (row.record_id) {
        await trx.updateTable('credit_record').set({ status: 'under_objection', updated_at: at })
          .where('id', '=', row.record_id).where('status', '=', 'active').execute();
      }
      await this.event(trx, 'objection', row.id, 'file', null, 'received', actor, input.received_on, input.claim);
    });
    return this.objection(row.id, input.received_on);
  }

  async objection(id: string, today: IsoDate) {
    const row = await this.ctx.store.db.selectFrom('credit_objection').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) fail('ERR_CREDIT_NOT_FOUND', { details: { objection: id } });
    return { ...this.objectionView(row, today), events: await this.events('objection', id) };
  }

  private objectionView(row: CreditObjectionTable, today: IsoDate) {
    const open = (OPEN_OBJECTION_STATES as readonly string[]).includes(row.state);
    return {
      id: row.id, uscc: row.uscc, recordId: row.record_id, claim: row.claim, filedBy: row.filed_by,
      receivedOn: row.received_on, deadline: row.deadline, state: row.state, stateLabel: STATE_LABELS[row.state] ?? row.state,
      open, overdue: isOverdue(open, row.deadline, today), handler: row.handler, decidedOn: row.decided_on, decisionNote: row.decision_note,
      articles: ['D2 二(四)2'],
    };
  }

  async objections(filter: { uscc?: string; state?: string; overdue?: boolean }, today: IsoDate) {
    let query = this.ctx.store.db.selectFrom('credit_objection').selectAll().orderBy('deadline').orderBy('id');
    if (filter.uscc) query = query.where('uscc', '=', filter.uscc);
    if (filter.state) query = query.where('state', '=', filter.state);
    const rows = (await query.execute()).map((r) => this.objectionView(r, today));
    return filter.overdue === undefined ? rows : rows.filter((r) => r.overdue === filter.overdue);
  }

  async actOnObjection(id: string, action: string, actor: Actor, on: IsoDate, note?: string) {
    let rescore: RescoreOutcome | null = null;
    await this.ctx.store.db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('credit_objection').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row) fail('ERR_CREDIT_NOT_FOUND', { details: { objection: id } });
      const step = nextState(OBJECTION_ACTIONS, row.state as ObjectionState, action);
      if (!step.ok) fail('ERR_CREDIT_WORKFLOW_STEP_INVALID', { details: { objection: id, state: row.state, action, reason: step.reason } });

      const settled = step.to !== 'checking';
      await trx.updateTable('credit_objection').set({
        state: step.to, handler: actor.user, updated_at: nowIso(),
        ...(settled ? { decided_on: on, decision_note: note ?? null } : {}),
      }).where('id', '=', id).execute();
      await this.event(trx, 'objection', id, action, row.state, step.to, actor, on, note ?? null);

      // D2 二(四)2: a wrong record is corrected and the entity re-evaluated;
      // the measures tied to the wrong grade end with the re-scoring.
      if (row.record_id && step.to === 'upheld') {
        rescore = await this.registry.setStatus(trx, row.record_id, 'corrected', on, `异议成立（${id}）`);
      } else if (row.record_id && (step.to === 'rejected' || step.to === 'withdrawn')) {
        await trx.updateTable('credit_record').set({ status: 'active', updated_at: nowIso() })
          .where('id', '=', row.record_id).where('status', '=', 'under_objection').execute();
        rescore = await this.registry.scoring.rescore(trx, row.uscc, on, `异议${step.to === 'rejected' ? '不成立' : '撤回'}（${id}）`);
      } else if (step.to === 'upheld') {
        rescore = await this.registry.scoring.rescore(trx, row.uscc, on, `异议成立，重新评价（${id}）`);
      }
    });
    this.ctx.logger.info({ rule: 'd2.part2_4_2.objection_outcome', article: 'D2 二(四)2', objection: id, action, on }, 'objection moved');
    return { objection: await this.objection(id, on), rescore: rescore as RescoreOutcome | null };
  }

  // ── repairs

  async applyRepair(input: { record_id: string; applied_on: IsoDate; obligations_fulfilled: boolean; pledge_submitted: boolean }, actor: Actor) {
    if (!isIsoDate(input.applied_on)) fail('ERR_CORE_INVALID_INPUT', { problems: [{ field: 'applied_on', value: input.applied_on, reason: '日期应为 YYYY-MM-DD' }] });
    const record = await this.registry.record(input.record_id);
    const days = paramValue<number>(this.ctx.params, PARAM.repairWorkingDays, input.applied_on);
    const receiptCounts = paramValue<boolean>(this.ctx.params, PARAM.receiptDayCounts, input.applied_on);
    const deadline = deadlineOrFail(input.applied_on, days, receiptCounts);
    const check = this.repairCheck(record, input, input.applied_on);

    const at = nowIso();
    const row: CreditRepairTable = {
      id: newId('rep'), uscc: record.uscc, record_id: record.id, applicant: actor.user, applied_on: input.applied_on,
      deadline, obligations_fulfilled: input.obligations_fulfilled ? 1 : 0, pledge_submitted: input.pledge_submitted ? 1 : 0,
      state: 'applied', check_json: JSON.stringify(check), handler: null, decided_on: null, decision_note: null, created_at: at, updated_at: at,
    };
    await this.ctx.store.db.transaction().execute(async (trx) => {
      await trx.insertInto('credit_repair').values(row).execute();
      await this.event(trx, 'repair', row.id, 'apply', null, 'applied', actor, input.applied_on, null);
    });
    return this.repair(row.id, input.applied_on);
  }

  private repairCheck(record: Parameters<typeof recordFromRow>[0], input: { obligations_fulfilled: boolean; pledge_submitted: boolean }, on: IsoDate) {
    return checkRepair(
      recordFromRow(record),
      { obligationsFulfilled: input.obligations_fulfilled, pledgeSubmitted: input.pledge_submitted },
      on,
      paramValue<MinPublicity>(this.ctx.params, PARAM.minPublicityMonths, on),
      paramValue<string[]>(this.ctx.params, PARAM.repairableIndicators, on),
    );
  }

  async repair(id: string, today: IsoDate) {
    const row = await this.ctx.store.db.selectFrom('credit_repair').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) fail('ERR_CREDIT_NOT_FOUND', { details: { repair: id } });
    return { ...this.repairView(row, today), events: await this.events('repair', id) };
  }

  private repairView(row: CreditRepairTable, today: IsoDate) {
    const open = (OPEN_REPAIR_STATES as readonly string[]).includes(row.state);
    return {
      id: row.id, uscc: row.uscc, recordId: row.record_id, applicant: row.applicant, appliedOn: row.applied_on,
      deadline: row.deadline, state: row.state, stateLabel: STATE_LABELS[row.state] ?? row.state, open,
      overdue: isOverdue(open, row.deadline, today), obligationsFulfilled: Number(row.obligations_fulfilled) === 1,
      pledgeSubmitted: Number(row.pledge_submitted) === 1, check: parseJson(row.check_json, {}),
      handler: row.handler, decidedOn: row.decided_on, decisionNote: row.decision_note, articles: ['D2 二(四)3'],
    };
  }

  async repairs(filter: { uscc?: string; state?: string; overdue?: boolean }, today: IsoDate) {
    let query = this.ctx.store.db.selectFrom('credit_repair').selectAll().orderBy('deadline').orderBy('id');
    if (filter.uscc) query = query.where('uscc', '=', filter.uscc);
    if (filter.state) query = query.where('state', '=', filter.state);
    const rows = (await query.execute()).map((r) => this.repairView(r, today));
    return filter.overdue === undefined ? rows : rows.filter((r) => r.overdue === filter.overdue);
  }

  async actOnRepair(id: string, action: string, actor: Actor, on: IsoDate, note?: string) {
    let rescore: RescoreOutcome | null = null;
    await this.ctx.store.db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('credit_repair').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row) fail('ERR_CREDIT_NOT_FOUND', { details: { repair: id } });
      const step = nextState(REPAIR_ACTIONS, row.state as RepairState, action);
      if (!step.ok) fail('ERR_CREDIT_WORKFLOW_STEP_INVALID', { details: { repair: id, state: row.state, action, reason: step.reason } });

      if (step.to === 'approved') {
        // Conditions checked again on the day of the decision.
        const record = await trx.selectFrom('credit_record').selectAll().where('id', '=', row.record_id).executeTakeFirstOrThrow();
        const check = this.repairCheck(record, { obligations_fulfilled: Number(row.obligations_fulfilled) === 1, pledge_submitted: Number(row.pledge_submitted) === 1 }, on);
        if (!check.eligible) fail('ERR_CREDIT_REPAIR_NOT_ELIGIBLE', { problems: check.unmet.map((reason) => ({ field: 'record_id', value: row.record_id, reason })) });
      }
      const settled = step.to !== 'checking';
      await trx.updateTable('credit_repair').set({
        state: step.to, handler: actor.user, updated_at: nowIso(),
        ...(settled ? { decided_on: on, decision_note: note ?? null } : {}),
      }).where('id', '=', id).execute();
      await this.event(trx, 'repair', id, action, row.state, step.to, actor, on, note ?? null);
      if (step.to === 'approved') {
        rescore = await this.registry.setStatus(trx, row.record_id, 'repaired', on, `信用修复完成（${id}）`);
      }
    });
    this.ctx.logger.info({ rule: 'd2.part2_4_3.repair_outcome', article: 'D2 二(四)3', repair: id, action, on }, 'repair moved');
    return { repair: await this.repair(id, on), rescore: rescore as RescoreOutcome | null };
  }
}
