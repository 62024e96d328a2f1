import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { PARAM } from '../../../../src/medical/rules/index.ts';
import { claim, employee, settleInOrder, withParams } from '../build.ts';

describe('d5.art10.fund_annual_limit (D5 §10)', () => {
  const person = employee();

  test('limit not entered, the check is skipped and the bill says so', () => {
    const [bill] = settleInOrder(person, [claim(person, { total: '1600.00' })]);
    assert.equal(bill!.pooling, 60_000);
    assert.ok(bill!.notes.some((n) => n.code === 'fund_limit_unset' && n.article === 'D5 §10'));
  });

  test('limit 10500, inpatient basic 10000 already paid, outpatient pooling limited to 500', () => {
    const params = withParams([{ id: PARAM.fundAnnualLimit, value: '10500.00' }]);
    const [inpatient, outpatient] = settleInOrder(
      person,
      [
        claim(person, { claimId: 'a', kind: 'inpatient', total: '12000.00', basic: '10000.00' }),
        claim(person, { claimId: 'b', date: '2023-04-01', total: '1600.00' }),
      ],
      params,
    );
    assert.equal(inpatient!.accumulatorsAfter.fundPaid, 1_000_000);
    // (1600-600) x 60% = 600, but only 10500 - 10000 = 500 left of the fund's limit
    assert.equal(outpatient!.pooling, 50_000);
    assert.ok(outpatient!.notes.some((n) => n.code === 'fund_limit_reached'));
    assert.ok(!outpatient!.notes.some((n) => n.code === 'fund_limit_unset'));
  });

  test('a malformed limit is refused when the parameters are read', () => {
    const params = withParams([{ id: PARAM.fundAnnualLimit, value: 'lots' }]);
    assert.throws(() => params.on('2023-03-01'), { code: 'ERR_MEDICAL_PARAM_INVALID' });
  });
});
