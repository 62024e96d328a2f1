/**
 * The reporting clocks of D3 4.1(1), from the moment an event is found:
 * 1. the monitoring officer reports to the county price department within
 *    1 hour;
 * 2. the county price department, having verified, reports at once (立即)
 *    to the county government and the city office;
 * 3. the county government and the city office phone the city party and
 *    government duty offices within 20 minutes — and for a 较大 event write
 *    within 1 hour;
 * 4. those duty offices, with the city leaders' approval, phone the
 *    province within 30 minutes and write within 2 hours (较大), or for
 *    重大 and 特别重大 send a brief written report within 1 hour and the full
 *    one within 3 hours at the latest.
 * Each clock starts when the report it follows was received (or when it
 * was due, while it has not been made); “立即” adds no time and is not
 * judged late. Reports carry time, place, source, nature, scope, trend and
 * measures taken (4.1(2)).
 */
import { formatInstant, minutes, type Instant } from './clock.ts';
import type { Level } from './types.ts';

export const INCIDENT_CLOCKS_RULE = 'd3.art4_1.report_clocks';
export const INCIDENT_CONTENT_RULE = 'd3.art4_1.report_content';

export interface ClockSettings {
  monitorMinutes: number;
  cityPhoneMinutes: number;
  cityWrittenMinutes: number;
  provincePhoneMinutes: number;
  provinceWrittenMinutes: number;
  provinceBriefMinutes: number;
  provinceFullMinutes: number;
  basis: 'receipt' | 'planned';
}

export interface StepDefinition {
  id: string;
  owners: string[];
  recipients: string[];
  mode: 'any' | 'phone' | 'written' | 'brief_written' | 'full_written';
  /** null: 立即 (at once), not timed. */
  minutes: number | null;
  /** The step whose receipt starts this clock; null: the discovery. */
  after: string | null;
  title: string;
}

/** The chain for a level: 较大 (3) or 重大 / 特别重大 (2, 1). */
export function reportSteps(level: Level, s: ClockSettings): StepDefinition[] {
  const countyAndOffice = ['county_gov', 'office'];
  const cityDuty = ['city_party_office', 'city_gov_duty'];
  const steps: StepDefinition[] = [
    { id: 'monitor_to_county', owners: ['monitor'], recipients: ['county_price'], mode: 'any', minutes: s.monitorMinutes, after: null, title: '监测人员向县(市)区价格主管部门报告' },
    { id: 'county_to_city', owners: ['county_price'], recipients: ['county_gov', 'office'], mode: 'any', minutes: null, after: 'monitor_to_county', title: '县(市)区价格主管部门核实后立即向县(市)区政府及市应急指挥部办公室报告' },
    { id: 'phone_city_duty', owners: countyAndOffice, recipients: cityDuty, mode: 'phone', minutes: s.cityPhoneMinutes, after: 'county_to_city', title: '向市委办公室（信息科）、市政府办公室（市政府总值班室）电话报告' },
  ];
  if (level === 3) {
    steps.push(
      { id: 'written_city_duty', owners: countyAndOffice, recipients: cityDuty, mode: 'written', minutes: s.cityWrittenMinutes, after: 'county_to_city', title: '向市委办公室（信息科）、市政府办公室（市政府总值班室）上报书面报告' },
      { id: 'phone_province', owners: cityDuty, recipients: ['province_duty'], mode: 'phone', minutes: s.provincePhoneMinutes, after: 'phone_city_duty', title: '经市委、市政府批准向省委、省政府总值班室电话报告' },
      { id: 'written_province', owners: cityDuty, recipients: ['province_duty'], mode: 'written', minutes: s.provinceWrittenMinutes, after: 'phone_city_duty', title: '向省委、省政府总值班室上报书面报告' },
    );
  } else {
    steps.push(
      { id: 'phone_province', owners: cityDuty, recipients: ['province_duty'], mode: 'phone', minutes: s.provincePhoneMinutes, after: 'phone_city_duty', title: '经市委、市政府批准向省委、省政府总值班室电话报告' },
      { id: 'brief_province', owners: cityDuty, recipients: ['province_duty'], mode: 'brief_written', minutes: s.provinceBriefMinutes, after: 'phone_city_duty', title: '向省委、省政府总值班室补报简要文字报告' },
      { id: 'full_province', owners: cityDuty, recipients: ['province_duty'], mode: 'full_written', minutes: s.provinceFullMinutes, after: 'phone_city_duty', title: '最迟不超过3小时向省委、省政府总值班室上报书面报告' },
    );
  }
  steps.push({ id: 'circular_province_price', owners: ['office'], recipients: ['province_price_office'], mode: 'written', minutes: null, after: 'phone_city_duty', title: '同时以通稿形式向省价格应急指挥部办公室及省级对口部门报告' });
  return steps;
}

export type ClockStatus = 'met' | 'missed' | 'pending' | 'overdue' | 'done';

export interface ClockLine {
  step: string;
  owner: string;
  recipients: string[];
  mode: StepDefinition['mode'];
  title: string;
  /** What the clock runs from, and since when. */
  startsAt: Instant;
  deadline: Instant | null;
  limitMinutes: number | null;
  doneAt: Instant | null;
  /** met / missed when done; pending / overdue while not; done for 立即 steps. */
  status: ClockStatus;
  minutesLate: number | null;
}

/**
 * Clocks per step and owner. `done` maps "step|owner" to when that owner
 * reported. A step's receipt is the earliest report of any of its owners.
 */
export function incidentClocks(
  level: Level,
  discoveredAt: number,
  done: ReadonlyMap<string, number>,
  now: number,
  settings: ClockSettings,
): ClockLine[] {
  const steps = reportSteps(level, settings);
  const planned = new Map<string, number>();
  const received = new Map<string, number>();
  const lines: ClockLine[] = [];

  for (const step of steps) {
    const basePlanned = step.after === null ? discoveredAt : planned.get(step.after)!;
    const baseActual = step.after === null ? discoveredAt : received.get(step.after);
    const start = settings.basis === 'planned' || baseActual === undefined ? basePlanned : baseActual;
    const deadline = step.minutes === null ? null : start + minutes(step.minutes);
    planned.set(step.id, deadline ?? start);

    const times: number[] = [];
    for (const owner of step.owners) {
      const at = done.get(`${step.id}|${owner}`);
      if (at !== undefined) times.push(at);
      let status: ClockStatus;
      if (deadline === null) status = at !== undefined ? 'done' : 'pending';
      else if (at !== undefined) status = at <= deadline ? 'met' : 'missed';
      else status = now > deadline ? 'overdue' : 'pending';
      const lateBy = deadline !== null && (at ?? now) > deadline ? Math.ceil(((at ?? now) - deadline) / 60_000) : null;
      lines.push({
        step: step.id, owner, recipients: step.recipients, mode: step.mode, title: step.title,
        startsAt: formatInstant(start), deadline: deadline === null ? null : formatInstant(deadline), limitMinutes: step.minutes,
        doneAt: at === undefined ? null : formatInstant(at), status, minutesLate: status === 'missed' || status === 'overdue' ? lateBy : null,
      });
    }
    if (times.length > 0) received.set(step.id, Math.min(...times));
  }
  return lines;
}

/** The contents a report must carry (D3 4.1(2)); the missing ones by name. */
export const REPORT_FIELDS = {
  place: '地点',
  source: '信息来源',
  nature: '事件性质',
  scope: '影响范围',
  trend: '事件发展趋势',
  measures: '已经采取的措施',
} as const;

export function missingContent(report: Partial<Record<keyof typeof REPORT_FIELDS, string>>): string[] {
  return (Object.keys(REPORT_FIELDS) as (keyof typeof REPORT_FIELDS)[])
    .filter((k) => !report[k]?.trim())
    .map((k) => REPORT_FIELDS[k]);
}
