/**
 * R5 (D3 1.3 “投诉举报数量明显增加”, D3 3.3 12315): complaints about an item in
 * the last 7 days at least twice the weekly mean of the 4 weeks before, and
 * at least 10. Integer arithmetic: recent · weeks · 7 · 10 000 ≥ ratio ·
 * baseline · windowDays.
 */
import { addDays, type IsoDate } from '../../core/dates.ts';
import type { BasisPoints } from '../../core/money.ts';
import type { ComplaintCount } from './types.ts';

export const R5_RULE = 'd3.art1_3.r5_complaints';

export interface R5Settings {
  windowDays: number;
  baselineWeeks: number;
  ratio: BasisPoints;
  minCount: number;
}

export interface R5Result {
  holds: boolean;
  recent: number;
  baseline: number;
  /** Baseline scaled to one window, rounded to 2 decimals for display. */
  baselinePerWindow: string;
  recentFrom: IsoDate;
  baselineFrom: IsoDate;
  counties: string[];
}

export function complaintWindows(asOf: IsoDate, settings: Pick<R5Settings, 'windowDays' | 'baselineWeeks'>) {
  const recentFrom = addDays(asOf, -(settings.windowDays - 1));
  const baselineFrom = addDays(recentFrom, -settings.baselineWeeks * 7);
  return { recentFrom, baselineFrom, baselineTo: addDays(recentFrom, -1) };
}

export function r5Complaints(counts: readonly ComplaintCount[], asOf: IsoDate, settings: R5Settings): R5Result {
  const { recentFrom, baselineFrom } = complaintWindows(asOf, settings);
  let recent = 0;
  let baseline = 0;
  const counties = new Set<string>();
  for (const c of counts) {
    if (c.date > asOf || c.date < baselineFrom) continue;
    if (c.date >= recentFrom) {
      recent += c.count;
      if (c.count > 0) counties.add(c.county);
    } else baseline += c.count;
  }

  const days = settings.baselineWeeks * 7;
  const holds = recent >= settings.minCount &&
    BigInt(recent) * BigInt(days) * 10_000n >= BigInt(settings.ratio) * BigInt(baseline) * BigInt(settings.windowDays);
  const scaled = Math.round((baseline * settings.windowDays * 100) / days) / 100;
  return { holds, recent, baseline, baselinePerWindow: scaled.toFixed(2), recentFrom, baselineFrom, counties: [...counties].sort() };
}
