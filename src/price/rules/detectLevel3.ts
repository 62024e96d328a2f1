/**
 * Detecting a 较大(三级) proposal (D3 1.3, 3.4(2)): rules R1–R6 over the
 * catalogue, each price rule passed through the breadth guard. The result
 * names, for every rule that fired, the item, the areas, the points and the
 * values; a person decides (D3 3.4(2): 市政府分管领导批准).
 */
import { lastDayOfMonth, monthOf, addMonthsToMonth, type IsoDate, type IsoMonth } from '../../core/dates.ts';
import { formatPercent } from '../../core/money.ts';
import { comparePeriods, type PeriodComparison, type Sample } from './averages.ts';
import { applyBreadthGuard, type AreaOutcome, type BreadthSettings } from './breadthGuard.ts';
import { chainSteps } from './chain.ts';
import {
  formatChangePercent, formatYuanRatio, meanOfRatios, ratioOf, relativeChange, toNumber, type Ratio,
} from './exact.ts';
import { previousXun, xunLabel, xunOf } from './periods.ts';
import { R1_RULE, r1Light, type R1Thresholds } from './r1TenDayChange.ts';
import { R2_RULE, r2OneOffRise, type R2Limit } from './r2OneOffRise.ts';
import { R3_RULE, r3ContinuousRise, type R3Limit } from './r3ContinuousRise.ts';
import { R4_RULE, r4PriceAnomaly, type R4Settings } from './r4PriceAnomaly.ts';
import { R5_RULE, r5Complaints, type R5Settings } from './r5Complaints.ts';
import { R6_RULE, r6PanicBuying, type R6Settings } from './r6PanicBuying.ts';
import {
  PANIC_KIND_LABELS, VEGETABLE_BASKET,
  type CatalogueItem, type Category, type ComplaintCount, type MonthlyAggregate, type Observation, type PanicReport,
} from './types.ts';

export type BasketMethod = 'mean_price' | 'mean_relative';

export interface DetectionSettings {
  breadth: BreadthSettings;
  sample: Sample;
  r1: R1Thresholds;
  basketMethod: BasketMethod;
  r2: R2Limit[];
  r3: R3Limit[];
  r3MinRises: number;
  r4: R4Settings;
  r5: R5Settings;
  r6: R6Settings;
}

export interface DetectionInput {
  asOf: IsoDate;
  items: readonly CatalogueItem[];
  /** Accepted observations of the current and the previous 旬 at least, and R3's window. */
  observations: readonly Observation[];
  /** Point-month aggregates for R4's monthly series. */
  monthly: readonly MonthlyAggregate[];
  complaints: readonly ComplaintCount[];
  panicReports: readonly PanicReport[];
}

export type RuleLabel = 'R1' | 'R2' | 'R3' | 'R4' | 'R5' | 'R6';

export type FindingValue = string | number | boolean | null;

export interface FindingArea {
  /** "city" or a county code. */
  area: string;
  points: string[];
  holds: boolean;
  values: Record<string, FindingValue>;
}

export interface Finding {
  rule: RuleLabel;
  ruleId: string;
  article: string;
  itemId: string;
  itemName: string;
  category: Category;
  scope: 'city' | 'counties';
  /** R1 only: red is marked, yellow proposes. */
  light?: 'yellow' | 'red';
  counties: string[];
  points: string[];
  areas: FindingArea[];
  text: string;
}

export interface DetectionNote {
  rule: RuleLabel;
  itemId: string;
  reason: string;
}

export interface DetectionResult {
  asOf: IsoDate;
  proposes: boolean;
  findings: Finding[];
  /** Rules that held somewhere but were stopped by the breadth guard. */
  notes: DetectionNote[];
}

export const DETECTION_ARTICLE = 'D3 1.3';

type AreaValues = Record<string, FindingValue>;

function groupByArea<T extends { county: string }>(rows: readonly T[]): Map<string, T[]> {
  const areas = new Map<string, T[]>([['city', [...rows]]]);
  for (const row of rows) {
    const list = areas.get(row.county);
    if (list) list.push(row);
    else areas.set(row.county, [row]);
  }
  return areas;
}

/** Evaluate one area rule everywhere, then apply the breadth guard. */
function acrossAreas<T extends { county: string }>(
  rows: readonly T[],
  evaluate: (rows: T[]) => AreaOutcome<AreaValues> | undefined,
  breadth: BreadthSettings,
) {
  let city: AreaOutcome<AreaValues> | undefined;
  const counties: AreaOutcome<AreaValues>[] = [];
  for (const [area, list] of groupByArea(rows)) {
    const outcome = evaluate(list);
    if (!outcome) continue;
    if (area === 'city') city = { ...outcome, area };
    else counties.push({ ...outcome, area });
  }
  counties.sort((a, b) => a.area.localeCompare(b.area));
  return applyBreadthGuard(city, counties, breadth);
}

function lastCompleteMonth(asOf: IsoDate): IsoMonth {
  const month = monthOf(asOf);
  return asOf === lastDayOfMonth(month) ? month : addMonthsToMonth(month, -1);
}

function yuan(r: Ratio): string {
  return formatYuanRatio(r, 2);
}

/** R1 on the vegetable basket: the kinds' comparisons combined. */
function basketComparison(
  observations: readonly Observation[],
  kinds: readonly CatalogueItem[],
  previous: { start: string; end: string },
  current: { start: string; end: string },
  settings: DetectionSettings,
): PeriodComparison | undefined {
  const comparisons: PeriodComparison[] = [];
  for (const kind of kinds) {
    const own = observations.filter((o) => o.itemId === kind.id);
    const c = comparePeriods(
      own.filter((o) => o.date >= previous.start && o.date <= previous.end),
      own.filter((o) => o.date >= current.start && o.date <= current.end),
      settings.sample,
    );
    if (c) comparisons.push(c);
  }
  if (comparisons.length === 0) return undefined;

  const points = [...new Set(comparisons.flatMap((c) => c.points))].sort();
  if (settings.basketMethod === 'mean_relative') {
    const meanChange = meanOfRatios(comparisons.map((c) => relativeChange(c.previous.average, c.current.average)));
    const one = ratioOf(1);
    return {
      previous: { average: one, points },
      current: { average: ratioOf(meanChange.num + meanChange.den, meanChange.den), points },
      points,
    };
  }
  return {
    previous: { average: meanOfRatios(comparisons.map((c) => c.previous.average)), points },
    current: { average: meanOfRatios(comparisons.map((c) => c.current.average)), points },
    points,
  };
}

export function detectLevel3(input: DetectionInput, settings: DetectionSettings): DetectionResult {
  const { asOf } = input;
  const current = xunOf(asOf);
  const previous = previousXun(current);
  const currentSpan = { start: current.start, end: asOf };
  const findings: Finding[] = [];
  const notes: DetectionNote[] = [];

  const record = (
    rule: RuleLabel,
    ruleId: string,
    article: string,
    item: { id: string; name: string; category: Category },
    result: ReturnType<typeof applyBreadthGuard<AreaValues>>,
    text: (area: AreaOutcome<AreaValues>) => string,
    light?: 'yellow' | 'red',
  ) => {
    if (!result.fires) {
      if (result.city?.holds || result.counties.length > 0) notes.push({ rule, itemId: item.id, reason: result.reason ?? '' });
      return;
    }
    const areas = [
      ...(result.city ? [result.city] : []),
      ...result.counties,
    ].map((a) => ({ area: a.area, points: a.points, holds: a.holds, values: a.values }));
    const lead = result.scope === 'city' ? result.city! : result.counties[0]!;
    findings.push({
      rule,
      ruleId,
      article,
      itemId: item.id,
      itemName: item.name,
      category: item.category,
      scope: result.scope!,
      ...(light ? { light } : {}),
      counties: result.counties.map((c) => c.area),
      points: [...new Set(areas.filter((a) => a.holds).flatMap((a) => a.points))].sort(),
      areas,
      text: `${rule} ${text(lead)}${result.scope === 'counties' ? `（${result.counties.length} 个县(市)区）` : '（全市均价）'}`,
    });
  };

  const watched = input.items.filter((i) => !i.governmentSet);
  const byItem = new Map<string, Observation[]>();
  for (const o of input.observations) {
    const list = byItem.get(o.itemId);
    if (list) list.push(o);
    else byItem.set(o.itemId, [o]);
  }

  // R1: 旬环比 per item, the vegetable basket as one.
  const r1Evaluate = (category: Category, compare: (rows: Observation[]) => PeriodComparison | undefined) =>
    (rows: Observation[]): AreaOutcome<AreaValues> | undefined => {
      const c = compare(rows);
      if (!c) return undefined;
      const r = r1Light(category, c.previous.average, c.current.average, settings.r1);
      if (!r) return undefined;
      return {
        area: '',
        points: c.points,
        holds: r.light !== 'none',
        values: {
          previousPeriod: xunLabel(previous),
          currentPeriod: xunLabel(current),
          previousAverage: yuan(c.previous.average),
          currentAverage: yuan(c.current.average),
          changePercent: formatChangePercent(r.changeBp),
          light: r.light,
          yellowPercent: formatChangePercent(r.thresholds.yellow),
          redPercent: formatChangePercent(r.thresholds.red),
        },
      };
    };
  const r1Text = (name: string) => (a: AreaOutcome<AreaValues>) =>
    `${name}旬环比 ${a.values.changePercent}%，达到${a.values.light === 'red' ? '红色' : '黄色'}阈值 ${a.values.light === 'red' ? a.values.redPercent : a.values.yellowPercent}%`;
  const lightOf = (result: ReturnType<typeof applyBreadthGuard<AreaValues>>) => {
    const held = [result.city, ...result.counties].filter((a) => a?.holds);
    return held.some((a) => a!.values.light === 'red') ? 'red' : 'yellow';
  };

  for (const item of watched) {
    if (item.category === 'vegetables' || !settings.r1[item.category]) continue;
    const rows = byItem.get(item.id) ?? [];
    const result = acrossAreas(rows, r1Evaluate(item.category, (list) => comparePeriods(
      list.filter((o) => o.date >= previous.start && o.date <= previous.end),
      list.filter((o) => o.date >= currentSpan.start && o.date <= currentSpan.end),
      settings.sample,
    )), settings.breadth);
    record('R1', R1_RULE, DETECTION_ARTICLE, item, result, r1Text(item.name), result.fires ? lightOf(result) : undefined);
  }

  const kinds = watched.filter((i) => i.category === 'vegetables' && i.inBasket);
  if (kinds.length > 0 && settings.r1.vegetables) {
    const basketRows = input.observations.filter((o) => kinds.some((k) => k.id === o.itemId));
    const basket = { id: VEGETABLE_BASKET, name: '蔬菜篮子', category: 'vegetables' as const };
    const result = acrossAreas(basketRows, r1Evaluate('vegetables', (list) =>
      basketComparison(list, kinds, previous, currentSpan, settings)), settings.breadth);
    record('R1', R1_RULE, DETECTION_ARTICLE, basket, result, r1Text(basket.name), result.fires ? lightOf(result) : undefined);
  }

  // R2 and R3 on the chain of observation dates.
  for (const item of watched) {
    const rows = byItem.get(item.id) ?? [];
    if (rows.length === 0) continue;

    const r2 = acrossAreas(rows, (list) => {
      const r = r2OneOffRise(item.category, chainSteps(list, settings.sample), current.start, settings.r2);
      if (!r) return undefined;
      return {
        area: '',
        points: r.step.points,
        holds: r.holds,
        values: {
          previousDate: r.step.previousDate,
          date: r.step.date,
          previousAverage: yuan(r.step.previous),
          currentAverage: yuan(r.step.current),
          changePercent: formatChangePercent(r.changeBp),
          abovePercent: formatChangePercent(r.above),
        },
      };
    }, settings.breadth);
    record('R2', R2_RULE, DETECTION_ARTICLE, item, r2, (a) =>
      `${item.name}较上次监测（${a.values.previousDate}）上涨 ${a.values.changePercent}%，超过 ${a.values.abovePercent}%`);

    const r3 = acrossAreas(rows, (list) => {
      const r = r3ContinuousRise(item.category, chainSteps(list, settings.sample), current.start, settings.r3, settings.r3MinRises);
      if (!r) return undefined;
      return {
        area: '',
        points: r.points,
        holds: r.holds,
        values: {
          from: r.from,
          to: r.to,
          rises: r.rises,
          changePercent: formatChangePercent(r.changeBp),
          abovePercent: formatChangePercent(r.limit.above),
          window: r.limit.windowMonths !== undefined ? `${r.limit.windowMonths}个月` : `${r.limit.windowDays}日`,
        },
      };
    }, settings.breadth);
    record('R3', R3_RULE, DETECTION_ARTICLE, item, r3, (a) =>
      `${item.name}自 ${a.values.from} 至 ${a.values.to} 连续上涨 ${a.values.rises} 次，累计 ${a.values.changePercent}%，超过${a.values.window}内 ${a.values.abovePercent}%`);
  }

  // R4 on monthly averages.
  const month = lastCompleteMonth(asOf);
  const monthlyByItem = new Map<string, MonthlyAggregate[]>();
  for (const m of input.monthly) {
    const list = monthlyByItem.get(m.itemId);
    if (list) list.push(m);
    else monthlyByItem.set(m.itemId, [m]);
  }
  for (const item of watched) {
    const rows = monthlyByItem.get(item.id) ?? [];
    if (rows.length === 0) continue;

    const r4 = acrossAreas(rows, (list) => {
      const byMonth = new Map<string, Ratio[]>();
      const pointsNow = new Set<string>();
      for (const m of list) {
        if (m.count <= 0) continue;
        const means = byMonth.get(m.month);
        const mean = ratioOf(m.sumFen, m.count * 100);
        if (means) means.push(mean);
        else byMonth.set(m.month, [mean]);
        if (m.month === month) pointsNow.add(m.pointId);
      }
      const series = [...byMonth].map(([mm, means]) => ({ month: mm, price: toNumber(meanOfRatios(means)) }));
      const r = r4PriceAnomaly(series, month, settings.r4);
      if (!r) return undefined;
      return {
        area: '',
        points: [...pointsNow].sort(),
        holds: r.holds,
        values: {
          method: r.method,
          month: r.month,
          value: Number(r.value.toFixed(4)),
          class: r.class,
          ...(r.method === 'ifpa' ? { years: r.years, recent: r.recent.map((v) => v.toFixed(4)).join(', ') } : {}),
        },
      };
    }, settings.breadth);
    record('R4', R4_RULE, DETECTION_ARTICLE, item, r4, (a) =>
      `${item.name} ${a.values.month} 月均价${a.values.method === 'ifpa' ? ' IFPA' : ' ALPS'} = ${a.values.value}（${a.values.class}）`);
  }

  // R5 and R6: city-wide counts.
  for (const item of input.items) {
    const complaints = input.complaints.filter((c) => c.itemId === item.id);
    if (complaints.length > 0) {
      const r = r5Complaints(complaints, asOf, settings.r5);
      if (r.holds) {
        findings.push({
          rule: 'R5', ruleId: R5_RULE, article: DETECTION_ARTICLE, itemId: item.id, itemName: item.name,
          category: item.category, scope: 'city', counties: r.counties, points: [],
          areas: [{ area: 'city', points: [], holds: true, values: {
            recentFrom: r.recentFrom, recent: r.recent, baselineFrom: r.baselineFrom, baseline: r.baseline,
            baselinePerWindow: r.baselinePerWindow, ratioPercent: formatPercent(settings.r5.ratio), minCount: settings.r5.minCount,
          } }],
          text: `R5 ${item.name}近 ${settings.r5.windowDays} 日投诉举报 ${r.recent} 件，为前 ${settings.r5.baselineWeeks} 周同期均值 ${r.baselinePerWindow} 件的 ${formatPercent(settings.r5.ratio)} 以上`,
        });
      }
    }

    const reports = input.panicReports.filter((p) => p.itemId === item.id);
    if (reports.length > 0) {
      const r = r6PanicBuying(reports, asOf, settings.r6);
      if (r.holds) {
        findings.push({
          rule: 'R6', ruleId: R6_RULE, article: 'D3 3.2.3', itemId: item.id, itemName: item.name,
          category: item.category, scope: 'city', counties: r.counties,
          points: [...new Set(r.reports.flatMap((p) => (p.pointId ? [p.pointId] : [])))].sort(),
          areas: [{ area: 'city', points: [], holds: true, values: {
            reports: r.reports.length, kinds: [...new Set(r.reports.map((p) => PANIC_KIND_LABELS[p.kind]))].join('、'),
            reportIds: r.reports.map((p) => p.id).join(', '),
          } }],
          text: `R6 ${item.name}市场巡查报告${[...new Set(r.reports.map((p) => PANIC_KIND_LABELS[p.kind]))].join('、')} ${r.reports.length} 份`,
        });
      }
    }
  }

  return { asOf, proposes: findings.length > 0, findings, notes };
}
