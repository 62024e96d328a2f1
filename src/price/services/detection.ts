/**
 * A detection run as of a date (D3 3.4(2)): load the accepted observations,
 * monthly aggregates, complaints and patrol reports the rules need, run
 * R1–R6 and store what was found under the date, so a re-run replaces it.
 */
import { sql } from 'kysely';

import { addDays, addMonthsToMonth, monthOf, type IsoDate } from '../../core/dates.ts';
import type { PlatformContext } from '../../platform/context.ts';
import { formatInstant } from '../rules/clock.ts';
import { detectLevel3, type DetectionInput, type DetectionResult } from '../rules/detectLevel3.ts';
import { complaintWindows } from '../rules/r5Complaints.ts';
import type { MonthlyAggregate, Observation, PanicKind } from '../rules/types.ts';
import type { Caller } from './access.ts';
import { listItems } from './catalogue.ts';
import { detectionSettings } from './settings.ts';

/** Days of daily observations loaded: two 旬, R3's longest window and the step before it. */
const OBSERVATION_DAYS = 62;
/** Years of monthly aggregates loaded for IFPA. */
const MONTHLY_YEARS = 15;

export type DetectionOutcome =
  | ({ outcome: 'decided'; id: string; runAt: string } & DetectionResult)
  | { outcome: 'no_rule_in_force'; asOf: IsoDate; missing: string[] };

export async function loadDetectionInput(ctx: PlatformContext, asOf: IsoDate, r5: { windowDays: number; baselineWeeks: number }, r6Days: number): Promise<DetectionInput> {
  const db = ctx.store.db;
  const items = await listItems(ctx);

  const observations: Observation[] = (await db.selectFrom('price_observation')
    .select(['point_id', 'county', 'item_id', 'date', 'price_fen'])
    .where('status', '=', 'accepted')
    .where('date', '>=', addDays(asOf, -OBSERVATION_DAYS))
    .where('date', '<=', asOf)
    .execute()).map((r) => ({ pointId: r.point_id, county: r.county, itemId: r.item_id, date: r.date, priceFen: r.price_fen }));

  const month = sql<string>`substr(date, 1, 7)`;
  const monthly: MonthlyAggregate[] = (await db.selectFrom('price_observation')
    .select(['point_id', 'county', 'item_id', month.as('month'), sql<number>`sum(price_fen)`.as('sum_fen'), sql<number>`count(*)`.as('n')])
    .where('status', '=', 'accepted')
    .where('date', '>=', `${addMonthsToMonth(monthOf(asOf), -12 * MONTHLY_YEARS)}-01`)
    .where('date', '<=', asOf)
    .groupBy(['point_id', 'county', 'item_id', month])
    .execute()).map((r) => ({ pointId: r.point_id, county: r.county, itemId: r.item_id, month: r.month, sumFen: Number(r.sum_fen), count: Number(r.n) }));

  const { baselineFrom } = complaintWindows(asOf, r5);
  const complaints = (await db.selectFrom('price_complaint').selectAll()
    .where('date', '>=', baselineFrom).where('date', '<=', asOf).execute())
    .map((r) => ({ itemId: r.item_id, county: r.county, date: r.date, count: r.count }));

  const panicReports = (await db.selectFrom('price_panic_report').selectAll()
    .where('date', '>=', addDays(asOf, -(r6Days - 1))).where('date', '<=', asOf).execute())
    .map((r) => ({ id: r.id, itemId: r.item_id, county: r.county, pointId: r.point_id, date: r.date, kind: r.kind as PanicKind }));

  return { asOf, items, observations, monthly, complaints, panicReports };
}

export async function runDetection(ctx: PlatformContext, asOf: IsoDate, caller: Caller): Promise<DetectionOutcome> {
  const loaded = detectionSettings(ctx.params, asOf);
  if (!loaded.ok) return { outcome: 'no_rule_in_force', asOf, missing: loaded.missing };

  const { settings } = loaded;
  const input = await loadDetectionInput(ctx, asOf, settings.r5, settings.r6.windowDays);
  const result = detectLevel3(input, settings);

  const id = `detection-${asOf}`;
  const runAt = formatInstant(Date.now());
  const row = {
    id, as_of: asOf, run_at: runAt, run_by: caller.user, proposes: result.proposes ? 1 : 0,
    findings_json: JSON.stringify(result.findings), notes_json: JSON.stringify(result.notes),
  };
  const { id: _id, ...rest } = row;
  await ctx.store.db.insertInto('price_detection').values(row).onConflict((oc) => oc.column('id').doUpdateSet(rest)).execute();

  ctx.logger.info(
    { article: 'D3 3.4(2)', asOf, proposes: result.proposes, rules: [...new Set(result.findings.map((f) => f.ruleId))] },
    'detection run',
  );
  return { outcome: 'decided', id, runAt, ...result };
}

export async function getDetection(ctx: PlatformContext, id: string) {
  const row = await ctx.store.db.selectFrom('price_detection').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  return {
    outcome: 'decided' as const,
    id: row.id,
    asOf: row.as_of,
    runAt: row.run_at,
    proposes: row.proposes === 1,
    findings: JSON.parse(row.findings_json) as DetectionResult['findings'],
    notes: JSON.parse(row.notes_json) as DetectionResult['notes'],
  };
}

export async function listDetections(ctx: PlatformContext, options: { proposesOnly?: boolean; limit?: number } = {}) {
  let query = ctx.store.db.selectFrom('price_detection').select(['id', 'as_of', 'run_at', 'proposes']);
  if (options.proposesOnly) query = query.where('proposes', '=', 1);
  const rows = await query.orderBy('as_of', 'desc').limit(options.limit ?? 100).execute();
  return rows.map((r) => ({ id: r.id, asOf: r.as_of, runAt: r.run_at, proposes: r.proposes === 1 }));
}
