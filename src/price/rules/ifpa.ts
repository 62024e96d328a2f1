/**
 * R4 (D3 1.3): FAO's Indicator of Food Price Anomalies on a monthly price
 * series. Growth over the quarter and over the year, compounded per month:
 *   CQGR_t = (P_t / P_{t−3})^(1/3) − 1,  CAGR_t = (P_t / P_{t−12})^(1/12) − 1.
 * Each is compared with the same calendar month's growth in earlier years:
 * weighted mean m, weighted standard deviation
 *   s = sqrt( Σ w (x − m)² / (Σw · (n − 1) / n) ),
 * weight of year y (oldest = 1) y/Σy, and z = (x − m) / s;
 *   IFPA = 0.4 · z_Q + 0.6 · z_A.
 * A statistical indicator: floating point is right here (prices are not
 * money being paid, and the thresholds are on z-scores).
 */
import type { IsoMonth } from '../../core/dates.ts';

export type IfpaWeights = 'year_weighted' | 'equal';

export type AnomalyClass =
  | 'abnormally_high'
  | 'moderately_high'
  | 'normal'
  | 'moderately_low'
  | 'abnormally_low';

export interface IfpaSettings {
  weights: IfpaWeights;
  /** Earlier years of the same month needed for both growth rates. */
  minYears: number;
  /** |z| at or above which a value is abnormal, and moderate. */
  abnormal: number;
  moderate: number;
}

export interface MonthlyPrice {
  month: IsoMonth;
  price: number;
}

export interface WeightedStats {
  mean: number;
  sd: number;
  n: number;
}

export interface IfpaRow {
  month: IsoMonth;
  price: number;
  cqgr: number | null;
  cagr: number | null;
  zQ: number | null;
  zA: number | null;
  ifpa: number | null;
  class: AnomalyClass | null;
  /** Earlier years the comparison used (the fewer of the two rates). */
  years: number;
}

const QUARTER_SHARE = 0.4;
const ANNUAL_SHARE = 0.6;

/** Weighted mean and the FAO weighted standard deviation, oldest first. */
export function weightedStats(values: readonly number[], weights: IfpaWeights): WeightedStats {
  const n = values.length;
  const raw = values.map((_, i) => (weights === 'year_weighted' ? i + 1 : 1));
  const total = raw.reduce((a, b) => a + b, 0);
  const w = raw.map((r) => r / total);

  const mean = values.reduce((acc, x, i) => acc + w[i]! * x, 0);
  const squares = values.reduce((acc, x, i) => acc + w[i]! * (x - mean) ** 2, 0);
  const sd = n > 1 ? Math.sqrt(squares / ((n - 1) / n)) : Number.NaN;
  return { mean, sd, n };
}

export function classify(value: number, settings: Pick<IfpaSettings, 'abnormal' | 'moderate'>): AnomalyClass {
  if (value >= settings.abnormal) return 'abnormally_high';
  if (value >= settings.moderate) return 'moderately_high';
  if (value <= -settings.abnormal) return 'abnormally_low';
  if (value <= -settings.moderate) return 'moderately_low';
  return 'normal';
}

/** IFPA of one month from its growth rates and the earlier years' rates. */
export function ifpaOf(
  current: { cqgr: number; cagr: number },
  history: { cqgr: readonly number[]; cagr: readonly number[] },
  settings: IfpaSettings,
): { ifpa: number; zQ: number; zA: number; class: AnomalyClass } {
  const q = weightedStats(history.cqgr, settings.weights);
  const a = weightedStats(history.cagr, settings.weights);
  const zQ = (current.cqgr - q.mean) / q.sd;
  const zA = (current.cagr - a.mean) / a.sd;
  const ifpa = QUARTER_SHARE * zQ + ANNUAL_SHARE * zA;
  return { ifpa, zQ, zA, class: classify(ifpa, settings) };
}

function monthIndex(month: IsoMonth): number {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

function growth(prices: Map<number, number>, t: number, lag: number): number | null {
  const now = prices.get(t);
  const then = prices.get(t - lag);
  if (now === undefined || then === undefined || now <= 0 || then <= 0) return null;
  return (now / then) ** (1 / lag) - 1;
}

/**
 * IFPA for every month of a series (months may have gaps: a growth rate
 * that needs a missing month is null). History is the earlier years only,
 * so the value of a month never changes when later data arrive.
 */
export function ifpaSeries(series: readonly MonthlyPrice[], settings: IfpaSettings): IfpaRow[] {
  const prices = new Map(series.map((p) => [monthIndex(p.month), p.price]));
  const sorted = [...series].sort((a, b) => a.month.localeCompare(b.month));
  const rates = new Map<number, { cqgr: number | null; cagr: number | null }>();
  for (const p of sorted) {
    const t = monthIndex(p.month);
    rates.set(t, { cqgr: growth(prices, t, 3), cagr: growth(prices, t, 12) });
  }

  const first = sorted.length > 0 ? monthIndex(sorted[0]!.month) : 0;
  return sorted.map((p) => {
    const t = monthIndex(p.month);
    const { cqgr, cagr } = rates.get(t)!;
    const pastQ: number[] = [];
    const pastA: number[] = [];
    for (let earlier = t - 12; earlier >= first; earlier -= 12) {
      const r = rates.get(earlier);
      if (r?.cqgr != null) pastQ.unshift(r.cqgr);
      if (r?.cagr != null) pastA.unshift(r.cagr);
    }
    const years = Math.min(pastQ.length, pastA.length);
    const row: IfpaRow = { month: p.month, price: p.price, cqgr, cagr, zQ: null, zA: null, ifpa: null, class: null, years };
    if (cqgr === null || cagr === null || years < settings.minYears) return row;

    const result = ifpaOf({ cqgr, cagr }, { cqgr: pastQ, cagr: pastA }, settings);
    return { ...row, zQ: result.zQ, zA: result.zA, ifpa: result.ifpa, class: result.class };
  });
}
