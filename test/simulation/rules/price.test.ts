/**
 * The price part of a scenario run on a year small enough to work by hand:
 * lowering the CPI threshold of the subsidy linkage (D3 2.4.1(4)) from 3.5 %
 * to 3.0 %, and the pork yellow threshold of R1 (D3 1.3) from 5 % to 3 %.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { yuan } from '../../../src/core/money.ts';
import type { ParamRegistry } from '../../../src/core/params/registry.ts';
import type { CatalogueItem, Observation } from '../../../src/price/rules/types.ts';
import { detectionSettings, subsidySettings, triggerThresholds, type Loaded } from '../../../src/price/services/settings.ts';
import { loadParams } from '../../../src/platform/context.ts';
import { simulatePrice, xunEnds, type PriceRules, type RecipientSpan, type Settings } from '../../../src/simulation/rules/price.ts';
import { scenarioOverrides, type ScenarioChange } from '../../../src/simulation/rules/scenario.ts';

const registry = loadParams();

const settings = <T,>(l: Loaded<T>): Settings<T> => (l.ok ? { ok: true, settings: l.settings } : { ok: false, missing: l.missing });

function rules(params: ParamRegistry): PriceRules {
  return {
    thresholds: (m) => settings(triggerThresholds(params, m)),
    subsidy: (m) => settings(subsidySettings(params, m)),
    detection: (d) => settings(detectionSettings(params, d)),
  };
}

const scenario = (changes: ScenarioChange[]) => rules(registry.withOverrides(scenarioOverrides({ name: 'test', changes })));

const noSeries = { items: [], observations: [], monthly: [], complaints: [], panicReports: [] };

describe('simulation of D3 2.4.1(4): CPI threshold 3.5 % → 3.0 % over 2023', () => {
  // 低保 standards 700 (urban) and 450 (rural) yuan; amounts rounded half up
  // to the yuan; paid the month after the index month.
  const bp = (percent: number) => Math.round(percent * 100);
  const indexMonths = [
    { month: '2023-02', cpi: bp(2.1), food: bp(1.0) },
    // 3.2 %: under 3.5, over 3.0. Paid in June: R1 700 × 3.2 % = 22.4 → 22; R2 450 × 3.2 % = 14.4 → 14; R3 not yet on record.
    { month: '2023-05', cpi: bp(3.2), food: bp(5.0) },
    // 3.0 % exactly: the threshold is reached. Paid in August: 700 × 3 % = 21; 450 × 3 % = 13.5 → 14; R3 (urban standard) 21.
    { month: '2023-07', cpi: bp(3.0), food: bp(4.0) },
    // 3.8 % triggers under both: 700 × 3.8 % = 26.6 → 27; 450 × 3.8 % = 17.1 → 17; R3 27. Total 71.
    { month: '2023-09', cpi: bp(3.8), food: bp(4.0) },
    // Food 6.5 % triggers under both: 700 × 6.5 % = 45.5 → 46; 450 × 6.5 % = 29.25 → 29; R3 46. Total 121.
    { month: '2023-11', cpi: bp(2.0), food: bp(6.5) },
  ] as const;
  const recipients: RecipientSpan[] = [
    { id: 'R1', group: 'dibao', residence: 'urban', county: '230302', from: '2022-01', to: null },
    { id: 'R2', group: 'dibao', residence: 'rural', county: '230321', from: '2022-01', to: null },
    // 领取失业保险金人员 take the urban standard wherever they live.
    { id: 'R3', group: 'unemployment_insurance', residence: 'rural', county: '230381', from: '2023-08', to: null },
  ];
  const result = simulatePrice({
    year: 2023,
    indexMonths: [...indexMonths],
    recipients,
    series: noSeries,
    baseline: rules(registry),
    scenario: scenario([{ id: 'price.d3.art2_4_1.subsidy_cpi_threshold', value: '3.0', from: '2023-03-01' }]),
  });
  const sum = (side: 'baseline' | 'scenario' | 'delta') => result.lines.reduce((s, l) => s + l[side], 0);

  test('baseline 71 + 121 = 192 yuan; scenario adds 36 (May) + 56 (July) = 92 yuan', () => {
    assert.equal(sum('baseline'), yuan('192.00'));
    assert.equal(sum('scenario'), yuan('284.00'));
    assert.equal(sum('delta'), yuan('92.00'));
  });

  test('per county: 鸡冠区 +43, 鸡东县 +28, 虎林市 +21 yuan', () => {
    const by = Object.fromEntries(result.lines.map((l) => [l.county, l.delta]));
    assert.deepEqual(by, { '230302': yuan('43.00'), '230321': yuan('28.00'), '230381': yuan('21.00') });
    assert.ok(result.lines.every((l) => l.rules.includes('d3.art2_4_1.subsidy_trigger') && l.articles.includes('D3 2.4.1(4)')));
  });

  test('May and July newly trigger; February, September and November do not change', () => {
    assert.deepEqual(result.crossings.map((c) => [c.subject, c.kind]), [['2023-05 指数月', 'subsidy_month:in'], ['2023-07 指数月', 'subsidy_month:in']]);
    const may = result.months.find((m) => m.indexMonth === '2023-05')!;
    assert.equal(may.scenario.outcome === 'decided' && may.scenario.cost, yuan('36.00'));
    assert.equal(may.baseline.outcome === 'decided' && may.baseline.rate, null);
  });

  test('three gainers (R1 43, R2 28, R3 21 yuan), no loser', () => {
    assert.deepEqual([result.distribution.gainers, result.distribution.losers, result.distribution.gained], [3, 0, yuan('92.00')]);
  });
});

describe('simulation of D3 1.3 R1: pork yellow threshold 5 % → 3 %', () => {
  const pork: CatalogueItem = {
    id: 'pork_lean', name: '猪肉（精瘦肉）', category: 'pork', unit: '元/500克', specification: '精瘦肉',
    governmentSet: false, inBasket: false, plausibleMinFen: null, plausibleMaxFen: null,
  };
  // Three points of 鸡冠区: 25.00 yuan in 中旬 of March, 26.00 in 下旬: +4 %,
  // the city average on three points (the breadth guard's minimum).
  const observations: Observation[] = ['P1', 'P2', 'P3'].flatMap((pointId) => [
    { pointId, county: '230302', itemId: pork.id, date: '2023-03-15', priceFen: 2500 },
    { pointId, county: '230302', itemId: pork.id, date: '2023-03-25', priceFen: 2600 },
  ]);
  const r1 = registry.at<Record<string, unknown>>('price.d3.art1_3.r1_thresholds', '2023-03-31')!.value;
  const result = simulatePrice({
    year: 2023,
    indexMonths: [],
    recipients: [],
    series: { ...noSeries, items: [pork], observations },
    baseline: rules(registry),
    scenario: scenario([{ id: 'price.d3.art1_3.r1_thresholds', value: { ...r1, pork: { yellow: '3', red: '10' } }, from: '2023-01-01' }]),
  });

  test('36 旬 ends evaluated, the rules in force on each', () => {
    assert.equal(xunEnds(2023).length, 36);
    assert.equal(result.detectionDates, 36);
    assert.deepEqual(result.detectionGaps, []);
  });

  test('March: R1 on pork under the scenario only, first on 31 March; no money', () => {
    assert.deepEqual(result.proposals.map((p) => [p.month, p.itemId, p.baseline, p.scenario, p.scenarioFirst]), [
      ['2023-03', 'pork_lean', [], ['R1'], '2023-03-31'],
    ]);
    assert.deepEqual(result.crossings.map((c) => [c.kind, c.rule]), [['level3_proposal:in', 'd3.art1_3.r1_ten_day_change']]);
    assert.equal(result.lines.length, 0);
  });
});
