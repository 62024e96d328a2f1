import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { scoringParams } from '../../../src/credit/rules/params.ts';
import { scorePublic } from '../../../src/credit/rules/publicScore.ts';
import { caseEntity, caseRecords, loadExamples, loadParams } from '../examples.ts';

const examples = loadExamples();
const registry = loadParams();

describe('d2.appendix.public_score: the worked cases', () => {
  for (const c of examples.scores) {
    test(`${c.id} ${c.title}, ${c.expected.score} ${c.expected.grade} ${c.expected.category}`, () => {
      const params = scoringParams(registry, c.evaluate_on);
      const result = scorePublic(caseEntity(c), caseRecords(c), c.evaluate_on, params);

      assert.equal(result.score, c.expected.score, c.note);
      assert.equal(result.grade, c.expected.grade);
      assert.equal(result.category.label, c.expected.category);
      const points = Object.fromEntries(result.indicators.map((x) => [x.code, x.points]));
      assert.deepEqual(points, c.expected.points);
    });
  }

  test('every indicator lists the records behind its points', () => {
    const c = examples.scores.find((s) => s.id === 'cr-11')!;
    const result = scorePublic(caseEntity(c), caseRecords(c), c.evaluate_on, scoringParams(registry, c.evaluate_on));
    const penalty = result.indicators.find((x) => x.code === 'administrative_penalty')!;
    assert.deepEqual(penalty.records, ['cr-11-r1', 'cr-11-r2', 'cr-11-r3']);
    assert.equal(penalty.reason, '有2条及以上计分记录，得0分');
    assert.deepEqual(result.indicators.find((x) => x.code === 'abnormal_operation')!.records, ['cr-11-r4']);
  });

  test('a firm without records, 770 with the literal-table note shown plainly', () => {
    const c = examples.scores.find((s) => s.id === 'cr-01')!;
    const result = scorePublic(caseEntity(c), [], c.evaluate_on, scoringParams(registry, c.evaluate_on));
    assert.equal(result.score, 770);
    assert.equal(result.notes.length, 1);
    assert.match(result.notes[0]!, /最高也只有770分/);
  });

  test('records that do not count are listed with the reason', () => {
    const c = examples.scores.find((s) => s.id === 'cr-07')!;
    const result = scorePublic(caseEntity(c), caseRecords(c), c.evaluate_on, scoringParams(registry, c.evaluate_on));
    assert.deepEqual(result.excluded, [{ record: 'cr-07-r1', reason: '已完成信用修复，不计分' }]);
  });

  test('a record decided after the evaluation date, not counted yet', () => {
    const c = examples.scores.find((s) => s.id === 'cr-10')!;
    // tax arrears of 2023-01-01 count on 2023-01-15, water arrears of 2023-02-01 not yet: 770 - 30 = 740.
    const result = scorePublic(caseEntity(c), caseRecords(c), '2023-01-15', scoringParams(registry, '2023-01-15'));
    assert.equal(result.score, 740);
    assert.deepEqual(result.excluded, [{ record: 'cr-10-r2', reason: '决定日期晚于评价日' }]);
  });

  test('a record with its own one-year window, stops counting after a year', () => {
    const c = examples.scores.find((s) => s.id === 'cr-04')!;
    const records = caseRecords(c).map((r) => ({ ...r, windowYears: 1 }));
    // decided 2022-03-01 + 1 year = 2023-03-01 exclusive: counts on 2023-02-28, not on 2023-03-01.
    assert.equal(scorePublic(caseEntity(c), records, '2023-02-28', scoringParams(registry, '2023-02-28')).score, 740);
    assert.equal(scorePublic(caseEntity(c), records, '2023-03-01', scoringParams(registry, '2023-03-01')).score, 770);
  });
});
