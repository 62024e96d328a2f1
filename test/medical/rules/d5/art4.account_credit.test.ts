import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { accountCredit } from '../../../../src/medical/rules/index.ts';
import { baseline } from '../build.ts';

describe('d5.art4.account_credit (D5 §4)', () => {
  test('month before D5, no rule in force', () => {
    const d = accountCredit({ employment: 'in_service', month: '2022-12', contributionBase: 500_000 }, baseline);
    assert.equal(d.outcome, 'no_rule_in_force');
  });

  test('in service without a contribution base, needs input', () => {
    const d = accountCredit({ employment: 'in_service', month: '2023-03' }, baseline);
    assert.deepEqual(d.outcome === 'needs_input' && d.missing, ['contributionBase']);
  });

  test('special group keeping the previous policy, credited what the previous policy gives', () => {
    const d = accountCredit({ employment: 'retired', month: '2023-03', previousPolicy: { monthlyCredit: 8_800 } }, baseline);
    assert.deepEqual(d.outcome === 'decided' && d.result, { credit: 8_800, basis: 'previous_policy' });
  });

  test('base 3333.33, 2% = 66.6666 rounds half up to 66.67', () => {
    const d = accountCredit({ employment: 'in_service', month: '2023-03', contributionBase: 333_333 }, baseline);
    assert.equal(d.outcome === 'decided' && d.result.credit, 6_667);
  });
});
