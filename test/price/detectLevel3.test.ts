import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { loadParams } from '../../src/platform/context.ts';
import { applyBreadthGuard } from '../../src/price/rules/breadthGuard.ts';
import { detectLevel3, type DetectionInput } from '../../src/price/rules/detectLevel3.ts';
import type { MonthlyAggregate } from '../../src/price/rules/types.ts';
import { detectionSettings } from '../../src/price/services/settings.ts';
import { exampleCsv } from './examples.ts';
import { at, item, obs } from './fixtures.ts';

const loaded = detectionSettings(loadParams(), '2022-09-15');
assert.ok(loaded.ok);
const settings = loaded.settings;

function run(partial: Partial<DetectionInput>) {
  return detectLevel3({ asOf: '2022-09-15', items: [], observations: [], monthly: [], complaints: [], panicReports: [], ...partial }, settings);
}

describe('D3 1.3 breadth guard', () => {
  const outcome = (area: string, points: number, holds: boolean) =>
    ({ area, points: Array.from({ length: points }, (_, i) => `${area}-${i}`), holds, values: {} });

  test('city average of 3 points holding: fires on the city', () => {
    assert.equal(applyBreadthGuard(outcome('city', 3, true), [], settings.breadth).scope, 'city');
  });

  test('city average of 2 points holding, one county: does not fire', () => {
    const r = applyBreadthGuard(outcome('city', 2, true), [outcome('230302', 2, true)], settings.breadth);
    assert.equal(r.fires, false);
  });

  test('two counties holding while the city average does not: fires on the counties', () => {
    const r = applyBreadthGuard(outcome('city', 5, false), [outcome('230302', 1, true), outcome('230321', 1, true)], settings.breadth);
    assert.equal(r.scope, 'counties');
  });
});

describe('D3 1.3 detecting a level-3 proposal', () => {
  const rice = item('rice', 'grain', { name: '粳米' });

  test('grain 2.50 -> 2.55 at three points of the city: R1 yellow, points and values named', () => {
    const r = run({
      items: [rice],
      observations: [...at(['p1', 'p2', 'p3'], 'rice', '2022-09-05', 250), ...at(['p1', 'p2', 'p3'], 'rice', '2022-09-12', 255)],
    });
    assert.equal(r.proposes, true);
    const f = r.findings.find((x) => x.rule === 'R1')!;
    assert.equal(f.itemId, 'rice');
    assert.equal(f.scope, 'city');
    assert.equal(f.light, 'yellow');
    assert.deepEqual(f.points, ['p1', 'p2', 'p3']);
    assert.equal(f.areas[0]!.values.changePercent, '2.00');
    assert.equal(f.areas[0]!.values.previousAverage, '2.50');
    assert.equal(f.areas[0]!.values.currentAverage, '2.55');
  });

  test('the same rise at two points only: held back by the breadth guard, noted', () => {
    const r = run({
      items: [rice],
      observations: [...at(['p1', 'p2'], 'rice', '2022-09-05', 250), ...at(['p1', 'p2'], 'rice', '2022-09-12', 255)],
    });
    assert.equal(r.proposes, false);
    assert.equal(r.notes[0]?.rule, 'R1');
  });

  test('pork +5% at one point in each of two counties: fires on the counties', () => {
    const pork = item('pork', 'pork');
    const r = run({
      items: [pork],
      observations: [
        obs('p4', 'pork', '2022-09-05', 1300), obs('p4', 'pork', '2022-09-12', 1365),
        obs('p5', 'pork', '2022-09-05', 1300), obs('p5', 'pork', '2022-09-12', 1365),
        ...at(['p1', 'p2', 'p3'], 'pork', '2022-09-05', 1300), ...at(['p1', 'p2', 'p3'], 'pork', '2022-09-12', 1300),
      ],
    });
    const f = r.findings.find((x) => x.rule === 'R1')!;
    assert.equal(f.scope, 'counties');
    assert.deepEqual(f.counties, ['230321', '230381']);
    assert.deepEqual(f.points, ['p4', 'p5']);
  });

  test('vegetable basket: cabbage 2.00 -> 2.80, potato 6.00 flat: basket mean price 4.00 -> 4.40 is +10%, yellow', () => {
    const cabbage = item('cabbage', 'vegetables');
    const potato = item('potato', 'vegetables');
    const r = run({
      items: [cabbage, potato],
      observations: [
        ...at(['p1', 'p2', 'p3'], 'cabbage', '2022-09-05', 200), ...at(['p1', 'p2', 'p3'], 'cabbage', '2022-09-12', 280),
        ...at(['p1', 'p2', 'p3'], 'potato', '2022-09-05', 600), ...at(['p1', 'p2', 'p3'], 'potato', '2022-09-12', 600),
      ],
    });
    const basket = r.findings.filter((x) => x.rule === 'R1');
    assert.equal(basket.length, 1);
    assert.equal(basket[0]!.itemId, 'vegetable_basket');
    assert.equal(basket[0]!.areas[0]!.values.changePercent, '10.00');
    assert.equal(basket[0]!.light, 'yellow');
  });

  test('a government-set price raised 20% on schedule raises no alarm', () => {
    const water = item('water', 'services', { governmentSet: true });
    const r = run({
      items: [water],
      observations: [...at(['p1', 'p2', 'p3'], 'water', '2022-09-05', 300), ...at(['p1', 'p2', 'p3'], 'water', '2022-09-12', 360)],
    });
    assert.equal(r.proposes, false);
  });

  test('oil rising 10.00 -> 11.10 in 8 days: R1 red and R3, not R2', () => {
    const oil = item('oil', 'edible_oil');
    const r = run({
      items: [oil],
      observations: [
        ...at(['p1', 'p2', 'p3'], 'oil', '2022-09-06', 1000), ...at(['p1', 'p2', 'p3'], 'oil', '2022-09-08', 1040),
        ...at(['p1', 'p2', 'p3'], 'oil', '2022-09-11', 1080), ...at(['p1', 'p2', 'p3'], 'oil', '2022-09-14', 1110),
      ],
    });
    // R1: previous 旬 mean (10.00 + 10.40) / 2 = 10.20, current (10.80 + 11.10) / 2 = 10.95: +7.35%, red at 3%
    assert.deepEqual(r.findings.map((f) => f.rule).sort(), ['R1', 'R3']);
    assert.equal(r.findings.find((f) => f.rule === 'R1')!.light, 'red');
    assert.equal(r.findings.find((f) => f.rule === 'R1')!.areas[0]!.values.changePercent, '7.35');
  });

  test('R5 and R6 fire city-wide and say which counties', () => {
    const salt = item('salt', 'salt', { governmentSet: true });
    const r = run({
      items: [salt],
      complaints: [{ itemId: 'salt', county: '230302', date: '2022-09-14', count: 12 }],
      panicReports: [{ id: 'k1', itemId: 'salt', county: '230381', pointId: 'p5', date: '2022-09-14', kind: 'rush' }],
    });
    assert.deepEqual(r.findings.map((f) => f.rule), ['R5', 'R6']);
    assert.deepEqual(r.findings[0]!.counties, ['230302']);
    assert.deepEqual(r.findings[1]!.points, ['p5']);
  });

  test('R4 on the example series at three points: IFPA of 2022-11 fires', () => {
    const monthly: MonthlyAggregate[] = exampleCsv('ifpa_series.csv').flatMap((row) =>
      ['p1', 'p2', 'p3'].map((p) => ({ pointId: p, county: '230302', itemId: 'rice', month: row.month!, sumFen: Math.round(Number(row.price) * 100), count: 1 })));
    const r = detectLevel3({ asOf: '2022-12-10', items: [rice], observations: [], monthly, complaints: [], panicReports: [] }, settings);
    const f = r.findings.find((x) => x.rule === 'R4')!;
    assert.equal(f.areas[0]!.values.method, 'ifpa');
    assert.equal(f.areas[0]!.values.month, '2022-11');
    // prices rounded to fen move the value slightly from 7.2475; still abnormally high
    assert.equal(f.areas[0]!.values.class, 'abnormally_high');
  });

  test('R4 two consecutive months at 0.5 or more fire where a single month would not', () => {
    const series = exampleCsv('ifpa_series.csv').map((row) => ({ month: row.month!, price: Number(row.price) }));
    const strict = { ...settings.r4, fire: { ...settings.r4.fire, atLeast: 9 } };
    const monthly: MonthlyAggregate[] = series.flatMap((row) =>
      ['p1', 'p2', 'p3'].map((p) => ({ pointId: p, county: '230302', itemId: 'rice', month: row.month, sumFen: Math.round(row.price * 1_000_000), count: 10_000 })));
    const runAt = (asOf: string) => detectLevel3({ asOf, items: [rice], observations: [], monthly, complaints: [], panicReports: [] }, { ...settings, r4: strict });
    // 2022-10 (2.78) after 2022-09 (1.48): both ≥ 0.5 -> fires
    assert.equal(runAt('2022-11-05').findings.some((f) => f.rule === 'R4'), true);
    // 2022-09 (1.48) after 2022-08 (0.36): under 9 and not two months ≥ 0.5 -> does not
    assert.equal(runAt('2022-10-05').findings.some((f) => f.rule === 'R4'), false);
  });
});
