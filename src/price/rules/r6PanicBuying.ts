/**
 * R6 (D3 3.2.3 市场巡查): a verified report of panic buying (争购, 抢购, 脱销)
 * from a market patrol proposes level 3 on its own.
 */
import { addDays, type IsoDate } from '../../core/dates.ts';
import type { PanicReport } from './types.ts';

export const R6_RULE = 'd3.art3_2_3.r6_panic_buying';

export interface R6Settings {
  minReports: number;
  windowDays: number;
}

export interface R6Result {
  holds: boolean;
  reports: PanicReport[];
  counties: string[];
}

export function r6PanicBuying(reports: readonly PanicReport[], asOf: IsoDate, settings: R6Settings): R6Result {
  const from = addDays(asOf, -(settings.windowDays - 1));
  const inWindow = reports.filter((r) => r.date >= from && r.date <= asOf);
  return {
    holds: inWindow.length >= settings.minReports,
    reports: inWindow,
    counties: [...new Set(inWindow.map((r) => r.county))].sort(),
  };
}
