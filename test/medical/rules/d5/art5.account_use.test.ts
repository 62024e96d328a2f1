import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { accountUse } from '../../../../src/medical/rules/index.ts';
import { employee, resident } from '../build.ts';

describe('d5.art5.account_use (D5 §5)', () => {
  const member = employee();

  test('own policy-scope self-pay at a designated institution, allowed (§5(1))', () => {
    assert.deepEqual(
      [accountUse(member, { purpose: 'policy_scope_self_pay', beneficiary: 'self', designated: true }).allowed],
      [true],
    );
  });

  test("spouse's costs at a designated pharmacy, allowed (§5(2))", () => {
    const d = accountUse(member, { purpose: 'pharmacy_purchase', beneficiary: 'spouse', designated: true });
    assert.equal(d.allowed, true);
    assert.equal(d.article, 'D5 §5(2)');
  });

  test("a friend's costs, refused (§5(2) names spouse, parents, children)", () => {
    assert.equal(accountUse(member, { purpose: 'medical_cost', beneficiary: 'other', designated: true }).allowed, false);
  });

  test("child's resident premium allowed, own 大额医疗补助 premium allowed, a parent's not (§5(3))", () => {
    assert.equal(accountUse(member, { purpose: 'resident_premium', beneficiary: 'child' }).allowed, true);
    assert.equal(accountUse(member, { purpose: 'large_medical_premium', beneficiary: 'self' }).allowed, true);
    assert.equal(accountUse(member, { purpose: 'large_medical_premium', beneficiary: 'parent' }).allowed, false);
  });

  for (const purpose of ['wellness', 'fitness', 'public_health'] as const) {
    test(`${purpose}, never allowed, even for the member (§5(4))`, () => {
      const d = accountUse(member, { purpose, beneficiary: 'self', designated: true });
      assert.equal(d.allowed, false);
      assert.equal(d.article, 'D5 §5(4)');
    });
  }

  test('refund on transfer out and inheritance, allowed (§5(5))', () => {
    assert.equal(accountUse(member, { purpose: 'refund_on_transfer', beneficiary: 'self' }).allowed, true);
    assert.equal(accountUse(member, { purpose: 'inheritance', beneficiary: 'other' }).allowed, true);
  });

  test('resident or flexible member, no account to use (§4)', () => {
    assert.equal(accountUse(resident(), { purpose: 'policy_scope_self_pay', beneficiary: 'self', designated: true }).allowed, false);
    assert.equal(accountUse(employee('flexible'), { purpose: 'resident_premium', beneficiary: 'child' }).article, 'D5 §4');
  });
});
