/**
 * The disability part of a scenario run over a register small enough to
 * work by hand: raising the two subsidies' standards (D1 三(一)5 “补贴标准
 * 动态调整”) mid-year, and a county opening the care subsidy to grade 3–4
 * intellectual disability (the 扩面 clause of the same article).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { yuan } from '../../../src/core/money.ts';
import type { ParamRegistry } from '../../../src/core/params/registry.ts';
import { P } from '../../../src/disability/rules/subsidyParameters.ts';
import { subsidyParameters } from '../../../src/disability/rules/subsidyParameters.ts';
import { loadParams } from '../../../src/platform/context.ts';
import { simulateDisability, type PayrollRules, type RegisterPerson } from '../../../src/simulation/rules/disability.ts';
import { scenarioOverrides, type ScenarioChange } from '../../../src/simulation/rules/scenario.ts';

const registry = loadParams();

function rules(params: ParamRegistry): PayrollRules {
  return {
    reference: () => 'first_day_of_month',
    paramsFor: (county, on) => {
      const found = subsidyParameters(params, county, on);
      assert.ok(found.ok);
      return found.value;
    },
  };
}

function scenario(changes: ScenarioChange[]): PayrollRules {
  return rules(registry.withOverrides(scenarioOverrides({ name: 'test', changes })));
}

const DIBAO = [{ status: 'dibao', valid_from: '2020-01-01', valid_to: null }];

type GrantShort = [subsidy: 'living' | 'care', approvedOn: string];

function person(id: string, fields: Partial<Omit<RegisterPerson, 'grants'>> & { grants?: GrantShort[] }): RegisterPerson {
  return {
    id,
    county: '230302',
    category: fields.category ?? 'physical',
    grade: fields.grade ?? 1,
    deceased_on: fields.deceased_on ?? null,
    moved_away_on: null,
    households: fields.households ?? [],
    benefits: [],
    grants: (fields.grants ?? []).map(([subsidy, approvedOn], i) => ({ applicationId: `${id}-${i}`, subsidy, approvedOn, endedOn: null })),
  } as RegisterPerson;
}

// Standards in force (params/d1-disability/subsidies.yaml): living 100 yuan
// a month; care 100 (grade 1), 80 (grade 2), 80 for an extension; paid from
// the approval month; the situation on the first day decides the month.
const persons = [
  // P1, grade 1 in a 低保 family, both grants since 2022.
  person('P1', { grade: 1, households: DIBAO, grants: [['living', '2022-05-10'], ['care', '2022-05-10']] }),
  // P2, grade 3 in a 低保 family, living subsidy approved 2023-04-15: paid April to December.
  person('P2', { grade: 3, households: DIBAO, grants: [['living', '2023-04-15']] }),
  // P3, grade 2 visual, care only.
  person('P3', { grade: 2, category: 'visual', grants: [['care', '2021-03-01']] }),
  // P4, grade 3 intellectual, no grant.
  person('P4', { grade: 3, category: 'intellectual' }),
  // P5, grade 4 in a 低保 family, died 2023-08-20: alive on 1 August, paid January to August.
  person('P5', { grade: 4, households: DIBAO, deceased_on: '2023-08-20', grants: [['living', '2021-06-01']] }),
];

describe('simulation of D1 三(一)5: living 100 → 150 yuan from July, grade-1 care 100 → 120 yuan from January', () => {
  const result = simulateDisability({
    year: 2023,
    persons,
    previous: new Map(),
    baseline: rules(registry),
    scenario: scenario([
      { id: P.living, value: '150.00', from: '2023-07-01' },
      { id: P.care1, value: '120.00', from: '2023-01-01' },
    ]),
  });
  const total = (item: string, side: 'baseline' | 'scenario') =>
    result.lines.filter((l) => l.item === item).reduce((s, l) => s + l[side], 0);

  test('living: baseline 1200 + 900 + 800 = 2900 yuan; scenario 1500 + 1200 + 900 = 3600 yuan', () => {
    // P1: 12 × 100 → 6 × 100 + 6 × 150 = 1500. P2: 9 × 100 = 900 → 3 × 100 + 6 × 150 = 1200.
    // P5: 8 × 100 = 800 → 6 × 100 + 2 × 150 = 900.
    assert.equal(total('living', 'baseline'), yuan('2900.00'));
    assert.equal(total('living', 'scenario'), yuan('3600.00'));
  });

  test('care: baseline 1200 + 960 = 2160 yuan; scenario 1440 + 960 = 2400 yuan', () => {
    // P1 grade 1: 12 × 100 → 12 × 120. P3 grade 2: 12 × 80 either way.
    assert.equal(total('care', 'baseline'), yuan('2160.00'));
    assert.equal(total('care', 'scenario'), yuan('2400.00'));
  });

  test('the extra cost is 700 + 240 = 940 yuan, all in 鸡冠区, by category: physical 940, visual 0', () => {
    assert.equal(result.lines.reduce((s, l) => s + l.delta, 0), yuan('940.00'));
    assert.ok(result.lines.every((l) => l.county === '230302'));
    const physical = result.lines.filter((l) => l.category === 'physical').reduce((s, l) => s + l.delta, 0);
    const visual = result.lines.filter((l) => l.category === 'visual').reduce((s, l) => s + l.delta, 0);
    assert.equal(physical, yuan('940.00'));
    assert.equal(visual, 0);
    assert.ok(result.lines.every((l) => l.rules.includes('d1.s3_1_5.payroll_month') && l.articles.includes('D1 三(一)5')));
  });

  test('three gainers (P1 540, P2 300, P5 100 yuan), P3 unchanged, no loser; nobody crosses', () => {
    assert.deepEqual(result.changed.map((p) => [p.personId, p.delta]), [['P1', yuan('540.00')], ['P2', yuan('300.00')], ['P5', yuan('100.00')]]);
    assert.equal(result.distribution.entities, 4);
    assert.equal(result.distribution.gainers, 3);
    assert.equal(result.distribution.losers, 0);
    assert.equal(result.distribution.unchanged, 1);
    assert.deepEqual(result.crossings, []);
  });

  test('July is the first month at the new living standard: June 480 → 500, July 480 → 650 yuan', () => {
    // June: P1 100 + 120, P2 100, P5 100, P3 80 = 500 scenario; baseline 100 + 100 + 100 + 100 + 80 = 480.
    // July: scenario 150 + 120 + 150 + 150 + 80 = 650; baseline 480.
    const june = result.months.find((m) => m.month === '2023-06')!;
    const july = result.months.find((m) => m.month === '2023-07')!;
    assert.deepEqual([june.baseline, june.scenario], [yuan('480.00'), yuan('500.00')]);
    assert.deepEqual([july.baseline, july.scenario], [yuan('480.00'), yuan('650.00')]);
    const september = result.months.find((m) => m.month === '2023-09')!;
    assert.equal(september.baselinePersons, 3, 'P5 is no longer paid once deceased');
  });
});

describe('simulation of D1 三(一)5 扩面: 鸡冠区 opens care to grade 3–4 intellectual disability from October', () => {
  const result = simulateDisability({
    year: 2023,
    persons,
    previous: new Map(),
    baseline: rules(registry),
    scenario: scenario([
      { id: P.extensions, value: { '230302': { care_to_grade_3_4_intellectual_mental: true } }, from: '2023-10-01' },
    ]),
  });

  test('the payroll does not move: P4 holds no grant', () => {
    assert.equal(result.lines.reduce((s, l) => s + l.delta, 0), 0);
    assert.equal(result.distribution.gainers, 0);
  });

  test('P4 is newly eligible for care, October to December: 3 × 80 = 240 yuan if P4 applied', () => {
    assert.deepEqual(result.newlyEligible.map((e) => [e.personId, e.subsidy, e.direction, e.months, e.amount, e.basis]), [
      ['P4', 'care', 'in', 3, yuan('240.00'), 'county_extension'],
    ]);
    const crossing = result.crossings.find((c) => c.subject === 'P4')!;
    assert.equal(crossing.kind, 'care_eligible:in');
    assert.equal(crossing.rule, 'd1.s3_1_5.care_county_extension');
  });
});

describe('simulation of D1 三(一)5 动态管理: a stop no longer ends the grant (stop_ends_grant true → false)', () => {
  // P6 is in a 低保 family until 30 April and again from 1 September. In
  // force, the May payroll stops the living subsidy and ends the grant, so
  // September pays nothing: 4 × 100 = 400 yuan. Under the scenario the grant
  // stays and payment resumes: January–April and September–December, 800.
  const p6 = person('P6', {
    grade: 3,
    households: [
      { status: 'dibao', valid_from: '2020-01-01', valid_to: '2023-04-30' },
      { status: 'dibao', valid_from: '2023-09-01', valid_to: null },
    ],
    grants: [['living', '2021-01-01']],
  });
  const result = simulateDisability({
    year: 2023,
    persons: [p6],
    previous: new Map(),
    baseline: rules(registry),
    scenario: scenario([{ id: P.stopEndsGrant, value: false, from: '2023-01-01' }]),
  });

  test('baseline 400, scenario 800 yuan: P6 gains 400 yuan', () => {
    assert.deepEqual(result.changed.map((p) => [p.personId, p.baseline.living, p.scenario.living, p.baseline.livingMonths, p.scenario.livingMonths]), [
      ['P6', yuan('400.00'), yuan('800.00'), 4, 8],
    ]);
    assert.equal(result.months.find((m) => m.month === '2023-09')!.baseline, 0);
    assert.equal(result.months.find((m) => m.month === '2023-09')!.scenario, yuan('100.00'));
  });
});
