/**
 * Implausible prices are held for a person to confirm (D3 1.4(1) 不错报):
 * outside the item's band, or further from the previous average than the
 * allowed change. Held prices stay out of every average until confirmed.
 */
import { formatPercent, formatYuan, type BasisPoints, type Fen } from '../../core/money.ts';

export const PLAUSIBILITY_RULE = 'd3.art1_4.plausibility_hold';

export type Plausibility = { hold: false } | { hold: true; reason: string };

export function plausibility(
  priceFen: Fen,
  band: { plausibleMinFen: Fen | null; plausibleMaxFen: Fen | null },
  reference: Fen | null,
  maxChange: BasisPoints,
): Plausibility {
  if (band.plausibleMinFen !== null && priceFen < band.plausibleMinFen) {
    return { hold: true, reason: `低于该品种合理价格下限 ${formatYuan(band.plausibleMinFen)} 元` };
  }
  if (band.plausibleMaxFen !== null && priceFen > band.plausibleMaxFen) {
    return { hold: true, reason: `高于该品种合理价格上限 ${formatYuan(band.plausibleMaxFen)} 元` };
  }
  if (reference !== null && reference > 0 &&
      Math.abs(priceFen - reference) * 10_000 > maxChange * reference) {
    return { hold: true, reason: `较上期均价 ${formatYuan(reference)} 元变动超过 ${formatPercent(maxChange)}` };
  }
  return { hold: false };
}
