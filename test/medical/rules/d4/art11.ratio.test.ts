import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import type { CategoryCode } from '../../../../src/medical/rules/index.ts';
import { claim, resident, settleInOrder } from '../build.ts';

// Eligible 1000 chronic, no deductible for T1/T2; T3 checked with the
// deductible used up by an earlier claim.
const EXPECTED: Array<[CategoryCode, number]> = [
  ['tekun', 100_000],
  ['dibao', 70_000],
  ['orphan', 70_000],
  ['unsupported_child', 70_000],
  ['returned_poverty', 70_000],
];

describe('d4.art11.ratio (D4 §11(1)(2))', () => {
  for (const [code, expected] of EXPECTED) {
    test(`${code}, chronic 1000, assistance ${expected / 100}`, () => {
      const person = resident(code);
      const [bill] = settleInOrder(person, [claim(person, { kind: 'chronic', total: '1000.00' })]);
      assert.equal(bill!.assistance, expected);
    });
  }

  test('T3 dibao_marginal, deductible used, inpatient 1000 x 60% = 600', () => {
    const person = resident('dibao_marginal');
    const [, bill] = settleInOrder(person, [
      claim(person, { claimId: 'a', kind: 'inpatient', total: '2000.00' }),
      claim(person, { claimId: 'b', kind: 'inpatient', date: '2023-04-01', total: '1000.00' }),
    ]);
    assert.equal(bill!.assistance, 60_000);
  });
});
