import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { claim, resident, settleInOrder } from '../build.ts';

describe('d4.art9.annual_cap (D4 §9)', () => {
  test('dibao: 20000 then 30000 eligible at 70% = 14000 + 21000, capped at 30000 in total', () => {
    const person = resident('dibao');
    const [first, second] = settleInOrder(person, [
      claim(person, { claimId: 'a', kind: 'inpatient', total: '20000.00' }),
      claim(person, { claimId: 'b', kind: 'chronic', date: '2023-05-01', total: '30000.00' }),
    ]);
    assert.equal(first!.assistance, 1_400_000);
    assert.equal(second!.assistance, 1_600_000);
    assert.equal(second!.accumulatorsAfter.assistancePaid, 3_000_000);
    assert.ok(second!.notes.some((n) => n.code === 'annual_cap_reached' && n.article === 'D4 §9'));
  });

  test('next year the cap is whole again', () => {
    const person = resident('tekun');
    const bills = settleInOrder(person, [
      claim(person, { claimId: 'a', kind: 'inpatient', date: '2023-11-01', total: '40000.00' }),
      claim(person, { claimId: 'b', kind: 'inpatient', date: '2024-02-01', total: '1000.00' }),
    ]);
    assert.equal(bills[0]!.assistance, 3_000_000);
    assert.equal(bills[1]!.assistance, 100_000);
  });
});
