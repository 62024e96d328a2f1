/**
 * Entities, records and pledges (D2 二(一)): checked by the intake rules,
 * stored with idempotent keys, and the entity re-scored in the same
 * transaction whenever one of its records changes.
 */
import type { Kysely } from 'kysely';

import type { FieldProblem } from '../../core/errors.ts';
import type { IsoDate } from '../../core/dates.ts';
import type { PlatformContext } from '../../platform/context.ts';
import type { Database } from '../../db/schema.ts';
import { fail } from '../../errorCatalog.ts';
import {
  brokenPledgeRecord,
  checkEntityRow,
  checkRecordRow,
  PLEDGE_TYPES,
  type EntityRow,
} from '../rules/intake.ts';
import { RECORD_STATUSES, type CreditRecord, type RecordStatus } from '../rules/types.ts';
import { checkUscc } from '../rules/uscc.ts';
import type { CreditEntityTable, CreditPledgeTable, CreditRecordTable } from '../storage/tables.ts';
import { CreditScoring, recordFromRow, type RescoreOutcome } from './scoring.ts';
import { hashId, nowIso, scoringParamsOn, usccOptions } from './support.ts';
import { contains, startsWith } from '../../db/like.ts';

export type RawRow = Record<string, string | number | boolean | null | undefined>;

export function stringRow(raw: RawRow): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) if (v !== null && v !== undefined) out[k] = String(v);
  return out;
}

export function entityToRow(e: EntityRow, at: string): CreditEntityTable {
  return {
    uscc: e.uscc,
    name: e.name,
    established: e.established,
    area: e.area,
    registration_department: e.department,
    entity_type: e.entityType,
    current_score_id: null,
    created_at: at,
    updated_at: at,
  };
}

/** Same row, same key: a re-import never duplicates a record. */
export function recordKey(r: Omit<CreditRecord, 'id'> & { id?: string }): string {
  return r.id ?? hashId('rec', [r.uscc, r.indicator, r.kind, r.decided, r.sourceDepartment, r.documentNumber]);
}

export function recordToRow(r: CreditRecord, at: string): CreditRecordTable {
  return {
    id: r.id,
    uscc: r.uscc,
    indicator: r.indicator,
    kind: r.kind ?? null,
    decided: r.decided,
    until: r.until ?? null,
    window_years: r.windowYears ?? null,
    status: r.status,
    domain: r.domain ?? 'general',
    source_department: r.sourceDepartment ?? null,
    document_number: r.documentNumber ?? null,
    created_at: at,
    updated_at: at,
  };
}

export function requireSource(row: Record<string, string>, at?: number): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const field of ['source_department', 'document_number']) {
    if (!(row[field] ?? '').trim()) problems.push({ ...(at !== undefined ? { row: at } : {}), field, value: '', reason: '必填：信用记录须注明来源部门和决定文号（D2 二(一)1）' });
  }
  return problems;
}

export class CreditRegistry {
  readonly scoring: CreditScoring;

  constructor(private readonly ctx: PlatformContext, scoring?: CreditScoring) {
    this.scoring = scoring ?? new CreditScoring(ctx.params);
  }

  indicatorCodes(on: IsoDate): Set<string> {
    return new Set(scoringParamsOn(this.ctx.params, on).table.indicators.map((x) => x.code));
  }

  checkCode(code: string, on: IsoDate) {
    return checkUscc(code, usccOptions(this.ctx.params, on));
  }

  async upsertEntity(raw: RawRow, on: IsoDate): Promise<{ entity: CreditEntityTable; warnings: string[]; created: boolean }> {
    const checked = checkEntityRow(stringRow(raw), usccOptions(this.ctx.params, on));
    if (!checked.ok) {
      const code = checked.problems.some((p) => p.field === 'uscc') ? 'ERR_CREDIT_USCC_INVALID' : 'ERR_CORE_INVALID_INPUT';
      fail(code, { problems: checked.problems });
    }

    return this.ctx.store.db.transaction().execute(async (trx) => {
      const at = nowIso();
      const existing = await trx.selectFrom('credit_entity').selectAll().where('uscc', '=', checked.value.uscc).executeTakeFirst();
      if (existing) {
        await trx.updateTable('credit_entity')
          .set({ name: checked.value.name, established: checked.value.established, updated_at: at })
          .where('uscc', '=', existing.uscc)
          .execute();
        await this.scoring.rescore(trx, existing.uscc, on, '主体信息更新');
      } else {
        await trx.insertInto('credit_entity').values(entityToRow(checked.value, at)).execute();
        await this.scoring.rescore(trx, checked.value.uscc, on, '主体纳入评价');
      }
      const entity = await trx.selectFrom('credit_entity').selectAll().where('uscc', '=', checked.value.uscc).executeTakeFirstOrThrow();
      return { entity, warnings: checked.warnings, created: !existing };
    });
  }

  async entity(uscc: string): Promise<CreditEntityTable> {
    const row = await this.ctx.store.db.selectFrom('credit_entity').selectAll().where('uscc', '=', uscc).executeTakeFirst();
    if (!row) fail('ERR_CREDIT_ENTITY_NOT_FOUND', { details: { uscc } });
    return row;
  }

  async listEntities(options: { q?: string; limit: number; offset: number }): Promise<{ total: number; items: CreditEntityTable[] }> {
    const db = this.ctx.store.db;
    let query = db.selectFrom('credit_entity');
    if (options.q) query = query.where((eb) => eb.or([startsWith('uscc', options.q!), contains('name', options.q!)]));
    const total = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const items = await query.selectAll().orderBy('uscc').limit(options.limit).offset(options.offset).execute();
    return { total: Number(total.n), items };
  }

  /** Add a record from a department and re-score its entity, in one transaction. */
  async addRecord(raw: RawRow, on: IsoDate): Promise<{ record: CreditRecordTable; created: boolean; rescore: RescoreOutcome; warnings: string[] }> {
    const row = stringRow(raw);
    const checked = checkRecordRow(row, usccOptions(this.ctx.params, on), this.indicatorCodes(on));
    const problems = [...(checked.ok ? [] : checked.problems), ...requireSource(row)];
    if (!checked.ok || problems.length) fail('ERR_CREDIT_RECORD_INVALID', { problems });

    const record: CreditRecord = { ...checked.value, id: recordKey(checked.value) };
    return this.ctx.store.db.transaction().execute(async (trx) => {
      await this.requireEntity(trx, record.uscc);
      const at = nowIso();
      const inserted = await trx.insertInto('credit_record').values(recordToRow(record, at))
        .onConflict((oc) => oc.column('id').doNothing()).executeTakeFirst();
      const created = Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0;
      const rescore = await this.scoring.rescore(trx, record.uscc, on, `新增信用记录 ${record.id}`);
      const stored = await trx.selectFrom('credit_record').selectAll().where('id', '=', record.id).executeTakeFirstOrThrow();
      return { record: stored, created, rescore, warnings: checked.warnings };
    });
  }

  async record(id: string): Promise<CreditRecordTable> {
    const row = await this.ctx.store.db.selectFrom('credit_record').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) fail('ERR_CREDIT_NOT_FOUND', { details: { record: id } });
    return row;
  }

  async records(uscc: string): Promise<CreditRecordTable[]> {
    await this.entity(uscc);
    return this.ctx.store.db.selectFrom('credit_record').selectAll().where('uscc', '=', uscc).orderBy('decided').orderBy('id').execute();
  }

  /** Change a record's status inside `trx` and re-score; used by the workflows too. */
  async setStatus(trx: Kysely<Database>, id: string, status: RecordStatus, on: IsoDate, reason: string): Promise<RescoreOutcome> {
    const row = await trx.selectFrom('credit_record').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) fail('ERR_CREDIT_NOT_FOUND', { details: { record: id } });
    if (!(RECORD_STATUSES as readonly string[]).includes(status)) {
      fail('ERR_CREDIT_RECORD_INVALID', { problems: [{ field: 'status', value: status, reason: `状态应为 ${RECORD_STATUSES.join('、')} 之一` }] });
    }
    await trx.updateTable('credit_record').set({ status, updated_at: nowIso() }).where('id', '=', id).execute();
    return this.scoring.rescore(trx, row.uscc, on, reason);
  }

  async changeStatus(id: string, status: RecordStatus, on: IsoDate, reason: string): Promise<{ record: CreditRecordTable; rescore: RescoreOutcome }> {
    return this.ctx.store.db.transaction().execute(async (trx) => {
      const rescore = await this.setStatus(trx, id, status, on, reason);
      const record = await trx.selectFrom('credit_record').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      return { record, rescore };
    });
  }

  async addPledge(raw: RawRow, on: IsoDate): Promise<CreditPledgeTable> {
    const row = stringRow(raw);
    const checked = checkUscc(row.uscc ?? '', usccOptions(this.ctx.params, on));
    const problems: FieldProblem[] = checked.ok ? [] : checked.reasons.map((reason) => ({ field: 'uscc', value: row.uscc, reason }));
    if (!row.pledge_type || !(row.pledge_type in PLEDGE_TYPES)) {
      problems.push({ field: 'pledge_type', value: row.pledge_type, reason: `承诺类型应为 ${Object.keys(PLEDGE_TYPES).join('、')} 之一` });
    }
    for (const field of ['approval_number', 'department', 'pledged_on']) {
      if (!row[field]) problems.push({ field, value: '', reason: '必填' });
    }
    if (problems.length || !checked.ok) fail('ERR_CORE_INVALID_INPUT', { problems });

    const pledge: CreditPledgeTable = {
      id: hashId('pledge', [checked.uscc, row.pledge_type, row.approval_number, row.department]),
      uscc: checked.uscc,
      pledge_type: row.pledge_type!,
      approval_number: row.approval_number!,
      department: row.department!,
      pledged_on: row.pledged_on!,
      due_on: row.due_on || null,
      kept: null,
      verified_on: null,
      record_id: null,
      created_at: nowIso(),
    };
    return this.ctx.store.db.transaction().execute(async (trx) => {
      await this.requireEntity(trx, pledge.uscc);
      await trx.insertInto('credit_pledge').values(pledge).onConflict((oc) => oc.column('id').doNothing()).execute();
      return trx.selectFrom('credit_pledge').selectAll().where('id', '=', pledge.id).executeTakeFirstOrThrow();
    });
  }

  /** Record whether a pledge was kept; a broken one becomes a 违反承诺 record (D2 二(一)2). */
  async verifyPledge(id: string, kept: boolean, verifiedOn: IsoDate, on: IsoDate): Promise<{ pledge: CreditPledgeTable; rescore: RescoreOutcome | null }> {
    return this.ctx.store.db.transaction().execute(async (trx) => {
      const pledge = await trx.selectFrom('credit_pledge').selectAll().where('id', '=', id).executeTakeFirst();
      if (!pledge) fail('ERR_CREDIT_NOT_FOUND', { details: { pledge: id } });
      if (pledge.kept !== null) {
        fail('ERR_CREDIT_WORKFLOW_STEP_INVALID', { details: { pledge: id, reason: '该承诺已核实，不能重复核实' } });
      }

      let recordId: string | null = null;
      let rescore: RescoreOutcome | null = null;
      if (!kept) {
        const record = brokenPledgeRecord({ id, uscc: pledge.uscc, department: pledge.department, approvalNumber: pledge.approval_number, verifiedOn });
        await trx.insertInto('credit_record').values(recordToRow(record, nowIso())).onConflict((oc) => oc.column('id').doNothing()).execute();
        recordId = record.id;
        rescore = await this.scoring.rescore(trx, pledge.uscc, on, `信用承诺未履行 ${pledge.approval_number}`);
      }
      await trx.updateTable('credit_pledge').set({ kept: kept ? 1 : 0, verified_on: verifiedOn, record_id: recordId }).where('id', '=', id).execute();
      const stored = await trx.selectFrom('credit_pledge').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      return { pledge: stored, rescore };
    });
  }

  async pledges(uscc: string): Promise<CreditPledgeTable[]> {
    return this.ctx.store.db.selectFrom('credit_pledge').selectAll().where('uscc', '=', uscc).orderBy('pledged_on').execute();
  }

  private async requireEntity(db: Kysely<Database>, uscc: string): Promise<void> {
    const found = await db.selectFrom('credit_entity').select('uscc').where('uscc', '=', uscc).executeTakeFirst();
    if (!found) fail('ERR_CREDIT_ENTITY_NOT_FOUND', { details: { uscc } });
  }

  recordOf(row: CreditRecordTable): CreditRecord {
    return recordFromRow(row);
  }
}
