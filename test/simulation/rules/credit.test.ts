/**
 * The credit part of a scenario run on entities small enough to score by
 * hand: lowering the B and C cut-offs of D2 二(二)2 (B 790 → 760, C 730 →
 * 700), which moves grades but not scores, and the food sector's industry
 * grade, which follows only the public score.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { PARAM, scoringParams } from '../../../src/credit/rules/params.ts';
import type { CreditRecord } from '../../../src/credit/rules/types.ts';
import { loadParams } from '../../../src/platform/context.ts';
import { simulateCredit, type SectorModel } from '../../../src/simulation/rules/credit.ts';
import { scenarioOverrides } from '../../../src/simulation/rules/scenario.ts';

const ON = '2023-12-31';
const registry = loadParams();
const lowered = registry.withOverrides(scenarioOverrides({
  name: 'test',
  changes: [{
    id: PARAM.gradeCutoffs,
    value: [{ grade: 'A', min: 850 }, { grade: 'B', min: 760 }, { grade: 'C', min: 700 }, { grade: 'D', min: 670 }, { grade: 'E', min: 0 }],
    from: '2023-01-01',
  }],
}));

function record(uscc: string, indicator: string, n: number): CreditRecord {
  return { id: `${uscc}-${indicator}-${n}`, uscc, indicator, decided: '2023-03-01', status: 'active' };
}

// A firm of three years or more without records scores 770 (the appendix:
// 60 basic + 710 of the negative operation indicators, positive ones 0).
const entities = [
  { uscc: 'E1', established: '2015-01-01', area: '230302' }, // no records: 770
  { uscc: 'E2', established: '2015-01-01', area: '230302' }, // commendation +60: 830
  { uscc: 'E3', established: '2015-01-01', area: '230303' }, // one penalty −30: 740
  { uscc: 'E4', established: '2015-01-01', area: '230303' }, // abnormal operation −90: 680
  { uscc: 'E5', established: '2015-01-01', area: '230381' }, // one penalty −30, tax arrears −30: 710
  { uscc: 'E6', established: '2022-06-01', area: '230381' }, // under three years −30: 740
];
const records = new Map<string, CreditRecord[]>([
  ['E2', [record('E2', 'commendation', 1)]],
  ['E3', [record('E3', 'administrative_penalty', 1)]],
  ['E4', [record('E4', 'abnormal_operation', 1)]],
  ['E5', [record('E5', 'administrative_penalty', 1), record('E5', 'tax_arrears', 1)]],
]);

// Food: public score 50 % (500 points), inspections 300, complaints 200;
// its own cut-offs as the department defined them.
const food: SectorModel = {
  sector: 'food',
  label: '食品监管',
  model: {
    id: 'food:v1',
    sector: 'food',
    fullScore: 1000,
    indicators: [
      { code: 'public_score', label: '公共信用综合评价', source: 'public_score', weightBp: 5000 },
      { code: 'sector_inspections', label: '行业监督检查', source: 'supervisory', weightBp: 3000 },
      { code: 'complaints', label: '投诉举报', source: 'supervisory', weightBp: 2000 },
    ],
    cutoffs: [{ grade: 'A', min: 850 }, { grade: 'B', min: 790 }, { grade: 'C', min: 730 }, { grade: 'D', min: 670 }, { grade: 'E', min: 0 }],
  },
  assessments: new Map<string, Record<string, number>>([
    // E1: 770 × 500 / 1000 = 385, + 280 + 180 = 845 → B under both runs.
    ['E1', { sector_inspections: 280, complaints: 180 }],
    // E3: no complaints points yet: cannot be graded.
    ['E3', { sector_inspections: 300 }],
  ]),
};

describe('simulation of D2 二(二)2: B from 760, C from 700', () => {
  const result = simulateCredit({
    on: ON,
    entities,
    records,
    models: [food],
    publicSectors: [{ code: 'quality', label: '产品质量' }],
    baseline: scoringParams(registry, ON),
    scenario: scoringParams(lowered, ON),
  });
  const publicGrades = result.sectors.find((s) => s.sector === 'public')!.grades;

  test('public grades: baseline B 1, C 3, D 2; scenario B 2, C 3, D 1', () => {
    // Baseline: E2 830 B; E1 770, E3 740, E6 740 C; E4 680, E5 710 D.
    // Scenario: E1 770 and E2 830 B; E3, E6 740 and E5 710 C; E4 680 D.
    assert.deepEqual(publicGrades.map((g) => [g.grade, g.baseline, g.scenario]), [
      ['A', 0, 0], ['B', 1, 2], ['C', 3, 3], ['D', 2, 1], ['E', 0, 0],
    ]);
  });

  test('E1 (C → B) and E5 (D → C) rise one grade, scores unchanged; nobody falls', () => {
    assert.deepEqual(result.changes.map((c) => [c.uscc, c.baseline.score, c.baseline.grade, c.scenario.grade, c.steps]), [
      ['E1', 770, 'C', 'B', 1],
      ['E5', 710, 'D', 'C', 1],
    ]);
    assert.deepEqual(result.crossings.map((c) => [c.subject, c.kind, c.rule]), [
      ['E1', 'public_grade:up', 'd2.part2_2_2.grade'],
      ['E5', 'public_grade:up', 'd2.part2_2_2.grade'],
    ]);
    assert.equal(result.distribution.unit, 'grades');
    assert.deepEqual([result.distribution.gainers, result.distribution.losers, result.distribution.unchanged], [2, 0, 4]);
  });

  test('food grades on its own cut-offs: E1 845 → B in both; E3 lacks points', () => {
    const grades = result.sectors.find((s) => s.sector === 'food')!;
    assert.equal(grades.evaluation, 'industry_model');
    assert.deepEqual(grades.grades.filter((g) => g.baseline || g.scenario).map((g) => [g.grade, g.baseline, g.scenario]), [['B', 1, 1]]);
    assert.equal(grades.needsInput, 1);
  });
});

describe('simulation of D2 附件: records shown for 2 years instead of 3 (publicity_years)', () => {
  // E7's penalty of 2021-06-01 still counts on 2023-12-31 under three years
  // (740, C); under two years it has lapsed: 770, still C. E8 has two
  // penalties, 2021-06-01 and 2023-03-01: 60 − 60 = 0 points for penalties,
  // 710 → D; with the old one lapsed, one penalty: 740 → C, one grade up.
  const old = (uscc: string): CreditRecord => ({ id: `${uscc}-old`, uscc, indicator: 'administrative_penalty', decided: '2021-06-01', status: 'active' });
  const result = simulateCredit({
    on: ON,
    entities: [
      { uscc: 'E7', established: '2015-01-01', area: '230302' },
      { uscc: 'E8', established: '2015-01-01', area: '230302' },
    ],
    records: new Map([
      ['E7', [old('E7')]],
      ['E8', [old('E8'), record('E8', 'administrative_penalty', 2)]],
    ]),
    models: [],
    publicSectors: [],
    baseline: scoringParams(registry, ON),
    scenario: scoringParams(registry.withOverrides(scenarioOverrides({ name: 'test', changes: [{ id: PARAM.publicityYears, value: { default: 2 }, from: '2023-01-01' }] })), ON),
  });

  test('E7 740 → 770 in grade C; E8 710 (D) → 740 (C)', () => {
    assert.deepEqual(result.changes.map((c) => [c.uscc, c.baseline.score, c.baseline.grade, c.scenario.score, c.scenario.grade, c.steps]).sort(), [
      ['E7', 740, 'C', 770, 'C', 0],
      ['E8', 710, 'D', 740, 'C', 1],
    ]);
    assert.deepEqual(result.crossings.map((c) => c.subject), ['E8'], 'only a change of grade crosses');
  });
});
