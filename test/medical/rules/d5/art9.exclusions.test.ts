import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import type { Exclusion } from '../../../../src/medical/rules/index.ts';
import { claim, employee, settleInOrder } from '../build.ts';

const REASONS: Exclusion[] = ['work_injury', 'third_party', 'public_health', 'abroad', 'wellness'];

describe('d5.art9.exclusions (D5 §9)', () => {
  for (const exclusion of REASONS) {
    test(`${exclusion}, pooling pays nothing, no deductible, account not used`, () => {
      const person = employee();
      const [bill] = settleInOrder(person, [claim(person, { exclusion, total: '2000.00' })], undefined, {
        account: 50_000,
        accumulators: null,
      });
      assert.equal(bill!.pooling, 0);
      assert.equal(bill!.accumulatorsAfter.poolingDeductible, 0);
      assert.equal(bill!.accountPaid, 0);
      assert.equal(bill!.cashPaid, 200_000);
      assert.ok(bill!.notes.some((n) => n.code === 'excluded' && n.article === 'D5 §9'));
    });
  }
});
