/**
 * What an active warning requires, as tasks with owners and due times
 * (D3 3.5.1–3.5.3 ①②③, 3.1.3(2), 3.2.2):
 * - monitoring rounds by the 市发改委 with the 市场监管局: weekly at level 3,
 *   daily at levels 2 and 1;
 * - county reports: the affected counties daily before 12:00 (3.1.3(2)),
 *   the related ones weekly at level 3, daily before 12:00 at level 2, at
 *   any time (no schedule) at level 1;
 * - the duty roster of each day: at least one monitoring officer and one
 *   technician (3.2.2); on holidays full-day duty at level 1.
 * A task is met when done by its due time, late when done after it,
 * overdue when not done and the time has passed.
 */
import { addWorkingDays } from '../../core/calendar.ts';
import { addDays, type IsoDate } from '../../core/dates.ts';
import { beijingDate, formatInstant, instantOn, type Instant } from './clock.ts';
import { countyName } from './counties.ts';
import { weekOf } from './periods.ts';
import type { Level } from './types.ts';

export const RESPONSE_TASKS_RULE = 'd3.art3_5.response_tasks';
export const AFTER_EVENT_RULE = 'd3.art5_3.after_event';

export type LevelTable<T> = Record<Level, T>;

export interface ResponseSettings {
  rounds: LevelTable<{ every: 'week' | 'day'; aroundClock: boolean }>;
  reports: LevelTable<{ every: 'week' | 'day' | 'any_time'; before?: string }>;
  dailyReportTime: string;
  affectedDailyAllLevels: boolean;
  duty: { monitor: number; technical: number };
  holidayDuty: LevelTable<'hotline' | 'staffed' | 'full_day'>;
  weeklyDueWeekday: number;
  summaryDays: number;
  evaluationDays: number;
  /** How the days of D3 5.3 count (price.d3.art5_3.day_basis). */
  dayBasis: 'calendar' | 'working';
}

/** The level in force from `from` (ms) until the next span or the end. */
export interface LevelSpan {
  level: Level;
  from: number;
}

export interface WarningForTasks {
  id: string;
  spans: readonly LevelSpan[];
  /** Affected counties (警情所在地). */
  areas: readonly string[];
  /** Other counties that report (相关县(市)区). */
  related: readonly string[];
  /** Member units that took part and owe a summary (D3 5.3). */
  units: readonly string[];
  terminatedAt: number | null;
}

export interface DutyEntry {
  date: IsoDate;
  kind: 'monitor' | 'technical';
  fullDay: boolean;
  enteredAt: number;
}

export type TaskKind = 'monitoring_round' | 'county_report' | 'duty_roster' | 'summary' | 'evaluation';
export type TaskStatus = 'met' | 'late' | 'overdue' | 'open';

export interface Task {
  key: string;
  warningId: string;
  kind: TaskKind;
  /** Directory id of the owner: a unit, the office, or county:<code>. */
  owner: string;
  ownerLabel: string;
  title: string;
  level: Level | null;
  periodStart: IsoDate;
  periodEnd: IsoDate;
  due: Instant;
  doneAt: Instant | null;
  status: TaskStatus;
  late: boolean;
  article: string;
  /** For duty rosters: what the day still lacks. */
  missing?: string[];
}

interface Draft {
  key: string;
  kind: TaskKind;
  owner: string;
  ownerLabel: string;
  title: string;
  level: Level | null;
  periodStart: IsoDate;
  periodEnd: IsoDate;
  due: number;
  article: string;
  doneAt?: number | null;
  missing?: string[];
}


/**
 * The last day of a D3 5.3 period. Working days come from the holiday
 * calendar; a year it does not cover falls back to calendar days, said so
 * on the task rather than silently.
 */
function lastDay5_3(ended: IsoDate, days: number, basis: 'calendar' | 'working'): { date: IsoDate; note?: string } {
  if (basis === 'calendar') return { date: addDays(ended, days) };

  const working = addWorkingDays(ended, days);
  if (working.ok) return { date: working.date };
  return { date: addDays(ended, days), note: `节假日安排未覆盖${working.year}年，暂按自然日计` };
}

function levelAt(spans: readonly LevelSpan[], at: number): Level {
  let level = spans[0]!.level;
  for (const span of spans) if (span.from <= at) level = span.level;
  return level;
}

function statusOf(due: number, doneAt: number | null | undefined, asOf: number): { status: TaskStatus; late: boolean } {
  if (doneAt !== null && doneAt !== undefined) return doneAt <= due ? { status: 'met', late: false } : { status: 'late', late: true };
  return asOf > due ? { status: 'overdue', late: true } : { status: 'open', late: false };
}

/** Earliest time the day's entries meet the requirement, or what is missing. */
function rosterMet(entries: readonly DutyEntry[], need: { monitor: number; technical: number }, fullDayOnly: boolean) {
  const usable = entries.filter((e) => !fullDayOnly || e.fullDay).sort((a, b) => a.enteredAt - b.enteredAt);
  let monitors = 0;
  let technicians = 0;
  for (const e of usable) {
    if (e.kind === 'monitor') monitors += 1;
    else technicians += 1;
    if (monitors >= need.monitor && technicians >= need.technical) return { doneAt: e.enteredAt, missing: [] };
  }
  const missing: string[] = [];
  if (monitors < need.monitor) missing.push(`专职监测人员 ${need.monitor - monitors} 名${fullDayOnly ? '（全天）' : ''}`);
  if (technicians < need.technical) missing.push(`技术保障人员 ${need.technical - technicians} 名${fullDayOnly ? '（全天）' : ''}`);
  return { doneAt: null, missing };
}

export function responseTasks(
  warning: WarningForTasks,
  asOf: number,
  settings: ResponseSettings,
  done: ReadonlyMap<string, number>,
  duty: readonly DutyEntry[],
  isHoliday: (date: IsoDate) => boolean,
): Task[] {
  if (warning.spans.length === 0) return [];
  const start = warning.spans[0]!.from;
  const end = warning.terminatedAt ?? Number.POSITIVE_INFINITY;
  const lastDay = beijingDate(Math.min(asOf, end));
  const drafts = new Map<string, Draft>();
  const add = (d: Draft) => {
    if (!drafts.has(d.key)) drafts.set(d.key, d);
  };
  const id = warning.id;

  for (let day = beijingDate(start); day <= lastDay; day = addDays(day, 1)) {
    const dayStart = Math.max(instantOn(day, '00:00'), start);
    const level = levelAt(warning.spans, dayStart);
    const nextMidnight = instantOn(addDays(day, 1), '00:00');

    // Monitoring rounds (①).
    const rounds = settings.rounds[level];
    if (rounds.every === 'day') {
      add({ key: `${id}|round|${day}`, kind: 'monitoring_round', owner: 'ndrc', ownerLabel: '市发改委（会同市市场监管局）',
        title: `${day} 定点监测${rounds.aroundClock ? '（24小时监控）' : ''}`, level, periodStart: day, periodEnd: day, due: nextMidnight, article: level === 1 ? 'D3 3.5.3(3)①' : 'D3 3.5.2(3)①' });
    } else {
      const week = weekOf(day, settings.weeklyDueWeekday);
      add({ key: `${id}|round|${week.start}`, kind: 'monitoring_round', owner: 'ndrc', ownerLabel: '市发改委（会同市市场监管局）',
        title: `${week.start} 至 ${week.end} 定点监测1次`, level, periodStart: week.start, periodEnd: week.end, due: instantOn(addDays(week.end, 1), '00:00'), article: 'D3 3.5.1(3)①' });
    }

    // County reports (③, 3.1.3(2)).
    const noon = instantOn(day, settings.dailyReportTime);
    const daily = (county: string, article: string) => {
      if (noon < start || noon > end) return;
      add({ key: `${id}|report|${county}|${day}`, kind: 'county_report', owner: `county:${county}`, ownerLabel: `${countyName(county)}价格主管部门`,
        title: `${day} ${settings.dailyReportTime} 前报送价格监测信息`, level, periodStart: day, periodEnd: day, due: noon, article });
    };
    const weekly = (county: string) => {
      const week = weekOf(day, settings.weeklyDueWeekday);
      add({ key: `${id}|report|${county}|${week.start}`, kind: 'county_report', owner: `county:${county}`, ownerLabel: `${countyName(county)}价格主管部门`,
        title: `${week.start} 至 ${week.end} 报送价格监测信息1次`, level, periodStart: week.start, periodEnd: week.end, due: instantOn(addDays(week.end, 1), '00:00'), article: 'D3 3.5.1(3)③' });
    };
    const plan = settings.reports[level];
    for (const county of warning.areas) {
      if (settings.affectedDailyAllLevels || plan.every === 'day') daily(county, settings.affectedDailyAllLevels ? 'D3 3.1.3(2)' : 'D3 3.5.2(3)③');
      else if (plan.every === 'week') weekly(county);
    }
    for (const county of warning.related) {
      if (warning.areas.includes(county)) continue;
      if (plan.every === 'day') daily(county, 'D3 3.5.2(3)③');
      else if (plan.every === 'week') weekly(county);
    }

    // Duty roster (②, 3.2.2).
    const holiday = isHoliday(day);
    const fullDayOnly = holiday && settings.holidayDuty[level] === 'full_day';
    const met = rosterMet(duty.filter((e) => e.date === day), settings.duty, fullDayOnly);
    add({ key: `${id}|duty|${day}`, kind: 'duty_roster', owner: 'office', ownerLabel: '市应急指挥部办公室',
      title: `${day}${holiday ? '（节假日）' : ''} 值班安排：专职监测人员${settings.duty.monitor}名、技术保障人员${settings.duty.technical}名${fullDayOnly ? '，全天值班' : ''}`,
      level, periodStart: day, periodEnd: day, due: dayStart, article: level === 3 ? 'D3 3.5.1(3)②' : level === 2 ? 'D3 3.5.2(3)②' : 'D3 3.5.3(3)②',
      doneAt: met.doneAt, ...(met.missing.length ? { missing: met.missing } : {}) });
  }

  // After the event (D3 5.3): counted from the day after termination, due
  // at the end of the last day.
  if (warning.terminatedAt !== null) {
    const ended = beijingDate(warning.terminatedAt);
    const summary = lastDay5_3(ended, settings.summaryDays, settings.dayBasis);
    const words = settings.dayBasis === 'working' ? '个工作日' : '日';
    for (const unit of warning.units) {
      add({ key: `${id}|summary|${unit}`, kind: 'summary', owner: unit, ownerLabel: unit,
        title: `应急响应终止后${settings.summaryDays}${words}内报送工作总结`, level: null, periodStart: ended, periodEnd: summary.date,
        due: instantOn(addDays(summary.date, 1), '00:00'), article: 'D3 5.3', ...(summary.note ? { missing: [summary.note] } : {}) });
    }
    const evaluation = lastDay5_3(ended, settings.evaluationDays, settings.dayBasis);
    add({ key: `${id}|evaluation`, kind: 'evaluation', owner: 'office', ownerLabel: '市应急指挥部办公室',
      title: `应急响应终止后${settings.evaluationDays}${words}内向市政府、省价格应急指挥部办公室上报总结评估报告`, level: null,
      periodStart: ended, periodEnd: evaluation.date, due: instantOn(addDays(evaluation.date, 1), '00:00'), article: 'D3 5.3',
      ...(evaluation.note ? { missing: [evaluation.note] } : {}) });
  }

  return [...drafts.values()]
    .map((d) => {
      const doneAt = d.kind === 'duty_roster' ? d.doneAt ?? null : done.get(d.key) ?? null;
      const { status, late } = statusOf(d.due, doneAt, asOf);
      return {
        key: d.key, warningId: id, kind: d.kind, owner: d.owner, ownerLabel: d.ownerLabel, title: d.title, level: d.level,
        periodStart: d.periodStart, periodEnd: d.periodEnd, due: formatInstant(d.due), doneAt: doneAt === null ? null : formatInstant(doneAt),
        status, late, article: d.article, ...(d.missing ? { missing: d.missing } : {}),
      };
    })
    .sort((a, b) => a.due.localeCompare(b.due) || a.key.localeCompare(b.key));
}

