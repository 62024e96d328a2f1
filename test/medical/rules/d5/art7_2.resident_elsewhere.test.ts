import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { claim, employee, settleInOrder } from '../build.ts';

describe('d5.art7_2.resident_elsewhere (D5 §7(2))', () => {
  test('registered as living elsewhere, treated in the province without referral, city ratio: (1600-600)x60%', () => {
    const person = employee();
    const [bill] = settleInOrder(person, [
      claim(person, { place: 'province', referral: false, residentElsewhere: true, total: '1600.00' }),
    ]);
    assert.equal(bill!.pooling, 60_000);
    assert.ok(bill!.articles.includes('D5 §7(2)'));
    assert.ok(!bill!.articles.includes('D5 §7(3)'));
  });
});
