/**
 * Monitoring periods: the 旬 (days 1–10, 11–20, 21–end of month) the offices'
 * forms are kept in, and calendar weeks for weekly tasks.
 */
import { addDays, lastDayOfMonth, type IsoDate } from '../../core/dates.ts';

export interface Xun {
  /** "2022-09-1" (上旬), "-2" (中旬), "-3" (下旬). */
  key: string;
  start: IsoDate;
  end: IsoDate;
}

const XUN_LABELS = ['上旬', '中旬', '下旬'];

export function xunOf(date: IsoDate): Xun {
  const day = Number(date.slice(8, 10));
  const month = date.slice(0, 7);
  const part = day <= 10 ? 1 : day <= 20 ? 2 : 3;
  const start = `${month}-${part === 1 ? '01' : part === 2 ? '11' : '21'}`;
  const end = part === 1 ? `${month}-10` : part === 2 ? `${month}-20` : lastDayOfMonth(month);
  return { key: `${month}-${part}`, start, end };
}

export function previousXun(xun: Xun): Xun {
  return xunOf(addDays(xun.start, -1));
}

export function xunLabel(xun: Xun): string {
  return `${xun.key.slice(0, 4)}年${Number(xun.key.slice(5, 7))}月${XUN_LABELS[Number(xun.key.slice(8)) - 1]}`;
}

/** ISO weekday, 1 = Monday … 7 = Sunday. */
export function weekday(date: IsoDate): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

/** The calendar week containing `date` that ends on `endWeekday`. */
export function weekOf(date: IsoDate, endWeekday: number): { start: IsoDate; end: IsoDate } {
  const offset = (endWeekday - weekday(date) + 7) % 7;
  const end = addDays(date, offset);
  return { start: addDays(end, -6), end };
}
