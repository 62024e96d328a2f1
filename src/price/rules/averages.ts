/**
 * Averages over monitoring points, unrounded. A point's price in a period
 * is the mean of its observations there; an area's price is the mean over
 * its points. “matched” compares only points present in both periods, so a
 * point joining or leaving never shows as a price change (D3 1.3 reading,
 * price.d3.art1_3.average_sample).
 */
import { meanOfRatios, ratioOf, type Ratio } from './exact.ts';
import type { Observation } from './types.ts';

export type Sample = 'matched' | 'all';

export interface AreaAverage {
  average: Ratio;
  points: string[];
}

export interface PeriodComparison {
  previous: AreaAverage;
  current: AreaAverage;
  /** Points that entered the comparison (both periods when matched). */
  points: string[];
}

/** Each point's mean price over the observations given. */
export function pointMeans(observations: readonly Observation[]): Map<string, Ratio> {
  const sums = new Map<string, { sum: number; count: number }>();
  for (const o of observations) {
    const entry = sums.get(o.pointId);
    if (entry) {
      entry.sum += o.priceFen;
      entry.count += 1;
    } else sums.set(o.pointId, { sum: o.priceFen, count: 1 });
  }
  const means = new Map<string, Ratio>();
  for (const [point, { sum, count }] of sums) means.set(point, ratioOf(sum, count));
  return means;
}

export function averageOf(means: ReadonlyMap<string, Ratio>, points?: readonly string[]): AreaAverage | undefined {
  const chosen = (points ?? [...means.keys()]).filter((p) => means.has(p)).sort();
  if (chosen.length === 0) return undefined;
  return { average: meanOfRatios(chosen.map((p) => means.get(p)!)), points: chosen };
}

export function comparePeriods(
  previous: readonly Observation[],
  current: readonly Observation[],
  sample: Sample,
): PeriodComparison | undefined {
  const before = pointMeans(previous);
  const now = pointMeans(current);
  const shared = sample === 'matched' ? [...now.keys()].filter((p) => before.has(p)) : undefined;

  const prev = averageOf(before, shared);
  const cur = averageOf(now, shared);
  if (!prev || !cur) return undefined;
  const points = [...new Set([...prev.points, ...cur.points])].sort();
  return { previous: prev, current: cur, points };
}
