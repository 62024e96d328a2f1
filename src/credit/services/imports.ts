/**
 * Imports of entities and records from CSV (UTF-8/GBK) or XLSX. The whole
 * file is checked first; any bad row refuses the file with a report naming
 * row, column, value and reason, and nothing is stored — unless the caller
 * asks to skip the bad rows. Stored rows carry idempotent keys and the
 * affected entities are re-scored one transaction each (src/platform/
 * batch.ts), so a killed import re-run completes without duplicates.
 */
import type { FieldProblem } from '../../core/errors.ts';
import type { IsoDate } from '../../core/dates.ts';
import type { PlatformContext } from '../../platform/context.ts';
import { digestOf, runBatch, type BatchOutcome } from '../../platform/batch.ts';
import { fail } from '../../errorCatalog.ts';
import { readTable, type ColumnSpec, type TableFormat } from '../../io/table.ts';
import { checkEntityRow, checkRecordRow, type EntityRow } from '../rules/intake.ts';
import type { CreditRecord } from '../rules/types.ts';
import { CreditRegistry, entityToRow, recordKey, recordToRow, requireSource } from './registry.ts';
import { nowIso, usccOptions } from './support.ts';

export const ENTITY_COLUMNS: readonly ColumnSpec[] = [
  { name: 'uscc', label: '统一社会信用代码', aliases: ['信用代码', 'credit_code'] },
  { name: 'name', label: '主体名称', aliases: ['名称', '企业名称'] },
  { name: 'established', label: '成立日期', aliases: ['成立时间'] },
];

export const RECORD_COLUMNS: readonly ColumnSpec[] = [
  { name: 'record_id', label: '记录编号', required: false },
  { name: 'uscc', label: '统一社会信用代码', aliases: ['信用代码'] },
  { name: 'indicator', label: '评价指标', aliases: ['指标'] },
  { name: 'kind', label: '信息类别', required: false },
  { name: 'decided', label: '决定日期', aliases: ['认定日期'] },
  { name: 'until', label: '终止日期', aliases: ['移出日期'], required: false },
  { name: 'window_years', label: '计分有效期（年）', required: false },
  { name: 'status', label: '状态', required: false },
  { name: 'domain', label: '领域', required: false },
  { name: 'source_department', label: '来源部门', required: false },
  { name: 'document_number', label: '决定文号', aliases: ['文号'], required: false },
];

export interface ImportReport {
  rows: number;
  stored: number;
  unchanged: number;
  skippedInvalid: number;
  problems: FieldProblem[];
  warnings: Array<{ row: number; warning: string }>;
  rescored?: BatchOutcome;
}

export interface ImportOptions {
  skipInvalid?: boolean;
  /** A department-bound regulator: rows must name this source department. */
  department?: string;
  onProgress?: (done: number, total: number) => void;
}

function refuseOrSkip(problems: FieldProblem[], options: ImportOptions, rows: number): void {
  if (problems.length && !options.skipInvalid) {
    fail('ERR_CREDIT_IMPORT_INVALID', { problems, details: { rows, badRows: new Set(problems.map((p) => p.row)).size } });
  }
}

export class CreditImports {
  constructor(private readonly ctx: PlatformContext, private readonly registry: CreditRegistry) {}

  async entities(buffer: Buffer, format: TableFormat, on: IsoDate, options: ImportOptions = {}): Promise<ImportReport> {
    const read = await readTable(buffer, format, ENTITY_COLUMNS);
    if (read.problems.length) fail('ERR_CREDIT_IMPORT_INVALID', { problems: read.problems });

    const uscc = usccOptions(this.ctx.params, on);
    const problems: FieldProblem[] = [];
    const warnings: Array<{ row: number; warning: string }> = [];
    const good: Array<{ row: number; value: EntityRow }> = [];
    const seen = new Map<string, number>();
    for (const row of read.rows) {
      const checked = checkEntityRow(row.values, uscc, row.row);
      if (!checked.ok) {
        problems.push(...checked.problems);
        continue;
      }
      const first = seen.get(checked.value.uscc);
      if (first !== undefined) {
        problems.push({ row: row.row, field: 'uscc', value: row.values.uscc, reason: `与第${first}行为同一主体（代码大小写不同也视为同一代码）` });
        continue;
      }
      seen.set(checked.value.uscc, row.row);
      for (const warning of checked.warnings) warnings.push({ row: row.row, warning });
      good.push({ row: row.row, value: checked.value });
    }
    refuseOrSkip(problems, options, read.rows.length);

    let stored = 0;
    const db = this.ctx.store.db;
    const at = nowIso();
    for (let i = 0; i < good.length; i += 500) {
      const chunk = good.slice(i, i + 500).map((g) => entityToRow(g.value, at));
      await db.transaction().execute(async (trx) => {
        const result = await trx.insertInto('credit_entity').values(chunk)
          .onConflict((oc) => oc.column('uscc').doUpdateSet((eb) => ({
            name: eb.ref('excluded.name'),
            established: eb.ref('excluded.established'),
            updated_at: eb.ref('excluded.updated_at'),
          })))
          .executeTakeFirst();
        stored += Number(result.numInsertedOrUpdatedRows ?? 0);
      });
    }
    const rescored = await rescoreBatch(this.ctx, this.registry, good.map((g) => g.value.uscc), on, '主体导入', options.onProgress);
    return {
      rows: read.rows.length,
      stored,
      unchanged: good.length - stored,
      skippedInvalid: new Set(problems.map((p) => p.row)).size,
      problems,
      warnings,
      rescored,
    };
  }

  async records(buffer: Buffer, format: TableFormat, on: IsoDate, options: ImportOptions = {}): Promise<ImportReport> {
    const read = await readTable(buffer, format, RECORD_COLUMNS);
    if (read.problems.length) fail('ERR_CREDIT_IMPORT_INVALID', { problems: read.problems });

    const uscc = usccOptions(this.ctx.params, on);
    const indicators = this.registry.indicatorCodes(on);
    const problems: FieldProblem[] = [];
    const warnings: Array<{ row: number; warning: string }> = [];
    const good: Array<{ row: number; record: CreditRecord }> = [];
    for (const row of read.rows) {
      const checked = checkRecordRow(row.values, uscc, indicators, row.row);
      const missing = requireSource(row.values, row.row);
      if (!checked.ok || missing.length) {
        problems.push(...(checked.ok ? [] : checked.problems), ...missing);
        continue;
      }
      if (options.department && checked.value.sourceDepartment !== options.department) {
        problems.push({ row: row.row, field: 'source_department', value: checked.value.sourceDepartment, reason: `只能导入本部门（${options.department}）的信用记录` });
        continue;
      }
      for (const warning of checked.warnings) warnings.push({ row: row.row, warning });
      good.push({ row: row.row, record: { ...checked.value, id: recordKey(checked.value) } });
    }

    // Every record must name a known entity: look them up all at once.
    const codes = [...new Set(good.map((g) => g.record.uscc))];
    const known = new Set<string>();
    for (let i = 0; i < codes.length; i += 500) {
      const found = await this.ctx.store.db.selectFrom('credit_entity').select('uscc').where('uscc', 'in', codes.slice(i, i + 500)).execute();
      for (const f of found) known.add(f.uscc);
    }
    const valid = good.filter((g) => {
      if (known.has(g.record.uscc)) return true;
      problems.push({ row: g.row, field: 'uscc', value: g.record.uscc, reason: '该市场主体尚未登记，请先导入主体' });
      return false;
    });
    problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
    refuseOrSkip(problems, options, read.rows.length);

    let stored = 0;
    const at = nowIso();
    for (let i = 0; i < valid.length; i += 500) {
      const chunk = valid.slice(i, i + 500).map((g) => recordToRow(g.record, at));
      await this.ctx.store.db.transaction().execute(async (trx) => {
        const result = await trx.insertInto('credit_record').values(chunk).onConflict((oc) => oc.column('id').doNothing()).executeTakeFirst();
        stored += Number(result.numInsertedOrUpdatedRows ?? 0);
      });
    }
    const affected = [...new Set(valid.map((g) => g.record.uscc))];
    const rescored = await rescoreBatch(this.ctx, this.registry, affected, on, '信用记录导入', options.onProgress);
    return {
      rows: read.rows.length,
      stored,
      unchanged: valid.length - stored,
      skippedInvalid: new Set(problems.map((p) => p.row)).size,
      problems,
      warnings,
      rescored,
    };
  }
}

/**
 * Re-score entities one transaction each through the platform's kill-safe
 * batch: a re-run of the same list on the same day resumes where it
 * stopped, and an entity already scored with the same result is skipped.
 */
export async function rescoreBatch(
  ctx: PlatformContext,
  registry: CreditRegistry,
  usccs: readonly string[],
  on: IsoDate,
  reason: string,
  onProgress?: (done: number, total: number) => void,
): Promise<BatchOutcome> {
  const units = [...usccs].sort();
  return runBatch(ctx.store, {
    kind: 'credit.rescore',
    digest: digestOf([on, reason, ...units]),
    units,
    report: { on, reason, entities: units.length },
    apply: async (trx, uscc) => ((await registry.scoring.rescore(trx, uscc, on, reason)).changed ? 'applied' : 'skipped'),
  }, { logger: ctx.logger, ...(onProgress ? { onProgress } : {}) });
}

/** Every entity (or those given), for the daily re-scoring as records expire. */
export async function rescoreAll(
  ctx: PlatformContext,
  registry: CreditRegistry,
  on: IsoDate,
  onProgress?: (done: number, total: number) => void,
): Promise<BatchOutcome> {
  const rows = await ctx.store.db.selectFrom('credit_entity').select('uscc').orderBy('uscc').execute();
  return rescoreBatch(ctx, registry, rows.map((r) => r.uscc), on, `定期重新评价（${on}）`, onProgress);
}
