import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { PARAM } from '../../../../src/medical/rules/index.ts';
import { claim, resident, settleInOrder, withParams } from '../build.ts';

// Threshold: 50% of 20000 = 10000. dibao (70%, no deductible) inpatient
// eligible 40000: normal 28000, burden 12000 > 10000, so tilted.
describe('d4.art11_3.tilt (D4 §11(3))', () => {
  test('dibao, burden over the threshold: 70% + 10 points = 80% of 40000 = 32000, capped at 30000', () => {
    const person = resident('dibao');
    const [bill] = settleInOrder(person, [claim(person, { kind: 'inpatient', total: '40000.00' })]);
    assert.equal(bill!.assistance, 3_000_000);
    // normal 28000 within the cap, so the tilt part is what the cap leaves: 2000
    assert.equal(bill!.assistanceTilt, 200_000);
    assert.ok(bill!.articles.includes('D4 §11(3)'));
  });

  test('reading relative: 60% x 110% = 66%; illness_poverty eligible 20000: (20000-5000) x 66% = 9900', () => {
    const params = withParams([{ id: PARAM.tiltRaiseReading, value: 'relative' }]);
    const person = resident('illness_poverty');
    const [bill] = settleInOrder(person, [claim(person, { kind: 'inpatient', total: '20000.00' })], params);
    assert.equal(bill!.assistance, 990_000);
    assert.equal(bill!.assistanceTilt, 90_000);
  });

  test('treated outside the province, no tilt: (20000-5000) x 60% = 9000', () => {
    const person = resident('illness_poverty');
    const [bill] = settleInOrder(person, [claim(person, { kind: 'inpatient', place: 'outside', total: '20000.00' })]);
    assert.equal(bill!.assistance, 900_000);
    assert.equal(bill!.assistanceTilt, 0);
  });

  test('tekun, never tilted (特困人员除外)', () => {
    const person = resident('tekun');
    const [bill] = settleInOrder(person, [claim(person, { kind: 'inpatient', total: '25000.00', basic: '5000.00' })]);
    assert.equal(bill!.assistance, 2_000_000);
    assert.equal(bill!.assistanceTilt, 0);
  });

  test('emergency without referral, normal ratio only', () => {
    const person = resident('illness_poverty');
    const [bill] = settleInOrder(person, [
      claim(person, { kind: 'inpatient', referral: false, emergency: true, total: '20000.00' }),
    ]);
    assert.equal(bill!.assistance, 900_000);
    assert.equal(bill!.assistanceTilt, 0);
    // the burden still counts for later claims: 20000 - 9000
    assert.equal(bill!.accumulatorsAfter.tiltBurden, 1_100_000);
  });

  test('burden exactly at the threshold, not over: no tilt', () => {
    // income 10000 -> threshold 5000; dibao eligible 16666.67 x 70% = 11666.67, burden 5000.00
    const params = withParams([{ id: PARAM.incomeLastYear, value: '10000.00' }]);
    const person = resident('dibao');
    const [bill] = settleInOrder(person, [claim(person, { kind: 'inpatient', total: '16666.67' })], params);
    assert.equal(bill!.assistance, 1_166_667);
    assert.equal(bill!.accumulatorsAfter.tiltBurden, 500_000);
    assert.equal(bill!.assistanceTilt, 0);
  });
});
