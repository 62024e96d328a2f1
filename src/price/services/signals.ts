/**
 * The other signals of D3 3.2.3 and 3.3: 12315 complaint counts per item,
 * county and day, and market patrols' reports of panic buying.
 */
import { randomUUID } from 'node:crypto';

import { isIsoDate, type IsoDate } from '../../core/dates.ts';
import type { FieldProblem } from '../../core/errors.ts';
import { fail } from '../../errorCatalog.ts';
import type { PlatformContext } from '../../platform/context.ts';
import { formatInstant } from '../rules/clock.ts';
import { isCounty } from '../rules/counties.ts';
import { PANIC_KIND_LABELS, type PanicKind } from '../rules/types.ts';
import type { Caller } from './access.ts';

export interface ComplaintInput {
  itemId: string;
  county: string;
  date: IsoDate;
  count: number;
}

async function knownItems(ctx: PlatformContext): Promise<Set<string>> {
  return new Set((await ctx.store.db.selectFrom('price_item').select('id').execute()).map((r) => r.id));
}

/** Counts for a day replace earlier counts for that day (12315 figures get revised). */
export async function recordComplaints(ctx: PlatformContext, rows: readonly ComplaintInput[], caller: Caller) {
  const items = await knownItems(ctx);
  const problems: FieldProblem[] = [];
  rows.forEach((r, i) => {
    const row = i + 1;
    if (!items.has(r.itemId)) problems.push({ row, field: 'itemId', value: r.itemId, reason: '监测品种不在目录中' });
    if (!isCounty(r.county)) problems.push({ row, field: 'county', value: r.county, reason: '应为鸡西市县(市)区的行政区划代码' });
    if (!isIsoDate(r.date)) problems.push({ row, field: 'date', value: r.date, reason: '日期应为 YYYY-MM-DD' });
    if (!Number.isInteger(r.count) || r.count < 0) problems.push({ row, field: 'count', value: r.count, reason: '件数应为非负整数' });
  });
  if (problems.length > 0) fail('ERR_CORE_INVALID_INPUT', { problems });

  const at = formatInstant(Date.now());
  await ctx.store.db.transaction().execute(async (trx) => {
    for (const r of rows) {
      await trx.insertInto('price_complaint')
        .values({ id: `${r.itemId}|${r.county}|${r.date}`, item_id: r.itemId, county: r.county, date: r.date, count: r.count, entered_by: caller.user, entered_at: at })
        .onConflict((oc) => oc.column('id').doUpdateSet({ count: r.count, entered_by: caller.user, entered_at: at }))
        .execute();
    }
  });
  return { stored: rows.length };
}

export async function listComplaints(ctx: PlatformContext, filter: { itemId?: string; from?: IsoDate; to?: IsoDate }) {
  let query = ctx.store.db.selectFrom('price_complaint').selectAll();
  if (filter.itemId) query = query.where('item_id', '=', filter.itemId);
  if (filter.from) query = query.where('date', '>=', filter.from);
  if (filter.to) query = query.where('date', '<=', filter.to);
  const rows = await query.orderBy('date').orderBy('id').limit(10_000).execute();
  return rows.map((r) => ({ itemId: r.item_id, county: r.county, date: r.date, count: r.count }));
}

export interface PanicInput {
  itemId: string;
  county: string;
  pointId?: string | null;
  date: IsoDate;
  kind: string;
  description?: string;
}

export async function reportPanicBuying(ctx: PlatformContext, input: PanicInput, caller: Caller) {
  const problems: FieldProblem[] = [];
  if (!(await knownItems(ctx)).has(input.itemId)) problems.push({ field: 'itemId', value: input.itemId, reason: '监测品种不在目录中' });
  if (!isCounty(input.county)) problems.push({ field: 'county', value: input.county, reason: '应为鸡西市县(市)区的行政区划代码' });
  if (!isIsoDate(input.date)) problems.push({ field: 'date', value: input.date, reason: '日期应为 YYYY-MM-DD' });
  if (!(input.kind in PANIC_KIND_LABELS)) problems.push({ field: 'kind', value: input.kind, reason: 'competing（争购）、rush（抢购）或 sold_out（脱销）' });
  if (input.pointId) {
    const point = await ctx.store.db.selectFrom('price_point').select('id').where('id', '=', input.pointId).executeTakeFirst();
    if (!point) problems.push({ field: 'pointId', value: input.pointId, reason: '价格监测点不存在' });
  }
  if (problems.length > 0) fail('ERR_CORE_INVALID_INPUT', { problems });

  const row = {
    id: randomUUID(),
    item_id: input.itemId,
    county: input.county,
    point_id: input.pointId ?? null,
    date: input.date,
    kind: input.kind,
    description: input.description ?? '',
    reported_by: caller.user,
    reported_at: formatInstant(Date.now()),
  };
  await ctx.store.db.insertInto('price_panic_report').values(row).execute();
  ctx.logger.info({ rule: 'd3.art3_2_3.r6_panic_buying', article: 'D3 3.2.3', item: input.itemId, county: input.county, date: input.date }, 'panic buying reported');
  return panicFromRow(row);
}

function panicFromRow(r: { id: string; item_id: string; county: string; point_id: string | null; date: string; kind: string; description: string; reported_by: string; reported_at: string }) {
  return {
    id: r.id, itemId: r.item_id, county: r.county, pointId: r.point_id, date: r.date,
    kind: r.kind as PanicKind, kindLabel: PANIC_KIND_LABELS[r.kind as PanicKind], description: r.description,
    reportedBy: r.reported_by, reportedAt: r.reported_at,
  };
}

export async function listPanicReports(ctx: PlatformContext, filter: { from?: IsoDate; to?: IsoDate }) {
  let query = ctx.store.db.selectFrom('price_panic_report').selectAll();
  if (filter.from) query = query.where('date', '>=', filter.from);
  if (filter.to) query = query.where('date', '<=', filter.to);
  return (await query.orderBy('date', 'desc').limit(1000).execute()).map(panicFromRow);
}
