/**
 * Money is integer fen (分). One rounding rule, half up (away from zero on
 * exact halves), lives in `roundHalfUp`; every conversion and every rate
 * applied to an amount goes through it.
 */

export type Fen = number;

/** A rate in basis points of one (1% = 100 bp, 100% = 10 000 bp). */
export type BasisPoints = number;

export const BP_ONE = 10_000;

const YUAN_PATTERN = /^(-)?(\d{1,13})(?:\.(\d{1,2}))?$/;

/** Integer division of num by den rounded half up (away from zero). */
export function roundHalfUp(num: number, den: number): number {
  if (!Number.isSafeInteger(num) || !Number.isSafeInteger(den) || den <= 0) {
    throw new RangeError(`roundHalfUp needs safe integers, got ${num}/${den}`);
  }

  const sign = num < 0 ? -1 : 1;
  const abs = Math.abs(num);
  const quotient = Math.floor(abs / den);
  const remainder = abs - quotient * den;
  const rounded = remainder * 2 >= den ? quotient + 1 : quotient;
  return sign * rounded || 0;
}

/** Parse "1440.00", "1440.5" or "1440" yuan into fen; undefined if malformed. */
export function parseYuan(text: string): Fen | undefined {
  const match = YUAN_PATTERN.exec(text.trim());
  if (!match) return undefined;

  const [, minus, whole, fraction = ''] = match;
  const fen = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  return minus ? -fen : fen;
}

/** Like parseYuan but throws; for trusted data such as parameter files. */
export function yuan(text: string): Fen {
  const fen = parseYuan(text);
  if (fen === undefined) throw new RangeError(`not a yuan amount: ${text}`);
  return fen;
}

/** Format fen as yuan with two decimals: 144000 -> "1440.00". */
export function formatYuan(fen: Fen): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const cents = String(abs % 100).padStart(2, '0');
  return `${sign}${Math.floor(abs / 100)}.${cents}`;
}

/** Apply a rate to an amount: fen x bp / 10 000, rounded half up. */
export function applyRate(fen: Fen, rate: BasisPoints): Fen {
  return roundHalfUp(fen * rate, BP_ONE);
}

/** Parse a percent such as "70", "-10" or "2.5" into basis points. */
export function parsePercent(text: string): BasisPoints | undefined {
  const match = /^(-)?(\d{1,5})(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!match) return undefined;

  const [, minus, whole, fraction = ''] = match;
  const bp = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  return minus ? -bp : bp;
}

export function formatPercent(bp: BasisPoints): string {
  const sign = bp < 0 ? '-' : '';
  const abs = Math.abs(bp);
  const fraction = abs % 100;
  const whole = Math.floor(abs / 100);
  return fraction === 0
    ? `${sign}${whole}%`
    : `${sign}${whole}.${String(fraction).padStart(2, '0').replace(/0$/, '')}%`;
}

export function minFen(...amounts: Fen[]): Fen {
  return Math.min(...amounts);
}

export function clampNonNegative(fen: Fen): Fen {
  return fen > 0 ? fen : 0;
}

/**
 * Split `total` in proportion to `weights` so that the parts add up exactly:
 * each part is floored, then the fen left over go to the largest remainders
 * (ties to the earlier entry).
 */
export function allocateByLargestRemainder(
  total: Fen,
  weights: readonly number[],
): Fen[] {
  const sum = weights.reduce((acc, w) => acc + w, 0);
  if (sum <= 0) return weights.map(() => 0);

  const parts = weights.map((w) => {
    const big = BigInt(total) * BigInt(w);
    const floor = big / BigInt(sum);
    return { floor: Number(floor), rest: Number(big - floor * BigInt(sum)) };
  });
  let left = total - parts.reduce((acc, p) => acc + p.floor, 0);
  const order = parts
    .map((p, index) => ({ index, rest: p.rest }))
    .sort((a, b) => b.rest - a.rest || a.index - b.index);
  const result = parts.map((p) => p.floor);
  for (const { index } of order) {
    if (left <= 0) break;
    result[index]! += 1;
    left -= 1;
  }
  return result;
}

const DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const SMALL_UNITS = ['', '拾', '佰', '仟'];
const BIG_UNITS = ['', '万', '亿', '兆'];

/** Amount in Chinese capitals (大写) as printed on bills: 1440.50 -> 壹仟肆佰肆拾元伍角. */
export function toChineseCapital(fen: Fen): string {
  if (fen < 0) return `负${toChineseCapital(-fen)}`;
  if (fen === 0) return '零元整';

  const yuanPart = Math.floor(fen / 100);
  const jiao = Math.floor((fen % 100) / 10);
  const cents = fen % 10;
  let text = '';

  if (yuanPart > 0) {
    const groups: number[] = [];
    for (let rest = yuanPart; rest > 0; rest = Math.floor(rest / 10_000)) {
      groups.push(rest % 10_000);
    }
    let pendingZero = false;
    for (let g = groups.length - 1; g >= 0; g -= 1) {
      const group = groups[g]!;
      if (group === 0) {
        pendingZero = text.length > 0;
        continue;
      }
      if (text.length > 0 && (group < 1000 || pendingZero)) text += '零';
      pendingZero = false;
      let zero = false;
      let groupText = '';
      for (let d = 3; d >= 0; d -= 1) {
        const digit = Math.floor(group / 10 ** d) % 10;
        if (digit === 0) {
          zero = groupText.length > 0;
          continue;
        }
        if (zero) groupText += '零';
        zero = false;
        groupText += DIGITS[digit]! + SMALL_UNITS[d]!;
      }
      text += groupText + BIG_UNITS[g]!;
    }
    text += '元';
  }

  if (jiao === 0 && cents === 0) return `${text}整`;
  if (jiao > 0) text += `${DIGITS[jiao]}角`;
  else if (yuanPart > 0) text += '零';
  if (cents > 0) text += `${DIGITS[cents]}分`;
  return text;
}
