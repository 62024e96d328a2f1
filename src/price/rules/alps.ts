/**
 * R4 fallback (D3 1.3): WFP's Alert for Price Spikes. A month's price is
 * compared with a trend fitted by least squares with monthly dummies; ALPS
 * is the residual in residual standard deviations:
 *   P_t = a + b·t (+ c·t²) + Σ d_m·[month = m] + ε,  ALPS_t = ε̂_t / σ̂.
 * Used where the history is too short for IFPA (3 years rather than 4).
 * Statistical, so floating point.
 */
import type { IsoMonth } from '../../core/dates.ts';
import type { MonthlyPrice } from './ifpa.ts';

export type AlpsTrend = 'linear' | 'quadratic';
export type AlpsFit = 'through_current' | 'history_only';
export type AlpsClass = 'normal' | 'stress' | 'alert' | 'crisis';

export interface AlpsSettings {
  trend: AlpsTrend;
  fit: AlpsFit;
  /** Years of monthly history before the month. */
  minYears: number;
  stress: number;
  alert: number;
  crisis: number;
}

export interface AlpsRow {
  month: IsoMonth;
  price: number;
  fitted: number | null;
  alps: number | null;
  class: AlpsClass | null;
}

function monthIndex(month: IsoMonth): number {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

export function classifyAlps(value: number, settings: Pick<AlpsSettings, 'stress' | 'alert' | 'crisis'>): AlpsClass {
  if (value >= settings.crisis) return 'crisis';
  if (value >= settings.alert) return 'alert';
  if (value >= settings.stress) return 'stress';
  return 'normal';
}

function regressors(t: number, calendarMonth: number, trend: AlpsTrend): number[] {
  const row = [1, t];
  if (trend === 'quadratic') row.push(t * t);
  for (let m = 1; m < 12; m += 1) row.push(calendarMonth === m ? 1 : 0);
  return row;
}

/** Solve A x = b by Gaussian elimination with partial pivoting; undefined if singular. */
function solve(a: number[][], b: number[]): number[] | undefined {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let col = 0; col < n; col += 1) {
    let pivot = col;
    for (let r = col + 1; r < n; r += 1) if (Math.abs(m[r]![col]!) > Math.abs(m[pivot]![col]!)) pivot = r;
    if (Math.abs(m[pivot]![col]!) < 1e-12) return undefined;
    [m[col], m[pivot]] = [m[pivot]!, m[col]!];
    for (let r = 0; r < n; r += 1) {
      if (r === col) continue;
      const factor = m[r]![col]! / m[col]![col]!;
      if (factor === 0) continue;
      for (let c = col; c <= n; c += 1) m[r]![c]! -= factor * m[col]![c]!;
    }
  }
  return m.map((row, i) => row[n]! / row[i]!);
}

interface Point {
  t: number;
  calendarMonth: number;
  price: number;
}

/** Fit on `sample`, then the standardised residual of `target`. */
export function alpsOf(sample: readonly Point[], target: Point, trend: AlpsTrend): { fitted: number; alps: number } | undefined {
  const origin = sample.reduce((acc, p) => acc + p.t, 0) / sample.length;
  const rows = sample.map((p) => regressors(p.t - origin, p.calendarMonth, trend));
  const k = rows[0]!.length;
  if (sample.length <= k) return undefined;

  const xtx = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const xty = new Array<number>(k).fill(0);
  rows.forEach((row, i) => {
    for (let r = 0; r < k; r += 1) {
      xty[r]! += row[r]! * sample[i]!.price;
      for (let c = 0; c < k; c += 1) xtx[r]![c]! += row[r]! * row[c]!;
    }
  });
  const beta = solve(xtx, xty);
  if (!beta) return undefined;

  const predict = (row: number[]) => row.reduce((acc, x, i) => acc + x * beta[i]!, 0);
  const ssr = rows.reduce((acc, row, i) => acc + (sample[i]!.price - predict(row)) ** 2, 0);
  const sigma = Math.sqrt(ssr / (sample.length - k));
  const fitted = predict(regressors(target.t - origin, target.calendarMonth, trend));
  return { fitted, alps: (target.price - fitted) / sigma };
}

/** ALPS of every month that has `minYears` of history before it. */
export function alpsSeries(series: readonly MonthlyPrice[], settings: AlpsSettings): AlpsRow[] {
  const points = [...series]
    .sort((a, b) => a.month.localeCompare(b.month))
    .map((p) => ({ month: p.month, t: monthIndex(p.month), calendarMonth: Number(p.month.slice(5, 7)) - 1, price: p.price }));
  if (points.length === 0) return [];
  const first = points[0]!.t;

  return points.map((point, i) => {
    const row: AlpsRow = { month: point.month, price: point.price, fitted: null, alps: null, class: null };
    if (point.t - first < settings.minYears * 12) return row;

    const sample = settings.fit === 'through_current' ? points.slice(0, i + 1) : points.slice(0, i);
    const result = alpsOf(sample, point, settings.trend);
    if (!result || !Number.isFinite(result.alps)) return row;
    return { ...row, fitted: result.fitted, alps: result.alps, class: classifyAlps(result.alps, settings) };
  });
}
