/**
 * A chain of observation dates for one item in one area: each step links a
 * date to the one before by the ratio of their averages (matched points, or
 * all). R2 reads the last step, R3 a run of rising steps.
 */
import { averageOf, pointMeans, type Sample } from './averages.ts';
import { ratioOf, type Ratio } from './exact.ts';
import type { Observation } from './types.ts';

export interface ChainStep {
  previousDate: string;
  date: string;
  previous: Ratio;
  current: Ratio;
  /** current / previous */
  relative: Ratio;
  points: string[];
}

export function chainSteps(observations: readonly Observation[], sample: Sample): ChainStep[] {
  const byDate = new Map<string, Observation[]>();
  for (const o of observations) {
    const list = byDate.get(o.date);
    if (list) list.push(o);
    else byDate.set(o.date, [o]);
  }
  const dates = [...byDate.keys()].sort();
  const means = dates.map((d) => pointMeans(byDate.get(d)!));

  const steps: ChainStep[] = [];
  for (let i = 1; i < dates.length; i += 1) {
    const before = means[i - 1]!;
    const now = means[i]!;
    const shared = sample === 'matched' ? [...now.keys()].filter((p) => before.has(p)) : undefined;
    const prev = averageOf(before, shared);
    const cur = averageOf(now, shared);
    if (!prev || !cur || prev.average.num <= 0n) continue;

    steps.push({
      previousDate: dates[i - 1]!,
      date: dates[i]!,
      previous: prev.average,
      current: cur.average,
      relative: ratioOf(cur.average.num * prev.average.den, cur.average.den * prev.average.num),
      points: [...new Set([...prev.points, ...cur.points])].sort(),
    });
  }
  return steps;
}
