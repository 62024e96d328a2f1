import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { admissionDeposit } from '../../../../src/medical/rules/index.ts';
import { baseline, claim, resident, settleInOrder } from '../build.ts';

describe('d4.art16.deposit_free (D4 §16 先诊疗后付费)', () => {
  const admission = { date: '2023-03-01', place: 'city' as const, primaryFirstVisit: true };

  for (const code of ['dibao', 'tekun', 'orphan', 'unsupported_child', 'rural_at_risk'] as const) {
    test(`${code}, referred from primary level, admitted in the city: no deposit`, () => {
      const d = admissionDeposit(resident(code), admission, baseline);
      assert.equal(d.depositFree, true);
      assert.equal(d.category, code);
    });
  }

  test('dibao_marginal, not named in §16: deposit required', () => {
    assert.equal(admissionDeposit(resident('dibao_marginal'), admission, baseline).depositFree, false);
  });

  test('admitted outside the city, or without primary first visit: deposit required', () => {
    assert.equal(admissionDeposit(resident('dibao'), { ...admission, place: 'province' }, baseline).depositFree, false);
    assert.equal(admissionDeposit(resident('dibao'), { ...admission, primaryFirstVisit: false }, baseline).depositFree, false);
  });

  test('before D4 came into force: deposit required', () => {
    assert.equal(admissionDeposit(resident('dibao'), { ...admission, date: '2022-09-01' }, baseline).depositFree, false);
  });

  test('the bill of such an inpatient claim says so', () => {
    const person = resident('tekun');
    const [bill] = settleInOrder(person, [claim(person, { kind: 'inpatient', primaryFirstVisit: true, total: '1000.00' })]);
    assert.equal(bill!.depositFree, true);
  });
});
