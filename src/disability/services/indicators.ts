/**
 * Monitoring of the plan (D1 四(三)): the indicators of 专栏1 per year and
 * county, computed from the register where they can be and taken from
 * officers' entries where they cannot, tracked against the path to 2025.
 *
 * Definitions used (readings, see docs/disability.md): coverage compares the
 * persons the rules find eligible on the reference day of the year's last
 * closed payroll with those that payroll paid; enrolment counts card holders
 * in the age band with a span covering the day; rehabilitation and devices
 * count needs assessed in the calendar year against services in the year;
 * training and home modification are cumulative since the period's start.
 */
import { randomUUID } from 'node:crypto';

import { todayInBeijing, withinInterval, type IsoDate } from '../../core/dates.ts';
import type { FieldProblem } from '../../core/errors.ts';
import { parsePercent } from '../../core/money.ts';
import type { PlatformContext } from '../../platform/context.ts';
import { ageOn } from '../rules/age.ts';
import { decideCare } from '../rules/careSubsidy.ts';
import { evaluationReport, type AreaIndicators, type EvaluationKind, type EvaluationReport } from '../rules/evaluation.ts';
import {
  ENTRY_SERIES,
  ENTRY_SERIES_LABELS,
  indicatorDefinitions,
  type EntrySeries,
  type IndicatorDefinition,
  type IndicatorId,
} from '../rules/indicators/definitions.ts';
import { EMPTY_SUMMARY, formatRate, registerIndicatorValues, type IndicatorValue, type RegisterSummary } from '../rules/indicators/rates.ts';
import { splitCountTarget, trackIndicator, type TrackOptions } from '../rules/indicators/track.ts';
import { decideLiving } from '../rules/livingSubsidy.ts';
import { referenceDate } from '../rules/payrollMonth.ts';
import { P, type SubsidyParameters } from '../rules/subsidyParameters.ts';
import { groupByPerson, type PersonRow, type RecordRow } from '../storage/register.ts';
import type { Actor } from './caller.ts';
import { requireSubsidyParameters } from './eligibility.ts';
import { fail } from './fail.ts';
import { cityCode, counties } from './params.ts';
import { aliveOn, residentOn, situationOf, type BenefitSpan, type HouseholdSpan } from './situation.ts';
import { SYNTHETIC_SOURCE } from './views.ts';

const RECORD_KINDS = [
  'rehab_need', 'rehabilitation', 'device_need', 'device_fitted', 'school_enrolment',
  'vocational_training', 'pension_enrolment', 'medical_enrolment', 'home_modification',
] as const;

/** The whole register read once; summaries for several days come from it. */
type SnapshotPerson = Pick<PersonRow, 'id' | 'county' | 'category' | 'grade' | 'birth_date' | 'deceased_on' | 'moved_away_on'>;
type SnapshotRecord = Pick<RecordRow, 'kind' | 'on_date' | 'until_date'>;

export interface RegisterSnapshot {
  persons: SnapshotPerson[];
  households: Map<string, HouseholdSpan[]>;
  benefits: Map<string, BenefitSpan[]>;
  records: Map<string, SnapshotRecord[]>;
  synthetic: boolean;
}

export async function registerSnapshot(ctx: PlatformContext, county?: string): Promise<RegisterSnapshot> {
  const db = ctx.store.db;
  let persons = db.selectFrom('disability_person').select(['id', 'county', 'category', 'grade', 'birth_date', 'deceased_on', 'moved_away_on', 'source']);
  if (county) persons = persons.where('county', '=', county);
  const [personRows, households, benefits, records] = await Promise.all([
    persons.execute(),
    db.selectFrom('disability_household_period').select(['person_id', 'status', 'valid_from', 'valid_to']).orderBy('valid_from').execute(),
    db.selectFrom('disability_benefit_period').select(['person_id', 'kind', 'valid_from', 'valid_to']).execute(),
    db.selectFrom('disability_service_record').select(['person_id', 'kind', 'on_date', 'until_date']).where('kind', 'in', [...RECORD_KINDS]).execute(),
  ]);
  return {
    persons: personRows,
    households: groupByPerson(households),
    benefits: groupByPerson(benefits),
    records: groupByPerson(records),
    synthetic: personRows.some((p) => p.source === SYNTHETIC_SOURCE),
  };
}

interface Readings {
  pension: { from: number; to: number; exclude_students: boolean };
  school: { from: number; to: number };
  counting: 'distinct_persons' | 'person_times';
  periodStart: IsoDate;
}

function readings(ctx: PlatformContext, on: IsoDate): Readings {
  const get = <T>(id: string): T => {
    const found = ctx.params.at<T>(id, on);
    if (!found) fail('ERR_DISABILITY_PARAM_MISSING', { details: { id, on } });
    return found.value;
  };
  return {
    pension: get('disability.d1.box1_6.age_band'),
    school: get('disability.d1.box1_8.age_band'),
    counting: get('disability.d1.box1_2.counting'),
    periodStart: get('disability.d1.box1.period_start'),
  };
}

function spanCovers(r: SnapshotRecord, on: IsoDate): boolean {
  return withinInterval(on, r.on_date, r.until_date);
}

/**
 * Summaries by county on `asOf`. `paid` holds `${person}:${subsidy}` of the
 * payroll month used for coverage (its reference day is `coverageDay`);
 * without one, coverage is left out.
 */
export function summarise(
  ctx: PlatformContext,
  snapshot: RegisterSnapshot,
  asOf: IsoDate,
  coverage: { paid: ReadonlySet<string>; coverageDay: IsoDate } | null,
): Map<string, RegisterSummary> {
  const r = readings(ctx, asOf);
  const yearStart = `${asOf.slice(0, 4)}-01-01`;
  const byCounty = new Map<string, RegisterSummary>();
  const paramsCache = new Map<string, SubsidyParameters>();
  const paramsFor = (county: string) => {
    let p = paramsCache.get(county);
    if (!p) {
      p = requireSubsidyParameters(ctx.params, county, coverage?.coverageDay ?? asOf);
      paramsCache.set(county, p);
    }
    return p;
  };

  for (const person of snapshot.persons) {
    let s = byCounty.get(person.county);
    if (!s) {
      s = { ...EMPTY_SUMMARY };
      byCounty.set(person.county, s);
    }
    const records = snapshot.records.get(person.id) ?? [];
    const inPeriod = (kind: string) => records.filter((x) => x.kind === kind && x.on_date >= r.periodStart && x.on_date <= asOf);

    // Cumulative counts keep those who have since died or moved.
    const trainings = inPeriod('vocational_training');
    s.trained += r.counting === 'person_times' ? trainings.length : trainings.length > 0 ? 1 : 0;
    if (inPeriod('home_modification').length > 0) s.homesModified += 1;

    if (person.birth_date > asOf || !aliveOn(person, asOf) || !residentOn(person, asOf)) continue;
    s.cardHolders += 1;

    if (coverage) {
      const day = coverage.coverageDay;
      if (aliveOn(person, day) && residentOn(person, day)) {
        const situation = situationOf(person, snapshot.households.get(person.id), snapshot.benefits.get(person.id), day);
        const params = paramsFor(person.county);
        if (decideLiving(situation, params).outcome === 'eligible') {
          s.livingEligible += 1;
          if (coverage.paid.has(`${person.id}:living`)) s.livingPaid += 1;
        }
        if (decideCare(situation, params).outcome === 'eligible') {
          s.careEligible += 1;
          if (coverage.paid.has(`${person.id}:care`)) s.carePaid += 1;
        }
      }
    }

    const age = ageOn(person.birth_date, asOf);
    const has = (kind: string) => records.some((x) => x.kind === kind && spanCovers(x, asOf));
    const student = has('school_enrolment');
    if (age >= r.pension.from && age <= r.pension.to && !(r.pension.exclude_students && student)) {
      s.pensionAgeGroup += 1;
      if (has('pension_enrolment')) s.pensionEnrolled += 1;
    }
    if (has('medical_enrolment')) s.medicalEnrolled += 1;
    if (age >= r.school.from && age <= r.school.to) {
      s.schoolAgeGroup += 1;
      if (student) s.schoolEnrolled += 1;
    }

    const inYear = (kind: string) => records.some((x) => x.kind === kind && x.on_date >= yearStart && x.on_date <= asOf);
    if (inYear('rehab_need')) {
      s.rehabNeed += 1;
      if (inYear('rehabilitation')) s.rehabReceived += 1;
    }
    if (inYear('device_need')) {
      s.deviceNeed += 1;
      if (inYear('device_fitted')) s.deviceFitted += 1;
    }
  }
  return byCounty;
}

// ── entries ─────────────────────────────────────────────────────────────

export interface EntryView {
  id: string;
  series: EntrySeries;
  seriesLabel: string;
  year: number;
  county: string;
  value: string;
  note: string | null;
  enteredBy: string;
  enteredRole: string | null;
  enteredAt: string;
}

export async function enterIndicator(
  ctx: PlatformContext,
  input: { series: string; year: number; county?: string | undefined; value: string; note?: string | null | undefined },
  actor: Actor,
): Promise<EntryView> {
  const problems: FieldProblem[] = [];
  const on = `${input.year}-12-31`;
  const city = cityCode(ctx.params, on);
  const county = input.county ?? city;
  if (!ENTRY_SERIES.includes(input.series as EntrySeries)) {
    problems.push({ field: 'series', value: input.series, reason: `录入项应为 ${ENTRY_SERIES.join('、')} 之一（其余指标由登记数据计算）` });
  }
  if (!Number.isInteger(input.year) || input.year < 2021 || input.year > 2025) problems.push({ field: 'year', value: input.year, reason: '年度应在2021至2025之间' });
  if (county !== city && !counties(ctx.params, on)[county]) problems.push({ field: 'county', value: county, reason: '应为鸡西市（230300）或其县(市)区代码' });
  const bp = parsePercent(String(input.value));
  if (bp === undefined) problems.push({ field: 'value', value: input.value, reason: '应为百分数，如 6.5（最多两位小数）' });
  if (problems.length) fail('ERR_CORE_INVALID_INPUT', { problems });

  const row = {
    id: `ie_${randomUUID()}`,
    series: input.series,
    year: input.year,
    county,
    value_bp: bp!,
    note: input.note?.trim() || null,
    entered_by: actor.user,
    entered_role: actor.role,
    entered_at: new Date().toISOString(),
  };
  await ctx.store.db.insertInto('disability_indicator_entry').values(row).execute();
  ctx.logger.info({ series: row.series, year: row.year, county, by: actor.user, rule: 'd1.s4_3.monitoring' }, 'indicator entered');
  return entryView(row);
}

function entryView(r: { id: string; series: string; year: number; county: string; value_bp: number; note: string | null; entered_by: string; entered_role: string | null; entered_at: string }): EntryView {
  return {
    id: r.id,
    series: r.series as EntrySeries,
    seriesLabel: ENTRY_SERIES_LABELS[r.series as EntrySeries] ?? r.series,
    year: r.year,
    county: r.county,
    value: formatRate(r.value_bp)!,
    note: r.note,
    enteredBy: r.entered_by,
    enteredRole: r.entered_role,
    enteredAt: r.entered_at,
  };
}

/** Every entry, newest first; the newest of a series, year and county is the one in use. */
export async function listEntries(ctx: PlatformContext, query: { series?: string; year?: number; county?: string }): Promise<EntryView[]> {
  let select = ctx.store.db.selectFrom('disability_indicator_entry').selectAll();
  if (query.series) select = select.where('series', '=', query.series);
  if (query.year) select = select.where('year', '=', query.year);
  if (query.county) select = select.where('county', '=', query.county);
  const rows = await select.orderBy('entered_at', 'desc').orderBy('id', 'desc').execute();
  return rows.map(entryView);
}

// ── monitoring ──────────────────────────────────────────────────────────

export interface Monitoring {
  year: number;
  asOf: IsoDate;
  /** The closed payroll used for coverage, or null when the year has none. */
  payrollMonth: string | null;
  synthetic: boolean;
  city: AreaIndicators;
  counties: AreaIndicators[];
  entries: EntryView[];
}

function requireYear(year: number, periodStart: IsoDate, targetDate: IsoDate): void {
  const first = Number(periodStart.slice(0, 4));
  const last = Number(targetDate.slice(0, 4));
  if (!Number.isInteger(year) || year < first || year > last) {
    fail('ERR_CORE_INVALID_INPUT', { problems: [{ field: 'year', value: year, reason: `年度应在${first}至${last}之间（十四五规划期）` }] });
  }
}

export async function monitoring(ctx: PlatformContext, query: { year: number; county?: string | undefined; snapshot?: RegisterSnapshot }): Promise<Monitoring> {
  const today = todayInBeijing();
  const yearEnd = `${query.year}-12-31`;
  const asOf = yearEnd < today ? yearEnd : today;
  const param = <T>(id: string): T => {
    const found = ctx.params.at<T>(id, asOf);
    if (!found) fail('ERR_DISABILITY_PARAM_MISSING', { details: { id, on: asOf } });
    return found.value;
  };
  const periodStart = param<string>('disability.d1.box1.period_start');
  const targetDate = param<string>('disability.d1.box1.target_date');
  requireYear(query.year, periodStart, targetDate);
  if (asOf < `${query.year}-01-01`) {
    fail('ERR_CORE_INVALID_INPUT', { problems: [{ field: 'year', value: query.year, reason: '该年度尚未开始' }] });
  }

  const db = ctx.store.db;
  const payrollMonth = await db.selectFrom('disability_payroll_month').select(['month', 'reference_date'])
    .where('status', '=', 'finished').where('month', '<=', asOf.slice(0, 7)).where('month', '>=', `${query.year}-01`)
    .orderBy('month', 'desc').limit(1).executeTakeFirst();
  let coverage: { paid: Set<string>; coverageDay: IsoDate } | null = null;
  if (payrollMonth) {
    const lines = await db.selectFrom('disability_payroll_line').select(['person_id', 'subsidy'])
      .where('month', '=', payrollMonth.month).where('status', '=', 'paid').execute();
    const reference = ctx.params.at<SubsidyParameters['situationReference']>(P.reference, `${payrollMonth.month}-01`);
    coverage = {
      paid: new Set(lines.map((l) => `${l.person_id}:${l.subsidy}`)),
      coverageDay: reference ? referenceDate(payrollMonth.month, reference.value) : payrollMonth.reference_date,
    };
  }

  const snapshot = query.snapshot ?? (await registerSnapshot(ctx));
  const byCounty = summarise(ctx, snapshot, asOf, coverage);
  const table = counties(ctx.params, asOf);
  const city = cityCode(ctx.params, asOf);
  const citySummary = { ...EMPTY_SUMMARY };
  for (const s of byCounty.values()) {
    for (const key of Object.keys(s) as (keyof RegisterSummary)[]) citySummary[key] += s[key];
  }

  const entries = await listEntries(ctx, { year: query.year });
  const latest = (series: EntrySeries, county: string) => entries.find((e) => e.series === series && e.county === county);
  const definitions = indicatorDefinitions(ctx.params, asOf);
  const options: TrackOptions = {
    asOf,
    periodStart,
    targetDate,
    flagExpected: param<boolean>('disability.d1.s4_3.flag_expected_indicators'),
    inStepTolerance: param<number>('disability.d1.box1_1.in_step_tolerance'),
  };
  const countyTargets = param<Record<string, Record<string, number | string>>>('disability.d1.box1.county_count_targets');
  const split = param<'by_card_holders' | 'none'>('disability.d1.box1.county_count_target_split');

  const area = (county: string, name: string, summary: RegisterSummary): AreaIndicators => {
    const computed = registerIndicatorValues(summary);
    if (!coverage) {
      delete computed.living_coverage;
      delete computed.care_coverage;
    }
    const values: Partial<Record<IndicatorId, IndicatorValue>> = { ...computed };
    const income = latest('income_growth', county);
    const gdp = latest('gdp_growth', county) ?? latest('gdp_growth', city);
    if (income || gdp) {
      values.income_growth = { measure: 'in_step', value: income ? parsePercent(income.value)! : null, gdp: gdp ? parsePercent(gdp.value)! : null };
    }
    const dibao = latest('dibao_inclusion', county);
    if (dibao) {
      const bp = parsePercent(dibao.value)!;
      values.dibao_inclusion = { measure: 'percent', numerator: bp, denominator: 10_000, value: bp };
    }
    return {
      county,
      name,
      indicators: definitions.map((d) => trackIndicator(d, values[d.id], { ...options, ...countTarget(d, county) })),
    };
  };

  const countTarget = (d: IndicatorDefinition, county: string): { countTarget?: number | null } => {
    if (d.measure !== 'count' || county === city) return {};
    const set = countyTargets[d.id]?.[county];
    if (set !== undefined) return { countTarget: Number(set) };
    if (split === 'none' || d.target === null) return { countTarget: null };
    return { countTarget: splitCountTarget(d.target, byCounty.get(county)?.cardHolders ?? 0, citySummary.cardHolders) };
  };

  const countyAreas = Object.entries(table)
    .filter(([code]) => !query.county || code === query.county)
    .map(([code, name]) => area(code, name, byCounty.get(code) ?? { ...EMPTY_SUMMARY }));
  return {
    year: query.year,
    asOf,
    payrollMonth: payrollMonth?.month ?? null,
    synthetic: snapshot.synthetic,
    city: area(city, '鸡西市', citySummary),
    counties: countyAreas,
    entries,
  };
}

export async function alarms(ctx: PlatformContext, year: number) {
  const m = await monitoring(ctx, { year });
  const report = evaluationReport({ kind: 'midterm', year, asOf: m.asOf, synthetic: m.synthetic, city: m.city, counties: m.counties });
  return { year, asOf: m.asOf, findings: report.findings };
}

export function evaluationYear(ctx: PlatformContext, kind: EvaluationKind): number {
  const id = kind === 'midterm' ? 'disability.d1.s4_3.midterm_year' : 'disability.d1.s4_3.final_year';
  const found = ctx.params.at<number>(id, todayInBeijing()) ?? ctx.params.at<number>(id, '2025-12-31');
  if (!found) fail('ERR_DISABILITY_PARAM_MISSING', { details: { id } });
  return found.value;
}

export async function evaluation(ctx: PlatformContext, kind: EvaluationKind): Promise<EvaluationReport & { entries: EntryView[]; payrollMonth: string | null }> {
  const year = evaluationYear(ctx, kind);
  const m = await monitoring(ctx, { year });
  return {
    ...evaluationReport({ kind, year, asOf: m.asOf, synthetic: m.synthetic, city: m.city, counties: m.counties }),
    entries: m.entries,
    payrollMonth: m.payrollMonth,
  };
}
