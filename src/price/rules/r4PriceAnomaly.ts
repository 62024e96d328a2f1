/**
 * R4 (D3 1.3): a statistical anomaly of the monthly average. FAO's IFPA
 * where the same month has enough earlier years; fires at IFPA ≥ 1, or
 * ≥ 0.5 in two consecutive months. Where history is shorter, WFP's ALPS
 * stands in and fires from “alert” up.
 */
import type { IsoMonth } from '../../core/dates.ts';
import { addMonthsToMonth } from '../../core/dates.ts';
import { alpsSeries, type AlpsClass, type AlpsSettings } from './alps.ts';
import { ifpaSeries, type AnomalyClass, type IfpaSettings, type MonthlyPrice } from './ifpa.ts';

export const R4_RULE = 'd3.art1_3.r4_price_anomaly';

export interface R4Fire {
  atLeast: number;
  consecutiveAtLeast: number;
  consecutiveMonths: number;
}

export interface R4Settings {
  ifpa: IfpaSettings;
  fire: R4Fire;
  alps: AlpsSettings;
}

export type R4Result =
  | { method: 'ifpa'; month: IsoMonth; value: number; recent: number[]; class: AnomalyClass; years: number; holds: boolean }
  | { method: 'alps'; month: IsoMonth; value: number; class: AlpsClass; holds: boolean };

const ALPS_FIRING: ReadonlySet<AlpsClass> = new Set(['alert', 'crisis']);

/** R4 for `month` of a monthly series; undefined when neither method has enough history. */
export function r4PriceAnomaly(
  series: readonly MonthlyPrice[],
  month: IsoMonth,
  settings: R4Settings,
): R4Result | undefined {
  const upTo = series.filter((p) => p.month <= month);
  if (!upTo.some((p) => p.month === month)) return undefined;

  const rows = new Map(ifpaSeries(upTo, settings.ifpa).map((r) => [r.month, r]));
  const row = rows.get(month)!;
  if (row.ifpa !== null && row.class !== null) {
    const recent: number[] = [];
    for (let k = 0; k < settings.fire.consecutiveMonths; k += 1) {
      const value = rows.get(addMonthsToMonth(month, -k))?.ifpa;
      if (value === null || value === undefined) break;
      recent.unshift(value);
    }
    const consecutive = recent.length === settings.fire.consecutiveMonths &&
      recent.every((v) => v >= settings.fire.consecutiveAtLeast);
    return {
      method: 'ifpa',
      month,
      value: row.ifpa,
      recent,
      class: row.class,
      years: row.years,
      holds: row.ifpa >= settings.fire.atLeast || consecutive,
    };
  }

  const alps = alpsSeries(upTo, settings.alps).at(-1);
  if (!alps || alps.month !== month || alps.alps === null || alps.class === null) return undefined;
  return { method: 'alps', month, value: alps.alps, class: alps.class, holds: ALPS_FIRING.has(alps.class) };
}
