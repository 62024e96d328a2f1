/**
 * The next comprehensive drill (D3 7.1: 至少每3年进行1次综合应急演练). The
 * interval runs from the last comprehensive drill held; before the first,
 * from the day the plan took effect (the parameter's first version), so a
 * city that never drilled is due three years after 2022-08-23.
 */
import { addMonths, daysBetween, type IsoDate } from '../../core/dates.ts';

export const DRILL_DUE_RULE = 'd3.art7_1.drill_due';

export interface Drill {
  date: IsoDate;
  kind: 'comprehensive' | 'tabletop' | 'field';
}

export interface DrillStatus {
  /** The last comprehensive drill, or null before the first. */
  lastComprehensive: IsoDate | null;
  /** What the interval counts from. */
  basis: IsoDate;
  /** The last day the next comprehensive drill may be held. */
  due: IsoDate;
  overdue: boolean;
  daysLeft: number;
  article: string;
}

export function drillStatus(drills: readonly Drill[], asOf: IsoDate, intervalYears: number, planFrom: IsoDate): DrillStatus {
  const held = drills
    .filter((d) => d.kind === 'comprehensive' && d.date <= asOf)
    .map((d) => d.date)
    .sort();
  const last = held.at(-1) ?? null;
  const basis = last ?? planFrom;

  // At the latest on the same date `intervalYears` on (29 February → 28th).
  const due = addMonths(basis, intervalYears * 12);
  const daysLeft = daysBetween(asOf, due);
  return { lastComprehensive: last, basis, due, overdue: asOf > due, daysLeft, article: 'D3 7.1' };
}
