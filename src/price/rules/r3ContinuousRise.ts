/**
 * R3 (D3 1.3): a continuous rise within a window adding up to more than a
 * limit (grain and oil: within 10 days more than 10%; medicines and fuel:
 * within a month more than 20%). The run is the rising steps that end at
 * the latest observation and start inside the window; its cumulative change
 * is the product of the steps, kept exact.
 */
import { addDays, addMonths } from '../../core/dates.ts';
import type { BasisPoints } from '../../core/money.ts';
import type { ChainStep } from './chain.ts';
import { changeAbove, ratioOf, toBasisPoints, type Ratio } from './exact.ts';
import type { Category } from './types.ts';

export const R3_RULE = 'd3.art1_3.r3_continuous_rise';

export interface R3Limit {
  categories: Category[];
  windowDays?: number;
  windowMonths?: number;
  above: BasisPoints;
}

export interface R3Result {
  holds: boolean;
  rises: number;
  from: string;
  to: string;
  change: Ratio;
  changeBp: BasisPoints;
  limit: R3Limit;
  points: string[];
}

function windowStart(latest: string, limit: R3Limit): string {
  if (limit.windowMonths !== undefined) return addMonths(latest, -limit.windowMonths);
  return addDays(latest, -(limit.windowDays ?? 0));
}

export function r3ContinuousRise(
  category: Category,
  steps: readonly ChainStep[],
  since: string,
  limits: readonly R3Limit[],
  minRises: number,
): R3Result | undefined {
  const limit = limits.find((l) => l.categories.includes(category));
  const last = steps.at(-1);
  if (!limit || !last || last.date < since) return undefined;

  const start = windowStart(last.date, limit);
  let num = 1n;
  let den = 1n;
  let rises = 0;
  let from = last.date;
  const points = new Set<string>();
  for (let i = steps.length - 1; i >= 0; i -= 1) {
    const step = steps[i]!;
    const contiguous = i === steps.length - 1 || step.date === steps[i + 1]!.previousDate;
    const rising = step.relative.num > step.relative.den;
    if (!contiguous || !rising || step.previousDate < start) break;

    num *= step.relative.num;
    den *= step.relative.den;
    rises += 1;
    from = step.previousDate;
    for (const p of step.points) points.add(p);
  }

  const change = ratioOf(num - den, den);
  return {
    holds: rises >= minRises && changeAbove(change, limit.above),
    rises,
    from,
    to: last.date,
    change,
    changeBp: toBasisPoints(change),
    limit,
    points: [...points].sort(),
  };
}
