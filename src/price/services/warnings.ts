/**
 * Warnings as the plan runs them (D3 3.4–3.6): stored with every step of
 * their life, each step checked by the rule (rules/warningStates.ts) and by
 * the role the parameters of D3 3.4 name; the tasks an active warning
 * requires derived from its level spans (rules/responseTasks.ts).
 */
import { randomUUID } from 'node:crypto';

import { isWorkingDay } from '../../core/calendar.ts';
import { addDays, todayInBeijing, type IsoDate } from '../../core/dates.ts';
import type { BasisPoints } from '../../core/money.ts';
import type { FieldProblem } from '../../core/errors.ts';
import { fail } from '../../errorCatalog.ts';
import type { PlatformContext } from '../../platform/context.ts';
import { capIdentifier } from '../rules/cap.ts';
import { beijingDate, formatInstant, parseInstant } from '../rules/clock.ts';
import { countyName, isCounty } from '../rules/counties.ts';
import { level3Termination, LEVEL3_TERMINATION_RULE, type PeriodSignals, type TerminationCheck } from '../rules/level3Termination.ts';
import { weekOf } from '../rules/periods.ts';
import { responseTasks, RESPONSE_TASKS_RULE, type DutyEntry, type LevelSpan, type Task } from '../rules/responseTasks.ts';
import { LEVEL_LABELS, VEGETABLE_BASKET, type Level } from '../rules/types.ts';
import {
  ACTION_LABELS, STATE_LABELS, transition, WARNING_STATES_RULE,
  type DeclarationDocument, type WarningAction, type WarningState,
} from '../rules/warningStates.ts';
import { requireRole, roleFor, type Caller } from './access.ts';
import { directoryLabels, listDirectory } from './directory.ts';
import { ParamReader } from './settings.ts';
import { capSettings, required, responseSettings } from './warningSettings.ts';

export interface ProposeInput {
  level: Level;
  title: string;
  description?: string;
  items: string[];
  /** Affected counties (警情所在地); empty: the whole city. */
  areas: string[];
  related?: string[];
  units?: string[];
  detectionId?: string | null;
  document?: DeclarationDocument | null;
  note?: string;
  /** When it happened, if not now (a leader's approval given by phone). */
  at?: string;
}

export interface StepInput {
  level?: Level;
  document?: DeclarationDocument | null;
  note?: string;
  at?: string;
  /** The version the caller saw; a stale one is refused. */
  version?: number;
}

/** Member units that owe a summary unless the proposal names others (D3 3.5.x(3)). */
const DEFAULT_UNITS = ['ndrc', 'samr'];

export interface WarningEvent {
  seq: number;
  action: WarningAction;
  actionLabel: string;
  fromState: WarningState | null;
  toState: WarningState;
  fromLevel: Level | null;
  toLevel: Level;
  at: string;
  byUser: string;
  byRole: string;
  document: DeclarationDocument | null;
  note: string;
  capIdentifier: string | null;
}

export interface WarningView {
  id: string;
  level: Level;
  levelLabel: string;
  state: WarningState;
  stateLabel: string;
  title: string;
  description: string;
  items: Array<{ id: string; name: string }>;
  areas: string[];
  areaNames: string[];
  related: string[];
  units: string[];
  detectionId: string | null;
  document: DeclarationDocument | null;
  createdBy: string;
  createdAt: string;
  publishedAt: string | null;
  terminatedAt: string | null;
  version: number;
  /** Temporary monitoring points designated for this warning (D3 3.2.1). */
  temporaryPoints: Array<{ id: string; name: string; county: string }>;
  /** Who must act next, by role (null when the warning has ended). */
  next: { action: WarningAction; role: string } | null;
  events: WarningEvent[];
}

type WarningRow = Awaited<ReturnType<typeof loadRow>>;

async function loadRow(ctx: PlatformContext, id: string) {
  return ctx.store.db.selectFrom('price_warning').selectAll().where('id', '=', id).executeTakeFirst();
}

function eventFromRow(r: {
  seq: number; action: string; from_state: string | null; to_state: string; from_level: number | null; to_level: number;
  at: string; by_user: string; by_role: string; document_json: string | null; note: string; cap_identifier: string | null;
}): WarningEvent {
  return {
    seq: r.seq,
    action: r.action as WarningAction,
    actionLabel: ACTION_LABELS[r.action as WarningAction] ?? r.action,
    fromState: r.from_state as WarningState | null,
    toState: r.to_state as WarningState,
    fromLevel: r.from_level as Level | null,
    toLevel: r.to_level as Level,
    at: r.at,
    byUser: r.by_user,
    byRole: r.by_role,
    document: r.document_json ? JSON.parse(r.document_json) : null,
    note: r.note,
    capIdentifier: r.cap_identifier,
  };
}

async function eventsOf(ctx: PlatformContext, id: string): Promise<WarningEvent[]> {
  const rows = await ctx.store.db.selectFrom('price_warning_event').selectAll().where('warning_id', '=', id).orderBy('seq').execute();
  return rows.map(eventFromRow);
}

const NEXT: Partial<Record<WarningState, WarningAction>> = { proposed: 'approve', approved: 'publish', published: 'change_level' };

type TemporaryPoint = WarningView['temporaryPoints'][number];

async function temporaryPoints(ctx: PlatformContext, ids: readonly string[]): Promise<Map<string, TemporaryPoint[]>> {
  const byWarning = new Map<string, TemporaryPoint[]>();
  if (ids.length === 0) return byWarning;

  const rows = await ctx.store.db.selectFrom('price_point').select(['id', 'name', 'county', 'warning_id'])
    .where('kind', '=', 'temporary').where('warning_id', 'in', [...ids]).orderBy('id').execute();
  for (const r of rows) byWarning.set(r.warning_id!, [...(byWarning.get(r.warning_id!) ?? []), { id: r.id, name: r.name, county: r.county }]);
  return byWarning;
}

function view(ctx: PlatformContext, row: NonNullable<WarningRow>, events: WarningEvent[], points: TemporaryPoint[]): WarningView {
  const level = row.level as Level;
  const state = row.state as WarningState;
  const areas = JSON.parse(row.areas_json) as string[];
  const nextAction = NEXT[state];
  const today = beijingDate(Date.now());
  return {
    id: row.id,
    level,
    levelLabel: LEVEL_LABELS[level],
    state,
    stateLabel: STATE_LABELS[state],
    title: row.title,
    description: row.description,
    items: JSON.parse(row.items_json),
    areas,
    areaNames: areas.length > 0 ? areas.map(countyName) : ['全市'],
    related: JSON.parse(row.related_json),
    units: JSON.parse(row.units_json),
    detectionId: row.detection_id,
    document: row.document_json ? JSON.parse(row.document_json) : null,
    createdBy: row.created_by,
    createdAt: row.created_at,
    publishedAt: row.published_at,
    terminatedAt: row.terminated_at,
    version: row.version,
    temporaryPoints: points,
    next: nextAction ? { action: nextAction, role: roleFor(ctx.params, nextAction, level, today) } : null,
    events,
  };
}

function whenOf(text: string | undefined, field: string, notBefore: number | null): number {
  const now = Date.now();
  const at = text === undefined ? now : parseInstant(text);
  const problems: FieldProblem[] = [];
  if (at === undefined) problems.push({ field, value: text, reason: '时间应为 YYYY-MM-DDThh:mm（北京时间）或带时区的 ISO 时间' });
  else if (at > now + 60_000) problems.push({ field, value: text, reason: '时间晚于现在' });
  else if (notBefore !== null && at < notBefore) problems.push({ field, value: text, reason: `时间早于上一步（${formatInstant(notBefore)}）` });
  if (problems.length > 0) fail('ERR_CORE_INVALID_INPUT', { problems });
  return at!;
}

function documentProblems(document: DeclarationDocument | null | undefined): FieldProblem[] {
  if (!document) return [];
  const problems: FieldProblem[] = [];
  if (document.date && !/^\d{4}-\d{2}-\d{2}$/.test(document.date)) {
    problems.push({ field: 'document.date', value: document.date, reason: '日期应为 YYYY-MM-DD' });
  }
  return problems;
}

async function checkAreas(ctx: PlatformContext, input: ProposeInput): Promise<Array<{ id: string; name: string }>> {
  const problems: FieldProblem[] = [];
  input.areas.forEach((c, i) => {
    if (!isCounty(c)) problems.push({ field: `areas[${i}]`, value: c, reason: '应为鸡西市县(市)区的行政区划代码' });
  });
  (input.related ?? []).forEach((c, i) => {
    if (!isCounty(c)) problems.push({ field: `related[${i}]`, value: c, reason: '应为鸡西市县(市)区的行政区划代码' });
  });
  if (!input.title.trim()) problems.push({ field: 'title', value: input.title, reason: '须填写预警标题' });
  if (input.items.length === 0) problems.push({ field: 'items', reason: '须列出涉及的品种' });
  problems.push(...documentProblems(input.document));

  const known = await ctx.store.db.selectFrom('price_item').select(['id', 'name']).execute();
  const byId = new Map(known.map((k) => [k.id, k.name]));
  input.items.forEach((id, i) => {
    if (!byId.has(id)) problems.push({ field: `items[${i}]`, value: id, reason: '监测品种不在目录中' });
  });
  if (input.units && input.units.length > 0) {
    const members = new Set((await listDirectory(ctx, { kind: 'member_unit' })).map((e) => e.id));
    input.units.forEach((u, i) => {
      if (!members.has(u)) problems.push({ field: `units[${i}]`, value: u, reason: '不是应急组织名录中的成员单位' });
    });
  }
  if (input.detectionId) {
    const found = await ctx.store.db.selectFrom('price_detection').select('id').where('id', '=', input.detectionId).executeTakeFirst();
    if (!found) problems.push({ field: 'detectionId', value: input.detectionId, reason: '没有这次检测' });
  }
  if (problems.length > 0) fail('ERR_CORE_INVALID_INPUT', { problems });
  return input.items.map((id) => ({ id, name: byId.get(id)! }));
}

function refused(result: { code: string; reason: string }): never {
  fail(result.code, { message: result.reason, details: { reason: result.reason } });
}

/** The office proposes level 3, or enters the province's level 2 or 1 with its document. */
export async function proposeWarning(ctx: PlatformContext, input: ProposeInput, caller: Caller): Promise<WarningView> {
  const at = whenOf(input.at, 'at', null);
  const date = beijingDate(at);
  requireRole(caller, roleFor(ctx.params, 'propose', input.level, date), ACTION_LABELS.propose);

  const result = transition(null, { action: 'propose', level: input.level, document: input.document ?? null, detectionId: input.detectionId ?? null, note: input.note ?? '' });
  if (!result.ok) refused(result);
  const items = await checkAreas(ctx, input);

  const id = randomUUID();
  const stamp = formatInstant(at);
  const units = input.units && input.units.length > 0 ? [...new Set(input.units)] : DEFAULT_UNITS;
  await ctx.store.db.transaction().execute(async (trx) => {
    await trx.insertInto('price_warning').values({
      id, level: result.level, state: result.to, title: input.title.trim(), description: input.description ?? '',
      items_json: JSON.stringify(items), areas_json: JSON.stringify([...new Set(input.areas)]),
      related_json: JSON.stringify([...new Set(input.related ?? [])]), detection_id: input.detectionId ?? null,
      document_json: input.document ? JSON.stringify(input.document) : null, units_json: JSON.stringify(units),
      created_by: caller.user, created_at: stamp, published_at: null, terminated_at: null, version: 1,
    }).execute();
    await trx.insertInto('price_warning_event').values({
      id: `${id}|1`, warning_id: id, seq: 1, action: 'propose', from_state: null, to_state: result.to, from_level: null,
      to_level: result.level, at: stamp, by_user: caller.user, by_role: caller.role,
      document_json: input.document ? JSON.stringify(input.document) : null, note: input.note ?? '', cap_identifier: null,
    }).execute();
  });
  ctx.logger.info({ rule: WARNING_STATES_RULE, article: 'D3 3.4', warning: id, level: result.level, action: 'propose' }, 'warning proposed');
  return (await getWarning(ctx, id))!;
}

/** A sequence digit that keeps identifiers of the same second apart. */
function nextIdentifier(senderCode: string, at: number, taken: ReadonlySet<string>): string {
  for (let n = 1; n <= 9; n += 1) {
    const identifier = capIdentifier(senderCode, at, n);
    if (!taken.has(identifier)) return identifier;
  }
  return fail('ERR_CORE_CONFLICT', { details: { reason: '同一秒内的预警信息超过9条' } });
}

/** Approve, reject, publish, change the level or terminate. */
export async function stepWarning(ctx: PlatformContext, id: string, action: Exclude<WarningAction, 'propose'>, input: StepInput, caller: Caller): Promise<WarningView> {
  const row = await loadRow(ctx, id);
  if (!row) fail('ERR_CORE_NOT_FOUND', { details: { warning: id } });
  if (input.version !== undefined && input.version !== row.version) {
    fail('ERR_PRICE_WARNING_STALE', { details: { warning: id, version: row.version, sent: input.version } });
  }
  const events = await eventsOf(ctx, id);
  const last = events.at(-1);
  const at = whenOf(input.at, 'at', last ? parseInstant(last.at)! : null);
  const problems = documentProblems(input.document);
  if (problems.length > 0) fail('ERR_CORE_INVALID_INPUT', { problems });

  const current = { state: row.state as WarningState, level: row.level as Level };
  const result = transition(current, { action, ...(input.level !== undefined ? { level: input.level } : {}), document: input.document ?? null, note: input.note ?? '' });
  if (!result.ok) refused(result);
  requireRole(caller, roleFor(ctx.params, action, result.authorityLevel, beijingDate(at)), ACTION_LABELS[action]);

  const stamp = formatInstant(at);
  let identifier: string | null = null;
  if (result.cap) {
    const cap = required(capSettings(ctx.params, beijingDate(at)));
    identifier = nextIdentifier(cap.senderCode, at, new Set(events.map((e) => e.capIdentifier).filter((x): x is string => !!x)));
  }
  const seq = (last?.seq ?? 0) + 1;
  await ctx.store.db.transaction().execute(async (trx) => {
    const updated = await trx.updateTable('price_warning')
      .set({
        state: result.to,
        level: result.level,
        version: row.version + 1,
        ...(action === 'publish' ? { published_at: stamp } : {}),
        ...(action === 'terminate' ? { terminated_at: stamp } : {}),
        ...(input.document && action === 'change_level' ? { document_json: JSON.stringify(input.document) } : {}),
      })
      .where('id', '=', id)
      .where('version', '=', row.version)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) fail('ERR_PRICE_WARNING_STALE', { details: { warning: id } });
    await trx.insertInto('price_warning_event').values({
      id: `${id}|${seq}`, warning_id: id, seq, action, from_state: current.state, to_state: result.to, from_level: current.level,
      to_level: result.level, at: stamp, by_user: caller.user, by_role: caller.role,
      document_json: input.document ? JSON.stringify(input.document) : null, note: input.note ?? '', cap_identifier: identifier,
    }).execute();
  });
  ctx.logger.info({ rule: WARNING_STATES_RULE, article: 'D3 3.4', warning: id, action, level: result.level }, 'warning step');
  return (await getWarning(ctx, id))!;
}

export async function getWarning(ctx: PlatformContext, id: string): Promise<WarningView | undefined> {
  const row = await loadRow(ctx, id);
  if (!row) return undefined;

  const points = await temporaryPoints(ctx, [id]);
  return view(ctx, row, await eventsOf(ctx, id), points.get(id) ?? []);
}

export async function listWarnings(ctx: PlatformContext, filter: { state?: WarningState; active?: boolean } = {}): Promise<WarningView[]> {
  let query = ctx.store.db.selectFrom('price_warning').selectAll().orderBy('created_at', 'desc');
  if (filter.state) query = query.where('state', '=', filter.state);
  if (filter.active) query = query.where('state', 'in', ['proposed', 'approved', 'published']);
  const rows = await query.execute();
  const events = rows.length === 0 ? [] : await ctx.store.db.selectFrom('price_warning_event').selectAll()
    .where('warning_id', 'in', rows.map((r) => r.id)).orderBy('seq').execute();
  const points = await temporaryPoints(ctx, rows.map((r) => r.id));
  return rows.map((r) => view(ctx, r, events.filter((e) => e.warning_id === r.id).map(eventFromRow), points.get(r.id) ?? []));
}

/** Level spans from publication on: publish, then every change of level. */
export function levelSpans(events: readonly WarningEvent[]): LevelSpan[] {
  return events
    .filter((e) => e.action === 'publish' || e.action === 'change_level')
    .map((e) => ({ level: e.toLevel, from: parseInstant(e.at)! }));
}

export interface TaskList {
  warningId: string;
  asOf: string;
  tasks: Task[];
  late: number;
  rule: string;
}

/** The tasks the plan requires of a published (or ended) warning, as of an instant. */
export async function warningTasks(ctx: PlatformContext, id: string, asOfText?: string): Promise<TaskList> {
  const warning = await getWarning(ctx, id);
  if (!warning) fail('ERR_CORE_NOT_FOUND', { details: { warning: id } });
  const asOf = asOfText === undefined ? Date.now() : parseInstant(asOfText);
  if (asOf === undefined) fail('ERR_CORE_INVALID_INPUT', { problems: [{ field: 'asOf', value: asOfText, reason: '时间格式有误' }] });

  const spans = levelSpans(warning.events);
  if (spans.length === 0) return { warningId: id, asOf: formatInstant(asOf), tasks: [], late: 0, rule: RESPONSE_TASKS_RULE };

  const settings = required(responseSettings(ctx.params, beijingDate(spans[0]!.from)));
  const done = await ctx.store.db.selectFrom('price_task_done').select(['key', 'done_at']).where('warning_id', '=', id).execute();
  const doneMap = new Map(done.map((d) => [d.key, parseInstant(d.done_at)!]));
  const first = beijingDate(spans[0]!.from);
  const duty = await ctx.store.db.selectFrom('price_duty').selectAll().where('date', '>=', first).execute();
  const entries: DutyEntry[] = duty.map((d) => ({
    date: d.date, kind: d.kind as DutyEntry['kind'], fullDay: d.full_day === 1, enteredAt: parseInstant(d.entered_at)!,
  }));
  const terminatedAt = warning.terminatedAt ? parseInstant(warning.terminatedAt)! : null;
  const raw = responseTasks(
    { id, spans, areas: warning.areas, related: warning.related, units: warning.units, terminatedAt },
    asOf, settings, doneMap, entries, (date) => !isWorkingDay(date),
  );

  // Owners addressed through the directory.
  const labels = await directoryLabels(ctx);
  const tasks = raw.map((t) => (labels.has(t.owner) ? { ...t, ownerLabel: labels.get(t.owner)! } : t));
  return { warningId: id, asOf: formatInstant(asOf), tasks, late: tasks.filter((t) => t.late).length, rule: RESPONSE_TASKS_RULE };
}

/** A task done: by its owner (a county officer only for its own county). */
export async function markTaskDone(
  ctx: PlatformContext,
  id: string,
  input: { key: string; doneAt?: string; note?: string },
  caller: Caller,
): Promise<Task> {
  const at = whenOf(input.doneAt, 'doneAt', null);
  const list = await warningTasks(ctx, id, formatInstant(Math.max(at, Date.now())));
  const task = list.tasks.find((t) => t.key === input.key);
  if (!task || task.kind === 'duty_roster') fail('ERR_PRICE_TASK_UNKNOWN', { details: { warning: id, key: input.key } });
  if (caller.county && task.owner !== `county:${caller.county}`) fail('ERR_AUTH_OUT_OF_SCOPE', { details: { key: input.key } });

  const stamp = formatInstant(at);
  await ctx.store.db.insertInto('price_task_done')
    .values({ key: task.key, warning_id: id, done_at: stamp, done_by: caller.user, note: input.note ?? '' })
    .onConflict((oc) => oc.column('key').doUpdateSet({ done_at: stamp, done_by: caller.user, note: input.note ?? '' }))
    .execute();
  ctx.logger.info({ rule: RESPONSE_TASKS_RULE, article: task.article, warning: id, task: task.kind }, 'warning task done');
  const after = await warningTasks(ctx, id, formatInstant(Math.max(at, Date.now())));
  return after.tasks.find((t) => t.key === task.key)!;
}

/**
 * Whether to propose ending a published level-3 warning (D3 3.6(2)), as of
 * a date: complete calendar weeks since publication, each with the
 * complaints about the warning's items in its areas and whether any
 * detection run in the week fired on them, against the weeks before.
 */
export async function terminationCheck(ctx: PlatformContext, id: string, asOf: IsoDate = todayInBeijing()): Promise<TerminationCheck> {
  const warning = await getWarning(ctx, id);
  if (!warning) fail('ERR_CORE_NOT_FOUND', { details: { warning: id } });
  if (warning.state !== 'published' || !warning.publishedAt) {
    fail('ERR_PRICE_WARNING_TRANSITION', { details: { warning: id, state: warning.state, reason: '只有已发布的预警才能判断终止条件' } });
  }

  const r = new ParamReader(ctx.params, asOf);
  const ratio = r.get<BasisPoints>('price.d3.art3_6.complaint_ratio');
  const clearPeriods = r.get<number>('price.d3.art3_6.clear_periods');
  const condition = r.get<'either' | 'both'>('price.d3.art3_6.termination_condition');
  const baselineWeeks = r.get<number>('price.d3.art3_6.baseline_weeks');
  const weekday = r.get<number>('price.d3.art3_5.weekly_due_weekday');
  const settings = required(r.done(() => ({ ratio, clearPeriods, condition })));

  const published = warning.publishedAt.slice(0, 10);
  const first = weekOf(published, weekday);
  const itemIds = warning.items.map((i) => i.id);
  const complaints = async (from: IsoDate, to: IsoDate) => {
    let query = ctx.store.db.selectFrom('price_complaint').select(['count']).where('item_id', 'in', itemIds).where('date', '>=', from).where('date', '<=', to);
    if (warning.areas.length > 0) query = query.where('county', 'in', warning.areas);
    return (await query.execute()).reduce((sum, row) => sum + Number(row.count), 0);
  };
  const baselineTotal = await complaints(addDays(first.start, -7 * baselineWeeks), addDays(first.start, -1));

  const basket = new Set((await ctx.store.db.selectFrom('price_item').select('id').where('in_basket', '=', 1).execute()).map((x) => x.id));
  const watched = new Set([...itemIds, ...(itemIds.some((i) => basket.has(i)) ? [VEGETABLE_BASKET] : [])]);
  const periods: PeriodSignals[] = [];
  for (let start = addDays(first.start, 7); addDays(start, 6) < asOf; start = addDays(start, 7)) {
    const end = addDays(start, 6);
    const runs = await ctx.store.db.selectFrom('price_detection').select(['findings_json']).where('as_of', '>=', start).where('as_of', '<=', end).execute();
    const fired = runs.some((run) => (JSON.parse(run.findings_json) as Array<{ itemId: string }>).some((f) => watched.has(f.itemId)));
    periods.push({ start, end, fluctuation: runs.length === 0 ? null : fired, complaints: await complaints(start, end) });
  }

  const check = level3Termination(warning.level, { total: baselineTotal, weeks: baselineWeeks }, periods, settings);
  ctx.logger.info({ rule: LEVEL3_TERMINATION_RULE, article: check.article, warning: id, asOf, outcome: check.outcome }, 'termination checked');
  return check;
}
