/**
 * Scoring stored entities: load, score with the rules, keep the result as
 * history when it changed, and move the entity's supervision measures to
 * its new category (D2 二(三), 二(四)2–3: measures of the old grade end
 * at once). Each call works inside the transaction it is given, so a batch
 * gives every entity its own and a re-run skips what is already stored.
 */
import { createHash } from 'node:crypto';

import type { Kysely } from 'kysely';

import type { IsoDate } from '../../core/dates.ts';
import type { ParamRegistry } from '../../core/params/registry.ts';
import type { Database } from '../../db/schema.ts';
import { fail } from '../../errorCatalog.ts';
import { PARAM } from '../rules/params.ts';
import { compileScorer, type Scorer } from '../rules/publicScore.ts';
import { measuresFor, type MeasureTable } from '../rules/supervision.ts';
import type {
  CategoryCode,
  CreditRecord,
  Grade,
  IndicatorPoints,
  PublicScore,
  RecordDomain,
  RecordStatus,
} from '../rules/types.ts';
import type { CreditRecordTable, CreditScoreTable } from '../storage/tables.ts';
import { nowIso, paramValue, parseJson, scoringParamsOn } from './support.ts';

export interface StoredScore {
  id: string;
  uscc: string;
  evaluatedOn: IsoDate;
  score: number;
  grade: Grade;
  category: { code: CategoryCode; label: string };
  indicators: IndicatorPoints[];
  excluded: Array<{ record: string; reason: string }>;
  notes: string[];
  table: string;
  reason: string;
  computedAt: string;
}

export interface RescoreOutcome {
  changed: boolean;
  score: StoredScore;
  previous: StoredScore | null;
  measuresEnded: number;
  measuresStarted: number;
}

export function recordFromRow(row: CreditRecordTable): CreditRecord {
  return {
    id: row.id,
    uscc: row.uscc,
    indicator: row.indicator,
    ...(row.kind ? { kind: row.kind } : {}),
    decided: row.decided,
    until: row.until,
    windowYears: row.window_years,
    status: row.status as RecordStatus,
    domain: row.domain as RecordDomain,
    ...(row.source_department ? { sourceDepartment: row.source_department } : {}),
    ...(row.document_number ? { documentNumber: row.document_number } : {}),
  };
}

export function scoreFromRow(row: CreditScoreTable): StoredScore {
  const category = JSON.parse(row.category) as { code: CategoryCode; label: string };
  return {
    id: row.id,
    uscc: row.uscc,
    evaluatedOn: row.evaluated_on,
    score: Number(row.score),
    grade: row.grade as Grade,
    category,
    indicators: parseJson(row.indicators_json, []),
    excluded: parseJson(row.excluded_json, []),
    notes: parseJson(row.notes_json, []),
    table: row.table_source,
    reason: row.reason,
    computedAt: row.computed_at,
  };
}

/** What makes two results the same: points, records behind them, grade, table. */
function digestOf(result: PublicScore): string {
  return createHash('sha256')
    .update(JSON.stringify([result.score, result.grade, result.table, result.indicators.map((x) => [x.code, x.points, x.records]), result.excluded]))
    .digest('hex');
}

export class CreditScoring {
  private readonly scorers = new Map<string, Scorer>();

  constructor(private readonly registry: ParamRegistry) {}

  scorerOn(on: IsoDate): Scorer {
    let scorer = this.scorers.get(on);
    if (!scorer) {
      scorer = compileScorer(scoringParamsOn(this.registry, on));
      if (this.scorers.size > 64) this.scorers.clear();
      this.scorers.set(on, scorer);
    }
    return scorer;
  }

  /** Score without storing (an as-of view). */
  async evaluate(db: Kysely<Database>, uscc: string, on: IsoDate): Promise<PublicScore> {
    const entity = await db.selectFrom('credit_entity').selectAll().where('uscc', '=', uscc).executeTakeFirst();
    if (!entity) fail('ERR_CREDIT_ENTITY_NOT_FOUND', { details: { uscc } });
    const rows = await db.selectFrom('credit_record').selectAll().where('uscc', '=', uscc).orderBy('decided').orderBy('id').execute();
    return this.scorerOn(on)({ uscc, established: entity.established }, rows.map(recordFromRow), on);
  }

  /**
   * Re-score one entity on `on` inside `db` (a transaction). Idempotent:
   * when the result equals the current one nothing is written.
   */
  async rescore(db: Kysely<Database>, uscc: string, on: IsoDate, reason: string): Promise<RescoreOutcome> {
    const entity = await db.selectFrom('credit_entity').selectAll().where('uscc', '=', uscc).executeTakeFirst();
    if (!entity) fail('ERR_CREDIT_ENTITY_NOT_FOUND', { details: { uscc } });
    const rows = await db.selectFrom('credit_record').selectAll().where('uscc', '=', uscc).orderBy('decided').orderBy('id').execute();
    const result = this.scorerOn(on)({ uscc, established: entity.established }, rows.map(recordFromRow), on);
    const digest = digestOf(result);

    const currentRow = entity.current_score_id
      ? await db.selectFrom('credit_score').selectAll().where('id', '=', entity.current_score_id).executeTakeFirst()
      : undefined;
    const previous = currentRow ? scoreFromRow(currentRow) : null;
    if (currentRow && currentRow.digest === digest) {
      return { changed: false, score: previous!, previous, measuresEnded: 0, measuresStarted: 0 };
    }

    const computedAt = nowIso();
    const row: CreditScoreTable = {
      id: `${uscc}:${on}:${digest.slice(0, 16)}`,
      uscc,
      evaluated_on: on,
      score: result.score,
      grade: result.grade,
      category: JSON.stringify(result.category),
      table_source: result.table,
      indicators_json: JSON.stringify(result.indicators),
      excluded_json: JSON.stringify(result.excluded),
      notes_json: JSON.stringify(result.notes),
      digest,
      reason,
      computed_at: computedAt,
    };
    await db.insertInto('credit_score').values(row).onConflict((oc) => oc.column('id').doNothing()).execute();
    await db.updateTable('credit_entity').set({ current_score_id: row.id, updated_at: computedAt }).where('uscc', '=', uscc).execute();

    const moved = await this.moveMeasures(db, uscc, row.id, result, on, reason);
    return { changed: true, score: scoreFromRow(row), previous, ...moved };
  }

  /** End the measures of another category; start the new category's. */
  private async moveMeasures(
    db: Kysely<Database>,
    uscc: string,
    scoreId: string,
    result: PublicScore,
    on: IsoDate,
    reason: string,
  ): Promise<{ measuresEnded: number; measuresStarted: number }> {
    const table = paramValue<MeasureTable>(this.registry, PARAM.measures, on);
    const open = await db.selectFrom('credit_measure').selectAll().where('uscc', '=', uscc).where('ended_on', 'is', null).execute();
    const category = result.category.code;

    const stale = open.filter((m) => m.category !== category);
    if (stale.length) {
      await db
        .updateTable('credit_measure')
        .set({ ended_on: on, end_reason: `信用等级调整为${result.grade}级（${result.category.label}类），原等级对应措施终止：${reason}` })
        .where('id', 'in', stale.map((m) => m.id))
        .execute();
    }

    const kept = new Set(open.filter((m) => m.category === category).map((m) => m.code));
    const fresh = measuresFor(category, table).filter((m) => !kept.has(m.code));
    if (fresh.length) {
      await db
        .insertInto('credit_measure')
        .values(fresh.map((m) => ({
          id: `${scoreId}:${m.code}`,
          uscc,
          code: m.code,
          label: m.label,
          category,
          article: m.article,
          score_id: scoreId,
          started_on: on,
          ended_on: null,
          end_reason: null,
        })))
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
    }
    return { measuresEnded: stale.length, measuresStarted: fresh.length };
  }

  async current(db: Kysely<Database>, uscc: string): Promise<StoredScore | null> {
    const entity = await db.selectFrom('credit_entity').select('current_score_id').where('uscc', '=', uscc).executeTakeFirst();
    if (!entity) fail('ERR_CREDIT_ENTITY_NOT_FOUND', { details: { uscc } });
    if (!entity.current_score_id) return null;
    const row = await db.selectFrom('credit_score').selectAll().where('id', '=', entity.current_score_id).executeTakeFirst();
    return row ? scoreFromRow(row) : null;
  }

  async history(db: Kysely<Database>, uscc: string): Promise<StoredScore[]> {
    const rows = await db.selectFrom('credit_score').selectAll().where('uscc', '=', uscc).orderBy('computed_at').orderBy('id').execute();
    return rows.map(scoreFromRow);
  }
}
