/**
 * Exact ratios for price comparisons. Averages are kept unrounded as
 * fractions of integer fen, and a change is compared with a threshold in
 * basis points by cross-multiplying in BigInt, so 4.00 -> 4.60 is exactly
 * +15.00% (binary floating point makes it 14.999…%).
 */
import type { BasisPoints, Fen } from '../../core/money.ts';

/** num / den with den > 0. */
export interface Ratio {
  num: bigint;
  den: bigint;
}

const BP = 10_000n;

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

function reduce(num: bigint, den: bigint): Ratio {
  if (den === 0n) throw new RangeError('ratio with zero denominator');
  const sign = den < 0n ? -1n : 1n;
  const g = gcd(num, den) || 1n;
  return { num: (sign * num) / g, den: (sign * den) / g };
}

export function ratioOf(num: number | bigint, den: number | bigint = 1): Ratio {
  return reduce(BigInt(num), BigInt(den));
}

export function fenRatio(fen: Fen): Ratio {
  return { num: BigInt(fen), den: 1n };
}

export function addRatios(a: Ratio, b: Ratio): Ratio {
  return reduce(a.num * b.den + b.num * a.den, a.den * b.den);
}

export function divideRatio(a: Ratio, by: number | bigint): Ratio {
  return reduce(a.num, a.den * BigInt(by));
}

/** The arithmetic mean of ratios, unrounded. */
export function meanOfRatios(values: readonly Ratio[]): Ratio {
  if (values.length === 0) throw new RangeError('mean of nothing');
  let sum: Ratio = { num: 0n, den: 1n };
  for (const value of values) sum = addRatios(sum, value);
  return divideRatio(sum, values.length);
}

export function compareRatios(a: Ratio, b: Ratio): number {
  const left = a.num * b.den;
  const right = b.num * a.den;
  return left < right ? -1 : left > right ? 1 : 0;
}

/** current / previous − 1 as an exact ratio; previous must be positive. */
export function relativeChange(previous: Ratio, current: Ratio): Ratio {
  if (previous.num <= 0n) throw new RangeError('change against a non-positive price');
  return reduce(current.num * previous.den - previous.num * current.den, previous.num * current.den);
}

/** change ≥ threshold (basis points), exactly. */
export function changeAtLeast(change: Ratio, threshold: BasisPoints): boolean {
  return change.num * BP >= BigInt(threshold) * change.den;
}

/** change > threshold (basis points), exactly. */
export function changeAbove(change: Ratio, threshold: BasisPoints): boolean {
  return change.num * BP > BigInt(threshold) * change.den;
}

/** A ratio as basis points rounded half up (away from zero), for display. */
export function toBasisPoints(change: Ratio): BasisPoints {
  return roundBig(change.num * BP, change.den);
}

/** A price ratio in fen rounded half up to whole fen, for display. */
export function toFen(price: Ratio): Fen {
  return roundBig(price.num, price.den);
}

/** For statistics that are floating point by nature (IFPA, ALPS). */
export function toNumber(value: Ratio): number {
  return Number(value.num) / Number(value.den);
}

function roundBig(num: bigint, den: bigint): number {
  const negative = num < 0n;
  const abs = negative ? -num : num;
  const quotient = abs / den;
  const rest = abs - quotient * den;
  const rounded = rest * 2n >= den ? quotient + 1n : quotient;
  const result = Number(negative ? -rounded : rounded);
  return result === 0 ? 0 : result;
}

/** Basis points as a percent with two decimals: 1519 -> "15.19". */
export function formatChangePercent(bp: BasisPoints): string {
  const sign = bp < 0 ? '-' : '';
  const abs = Math.abs(bp);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** A price ratio in fen shown in yuan with `decimals` places, half up. */
export function formatYuanRatio(price: Ratio, decimals = 2): string {
  const scale = 10n ** BigInt(decimals);
  const units = roundBig(price.num * scale, price.den * 100n);
  const sign = units < 0 ? '-' : '';
  const abs = Math.abs(units);
  const whole = Math.floor(abs / Number(scale));
  const fraction = String(abs % Number(scale)).padStart(decimals, '0');
  return decimals > 0 ? `${sign}${whole}.${fraction}` : `${sign}${whole}`;
}
