/**
 * The medical part of a scenario run, on claims small enough to work by
 * hand: what raising the outpatient-pooling cap (D5 §7(1)) and lowering
 * the assistance deductible (D4 §10(2)) cost, and who they reach.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { yuan } from '../../../src/core/money.ts';
import { MedicalParams, PARAM, type Claim, type Person } from '../../../src/medical/rules/index.ts';
import { loadParams } from '../../../src/platform/context.ts';
import { simulateMedical, type MedicalClaimInput } from '../../../src/simulation/rules/medical.ts';
import { scenarioOverrides } from '../../../src/simulation/rules/scenario.ts';

const registry = loadParams();
const baseline = new MedicalParams(registry);

function scenario(id: string, value: string): MedicalParams {
  return new MedicalParams(registry.withOverrides(scenarioOverrides({ name: 'test', changes: [{ id, value, from: '2023-01-01' }] })));
}

function employee(personId: string, employment: 'in_service' | 'retired'): Person {
  return { personId, scheme: 'employee', employment, categories: [], county: '230302' };
}

function resident(personId: string, code: Person['categories'][number]['code']): Person {
  return { personId, scheme: 'resident', employment: null, categories: [{ code, from: '2020-01-01', to: null }], county: '230321' };
}

/** A city, referred claim; amounts in yuan. */
function claim(person: Person, claimId: string, date: string, fields: { kind?: Claim['kind']; level?: 1 | 2 | 3; scope: string; total?: string; basic?: string }): MedicalClaimInput {
  const policyScope = yuan(fields.scope);
  return {
    person,
    county: person.county!,
    accountInflow: 0,
    claim: {
      claimId,
      personId: person.personId,
      date,
      kind: fields.kind ?? 'outpatient',
      level: fields.level ?? 2,
      place: 'city',
      referral: true,
      residentElsewhere: false,
      emergency: false,
      exclusion: null,
      total: fields.total ? yuan(fields.total) : policyScope,
      policyScope,
      basicPaid: yuan(fields.basic ?? '0.00'),
      criticalPaid: 0,
    },
  };
}

describe('simulation of D5 §7(1): outpatient-pooling annual cap 2000 → 3000', () => {
  // Deductible 600 a year; ratios 70% / 60% / 50% by level; retirees +5 points
  // (params/d5-outpatient-pooling/outpatient-pooling.yaml).
  const a = employee('A', 'in_service');
  const b = employee('B', 'retired');
  const c = employee('C', 'in_service');
  const claims = [
    // A1: (3000 − 600) × 60% = 1440, under either cap.
    claim(a, 'A1', '2023-02-01', { level: 2, scope: '3000.00' }),
    // B1: (5000 − 600) × (50% + 5) = 2420; cap 2000 pays 2000, cap 3000 pays 2420.
    claim(b, 'B1', '2023-03-01', { level: 3, scope: '5000.00' }),
    // A2: 2000 × 60% = 1200; cap 2000 leaves 560, cap 3000 pays 1200 (A at 2640).
    claim(a, 'A2', '2023-05-01', { level: 2, scope: '2000.00' }),
    // C1: (1000 − 600) × 60% = 240 under either cap.
    claim(c, 'C1', '2023-06-01', { level: 2, scope: '1000.00' }),
    // A3: 1000 × 70% = 700; cap 2000 leaves 0, cap 3000 leaves 3000 − 2640 = 360.
    claim(a, 'A3', '2023-09-01', { level: 1, scope: '1000.00' }),
  ];
  // Extra cost: A 3000 − 2000 = 1000; B 2420 − 2000 = 420; C 0. Total 1420 yuan.
  const result = simulateMedical({ year: 2023, claims, baseline, scenario: scenario(PARAM.poolingCap, '3000.00') });

  test('five claims of three employees, extra pooling cost 1420 yuan, nothing else moves', () => {
    const pooling = result.lines.filter((l) => l.item === 'pooling');
    const baselineTotal = pooling.reduce((s, l) => s + l.baseline, 0);
    const scenarioTotal = pooling.reduce((s, l) => s + l.scenario, 0);
    // Baseline 2000 (A) + 2000 (B) + 240 (C) = 4240; scenario 3000 + 2420 + 240 = 5660.
    assert.equal(baselineTotal, yuan('4240.00'));
    assert.equal(scenarioTotal, yuan('5660.00'));
    assert.equal(scenarioTotal - baselineTotal, yuan('1420.00'));
    assert.equal(result.lines.filter((l) => l.item === 'assistance').length, 0);
  });

  test('per category: in-service +1000, retired +420, each line citing D5 §7(1)', () => {
    const byCategory = Object.fromEntries(result.lines.map((l) => [l.category, l.delta]));
    assert.deepEqual(byCategory, { in_service: yuan('1000.00'), retired: yuan('420.00') });
    for (const line of result.lines) {
      assert.ok(line.articles.includes('D5 §7(1)'), `${line.category} cites D5 §7(1)`);
      assert.ok(line.rules.includes('d5.art7_1.annual_cap'));
    }
  });

  test('two gainers (1000 and 420 yuan), one unchanged, no loser', () => {
    assert.equal(result.distribution.gainers, 2);
    assert.equal(result.distribution.losers, 0);
    assert.equal(result.distribution.unchanged, 1);
    assert.equal(result.distribution.largestGain, yuan('1000.00'));
    assert.deepEqual(result.changed.map((p) => [p.personId, p.delta]), [['A', yuan('1000.00')], ['B', yuan('420.00')]]);
  });

  test('B no longer reaches the cap; A reaches it under both, so is not listed', () => {
    assert.deepEqual(result.crossings.map((x) => [x.subject, x.kind, x.article]), [['B', 'pooling_capped:out', 'D5 §7(1)']]);
  });

  test('the changed claims are B1, A2 and A3, with the account and cash untouched (no account)', () => {
    assert.deepEqual(result.claimDeltas.map((d) => [d.claimId, d.baseline.pooling, d.scenario.pooling]), [
      ['B1', yuan('2000.00'), yuan('2420.00')],
      ['A2', yuan('560.00'), yuan('1200.00')],
      ['A3', 0, yuan('360.00')],
    ]);
  });
});

describe('simulation of D4 §10(2): assistance deductible 2000 → 1000', () => {
  // Inpatient claims of residents (no pooling): eligible = scope − basic
  // insurance (D4 §8). Tier 3 (低保边缘, 农村易返贫致贫) 60%, tier 2 (低保) 70%
  // with no deductible (D4 §10(1)); deductibles are annual and cumulative.
  const e = resident('E', 'dibao_marginal');
  const f = resident('F', 'rural_at_risk');
  const g = resident('G', 'dibao_marginal');
  const h = resident('H', 'dibao');
  const claims = [
    // E: eligible 4000 − 2500 = 1500. Deductible 2000: all of it deductible, 0 paid.
    //    Deductible 1000: (1500 − 1000) × 60% = 300 → newly paid.
    claim(e, 'E1', '2023-03-01', { kind: 'inpatient', scope: '4000.00', total: '5000.00', basic: '2500.00' }),
    // F: eligible 800, under either deductible: 0 paid both times.
    claim(f, 'F1', '2023-04-01', { kind: 'inpatient', scope: '2000.00', basic: '1200.00' }),
    // G: eligible 3000. (3000 − 2000) × 60% = 600; (3000 − 1000) × 60% = 1200.
    claim(g, 'G1', '2023-05-01', { kind: 'inpatient', scope: '6000.00', basic: '3000.00' }),
    // H (低保, §10(1), no deductible): 1000 × 70% = 700 both times.
    claim(h, 'H1', '2023-06-01', { kind: 'inpatient', scope: '2000.00', basic: '1000.00' }),
  ];
  // Extra cost: E 300 + G 600 = 900 yuan.
  const result = simulateMedical({ year: 2023, claims, baseline, scenario: scenario(PARAM.deductible10_2, '1000.00') });

  test('extra assistance 900 yuan, all in tier-3 lines of 鸡东县', () => {
    const assistance = result.lines.filter((l) => l.item === 'assistance');
    assert.equal(assistance.reduce((s, l) => s + l.delta, 0), yuan('900.00'));
    assert.deepEqual(
      assistance.map((l) => [l.county, l.category, l.baseline, l.scenario]),
      [
        ['230321', 'dibao', yuan('700.00'), yuan('700.00')],
        ['230321', 'dibao_marginal', yuan('600.00'), yuan('1500.00')],
      ],
    );
  });

  test('E becomes newly paid; F stays under the deductible; G gains without crossing', () => {
    const paid = result.crossings.filter((x) => x.kind.startsWith('assistance_paid'));
    assert.deepEqual(paid.map((x) => [x.subject, x.kind, x.title, x.article]), [['E', 'assistance_paid:in', '新获医疗救助', 'D4 §10']]);
    assert.deepEqual(result.changed.map((p) => [p.personId, p.baseline.assistance, p.scenario.assistance]), [
      ['G', yuan('600.00'), yuan('1200.00')],
      ['E', 0, yuan('300.00')],
    ]);
  });

  test('the fund spending by county follows: 鸡东县 1300 → 2200 yuan', () => {
    assert.deepEqual(result.assistanceByCounty, { baseline: { '230321': yuan('1300.00') }, scenario: { '230321': yuan('2200.00') } });
  });
});

describe('simulation reproduces the stored bills', () => {
  test('a scenario equal to the baseline changes nothing and matches every stored bill it is given', () => {
    const a = employee('A', 'in_service');
    const first = claim(a, 'A1', '2023-02-01', { level: 2, scope: '3000.00' });
    const stored = { ...first, stored: { pooling: yuan('1440.00'), assistance: 0, accountPaid: 0, cashPaid: yuan('1560.00') } };
    const wrong = { ...claim(a, 'A2', '2023-03-01', { level: 2, scope: '100.00' }), stored: { pooling: 1, assistance: 0, accountPaid: 0, cashPaid: 0 } };
    const result = simulateMedical({ year: 2023, claims: [stored, wrong], baseline, scenario: baseline });
    assert.equal(result.lines.every((l) => l.delta === 0), true);
    assert.deepEqual(result.reproduced, { compared: 2, matching: 1, differing: ['A2'] });
  });
});
