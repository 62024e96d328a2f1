/**
 * The price parameters in force on a date, read into the typed settings the
 * rules take. A parameter missing on that date means no rule was in force
 * (the plan took effect 2022-08-23); a value of the wrong shape is a broken
 * parameter file and fails loudly.
 */
import type { IsoDate, IsoMonth } from '../../core/dates.ts';
import type { ParamUse } from '../../core/explain.ts';
import { parsePercent, type BasisPoints } from '../../core/money.ts';
import type { ParamRegistry } from '../../core/params/registry.ts';
import { fail } from '../../errorCatalog.ts';
import type { DetectionSettings } from '../rules/detectLevel3.ts';
import type { R2Limit } from '../rules/r2OneOffRise.ts';
import type { R3Limit } from '../rules/r3ContinuousRise.ts';
import type { AmountSettings, GroupRule, Rounding } from '../rules/subsidyAmount.ts';
import type { TriggerThresholds } from '../rules/subsidyTrigger.ts';
import { CATEGORIES, type Category, type Level } from '../rules/types.ts';

export type Loaded<T> = { ok: true; settings: T; uses: ParamUse[] } | { ok: false; missing: string[]; date: IsoDate };

class Reader {
  readonly uses: ParamUse[] = [];
  readonly missing: string[] = [];

  constructor(private readonly params: ParamRegistry, readonly date: IsoDate) {}

  get<T>(id: string): T {
    const found = this.params.at<T>(id, this.date);
    if (!found) {
      this.missing.push(id);
      return undefined as T;
    }
    this.uses.push({ id, value: found.value, from: found.version.from, citation: found.version.citation });
    return found.value;
  }

  done<T>(build: () => T): Loaded<T> {
    if (this.missing.length > 0) return { ok: false, missing: this.missing, date: this.date };
    return { ok: true, settings: build(), uses: this.uses };
  }
}

function broken(id: string, reason: string): never {
  fail('ERR_PRICE_PARAM_INVALID', { details: { id, reason } });
}

function percentOf(id: string, raw: unknown): BasisPoints {
  const bp = parsePercent(String(raw));
  if (bp === undefined) broken(id, `not a percent: ${JSON.stringify(raw)}`);
  return bp;
}

function categoriesOf(id: string, raw: unknown): Category[] {
  if (!Array.isArray(raw)) broken(id, 'categories must be a list');
  for (const c of raw) if (!CATEGORIES.includes(c as Category)) broken(id, `unknown category ${String(c)}`);
  return raw as Category[];
}

function numberOf(id: string, raw: unknown): number {
  if (typeof raw !== 'number' || !Number.isFinite(raw)) broken(id, `not a number: ${JSON.stringify(raw)}`);
  return raw;
}

const P = 'price.d3.';

export function detectionSettings(params: ParamRegistry, date: IsoDate): Loaded<DetectionSettings> {
  const r = new Reader(params, date);
  const ids = {
    minPoints: `${P}art1_3.breadth_min_points`,
    minCounties: `${P}art1_3.breadth_min_counties`,
    countyMinPoints: `${P}art1_3.county_min_points`,
    sample: `${P}art1_3.average_sample`,
    r1: `${P}art1_3.r1_thresholds`,
    basket: `${P}art1_3.vegetable_basket_method`,
    r2: `${P}art1_3.r2_rises`,
    r3: `${P}art1_3.r3_runs`,
    r3MinRises: `${P}art1_3.r3_min_rises`,
    weights: `${P}art1_3.r4_ifpa_weights`,
    ifpaYears: `${P}art1_3.r4_ifpa_min_years`,
    ifpaClasses: `${P}art1_3.r4_ifpa_classes`,
    ifpaFire: `${P}art1_3.r4_ifpa_fire`,
    alpsYears: `${P}art1_3.r4_alps_min_years`,
    alpsTrend: `${P}art1_3.r4_alps_trend`,
    alpsFit: `${P}art1_3.r4_alps_fit`,
    alpsClasses: `${P}art1_3.r4_alps_classes`,
    r5Days: `${P}art1_3.r5_window_days`,
    r5Weeks: `${P}art1_3.r5_baseline_weeks`,
    r5Ratio: `${P}art1_3.r5_ratio`,
    r5Min: `${P}art1_3.r5_min_count`,
    r6Min: `${P}art3_2_3.r6_min_reports`,
    r6Days: `${P}art3_2_3.r6_window_days`,
  };
  const v = Object.fromEntries(Object.entries(ids).map(([k, id]) => [k, r.get<unknown>(id)])) as Record<keyof typeof ids, any>;

  return r.done(() => {
    const r1: DetectionSettings['r1'] = {};
    for (const [category, light] of Object.entries(v.r1 as Record<string, { yellow: unknown; red: unknown }>)) {
      if (!CATEGORIES.includes(category as Category)) broken(ids.r1, `unknown category ${category}`);
      r1[category as Category] = { yellow: percentOf(ids.r1, light.yellow), red: percentOf(ids.r1, light.red) };
    }
    const r2: R2Limit[] = (v.r2 as Array<{ categories: unknown; above: unknown }>).map((l) => ({
      categories: categoriesOf(ids.r2, l.categories),
      above: percentOf(ids.r2, l.above),
    }));
    const r3: R3Limit[] = (v.r3 as Array<{ categories: unknown; above: unknown; window_days?: number; window_months?: number }>).map((l) => ({
      categories: categoriesOf(ids.r3, l.categories),
      above: percentOf(ids.r3, l.above),
      ...(l.window_months !== undefined ? { windowMonths: numberOf(ids.r3, l.window_months) } : { windowDays: numberOf(ids.r3, l.window_days) }),
    }));
    return {
      breadth: { minPoints: v.minPoints, minCounties: v.minCounties, countyMinPoints: v.countyMinPoints },
      sample: v.sample,
      r1,
      basketMethod: v.basket,
      r2,
      r3,
      r3MinRises: v.r3MinRises,
      r4: {
        ifpa: {
          weights: v.weights,
          minYears: v.ifpaYears,
          abnormal: numberOf(ids.ifpaClasses, v.ifpaClasses.abnormal),
          moderate: numberOf(ids.ifpaClasses, v.ifpaClasses.moderate),
        },
        fire: {
          atLeast: numberOf(ids.ifpaFire, v.ifpaFire.at_least),
          consecutiveAtLeast: numberOf(ids.ifpaFire, v.ifpaFire.consecutive_at_least),
          consecutiveMonths: numberOf(ids.ifpaFire, v.ifpaFire.consecutive_months),
        },
        alps: {
          trend: v.alpsTrend,
          fit: v.alpsFit,
          minYears: v.alpsYears,
          stress: numberOf(ids.alpsClasses, v.alpsClasses.stress),
          alert: numberOf(ids.alpsClasses, v.alpsClasses.alert),
          crisis: numberOf(ids.alpsClasses, v.alpsClasses.crisis),
        },
      },
      r5: { windowDays: v.r5Days, baselineWeeks: v.r5Weeks, ratio: v.r5Ratio, minCount: v.r5Min },
      r6: { minReports: v.r6Min, windowDays: v.r6Days },
    };
  });
}

/** Thresholds in force for an index month: the version on its first day. */
export function triggerThresholds(params: ParamRegistry, indexMonth: IsoMonth): Loaded<TriggerThresholds> {
  const r = new Reader(params, `${indexMonth}-01`);
  const cpi = r.get<BasisPoints>(`${P}art2_4_1.subsidy_cpi_threshold`);
  const food = r.get<BasisPoints>(`${P}art2_4_1.subsidy_food_threshold`);
  return r.done(() => ({ cpi, food }));
}

export interface SubsidySettings extends AmountSettings {
  paymentLag: number;
}

export function subsidySettings(params: ParamRegistry, indexMonth: IsoMonth): Loaded<SubsidySettings> {
  const r = new Reader(params, `${indexMonth}-01`);
  const urban = r.get<number>(`${P}art2_3.dibao_urban_monthly`);
  const rural = r.get<number>(`${P}art2_3.dibao_rural_monthly`);
  const rounding = r.get<Rounding>(`${P}art2_4_1.subsidy_rounding`);
  const floor = r.get<number>(`${P}art2_4_1.subsidy_floor`);
  const lag = r.get<number>(`${P}art2_4_1.subsidy_payment_lag`);
  const groupsId = `${P}art2_3.subsidy_groups`;
  const groups = r.get<Record<string, GroupRule>>(groupsId);
  return r.done(() => {
    for (const [code, g] of Object.entries(groups)) {
      if (!['urban', 'rural', 'residence'].includes(g.standard) || typeof g.payer !== 'string') {
        broken(groupsId, `group ${code} needs standard urban|rural|residence and a payer`);
      }
    }
    return { standards: { urban, rural }, rounding, floor, groups, paymentLag: lag };
  });
}

export type LevelTable<T> = Record<Level, T>;

export function levelTable<T>(id: string, raw: unknown): LevelTable<T> {
  const table = raw as Record<string, T>;
  for (const level of ['1', '2', '3']) if (!(level in (table ?? {}))) broken(id, `no entry for level ${level}`);
  return { 1: table['1']!, 2: table['2']!, 3: table['3']! };
}

export { Reader as ParamReader };
