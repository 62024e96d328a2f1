import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { settleBatch } from '../../../../src/medical/rules/index.ts';
import { baseline, claim, resident } from '../build.ts';

describe('d4.art13.push_list (D4 §13)', () => {
  test('burden after insurance exactly 10000, not over: not pushed', () => {
    const person = resident();
    const claims = [claim(person, { kind: 'inpatient', total: '30000.00', basic: '20000.00' })];
    assert.deepEqual(settleBatch([person], claims, baseline).pushList, []);
  });

  test('two claims passing 10000 together: pushed once, with the year-end burden', () => {
    const person = resident();
    const claims = [
      claim(person, { claimId: 'a', kind: 'inpatient', total: '9000.00', basic: '2000.00' }),
      claim(person, { claimId: 'b', kind: 'inpatient', date: '2023-05-01', total: '6000.00', basic: '2000.00' }),
      claim(person, { claimId: 'c', kind: 'inpatient', date: '2023-07-01', total: '1000.00' }),
    ];
    const { pushList } = settleBatch([person], claims, baseline);
    // 7000, then 11000 (crossed on b), then 12000 at the end
    assert.deepEqual(pushList, [{ personId: person.personId, year: 2023, burden: 1_200_000, claimId: 'b' }]);
  });

  test('claims before D4 came into force, no push list', () => {
    const person = resident();
    const claims = [claim(person, { kind: 'inpatient', date: '2022-09-01', total: '30000.00' })];
    assert.deepEqual(settleBatch([person], claims, baseline).pushList, []);
  });
});
