import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { settleBatch } from '../../../../src/medical/rules/index.ts';
import { baseline, claim, resident } from '../build.ts';

describe('d4.art12.watch_list (D4 §12, §13)', () => {
  test('rural_at_risk with 大病保险 started and burden over 10000: watched for both, once each', () => {
    const person = resident('rural_at_risk');
    const claims = [
      claim(person, { claimId: 'a', kind: 'inpatient', total: '50000.00', basic: '30000.00', critical: '5000.00' }),
      claim(person, { claimId: 'b', kind: 'inpatient', date: '2023-06-01', total: '5000.00', basic: '3000.00', critical: '500.00' }),
    ];
    const { watchList } = settleBatch([person], claims, baseline);
    assert.deepEqual(
      watchList.map((w) => [w.claimId, w.reason, w.category]),
      [
        ['a', 'heavy_burden', 'rural_at_risk'],
        ['a', 'critical_started', 'rural_at_risk'],
      ],
    );
  });

  test('dibao recipient with the same costs, not a monitored category: not watched', () => {
    const person = resident('dibao');
    const claims = [claim(person, { kind: 'inpatient', total: '50000.00', basic: '30000.00', critical: '5000.00' })];
    assert.deepEqual(settleBatch([person], claims, baseline).watchList, []);
  });
});
