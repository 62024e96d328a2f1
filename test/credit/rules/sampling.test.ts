import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { parsePercent } from '../../../src/core/money.ts';
import { PARAM } from '../../../src/credit/rules/params.ts';
import { seededRandom } from '../../../src/credit/rules/random.ts';
import { drawPlan, gradeRatioBp, type GradeRatio, type Rounding } from '../../../src/credit/rules/sampling.ts';
import type { Grade } from '../../../src/credit/rules/types.ts';
import { loadExamples, loadParams } from '../examples.ts';

const example = loadExamples().inspection_sampling;
const registry = loadParams();
const ratios = registry.at<Record<Grade, GradeRatio>>(PARAM.samplingRatios, '2023-01-01')!.value;
const rounding = registry.at<Rounding>(PARAM.sampleRounding, '2023-01-01')!.value;

function population(): Array<{ uscc: string; grade: Grade }> {
  const out: Array<{ uscc: string; grade: Grade }> = [];
  for (const [grade, n] of Object.entries(example.population)) {
    for (let i = 0; i < n; i += 1) out.push({ uscc: `${grade}-${String(i).padStart(3, '0')}`, grade: grade as Grade });
  }
  return out;
}

const inspectors = Array.from({ length: 6 }, (_, i) => ({ id: `insp-${i + 1}`, conflicts: [] as string[] }));
const baseRatioBp = parsePercent(String(example.base_ratio_percent))!;

describe('d2.part2_3.sampling: the worked sampling case', () => {
  test('default ratios of the parameter file, the example ratios', () => {
    for (const [grade, percent] of Object.entries(example.ratios_percent)) {
      assert.equal(gradeRatioBp(baseRatioBp, ratios[grade as Grade]), parsePercent(String(percent)), grade);
    }
  });

  test(`base ${example.base_ratio_percent} %, drawn ${JSON.stringify(example.expected_sample)}`, () => {
    const plan = drawPlan({ seed: 'case', baseRatioBp, ratios, rounding, population: population(), inspectors, inspectorsPerEntity: 2 });
    const drawn = Object.fromEntries(plan.grades.map((g) => [g.grade, g.drawn]));
    assert.deepEqual(drawn, example.expected_sample, example.note);
    for (const target of plan.targets) {
      assert.ok(target.uscc.startsWith(target.grade), 'each target is drawn from its own grade');
    }
    assert.equal(new Set(plan.targets.map((t) => t.uscc)).size, plan.targets.length, 'no entity drawn twice');
  });

  test('same seed and population in another order, the same plan', () => {
    const input = { seed: 'plan-2023-Q1', baseRatioBp, ratios, rounding, inspectors, inspectorsPerEntity: 2 };
    const a = drawPlan({ ...input, population: population() });
    const b = drawPlan({ ...input, population: population().reverse() });
    assert.deepEqual(a, b);
    const c = drawPlan({ ...input, seed: 'plan-2023-Q2', population: population() });
    assert.notDeepEqual(a.targets.map((t) => t.uscc), c.targets.map((t) => t.uscc));
  });

  test('an inspector with a conflict of interest, never drawn for that entity', () => {
    const pop = [{ uscc: 'E-000', grade: 'E' as Grade }];
    for (let s = 0; s < 50; s += 1) {
      const plan = drawPlan({
        seed: `s${s}`, baseRatioBp, ratios, rounding, population: pop, inspectorsPerEntity: 2,
        inspectors: [
          { id: 'a', conflicts: ['E-000'] },
          { id: 'b', conflicts: [] },
          { id: 'c', conflicts: [] },
        ],
      });
      assert.deepEqual([...plan.targets[0]!.inspectors].sort(), ['b', 'c']);
    }
  });

  test('too few inspectors left after conflicts, shortfall flagged', () => {
    const plan = drawPlan({
      seed: 'x', baseRatioBp, ratios, rounding, population: [{ uscc: 'E-1', grade: 'E' }], inspectorsPerEntity: 2,
      inspectors: [{ id: 'a', conflicts: ['E-1'] }, { id: 'b', conflicts: [] }],
    });
    assert.deepEqual(plan.targets[0]!.inspectors, ['b']);
    assert.match(plan.targets[0]!.shortfall!, /仅1名/);
  });

  test('seeded generator, uniform enough over 6 values (60 000 draws within 5 %)', () => {
    const random = seededRandom('uniform');
    const counts = new Array(6).fill(0) as number[];
    for (let i = 0; i < 60_000; i += 1) counts[random.below(6)]! += 1;
    for (const c of counts) assert.ok(c > 9_500 && c < 10_500, String(counts));
  });
});
