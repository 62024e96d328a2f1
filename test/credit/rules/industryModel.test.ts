import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import {
  checkIndustryModel,
  fractionToBasisPoints,
  industryScore,
  type IndustryModel,
} from '../../../src/credit/rules/industryModel.ts';
import { scoringParams } from '../../../src/credit/rules/params.ts';
import { loadExamples, loadParams } from '../examples.ts';

const examples = loadExamples();
const params = scoringParams(loadParams(), '2023-01-01');

function modelOf(weights: Record<string, number>): IndustryModel {
  return {
    sector: 'food',
    fullScore: 1000,
    indicators: Object.entries(weights).map(([code, w]) => ({
      code,
      label: code,
      source: code === 'public_score' ? 'public_score' : 'supervisory',
      weightBp: fractionToBasisPoints(w)!,
    })),
    cutoffs: params.cutoffs,
  };
}

describe('d2.part2_2_2.industry_model_check: the worked models', () => {
  for (const example of examples.industry_models) {
    test(`${JSON.stringify(example.weights)}, ${example.valid ? 'accepted' : 'refused'}`, () => {
      const result = checkIndustryModel(modelOf(example.weights), 'mean_of_all_indicators');
      assert.equal(result.valid, example.valid, example.note);
      if (!result.valid) {
        assert.ok(result.problems.some((p) => /低于全部指标平均权重/.test(p.reason)), JSON.stringify(result.problems));
      }
    });
  }

  test('public weight equal to the mean, accepted (不得低于: equal is allowed)', () => {
    // four indicators of 25 % each: mean 25 %, public 25 %.
    const result = checkIndustryModel(modelOf({ public_score: 0.25, a: 0.25, b: 0.25, c: 0.25 }), 'mean_of_all_indicators');
    assert.equal(result.valid, true);
  });

  test('points below the mean while the weight is not, refused on points', () => {
    // weights 40/30/30 but points 300/350/350 of 1000: mean 333.3, public 300.
    const model = modelOf({ public_score: 0.4, a: 0.3, b: 0.3 });
    model.indicators[0]!.points = 300;
    model.indicators[1]!.points = 350;
    model.indicators[2]!.points = 350;
    const result = checkIndustryModel(model, 'mean_of_all_indicators');
    assert.equal(result.valid, false);
    if (!result.valid) assert.deepEqual(result.problems.map((p) => p.field), ['indicators.public_score.points']);
  });

  test('weights not adding up to 100 %, refused', () => {
    const result = checkIndustryModel(modelOf({ public_score: 0.5, a: 0.3 }), 'mean_of_all_indicators');
    assert.equal(result.valid, false);
  });

  test('industry score: public 820 at 50 % = 410, plus 250 and 150 assessed, 810 B', () => {
    const model = modelOf({ public_score: 0.5, sector_inspections: 0.3, complaints: 0.2 });
    const result = industryScore(model, 820, 1000, { sector_inspections: 250, complaints: 150 }, params.categories);
    assert.equal(result.outcome, 'decided');
    if (result.outcome === 'decided') {
      assert.equal(result.score, 810);
      assert.equal(result.grade, 'B');
    }
  });

  test('industry score without a supervisory value, needs input', () => {
    const model = modelOf({ public_score: 0.5, sector_inspections: 0.3, complaints: 0.2 });
    const result = industryScore(model, 820, 1000, { sector_inspections: 250 }, params.categories);
    assert.deepEqual(result.outcome === 'needs_input' && result.missing, ['complaints']);
  });
});
