/**
 * The parameters of D3 3.4–3.6, 4.1, 5.3 and 7.1 in force on a date, read
 * into the settings the warning rules take.
 */
import type { IsoDate } from '../../core/dates.ts';
import type { ParamRegistry } from '../../core/params/registry.ts';
import { fail } from '../../errorCatalog.ts';
import type { CapLevel, CapSettings } from '../rules/cap.ts';
import type { ClockSettings } from '../rules/incidentClocks.ts';
import type { ResponseSettings } from '../rules/responseTasks.ts';
import { levelTable, ParamReader, type Loaded } from './settings.ts';

const P = 'price.d3.';

/** A warning cannot be run without its parameters: fail loudly. */
export function required<T>(loaded: Loaded<T>): T {
  if (!loaded.ok) fail('ERR_CORE_PARAM_NOT_IN_FORCE', { details: { date: loaded.date, missing: loaded.missing } });
  return loaded.settings;
}

export function responseSettings(params: ParamRegistry, date: IsoDate): Loaded<ResponseSettings> {
  const r = new ParamReader(params, date);
  const ids = {
    rounds: `${P}art3_5.monitoring_rounds`,
    reports: `${P}art3_5.county_reports`,
    time: `${P}art3_1_3.daily_report_time`,
    affected: `${P}art3_1_3.affected_daily_all_levels`,
    duty: `${P}art3_2_2.duty_staff`,
    holiday: `${P}art3_5.holiday_duty`,
    weekday: `${P}art3_5.weekly_due_weekday`,
    summary: `${P}art5_3.summary_days`,
    evaluation: `${P}art5_3.evaluation_days`,
    basis: `${P}art5_3.day_basis`,
  };
  const v = Object.fromEntries(Object.entries(ids).map(([k, id]) => [k, r.get<unknown>(id)])) as Record<keyof typeof ids, any>;

  return r.done(() => {
    const rounds = levelTable<{ every: 'week' | 'day'; around_clock: boolean }>(ids.rounds, v.rounds);
    return {
      rounds: {
        1: { every: rounds[1].every, aroundClock: rounds[1].around_clock },
        2: { every: rounds[2].every, aroundClock: rounds[2].around_clock },
        3: { every: rounds[3].every, aroundClock: rounds[3].around_clock },
      },
      reports: levelTable(ids.reports, v.reports),
      dailyReportTime: v.time,
      affectedDailyAllLevels: v.affected,
      duty: v.duty,
      holidayDuty: levelTable(ids.holiday, v.holiday),
      weeklyDueWeekday: v.weekday,
      summaryDays: v.summary,
      evaluationDays: v.evaluation,
      dayBasis: v.basis,
    };
  });
}

export function clockSettings(params: ParamRegistry, date: IsoDate): Loaded<ClockSettings> {
  const r = new ParamReader(params, date);
  const m = (name: string) => r.get<number>(`${P}art4_1.${name}_minutes`);
  const settings = {
    monitorMinutes: m('monitor_report'),
    cityPhoneMinutes: m('city_phone'),
    cityWrittenMinutes: m('city_written'),
    provincePhoneMinutes: m('province_phone'),
    provinceWrittenMinutes: m('province_written'),
    provinceBriefMinutes: m('province_brief'),
    provinceFullMinutes: m('province_full'),
    basis: r.get<'receipt' | 'planned'>(`${P}art4_1.clock_basis`),
  };
  return r.done(() => settings);
}

export function capSettings(params: ParamRegistry, date: IsoDate): Loaded<CapSettings> {
  const r = new ParamReader(params, date);
  const senderCode = r.get<string>(`${P}art3_4.cap_sender_code`);
  const senderName = r.get<string>(`${P}art3_4.cap_sender_name`);
  const levels = r.get<unknown>(`${P}art3_4.cap_levels`);
  const measures = r.get<unknown>(`${P}art3_5.public_measures`);
  return r.done(() => ({
    senderCode,
    senderName,
    levels: levelTable<CapLevel>(`${P}art3_4.cap_levels`, levels),
    measures: levelTable<string>(`${P}art3_5.public_measures`, measures),
  }));
}

export interface DrillSettings {
  intervalYears: number;
  /** The day the plan took effect: the first version of the interval. */
  planFrom: IsoDate;
}

export function drillSettings(params: ParamRegistry, date: IsoDate): Loaded<DrillSettings> {
  const id = `${P}art7_1.drill_interval`;
  const found = params.at<number>(id, date);
  if (!found) return { ok: false, missing: [id], date };

  const first = [...(params.definition(id)?.versions ?? [])].map((v) => v.from).sort()[0] ?? found.version.from;
  return {
    ok: true,
    settings: { intervalYears: found.value, planFrom: first },
    uses: [{ id, value: found.value, from: found.version.from, citation: found.version.citation }],
  };
}
