/**
 * Observations: imported from the form the price offices already fill in
 * (项目, 规格等级, 单位, 本期均价, 上期均价, 变动幅度, 备注) as CSV or XLSX, or
 * entered by hand. The whole input is checked first; any bad row refuses
 * it with a report of row, column, value and reason and nothing is stored,
 * unless skipInvalid. Keys are point|item|date, so a re-run stores nothing
 * twice. Implausible prices are stored as held (D3 1.4(1)).
 */
import { createHash, randomUUID } from 'node:crypto';

import type { ExpressionBuilder, OnConflictDatabase, OnConflictTables } from 'kysely';

import { addDays, isIsoDate, todayInBeijing, type IsoDate } from '../../core/dates.ts';
import type { FieldProblem } from '../../core/errors.ts';
import { parsePercent, parseYuan, type BasisPoints } from '../../core/money.ts';
import { fail } from '../../errorCatalog.ts';
import { readTable, type ColumnSpec, type TableFormat } from '../../io/table.ts';
import type { Database } from '../../db/schema.ts';
import type { PlatformContext } from '../../platform/context.ts';
import { formatInstant } from '../rules/clock.ts';
import { fenRatio, relativeChange, toBasisPoints } from '../rules/exact.ts';
import { plausibility, PLAUSIBILITY_RULE } from '../rules/plausibility.ts';
import type { CatalogueItem, MonitoringPoint } from '../rules/types.ts';
import type { PriceObservationTable } from '../storage/tables.ts';
import type { Caller } from './access.ts';
import { listItems, listPoints } from './catalogue.ts';

/** The offices' form, Chinese headers first. */
export const OBSERVATION_COLUMNS: readonly ColumnSpec[] = [
  { name: 'item', label: '项目', aliases: ['品种', '商品名称', '品名'] },
  { name: 'specification', label: '规格等级', aliases: ['规格', '等级'], required: false },
  { name: 'unit', label: '单位', aliases: ['计价单位'] },
  { name: 'price', label: '本期均价', aliases: ['本期价格', '价格'] },
  { name: 'previous', label: '上期均价', aliases: ['上期价格'], required: false },
  { name: 'change', label: '变动幅度', aliases: ['涨跌幅', '变动幅度(%)', '变动幅度（%）'], required: false },
  { name: 'note', label: '备注', required: false },
  { name: 'point', label: '监测点', aliases: ['监测点代码', '监测点编号'], required: false },
  { name: 'date', label: '日期', aliases: ['监测日期', '采价日期'], required: false },
];

export interface Candidate {
  row: number;
  point?: string;
  /** Catalogue code, or the form's 项目 name with 规格等级. */
  itemId?: string;
  itemName?: string;
  specification?: string;
  unit?: string;
  date?: string;
  price: string;
  previous?: string;
  change?: string;
  note?: string;
}

export interface IngestOptions {
  source: 'import' | 'manual';
  skipInvalid: boolean;
  caller: Caller;
  /** For the form, which has no point or date column of its own. */
  defaults?: { point?: string; date?: string };
  batchId?: string;
  /** A county-bound caller enters prices of its own county's points only. */
  inScope?: (county: string) => boolean;
}

export interface IngestReport {
  batchId: string;
  total: number;
  stored: number;
  held: number;
  /** Rows already stored with the same price: nothing to do. */
  unchanged: number;
  skipped: number;
  problems: FieldProblem[];
  heldRows: { row: number; id: string; reason: string }[];
}

const CHUNK = 500;
/** Rows per INSERT: 17 columns each, under SQLite's 32 766 bound parameters. */
const INSERT_CHUNK = 1500;

/** On a key already stored and voided, the new observation takes its place. */
const REPLACE = (eb: ExpressionBuilder<OnConflictDatabase<Database, 'price_observation'>, OnConflictTables<'price_observation'>>) => ({
  price_fen: eb.ref('excluded.price_fen'),
  previous_fen: eb.ref('excluded.previous_fen'),
  reported_change_bp: eb.ref('excluded.reported_change_bp'),
  note: eb.ref('excluded.note'),
  status: eb.ref('excluded.status'),
  hold_reason: eb.ref('excluded.hold_reason'),
  source: eb.ref('excluded.source'),
  batch_id: eb.ref('excluded.batch_id'),
  entered_by: eb.ref('excluded.entered_by'),
  entered_at: eb.ref('excluded.entered_at'),
  decided_by: eb.ref('excluded.decided_by'),
  decided_at: eb.ref('excluded.decided_at'),
});

function parseChange(text: string): BasisPoints | undefined {
  return parsePercent(text.replace(/[%％]\s*$/, ''));
}

function observationId(point: string, item: string, date: string): string {
  return `${point}|${item}|${date}`;
}

interface Resolved {
  row: number;
  record: PriceObservationTable;
  item: CatalogueItem;
  reportedPrevious: number | null;
}

function resolveItem(c: Candidate, byId: Map<string, CatalogueItem>, byName: Map<string, CatalogueItem[]>, problems: FieldProblem[]) {
  if (c.itemId) {
    const item = byId.get(c.itemId);
    if (!item) problems.push({ row: c.row, field: 'item', value: c.itemId, reason: '监测品种不在目录中' });
    return item;
  }
  const named = byName.get((c.itemName ?? '').trim()) ?? [];
  const spec = (c.specification ?? '').trim();
  const matches = spec ? named.filter((i) => i.specification === spec) : named;
  if (matches.length === 1) return matches[0];
  if (named.length === 0) {
    problems.push({ row: c.row, field: 'item', value: c.itemName, reason: '项目不在监测品种目录中' });
  } else if (matches.length === 0) {
    problems.push({ row: c.row, field: 'specification', value: spec, reason: `目录中该项目的规格等级为：${named.map((i) => i.specification || '（空）').join('、')}` });
  } else {
    problems.push({ row: c.row, field: 'specification', value: spec, reason: '该项目有多个规格等级，请填写规格等级' });
  }
  return undefined;
}

export async function ingestObservations(
  ctx: PlatformContext,
  candidates: readonly Candidate[],
  options: IngestOptions,
): Promise<IngestReport> {
  const params = ctx.params;
  const today = todayInBeijing();
  const maxChange = params.at<BasisPoints>('price.d3.art1_4.plausible_change', today)?.value;
  const tolerance = params.at<BasisPoints>('price.d3.art1_4.change_tolerance', today)?.value;
  const referenceDays = params.at<number>('price.d3.art1_4.reference_days', today)?.value;
  if (maxChange === undefined || tolerance === undefined || referenceDays === undefined) {
    fail('ERR_PRICE_PARAM_INVALID', { details: { id: 'price.d3.art1_4.*', date: today, reason: 'not in force' } });
  }

  const items = await listItems(ctx);
  const points = new Map((await listPoints(ctx)).map((p) => [p.id, p] as [string, MonitoringPoint]));
  const byId = new Map(items.map((i) => [i.id, i]));
  const byName = new Map<string, CatalogueItem[]>();
  for (const item of items) byName.set(item.name, [...(byName.get(item.name) ?? []), item]);

  const batchId = options.batchId ?? randomUUID();
  const enteredAt = formatInstant(Date.now());
  const problems: FieldProblem[] = [];
  const resolved: Resolved[] = [];
  const seen = new Map<string, number>();
  const dateChecks = new Map<string, boolean>();

  // Check every row first.
  for (const c of candidates) {
    const own: FieldProblem[] = [];
    const pointId = (c.point || options.defaults?.point || '').trim();
    const date = (c.date || options.defaults?.date || '').trim();
    const point = points.get(pointId);
    if (!pointId) own.push({ row: c.row, field: 'point', reason: '未指定监测点（表中无“监测点”列时请用 --point 指定）' });
    else if (!point) own.push({ row: c.row, field: 'point', value: pointId, reason: '价格监测点不存在' });
    else if (options.inScope && !options.inScope(point.county)) {
      own.push({ row: c.row, field: 'point', value: pointId, reason: '监测点不在本账号所属县(市)区' });
    }
    let validDate = dateChecks.get(date);
    if (validDate === undefined) dateChecks.set(date, (validDate = isIsoDate(date)));
    if (!validDate) own.push({ row: c.row, field: 'date', value: date, reason: '日期应为 YYYY-MM-DD 格式的真实日期' });
    else if (date > today) own.push({ row: c.row, field: 'date', value: date, reason: '日期晚于今天' });

    const item = resolveItem(c, byId, byName, own);
    if (item && c.unit !== undefined && c.unit.trim() !== item.unit) {
      own.push({ row: c.row, field: 'unit', value: c.unit, reason: `单位与目录不符，应为“${item.unit}”` });
    }

    const price = parseYuan(c.price ?? '');
    if (price === undefined || price <= 0) own.push({ row: c.row, field: 'price', value: c.price, reason: '本期均价应为大于0的金额（元，最多两位小数）' });
    let previous: number | null = null;
    if (c.previous?.trim()) {
      const p = parseYuan(c.previous);
      if (p === undefined || p <= 0) own.push({ row: c.row, field: 'previous', value: c.previous, reason: '上期均价应为大于0的金额（元，最多两位小数）' });
      else previous = p;
    }
    let reported: BasisPoints | null = null;
    if (c.change?.trim()) {
      const bp = parseChange(c.change.trim());
      if (bp === undefined) own.push({ row: c.row, field: 'change', value: c.change, reason: '变动幅度应为百分数，如 2.35 或 -1.5%' });
      else reported = bp;
    }
    if (price !== undefined && price > 0 && previous !== null && reported !== null) {
      const computed = toBasisPoints(relativeChange(fenRatio(previous), fenRatio(price)));
      if (Math.abs(computed - reported) > tolerance) {
        own.push({ row: c.row, field: 'change', value: c.change, reason: `变动幅度与本期、上期均价不符：按均价计算为 ${(computed / 100).toFixed(2)}%` });
      }
    }

    if (own.length === 0 && item && point && price !== undefined) {
      const id = observationId(point.id, item.id, date);
      const first = seen.get(id);
      if (first !== undefined) {
        own.push({ row: c.row, field: 'item', value: item.name, reason: `与第 ${first} 行重复（同一监测点、品种、日期）` });
      } else {
        seen.set(id, c.row);
        resolved.push({
          row: c.row,
          item,
          reportedPrevious: previous,
          record: {
            id, point_id: point.id, item_id: item.id, county: point.county, date, price_fen: price,
            previous_fen: previous, reported_change_bp: reported, note: (c.note ?? '').trim(),
            status: 'accepted', hold_reason: null, source: options.source, batch_id: batchId,
            entered_by: options.caller.user, entered_at: enteredAt, decided_by: null, decided_at: null,
          },
        });
      }
    }
    problems.push(...own);
  }

  // Against what is stored: the same key with another price is a conflict.
  // A voided (rejected) one may be replaced.
  const existing = new Map<string, { price: number; status: string }>();
  for (let i = 0; i < resolved.length; i += INSERT_CHUNK) {
    const ids = resolved.slice(i, i + INSERT_CHUNK).map((r) => r.record.id);
    const rows = await ctx.store.db.selectFrom('price_observation').select(['id', 'price_fen', 'status']).where('id', 'in', ids).execute();
    for (const r of rows) existing.set(r.id, { price: r.price_fen, status: r.status });
  }
  const fresh: Resolved[] = [];
  let unchanged = 0;
  for (const r of resolved) {
    const stored = existing.get(r.record.id);
    if (stored === undefined || stored.status === 'rejected') fresh.push(r);
    else if (stored.price === r.record.price_fen) unchanged += 1;
    else problems.push({ row: r.row, field: 'price', value: (r.record.price_fen / 100).toFixed(2), reason: `该监测点该日已有报价 ${(stored.price / 100).toFixed(2)} 元；更正请先作废原报价` });
  }

  if (problems.length > 0 && !options.skipInvalid) {
    fail('ERR_PRICE_IMPORT_INVALID', { problems, details: { total: candidates.length, invalid: new Set(problems.map((p) => p.row)).size } });
  }
  const badRows = new Set(problems.map((p) => p.row));
  const toStore = fresh.filter((r) => !badRows.has(r.row));

  // Hold what is implausible, against the reported or the last stored price.
  const needReference = toStore.filter((r) => r.reportedPrevious === null);
  const references = await lastPrices(ctx, needReference.map((r) => r.record), referenceDays);
  const heldRows: IngestReport['heldRows'] = [];
  for (const r of toStore) {
    const reference = r.reportedPrevious ?? references.get(`${r.record.point_id}|${r.record.item_id}|${r.record.date}`) ?? null;
    const verdict = plausibility(r.record.price_fen, r.item, reference, maxChange);
    if (verdict.hold) {
      r.record.status = 'held';
      r.record.hold_reason = verdict.reason;
      heldRows.push({ row: r.row, id: r.record.id, reason: verdict.reason });
    }
  }

  await ctx.store.db.transaction().execute(async (trx) => {
    // SQLite: one prepared statement run per row, inside this transaction
    // (the same connection); several times faster than multi-row inserts.
    if (ctx.store.sqlite) {
      insertEachSqlite(ctx.store.sqlite, toStore.map((r) => r.record));
      return;
    }
    for (let i = 0; i < toStore.length; i += INSERT_CHUNK) {
      await trx.insertInto('price_observation')
        .values(toStore.slice(i, i + INSERT_CHUNK).map((r) => r.record))
        .onConflict((oc) => oc.column('id').doUpdateSet(REPLACE).where('price_observation.status', '=', 'rejected'))
        .execute();
    }
  });

  ctx.logger.info(
    { rule: PLAUSIBILITY_RULE, article: 'D3 1.4(1)', batchId, stored: toStore.length, held: heldRows.length, invalid: badRows.size, source: options.source },
    'observations ingested',
  );
  return {
    batchId,
    total: candidates.length,
    stored: toStore.length,
    held: heldRows.length,
    unchanged,
    skipped: badRows.size,
    problems,
    heldRows,
  };
}

const OBSERVATION_FIELDS = [
  'id', 'point_id', 'item_id', 'county', 'date', 'price_fen', 'previous_fen', 'reported_change_bp', 'note', 'status',
  'hold_reason', 'source', 'batch_id', 'entered_by', 'entered_at', 'decided_by', 'decided_at',
] as const satisfies ReadonlyArray<keyof PriceObservationTable>;

/** The same upsert as the Kysely path: a voided key is replaced, any other kept. */
function insertEachSqlite(sqlite: NonNullable<PlatformContext['store']['sqlite']>, records: readonly PriceObservationTable[]): void {
  if (records.length === 0) return;

  const replace = OBSERVATION_FIELDS.filter((f) => !['id', 'point_id', 'item_id', 'county', 'date'].includes(f))
    .map((f) => `${f} = excluded.${f}`).join(', ');
  const statement = sqlite.prepare(
    `insert into price_observation (${OBSERVATION_FIELDS.join(', ')}) values (${OBSERVATION_FIELDS.map(() => '?').join(', ')}) ` +
    `on conflict (id) do update set ${replace} where price_observation.status = 'rejected'`,
  );
  for (const r of records) statement.run(OBSERVATION_FIELDS.map((f) => r[f]));
}

/**
 * The last accepted price before each record's date at its point, within
 * `days` (price.d3.art1_4.reference_days). Per distinct date of the records (a form holds one), the
 * database picks the latest earlier date of each point and item; the
 * prices are then read by key.
 */
async function lastPrices(ctx: PlatformContext, records: readonly PriceObservationTable[], days: number): Promise<Map<string, number>> {
  const result = new Map<string, number>();
  if (records.length === 0) return result;

  const byDate = new Map<string, Set<string>>();
  for (const r of records) {
    const items = byDate.get(r.date);
    if (items) items.add(r.item_id);
    else byDate.set(r.date, new Set([r.item_id]));
  }
  const db = ctx.store.db;
  for (const [date, items] of byDate) {
    const itemIds = [...items];
    const since = addDays(date, -days);
    const latest: string[] = [];
    for (let i = 0; i < itemIds.length; i += CHUNK) {
      const rows = await db.selectFrom('price_observation')
        .select(['point_id', 'item_id'])
        .select((eb) => eb.fn.max('date').as('latest'))
        .where('item_id', 'in', itemIds.slice(i, i + CHUNK))
        .where('status', '=', 'accepted')
        .where('date', '>=', since)
        .where('date', '<', date)
        .groupBy(['point_id', 'item_id'])
        .execute();
      for (const r of rows) latest.push(observationId(r.point_id, r.item_id, String(r.latest)));
    }
    // The prices by key: the primary key, not a join.
    for (let i = 0; i < latest.length; i += INSERT_CHUNK) {
      const rows = await db.selectFrom('price_observation').select(['point_id', 'item_id', 'price_fen'])
        .where('id', 'in', latest.slice(i, i + INSERT_CHUNK)).execute();
      for (const r of rows) result.set(`${r.point_id}|${r.item_id}|${date}`, r.price_fen);
    }
  }
  return result;
}

export async function importObservationFile(
  ctx: PlatformContext,
  buffer: Buffer,
  format: TableFormat,
  options: Omit<IngestOptions, 'source' | 'batchId'>,
): Promise<IngestReport> {
  const table = await readTable(buffer, format, OBSERVATION_COLUMNS);
  if (table.problems.length > 0) fail('ERR_PRICE_IMPORT_INVALID', { problems: table.problems });

  const candidates: Candidate[] = table.rows.map(({ row, values }) => ({
    row,
    itemName: values.item ?? '',
    price: values.price ?? '',
    ...(values.specification !== undefined ? { specification: values.specification } : {}),
    ...(values.unit !== undefined ? { unit: values.unit } : {}),
    ...(values.previous !== undefined ? { previous: values.previous } : {}),
    ...(values.change !== undefined ? { change: values.change } : {}),
    ...(values.note !== undefined ? { note: values.note } : {}),
    ...(values.point ? { point: values.point } : {}),
    ...(values.date ? { date: values.date } : {}),
  }));
  // The same file re-run gets the same batch id.
  const batchId = createHash('sha256').update(buffer).update(JSON.stringify(options.defaults ?? {})).digest('hex').slice(0, 32);
  return ingestObservations(ctx, candidates, { ...options, source: 'import', batchId });
}

export interface ObservationFilter {
  itemId?: string;
  pointId?: string;
  county?: string;
  status?: string;
  from?: IsoDate;
  to?: IsoDate;
  limit?: number;
  offset?: number;
}

export function observationFromRow(r: PriceObservationTable) {
  return {
    id: r.id,
    pointId: r.point_id,
    itemId: r.item_id,
    county: r.county,
    date: r.date,
    price: (r.price_fen / 100).toFixed(2),
    previous: r.previous_fen === null ? null : (r.previous_fen / 100).toFixed(2),
    reportedChangePercent: r.reported_change_bp === null ? null : (r.reported_change_bp / 100).toFixed(2),
    note: r.note,
    status: r.status,
    holdReason: r.hold_reason,
    source: r.source,
    enteredBy: r.entered_by,
    enteredAt: r.entered_at,
    decidedBy: r.decided_by,
    decidedAt: r.decided_at,
  };
}

export async function listObservations(ctx: PlatformContext, filter: ObservationFilter) {
  let query = ctx.store.db.selectFrom('price_observation').selectAll();
  if (filter.itemId) query = query.where('item_id', '=', filter.itemId);
  if (filter.pointId) query = query.where('point_id', '=', filter.pointId);
  if (filter.county) query = query.where('county', '=', filter.county);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.from) query = query.where('date', '>=', filter.from);
  if (filter.to) query = query.where('date', '<=', filter.to);
  const rows = await query.orderBy('date', 'desc').orderBy('id').limit(Math.min(filter.limit ?? 200, 5000)).offset(filter.offset ?? 0).execute();
  return rows.map(observationFromRow);
}

/** Confirm a held price (it enters the averages), or void a held or accepted one (作废). */
export async function decideHeld(
  ctx: PlatformContext,
  id: string,
  decision: 'confirm' | 'reject',
  caller: Caller,
  reason: string,
  checkScope: (record: { county: string }) => void = () => {},
) {
  return ctx.store.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('price_observation').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) fail('ERR_CORE_NOT_FOUND', { details: { id } });
    checkScope({ county: row.county });
    const allowed = decision === 'confirm' ? ['held'] : ['held', 'accepted'];
    if (!allowed.includes(row.status)) fail('ERR_PRICE_NOT_HELD', { details: { id, status: row.status } });

    const updated = {
      status: decision === 'confirm' ? 'accepted' : 'rejected',
      decided_by: caller.user,
      decided_at: formatInstant(Date.now()),
      note: reason ? `${row.note}${row.note ? '；' : ''}${decision === 'confirm' ? '核实' : '作废'}：${reason}` : row.note,
    };
    await trx.updateTable('price_observation').set(updated).where('id', '=', id).where('status', '=', row.status).execute();
    ctx.logger.info({ rule: PLAUSIBILITY_RULE, article: 'D3 1.4(1)', id, decision }, 'held observation decided');
    return observationFromRow({ ...row, ...updated });
  });
}
