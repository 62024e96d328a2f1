/**
 * Chinese working-day calendar: weekends, statutory holidays (法定节假日) and
 * make-up working days (调休上班) from the maintained `chinese-days` data.
 * A year the data does not cover is refused rather than guessed, because a
 * deadline computed as if it had no holidays would be wrong by days.
 */
import { createRequire } from 'node:module';

import { addDays, type IsoDate } from './dates.ts';

interface CalendarData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

const require = createRequire(import.meta.url);
const data = require('chinese-days/dist/chinese-days.json') as CalendarData;

const coveredYears = new Set(
  Object.keys(data.holidays).map((date) => Number(date.slice(0, 4))),
);

export type CalendarResult =
  | { ok: true; date: IsoDate }
  | { ok: false; reason: 'year_not_covered'; year: number };

export function calendarCoversYear(year: number): boolean {
  return coveredYears.has(year);
}

export function calendarYears(): number[] {
  return [...coveredYears].sort((a, b) => a - b);
}

/** Working day unless a holiday, or a weekend that is not a make-up day. */
export function isWorkingDay(date: IsoDate): boolean {
  if (date in data.workdays) return true;
  if (date in data.holidays) return false;

  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/**
 * The date `count` working days after `start` (the start day itself is not
 * counted). Refuses when any day passed lies in a year without data.
 */
export function addWorkingDays(start: IsoDate, count: number): CalendarResult {
  let date = start;
  let left = count;

  while (left > 0) {
    date = addDays(date, 1);
    const year = Number(date.slice(0, 4));
    if (!coveredYears.has(year)) {
      return { ok: false, reason: 'year_not_covered', year };
    }
    if (isWorkingDay(date)) left -= 1;
  }
  return { ok: true, date };
}

/** Working days in (from, to]: how many have passed since `from`. */
export function workingDaysBetween(
  from: IsoDate,
  to: IsoDate,
): number | undefined {
  let count = 0;
  for (let date = addDays(from, 1); date <= to; date = addDays(date, 1)) {
    if (!coveredYears.has(Number(date.slice(0, 4)))) return undefined;
    if (isWorkingDay(date)) count += 1;
  }
  return count;
}
