import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { claim, resident, settleInOrder } from '../build.ts';

describe('d4.art16.referral (D4 §16)', () => {
  test('not referred, not an emergency: no assistance, no deductible used, noted', () => {
    const person = resident('dibao_marginal');
    const [bill] = settleInOrder(person, [claim(person, { kind: 'inpatient', referral: false, total: '10000.00', basic: '6000.00' })]);
    assert.equal(bill!.assistance, 0);
    assert.equal(bill!.accumulatorsAfter.assistanceDeductible, 0);
    assert.ok(bill!.notes.some((n) => n.code === 'not_referred' && n.article === 'D4 §16'));
  });
});
