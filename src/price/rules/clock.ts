/**
 * Instants for deadlines measured in minutes and hours (D3 4.1, 3.1.3(2)):
 * epoch milliseconds inside, ISO strings with the Beijing offset outside
 * ("2022-09-05T09:30:00+08:00"). A time written without an offset is a
 * Beijing wall-clock time, as on a duty log.
 */
import { isIsoDate, type IsoDate } from '../../core/dates.ts';

export type Instant = string;

const BEIJING_MS = 8 * 3_600_000;
const INSTANT = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/;

export function parseInstant(text: string): number | undefined {
  const match = INSTANT.exec(text.trim());
  if (!match) return undefined;

  const [, date, hh, mm, ss = '00', zone] = match;
  const offset = zone === undefined ? '+08:00' : zone === 'Z' ? 'Z' : zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
  if (!isIsoDate(date!) || Number(hh) > 23 || Number(mm) > 59 || Number(ss) > 59) return undefined;
  const ms = Date.parse(`${date}T${hh}:${mm}:${ss}${offset}`);
  return Number.isNaN(ms) ? undefined : ms;
}

export function formatInstant(ms: number): Instant {
  return `${new Date(ms + BEIJING_MS).toISOString().slice(0, 19)}+08:00`;
}

export function beijingDate(ms: number): IsoDate {
  return new Date(ms + BEIJING_MS).toISOString().slice(0, 10);
}

/** The instant of a Beijing wall-clock time on a day: ("2022-09-05", "12:00"). */
export function instantOn(date: IsoDate, time: string): number {
  return Date.parse(`${date}T${time}:00+08:00`);
}

export function minutes(n: number): number {
  return n * 60_000;
}

/** Now, or the instant given, as ISO; throws nothing (a bad text gives undefined). */
export function instantOrNow(text: string | undefined, now: number = Date.now()): number | undefined {
  return text === undefined ? now : parseInstant(text);
}
