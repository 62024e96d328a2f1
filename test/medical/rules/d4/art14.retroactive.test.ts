import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { settleRetroactive } from '../../../../src/medical/rules/index.ts';
import { baseline, claim, resident } from '../build.ts';

describe('d4.art14.retroactive (D4 §14)', () => {
  const person = resident();

  test('a second application in the same year, not eligible', () => {
    const d = settleRetroactive(person, { date: '2023-09-01', category: 'illness_poverty', earlierApplications: ['2023-02-01'] }, [], baseline);
    assert.equal(d.outcome, 'not_eligible');
  });

  test('window is the 12 months up to the application date, both ends included', () => {
    const claims = [
      claim(person, { claimId: 'edge', kind: 'inpatient', date: '2022-11-15', total: '6000.00' }),
      claim(person, { claimId: 'before', kind: 'inpatient', date: '2022-11-14', total: '6000.00' }),
    ];
    const d = settleRetroactive(person, { date: '2023-11-15', category: 'illness_poverty' }, claims, baseline);
    assert.equal(d.outcome, 'decided');
    if (d.outcome !== 'decided') return;
    assert.equal(d.result.windowFrom, '2022-11-15');
    // (6000 - 5000) x 60% = 600
    assert.equal(d.result.claims.find((c) => c.claimId === 'edge')!.assistance, 60_000);
    assert.equal(d.result.claims.find((c) => c.claimId === 'before')!.outcome, 'outside_window');
  });

  test('ordinary outpatient in the window, not covered', () => {
    const d = settleRetroactive(person, { date: '2023-06-15', category: 'illness_poverty' }, [claim(person, { total: '9000.00' })], baseline);
    assert.equal(d.outcome === 'decided' && d.result.claims[0]!.outcome, 'not_covered');
  });
});
