/**
 * R2 (D3 1.3): a one-off rise against the previous observation above the
 * category's limit (national price-warning rule: grain, oil, meat and eggs
 * above 5%; refined oil, coal, fertiliser, medicines and LPG above 10%).
 */
import type { BasisPoints } from '../../core/money.ts';
import type { ChainStep } from './chain.ts';
import { changeAbove, ratioOf, toBasisPoints, type Ratio } from './exact.ts';
import type { Category } from './types.ts';

export const R2_RULE = 'd3.art1_3.r2_one_off_rise';

export interface R2Limit {
  categories: Category[];
  above: BasisPoints;
}

export interface R2Result {
  holds: boolean;
  step: ChainStep;
  change: Ratio;
  changeBp: BasisPoints;
  above: BasisPoints;
}

export function r2Limit(category: Category, limits: readonly R2Limit[]): BasisPoints | undefined {
  return limits.find((l) => l.categories.includes(category))?.above;
}

/** The last step, if it falls on or after `since`; undefined when R2 has nothing to read. */
export function r2OneOffRise(
  category: Category,
  steps: readonly ChainStep[],
  since: string,
  limits: readonly R2Limit[],
): R2Result | undefined {
  const above = r2Limit(category, limits);
  const step = steps.at(-1);
  if (above === undefined || !step || step.date < since) return undefined;

  const change = ratioOf(step.relative.num - step.relative.den, step.relative.den);
  return { holds: changeAbove(change, above), step, change, changeBp: toBasisPoints(change), above };
}
