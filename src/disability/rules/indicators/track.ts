/**
 * Monitoring (D1 四(三) 年度监测、中期评估和总结评估): each indicator's value
 * against its 2025 target and against the path to it on the day asked, with
 * an alarm (预警) when a 约束性 indicator is off track and, if so set, a
 * warning (提示) for a 预期性 one. Exact integer comparisons throughout.
 */
import { monthsBetween, type IsoDate } from '../../../core/dates.ts';
import { roundHalfUp } from '../../../core/money.ts';
import type { RuleDeclaration } from '../../../core/params/articles.ts';
import type { Comparison, IndicatorDefinition } from './definitions.ts';
import { formatRate, type IndicatorValue } from './rates.ts';

export const monitoringRule: RuleDeclaration = {
  id: 'd1.s4_3.monitoring',
  articles: ['D1 四(三)', 'D1 专栏1'],
  title: '规划指标年度监测：实际值、目标值、达标路径与约束性指标预警',
};

export interface TrackOptions {
  asOf: IsoDate;
  periodStart: IsoDate;
  targetDate: IsoDate;
  flagExpected: boolean;
  /** Count target for this county when it is not the city's (split or set). */
  countTarget?: number | null;
  /** Income indicator: the allowed gap below GDP growth, bp. */
  inStepTolerance: number;
}

export type TrackStatus = 'met' | 'on_track' | 'off_track' | 'no_data';

export interface PathPoint {
  year: number;
  /** bp for percent, count for count. */
  milestone: number;
}

export interface TrackedIndicator {
  id: IndicatorDefinition['id'];
  number: number;
  label: string;
  kind: IndicatorDefinition['kind'];
  measure: IndicatorDefinition['measure'];
  source: IndicatorDefinition['source'];
  article: string;
  rule: string;
  /** Display values: "99.64" for percent, "1540" for count. */
  value: string | null;
  numerator: number | null;
  denominator: number | null;
  target: string;
  milestone: string | null;
  comparison: Comparison;
  status: TrackStatus;
  flag: 'alarm' | 'warning' | null;
  /** Chinese sentence explaining the status. */
  message: string;
  /** Year-end milestones to 2025. */
  path: PathPoint[];
  /** Count indicators: how many a year are still needed to reach the target. */
  neededPerYear: number | null;
}

function satisfies(comparison: Comparison, left: number, right: number): boolean {
  return comparison === 'above' ? left > right : left >= right;
}

/** Does num/den satisfy the comparison with bp, exactly? */
function rateSatisfies(comparison: Comparison, numerator: number, denominator: number, bp: number): boolean {
  return satisfies(comparison, numerator * 10_000, bp * denominator);
}

/** Months of the plan elapsed by the end of the as-of month, 0 … total. */
function monthsElapsed(options: TrackOptions): { elapsed: number; total: number } {
  const start = options.periodStart.slice(0, 7);
  const total = monthsBetween(start, options.targetDate.slice(0, 7)) + 1;
  const elapsed = Math.min(total, Math.max(0, monthsBetween(start, options.asOf.slice(0, 7)) + 1));
  return { elapsed, total };
}

function pathPoints(options: TrackOptions, at: (elapsed: number, total: number) => number): PathPoint[] {
  const first = Number(options.periodStart.slice(0, 4));
  const last = Number(options.targetDate.slice(0, 4));
  const { total } = monthsElapsed(options);
  const points: PathPoint[] = [];
  for (let year = first; year <= last; year += 1) {
    const elapsed = Math.min(total, monthsBetween(options.periodStart.slice(0, 7), `${year}-12`) + 1);
    points.push({ year, milestone: at(elapsed, total) });
  }
  return points;
}

function flagFor(definition: IndicatorDefinition, offTrack: boolean, options: TrackOptions): TrackedIndicator['flag'] {
  if (!offTrack) return null;
  if (definition.kind === 'binding') return 'alarm';
  return options.flagExpected ? 'warning' : null;
}

function base(definition: IndicatorDefinition) {
  return {
    id: definition.id,
    number: definition.number,
    label: definition.label,
    kind: definition.kind,
    measure: definition.measure,
    source: definition.source,
    article: definition.article,
    rule: definition.rule,
    comparison: definition.comparison,
  };
}

const KIND_WORD = { binding: '约束性', expected: '预期性' } as const;

export function trackIndicator(
  definition: IndicatorDefinition,
  value: IndicatorValue | undefined,
  options: TrackOptions,
): TrackedIndicator {
  if (definition.measure === 'in_step') return trackInStep(definition, value, options);
  if (definition.measure === 'count') return trackCount(definition, value, options);
  return trackPercent(definition, value, options);
}

function trackPercent(definition: IndicatorDefinition, value: IndicatorValue | undefined, options: TrackOptions): TrackedIndicator {
  const target = definition.target!;
  const start = definition.baseline ?? target;
  const line = (elapsed: number, total: number) => start + roundHalfUp((target - start) * elapsed, total);
  const { elapsed, total } = monthsElapsed(options);
  const milestone = line(elapsed, total);
  const common = {
    ...base(definition),
    target: definition.targetText,
    milestone: formatRate(milestone),
    path: pathPoints(options, line),
    neededPerYear: null,
  };

  if (!value || value.measure !== 'percent' || value.value === null) {
    return {
      ...common,
      value: null,
      numerator: value?.measure === 'percent' ? value.numerator : null,
      denominator: value?.measure === 'percent' ? value.denominator : null,
      status: 'no_data',
      flag: null,
      message: value?.measure === 'percent' ? '统计口径内无人，无法计算' : '尚无数据',
    };
  }

  const meetsTarget = rateSatisfies(definition.comparison, value.numerator, value.denominator, target);
  const meetsPath = rateSatisfies(definition.comparison, value.numerator, value.denominator, milestone);
  const status: TrackStatus = meetsTarget ? 'met' : meetsPath ? 'on_track' : 'off_track';
  const shown = formatRate(value.value)!;
  return {
    ...common,
    value: shown,
    numerator: value.numerator,
    denominator: value.denominator,
    status,
    flag: flagFor(definition, status === 'off_track', options),
    message: status === 'off_track'
      ? `${definition.label}为${shown}，未达到${KIND_WORD[definition.kind]}目标${definition.targetText}`
      : `${definition.label}为${shown}，${status === 'met' ? '已达到' : '符合达标路径'}目标${definition.targetText}`,
  };
}

function trackCount(definition: IndicatorDefinition, value: IndicatorValue | undefined, options: TrackOptions): TrackedIndicator {
  const target = options.countTarget === undefined ? definition.target : options.countTarget;
  const count = value?.measure === 'count' ? value.value : null;
  const common = { ...base(definition), numerator: null, denominator: null, value: count === null ? null : String(count) };

  if (target === null) {
    return {
      ...common,
      target: '—',
      milestone: null,
      path: [],
      neededPerYear: null,
      status: 'no_data',
      flag: null,
      message: '本县(市)区未设定目标',
    };
  }

  const line = (elapsed: number, total: number) => roundHalfUp(target * elapsed, total);
  const { elapsed, total } = monthsElapsed(options);
  const milestone = line(elapsed, total);
  const monthsLeft = total - elapsed;
  const remaining = Math.max(0, target - (count ?? 0));
  const neededPerYear = monthsLeft > 0 ? Math.ceil((remaining * 12) / monthsLeft) : remaining;
  const common2 = { ...common, target: String(target), milestone: String(milestone), path: pathPoints(options, line), neededPerYear };

  if (count === null) {
    return { ...common2, status: 'no_data', flag: null, message: '尚无数据' };
  }

  const status: TrackStatus = count >= target ? 'met' : count >= milestone ? 'on_track' : 'off_track';
  return {
    ...common2,
    status,
    flag: flagFor(definition, status === 'off_track', options),
    message: status === 'met'
      ? `累计${count}，已达到目标${target}`
      : status === 'on_track'
        ? `累计${count}，不低于进度要求${milestone}，此后每年还需约${neededPerYear}`
        : `累计${count}，低于${KIND_WORD[definition.kind]}目标的进度要求${milestone}，此后每年需约${neededPerYear}`,
  };
}

function trackInStep(definition: IndicatorDefinition, value: IndicatorValue | undefined, options: TrackOptions): TrackedIndicator {
  const common = {
    ...base(definition),
    target: definition.targetText,
    milestone: null,
    numerator: null,
    denominator: null,
    path: [],
    neededPerYear: null,
  };
  if (!value || value.measure !== 'in_step' || value.value === null || value.gdp === null) {
    return { ...common, value: value?.measure === 'in_step' ? formatRate(value.value) : null, status: 'no_data', flag: null, message: '尚未录入收入增长或地区生产总值增长' };
  }

  const inStep = value.value >= value.gdp - options.inStepTolerance;
  return {
    ...common,
    value: formatRate(value.value),
    status: inStep ? 'on_track' : 'off_track',
    flag: flagFor(definition, !inStep, options),
    message: inStep
      ? `收入增长${formatRate(value.value)}%，与地区生产总值增长${formatRate(value.gdp)}%基本同步`
      : `收入增长${formatRate(value.value)}%，低于地区生产总值增长${formatRate(value.gdp)}%超过${formatRate(options.inStepTolerance)}个百分点`,
  };
}

/**
 * A county's share of a city count target when the county has set none:
 * proportional to its card holders (county_count_target_split), half up.
 */
export function splitCountTarget(cityTarget: number, countyHolders: number, cityHolders: number): number | null {
  if (cityHolders === 0) return null;
  return roundHalfUp(cityTarget * countyHolders, cityHolders);
}
