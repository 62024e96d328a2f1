/** d4.art2.one_stop (D4 §2): the bill, its explanation, its purity. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { claimProblems, initialState, settleClaim } from '../../../src/medical/rules/index.ts';
import { baseline, claim, employee, resident } from './build.ts';

describe('d4.art2.one_stop (D4 §2)', () => {
  const person = employee('in_service', [{ code: 'dibao', from: '2023-01-01', to: null }]);
  const inpatient = claim(person, { kind: 'inpatient', total: '20000.00', scope: '18000.00', basic: '14000.00' });
  const state = { account: 10_000, accumulators: null };

  test('explanations off: no steps, but articles and amounts', () => {
    const bill = settleClaim(person, inpatient, state, baseline);
    assert.deepEqual(bill.steps, []);
    assert.equal(bill.articles[0], 'D4 §2');
    assert.deepEqual([bill.assistance, bill.accountPaid, bill.cashPaid], [280_000, 10_000, 310_000]);
  });

  test('explanations on: same amounts, every step names rule, article, Chinese text; params carry citations', () => {
    const plain = settleClaim(person, inpatient, state, baseline);
    const explained = settleClaim(person, inpatient, state, baseline, { explain: true });
    assert.deepEqual({ ...explained, steps: [] }, plain);

    const rules = explained.steps.map((s) => s.rule);
    assert.deepEqual(rules, [
      'd4.art3.insurance_first',
      'd4.art6.categories',
      'd4.art8.eligible_amount',
      'd4.art10.deductible',
      'd4.art11.ratio',
      'd4.art11_3.tilt',
      'd4.art9.annual_cap',
      'd5.art8.account_first',
      'd4.art2.one_stop',
    ]);
    for (const step of explained.steps) {
      assert.match(step.article, /^D[45] §\d+/);
      assert.match(step.text, /[\u4e00-\u9fff]/);
      for (const use of step.params ?? []) {
        assert.ok(use.citation.number.includes('鸡政办规〔2022〕'), use.id);
        assert.ok(use.from.length === 10, use.id);
      }
    }
    const ratio = explained.steps.find((s) => s.rule === 'd4.art11.ratio')!;
    assert.equal(ratio.params![0]!.id, 'medical.d4.art11.ratio_t2');
    assert.equal(ratio.params![0]!.citation.article, 'D4 §11(1)');
  });

  test('settling the same claim twice from the same state, the same bill; the state is not changed', () => {
    const frozen = Object.freeze({ ...state });
    const first = settleClaim(person, inpatient, frozen, baseline);
    const second = settleClaim(person, inpatient, frozen, baseline);
    assert.deepEqual(first, second);
    assert.deepEqual(frozen, state);
  });

  test('a claim with basic insurance above its policy scope, refused with the field named', () => {
    const bad = { ...inpatient, basicPaid: 2_000_000 };
    assert.throws(() => settleClaim(person, bad, initialState(), baseline), (error: { code: string; problems: Array<{ field: string }> }) => {
      assert.equal(error.code, 'ERR_MEDICAL_CLAIM_INVALID');
      assert.deepEqual(error.problems.map((p) => p.field), ['basicPaid']);
      return true;
    });
  });

  test('a claim of another person, refused', () => {
    assert.throws(() => settleClaim(resident(), inpatient, initialState(), baseline), { code: 'ERR_MEDICAL_CLAIM_INVALID' });
  });

  test('claimProblems lists every bad field of a row', () => {
    const bad = { ...inpatient, date: '2023-02-30', level: 4 as 1, total: -1 };
    assert.deepEqual(
      claimProblems(bad, 7).map((p) => [p.row, p.field]),
      [
        [7, 'date'],
        [7, 'level'],
        [7, 'total'],
      ],
    );
  });

  test('parameters for a date are resolved once and reused', () => {
    assert.equal(baseline.on('2023-03-01'), baseline.on('2023-03-01'));
    assert.equal(baseline.on('2023-03-02').pooling!.deductible, 60_000);
    assert.equal(baseline.on('2022-12-31').pooling, null);
  });
});
