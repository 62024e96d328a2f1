/**
 * The price part of a scenario run, in two halves, each decided twice in
 * memory by the price area's own rules:
 *
 * - temporary price subsidies (D3 2.3(6), 2.4.1(3)(4)): every index month
 *   of the year through decideSubsidyMonth with the thresholds in force for
 *   it, and, when it triggers, the payment list (paymentList) over the
 *   recipients on record in the payment month: the subsidy cost per county
 *   and group, and the months that trigger under one side only;
 * - level-3 proposals (D3 1.3, 3.4(2)): detectLevel3 as of the last day of
 *   every 旬 of the year over the observations up to that day: which items
 *   in which months would have been proposed.
 *
 * Nothing is read or written here; the settings of each side come in as
 * functions of the date (src/price/services/settings.ts reads them).
 */
import { addDays, lastDayOfMonth, monthOf, type IsoDate, type IsoMonth } from '../../core/dates.ts';
import { formatPercent, type Fen } from '../../core/money.ts';
import { detectLevel3, type DetectionInput, type DetectionSettings } from '../../price/rules/detectLevel3.ts';
import { complaintWindows } from '../../price/rules/r5Complaints.ts';
import { paymentList, SUBSIDY_AMOUNT_RULE, SUBSIDY_PAYMENT_RULE, type AmountSettings, type Residence } from '../../price/rules/subsidyAmount.ts';
import { decideSubsidyMonth, type SubsidyMonth } from '../../price/rules/subsidyMonth.ts';
import { SUBSIDY_TRIGGER_RULE, type IndexFigures, type TriggerThresholds } from '../../price/rules/subsidyTrigger.ts';
import type { CatalogueItem, ComplaintCount, MonthlyAggregate, Observation, PanicReport } from '../../price/rules/types.ts';
import { distribution, type CostLine, type Crossing, type Distribution } from './outcome.ts';

/** Settings of one side, or the parameters missing on that date. */
export type Settings<T> = { ok: true; settings: T } | { ok: false; missing: string[] };

export interface PriceRules {
  thresholds: (indexMonth: IsoMonth) => Settings<TriggerThresholds>;
  subsidy: (indexMonth: IsoMonth) => Settings<AmountSettings & { paymentLag: number }>;
  detection: (asOf: IsoDate) => Settings<DetectionSettings>;
}

export interface RecipientSpan {
  id: string;
  group: string;
  residence: Residence;
  county: string;
  from: IsoMonth;
  to: IsoMonth | null;
}

/** Everything the detection rules may look at over the year, sliced per date here. */
export interface PriceSeries {
  items: readonly CatalogueItem[];
  observations: readonly Observation[];
  monthly: readonly MonthlyAggregate[];
  complaints: readonly ComplaintCount[];
  panicReports: readonly PanicReport[];
}

export interface PriceSimulationInput {
  year: number;
  indexMonths: readonly IndexFigures[];
  recipients: readonly RecipientSpan[];
  series: PriceSeries;
  baseline: PriceRules;
  scenario: PriceRules;
}

export type MonthOutcome =
  | { outcome: 'decided'; trigger: SubsidyMonth['trigger']; rate: number | null; paymentMonth: IsoMonth; cost: Fen; recipients: number; thresholds: TriggerThresholds }
  | { outcome: 'needs_input'; missing: string[] }
  | { outcome: 'no_rule'; missing: string[] };

export interface SubsidyMonthRow {
  indexMonth: IsoMonth;
  cpi: number | null;
  food: number | null;
  baseline: MonthOutcome;
  scenario: MonthOutcome;
}

export interface ProposalRow {
  month: IsoMonth;
  itemId: string;
  itemName: string;
  /** Rules that fired on some 旬 end of the month, per side. */
  baseline: string[];
  scenario: string[];
  /** The first 旬 end it fired on, per side. */
  baselineFirst: IsoDate | null;
  scenarioFirst: IsoDate | null;
  /** Rule ids (R1 … R6) of the findings, either side. */
  ruleIds: string[];
  text: string;
}

export interface PriceSimulation {
  year: number;
  lines: CostLine[];
  months: SubsidyMonthRow[];
  proposals: ProposalRow[];
  /** 旬 ends evaluated, and those where a side had no rule in force. */
  detectionDates: number;
  detectionGaps: Array<{ asOf: IsoDate; side: 'baseline' | 'scenario'; missing: string[] }>;
  recipients: number;
  distribution: Distribution;
  crossings: Crossing[];
}

const CITY = '230300';
const OBSERVATION_DAYS = 62;

function monthsOf(year: number): IsoMonth[] {
  return Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}` as IsoMonth);
}

/** The last day of each 旬 of the year: the 10th, the 20th, the month's end. */
export function xunEnds(year: number): IsoDate[] {
  return monthsOf(year).flatMap((m) => [`${m}-10`, `${m}-20`, lastDayOfMonth(m)]);
}

interface Paid {
  lines: Map<string, CostLine>;
  byRecipient: Map<string, Fen>;
}

function decideOne(
  figures: IndexFigures,
  rules: PriceRules,
  recipients: readonly RecipientSpan[],
  paid: Paid,
  side: 'baseline' | 'scenario',
): MonthOutcome {
  const thresholds = rules.thresholds(figures.month);
  const settings = rules.subsidy(figures.month);
  if (!thresholds.ok || !settings.ok) {
    return { outcome: 'no_rule', missing: [...(thresholds.ok ? [] : thresholds.missing), ...(settings.ok ? [] : settings.missing)] };
  }

  const decision = decideSubsidyMonth(figures, thresholds.settings, settings.settings);
  if (decision.outcome !== 'decided') return { outcome: 'needs_input', missing: decision.outcome === 'needs_input' ? decision.missing : [] };

  const { paymentMonth, rate, trigger } = decision.result;
  if (rate === null) return { outcome: 'decided', trigger, rate, paymentMonth, cost: 0, recipients: 0, thresholds: thresholds.settings };

  const active = recipients.filter((r) => r.from <= paymentMonth && (r.to === null || r.to >= paymentMonth));
  const list = paymentList(figures.month, paymentMonth, rate, active, settings.settings);
  let count = 0;
  for (const department of list.departments) {
    for (const line of department.lines) {
      count += 1;
      const key = `${line.county}|${line.group}`;
      let cost = paid.lines.get(key);
      if (!cost) {
        cost = {
          area: 'price',
          item: 'temporary_subsidy',
          itemTitle: '价格临时补贴',
          county: line.county,
          category: line.group,
          categoryTitle: line.groupLabel,
          baseline: 0,
          scenario: 0,
          delta: 0,
          entities: 0,
          rules: [SUBSIDY_TRIGGER_RULE, SUBSIDY_AMOUNT_RULE, SUBSIDY_PAYMENT_RULE],
          articles: ['D3 2.3(6)', 'D3 2.4.1(3)', 'D3 2.4.1(4)'],
        };
        paid.lines.set(key, cost);
      }
      cost[side] += line.amount;
      paid.byRecipient.set(line.recipientId, (paid.byRecipient.get(line.recipientId) ?? 0) + line.amount);
    }
  }
  return { outcome: 'decided', trigger, rate, paymentMonth, cost: list.total, recipients: count, thresholds: thresholds.settings };
}

/** The series with each list in date (or month) order, so a date's window is a slice. */
function byDate(series: PriceSeries): PriceSeries {
  const order = <T,>(rows: readonly T[], key: (r: T) => string) => [...rows].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  return {
    items: series.items,
    observations: order(series.observations, (o) => o.date),
    monthly: order(series.monthly, (m) => m.month),
    complaints: order(series.complaints, (c) => c.date),
    panicReports: order(series.panicReports, (p) => p.date),
  };
}

/** The rows of `sorted` with from ≤ key ≤ to (or key < to when `below`). */
function window<T>(sorted: readonly T[], key: (r: T) => string, from: string, to: string, below = false): T[] {
  const first = (bound: string, after: boolean) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const k = key(sorted[mid]!);
      if (k < bound || (after && k === bound)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return sorted.slice(first(from, false), first(to, !below));
}

/**
 * What the detection rules would have been given as of `asOf` (as
 * src/price/services/detection.ts loads it); `series` in date order.
 */
export function detectionInputOn(series: PriceSeries, asOf: IsoDate, settings: DetectionSettings): DetectionInput {
  const month = monthOf(asOf);
  const { baselineFrom } = complaintWindows(asOf, settings.r5);
  // Aggregates are whole months: the current month counts only once it is over.
  const monthOver = asOf === lastDayOfMonth(month);
  return {
    asOf,
    items: series.items,
    observations: window(series.observations, (o) => o.date, addDays(asOf, -OBSERVATION_DAYS), asOf),
    monthly: window(series.monthly, (m) => m.month, '', month, !monthOver),
    complaints: window(series.complaints, (c) => c.date, baselineFrom, asOf),
    panicReports: window(series.panicReports, (p) => p.date, addDays(asOf, -(settings.r6.windowDays - 1)), asOf),
  };
}

function triggerText(o: MonthOutcome): string {
  if (o.outcome === 'no_rule') return '无有效规则';
  if (o.outcome === 'needs_input') return `缺少指数（${o.missing.join('、')}）`;
  return o.rate === null ? '未触发' : `触发（${o.trigger === 'food' ? '食品' : o.trigger === 'both' ? 'CPI 及食品' : 'CPI'} ${formatPercent(o.rate)}）`;
}

const triggered = (o: MonthOutcome) => o.outcome === 'decided' && o.rate !== null;

export function simulatePrice(input: PriceSimulationInput): PriceSimulation {
  const paid = { baseline: { lines: new Map(), byRecipient: new Map() } as Paid, scenario: { lines: new Map(), byRecipient: new Map() } as Paid };
  const months: SubsidyMonthRow[] = [];
  const crossings: Crossing[] = [];
  const inYear = new Set(monthsOf(input.year));

  for (const figures of [...input.indexMonths].filter((f) => inYear.has(f.month)).sort((a, b) => a.month.localeCompare(b.month))) {
    const baseline = decideOne(figures, input.baseline, input.recipients, paid.baseline, 'baseline');
    const scenario = decideOne(figures, input.scenario, input.recipients, paid.scenario, 'scenario');
    months.push({ indexMonth: figures.month, cpi: figures.cpi, food: figures.food, baseline, scenario });
    if (triggered(baseline) === triggered(scenario)) continue;

    crossings.push({
      area: 'price',
      subject: `${figures.month} 指数月`,
      county: CITY,
      kind: `subsidy_month:${triggered(scenario) ? 'in' : 'out'}`,
      title: triggered(scenario) ? '新触发价格临时补贴' : '不再触发价格临时补贴',
      baseline: triggerText(baseline),
      scenario: triggerText(scenario),
      rule: SUBSIDY_TRIGGER_RULE,
      article: 'D3 2.4.1(4)',
    });
  }

  // Both sides' lines on one key, so a county and group paid on one side only shows both amounts.
  const lines = new Map<string, CostLine>();
  for (const side of ['baseline', 'scenario'] as const) {
    for (const [key, line] of paid[side].lines) {
      const merged = lines.get(key) ?? { ...line, baseline: 0, scenario: 0 };
      merged[side] += line[side];
      lines.set(key, merged);
    }
  }
  const recipientsPaid = new Set([...paid.baseline.byRecipient.keys(), ...paid.scenario.byRecipient.keys()]);
  const entitiesOf = (key: string) => {
    const [county, group] = key.split('|');
    return input.recipients.filter((r) => r.county === county && r.group === group && recipientsPaid.has(r.id)).length;
  };
  const costLines = [...lines].map(([key, l]) => ({ ...l, delta: l.scenario - l.baseline, entities: entitiesOf(key) }))
    .sort((a, b) => a.county.localeCompare(b.county) || a.category.localeCompare(b.category));
  const deltas = input.recipients.map((r) => (paid.scenario.byRecipient.get(r.id) ?? 0) - (paid.baseline.byRecipient.get(r.id) ?? 0));

  const proposals = new Map<string, ProposalRow>();
  const detectionGaps: PriceSimulation['detectionGaps'] = [];
  const dates = xunEnds(input.year);
  const series = byDate(input.series);
  for (const asOf of dates) {
    // A date whose detection settings agree on both sides is detected once.
    let last: { key: string; result: ReturnType<typeof detectLevel3> } | undefined;
    for (const side of ['baseline', 'scenario'] as const) {
      const settings = input[side].detection(asOf);
      if (!settings.ok) {
        detectionGaps.push({ asOf, side, missing: settings.missing });
        continue;
      }

      const key = JSON.stringify(settings.settings);
      const result = last?.key === key ? last.result : detectLevel3(detectionInputOn(series, asOf, settings.settings), settings.settings);
      last = { key, result };
      for (const finding of result.findings) {
        const month = monthOf(asOf);
        const key = `${month}|${finding.itemId}`;
        const row = proposals.get(key) ?? {
          month, itemId: finding.itemId, itemName: finding.itemName, baseline: [], scenario: [], baselineFirst: null, scenarioFirst: null, ruleIds: [], text: finding.text,
        };
        if (!row[side].includes(finding.rule)) row[side].push(finding.rule);
        if (!row.ruleIds.includes(finding.ruleId)) row.ruleIds.push(finding.ruleId);
        if (side === 'baseline') row.baselineFirst ??= asOf;
        else row.scenarioFirst ??= asOf;
        if (side === 'scenario') row.text = finding.text;
        proposals.set(key, row);
      }
    }
  }
  const proposalRows = [...proposals.values()].sort((a, b) => a.month.localeCompare(b.month) || a.itemId.localeCompare(b.itemId));
  for (const row of proposalRows) {
    row.baseline.sort();
    row.scenario.sort();
    const was = row.baseline.length > 0;
    const is = row.scenario.length > 0;
    if (was === is) continue;

    crossings.push({
      area: 'price',
      subject: `${row.itemName}（${row.month}）`,
      county: CITY,
      kind: `level3_proposal:${is ? 'in' : 'out'}`,
      title: is ? '新触发较大(三级)预警建议' : '不再触发较大(三级)预警建议',
      baseline: was ? `${row.baseline.join('、')}（${row.baselineFirst}）` : '未触发',
      scenario: is ? `${row.scenario.join('、')}（${row.scenarioFirst}）` : '未触发',
      rule: row.ruleIds.sort().join('、'),
      article: 'D3 1.3',
    });
  }
  crossings.sort((x, y) => x.kind.localeCompare(y.kind) || x.subject.localeCompare(y.subject));

  return {
    year: input.year,
    lines: costLines,
    months,
    proposals: proposalRows,
    detectionDates: dates.length,
    detectionGaps,
    recipients: input.recipients.length,
    distribution: distribution(deltas, input.recipients.length),
    crossings,
  };
}
