/**
 * R1 (D3 1.3): the ten-day (旬环比) change of the retail average, at or above
 * a category's threshold. Yellow proposes level 3; red is shown as marked.
 * Compared exactly: the averages are unrounded fractions of fen.
 */
import type { BasisPoints } from '../../core/money.ts';
import { changeAtLeast, relativeChange, toBasisPoints, type Ratio } from './exact.ts';
import type { Category } from './types.ts';

export const R1_RULE = 'd3.art1_3.r1_ten_day_change';

export type Light = 'none' | 'yellow' | 'red';

export interface LightThresholds {
  yellow: BasisPoints;
  red: BasisPoints;
}

export type R1Thresholds = Partial<Record<Category, LightThresholds>>;

export interface R1Result {
  change: Ratio;
  /** Rounded half up, for display only. */
  changeBp: BasisPoints;
  light: Light;
  thresholds: LightThresholds;
}

/** undefined when R1 does not watch the category. */
export function r1Light(
  category: Category,
  previous: Ratio,
  current: Ratio,
  thresholds: R1Thresholds,
): R1Result | undefined {
  const own = thresholds[category];
  if (!own) return undefined;

  const change = relativeChange(previous, current);
  const light: Light = changeAtLeast(change, own.red)
    ? 'red'
    : changeAtLeast(change, own.yellow)
      ? 'yellow'
      : 'none';
  return { change, changeBp: toBasisPoints(change), light, thresholds: own };
}
