import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { alpsSeries, type AlpsSettings } from '../../src/price/rules/alps.ts';

const settings: AlpsSettings = { trend: 'linear', fit: 'history_only', minYears: 3, stress: 0.25, alert: 1, crisis: 2 };

/**
 * Three years at 10.00 with a year pattern +d, −2d, +d in every month: the
 * pattern sums to zero per calendar month and is orthogonal to the trend
 * (Σ t·e = 144·(0·d − 2d + 2d) = 0), so the fit is exactly 10 with no trend
 * and no seasonal effect; SSR = 12·(1 + 4 + 1)·d² = 72 d² on 36 − 13 = 23
 * degrees of freedom, σ = d·√(72/23). With d = 0.1, a January at 10.50 is
 * 0.5 / (0.1·√(72/23)) = 2.8260 σ above the fit: crisis.
 */
function history(d: number): { month: string; price: number }[] {
  const offsets = [d, -2 * d, d];
  const rows: { month: string; price: number }[] = [];
  for (let year = 0; year < 3; year += 1) {
    for (let m = 1; m <= 12; m += 1) {
      rows.push({ month: `${2019 + year}-${String(m).padStart(2, '0')}`, price: 10 + offsets[year]! });
    }
  }
  return rows;
}

describe('D3 1.3 R4 fallback: WFP alert for price spikes (ALPS)', () => {
  test('a January 0.50 above a flat fitted trend is 2.8260 σ, crisis', () => {
    const rows = alpsSeries([...history(0.1), { month: '2022-01', price: 10.5 }], settings);
    const last = rows.at(-1)!;
    assert.equal(last.fitted!.toFixed(6), '10.000000');
    assert.equal(last.alps!.toFixed(4), (0.5 / (0.1 * Math.sqrt(72 / 23))).toFixed(4));
    assert.equal(last.alps!.toFixed(4), '2.8260');
    assert.equal(last.class, 'crisis');
  });

  test('0.15 above is 0.8478 σ: stress, not alert', () => {
    const last = alpsSeries([...history(0.1), { month: '2022-01', price: 10.15 }], settings).at(-1)!;
    assert.equal(last.alps!.toFixed(4), '0.8478');
    assert.equal(last.class, 'stress');
  });

  test('months with less than three years of history before them have no ALPS', () => {
    const rows = alpsSeries(history(0.1), settings);
    assert.ok(rows.every((r) => r.alps === null));
  });

  test('adding a trend and a seasonal pattern to every price leaves ALPS unchanged', () => {
    const base = [...history(0.1), { month: '2022-01', price: 10.5 }];
    const shifted = base.map((p, t) => ({ month: p.month, price: p.price + 0.03 * t + (Number(p.month.slice(5)) % 4) * 0.2 }));
    const a = alpsSeries(base, settings).at(-1)!.alps!;
    const b = alpsSeries(shifted, settings).at(-1)!.alps!;
    assert.equal(a.toFixed(6), b.toFixed(6));
  });
});
