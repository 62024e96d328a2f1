/**
 * 市场价格异常波动突发事件 and the reporting chain of D3 4.1: the event with
 * the contents 4.1(2) asks for, each report made by an owner, and the
 * clocks from the moment of discovery (rules/incidentClocks.ts).
 */
import { randomUUID } from 'node:crypto';

import type { FieldProblem } from '../../core/errors.ts';
import { fail } from '../../errorCatalog.ts';
import type { PlatformContext } from '../../platform/context.ts';
import { beijingDate, formatInstant, parseInstant } from '../rules/clock.ts';
import { countyName, isCounty } from '../rules/counties.ts';
import { INCIDENT_CLOCKS_RULE, incidentClocks, missingContent, reportSteps, type ClockLine } from '../rules/incidentClocks.ts';
import { LEVEL_LABELS, type Level } from '../rules/types.ts';
import type { Caller } from './access.ts';
import { directoryLabels } from './directory.ts';
import { clockSettings, required } from './warningSettings.ts';

export interface IncidentInput {
  level: Level;
  discoveredAt: string;
  county: string;
  place?: string;
  source?: string;
  nature?: string;
  scope?: string;
  trend?: string;
  measures?: string;
  warningId?: string | null;
}

export interface IncidentView {
  id: string;
  level: Level;
  levelLabel: string;
  discoveredAt: string;
  county: string;
  countyName: string;
  place: string;
  source: string;
  nature: string;
  scope: string;
  trend: string;
  measures: string;
  warningId: string | null;
  createdBy: string;
  createdAt: string;
  /** Contents of D3 4.1(2) not yet given. */
  missingContent: string[];
  asOf: string;
  clocks: Array<ClockLine & { ownerLabel: string }>;
  missed: number;
  rule: string;
}

const TEXT_FIELDS = ['place', 'source', 'nature', 'scope', 'trend', 'measures'] as const;

export async function createIncident(ctx: PlatformContext, input: IncidentInput, caller: Caller): Promise<IncidentView> {
  const problems: FieldProblem[] = [];
  const discovered = parseInstant(input.discoveredAt);
  if (discovered === undefined) problems.push({ field: 'discoveredAt', value: input.discoveredAt, reason: '时间应为 YYYY-MM-DDThh:mm（北京时间）' });
  else if (discovered > Date.now() + 60_000) problems.push({ field: 'discoveredAt', value: input.discoveredAt, reason: '时间晚于现在' });
  if (!isCounty(input.county)) problems.push({ field: 'county', value: input.county, reason: '应为鸡西市县(市)区的行政区划代码' });
  if (![1, 2, 3].includes(input.level)) problems.push({ field: 'level', value: input.level, reason: '应为 3（较大）、2（重大）或 1（特别重大）' });
  if (input.warningId) {
    const found = await ctx.store.db.selectFrom('price_warning').select('id').where('id', '=', input.warningId).executeTakeFirst();
    if (!found) problems.push({ field: 'warningId', value: input.warningId, reason: '没有这条预警' });
  }
  if (problems.length > 0) fail('ERR_CORE_INVALID_INPUT', { problems });

  const id = randomUUID();
  await ctx.store.db.insertInto('price_incident').values({
    id, level: input.level, discovered_at: formatInstant(discovered!), county: input.county,
    place: input.place ?? '', source: input.source ?? '', nature: input.nature ?? '', scope: input.scope ?? '',
    trend: input.trend ?? '', measures: input.measures ?? '', warning_id: input.warningId ?? null,
    created_by: caller.user, created_at: formatInstant(Date.now()),
  }).execute();
  ctx.logger.info({ rule: INCIDENT_CLOCKS_RULE, article: 'D3 4.1', incident: id, level: input.level }, 'incident entered');
  return (await getIncident(ctx, id))!;
}

/** Contents may be completed as they become known (续报, D3 4.1(2)). */
export async function updateIncidentContent(ctx: PlatformContext, id: string, input: Partial<Record<(typeof TEXT_FIELDS)[number], string>>): Promise<IncidentView> {
  const row = await ctx.store.db.selectFrom('price_incident').select(['id']).where('id', '=', id).executeTakeFirst();
  if (!row) fail('ERR_CORE_NOT_FOUND', { details: { incident: id } });

  const set = Object.fromEntries(TEXT_FIELDS.filter((f) => input[f] !== undefined).map((f) => [f, input[f]!]));
  if (Object.keys(set).length > 0) await ctx.store.db.updateTable('price_incident').set(set).where('id', '=', id).execute();
  return (await getIncident(ctx, id))!;
}

export async function incidentCounty(ctx: PlatformContext, id: string): Promise<string | undefined> {
  const row = await ctx.store.db.selectFrom('price_incident').select('county').where('id', '=', id).executeTakeFirst();
  return row?.county;
}

export async function getIncident(ctx: PlatformContext, id: string, asOfText?: string): Promise<IncidentView | undefined> {
  const row = await ctx.store.db.selectFrom('price_incident').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const asOf = asOfText === undefined ? Date.now() : parseInstant(asOfText);
  if (asOf === undefined) fail('ERR_CORE_INVALID_INPUT', { problems: [{ field: 'asOf', value: asOfText, reason: '时间格式有误' }] });

  const discovered = parseInstant(row.discovered_at)!;
  const settings = required(clockSettings(ctx.params, beijingDate(discovered)));
  const reports = await ctx.store.db.selectFrom('price_incident_report').selectAll().where('incident_id', '=', id).execute();
  const done = new Map(reports.map((r) => [`${r.step}|${r.owner}`, parseInstant(r.done_at)!]));
  const labels = await directoryLabels(ctx);
  const clocks = incidentClocks(row.level as Level, discovered, done, asOf, settings)
    .map((c) => ({ ...c, ownerLabel: labels.get(c.owner) ?? c.owner }));
  return {
    id: row.id,
    level: row.level as Level,
    levelLabel: LEVEL_LABELS[row.level as Level],
    discoveredAt: row.discovered_at,
    county: row.county,
    countyName: countyName(row.county),
    place: row.place, source: row.source, nature: row.nature, scope: row.scope, trend: row.trend, measures: row.measures,
    warningId: row.warning_id,
    createdBy: row.created_by,
    createdAt: row.created_at,
    missingContent: missingContent(row),
    asOf: formatInstant(asOf),
    clocks,
    missed: clocks.filter((c) => c.status === 'missed' || c.status === 'overdue').length,
    rule: INCIDENT_CLOCKS_RULE,
  };
}

export async function listIncidents(ctx: PlatformContext) {
  const rows = await ctx.store.db.selectFrom('price_incident').select(['id', 'county', 'discovered_at']).orderBy('discovered_at', 'desc').execute();
  const views: IncidentView[] = [];
  for (const r of rows) views.push((await getIncident(ctx, r.id))!);
  return views;
}

/** One owner's report of one step, at the time it was made. */
export async function recordReport(
  ctx: PlatformContext,
  id: string,
  input: { step: string; owner: string; at?: string; note?: string },
  caller: Caller,
): Promise<IncidentView> {
  const row = await ctx.store.db.selectFrom('price_incident').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) fail('ERR_CORE_NOT_FOUND', { details: { incident: id } });

  const settings = required(clockSettings(ctx.params, beijingDate(parseInstant(row.discovered_at)!)));
  const step = reportSteps(row.level as Level, settings).find((s) => s.id === input.step);
  if (!step || !step.owners.includes(input.owner)) {
    fail('ERR_PRICE_INCIDENT_STEP_UNKNOWN', { details: { step: input.step, owner: input.owner, steps: reportSteps(row.level as Level, settings).map((s) => ({ step: s.id, owners: s.owners })) } });
  }
  const at = input.at === undefined ? Date.now() : parseInstant(input.at);
  const problems: FieldProblem[] = [];
  if (at === undefined) problems.push({ field: 'at', value: input.at, reason: '时间应为 YYYY-MM-DDThh:mm（北京时间）' });
  else if (at < parseInstant(row.discovered_at)!) problems.push({ field: 'at', value: input.at, reason: '报告时间早于发现时间' });
  else if (at > Date.now() + 60_000) problems.push({ field: 'at', value: input.at, reason: '时间晚于现在' });
  if (problems.length > 0) fail('ERR_CORE_INVALID_INPUT', { problems });

  const stamp = formatInstant(at!);
  await ctx.store.db.insertInto('price_incident_report')
    .values({ id: `${id}|${step.id}|${input.owner}`, incident_id: id, step: step.id, owner: input.owner, done_at: stamp, by_user: caller.user, note: input.note ?? '' })
    .onConflict((oc) => oc.column('id').doUpdateSet({ done_at: stamp, by_user: caller.user, note: input.note ?? '' }))
    .execute();
  ctx.logger.info({ rule: INCIDENT_CLOCKS_RULE, article: 'D3 4.1(1)', incident: id, step: step.id }, 'incident report recorded');
  return (await getIncident(ctx, id))!;
}
