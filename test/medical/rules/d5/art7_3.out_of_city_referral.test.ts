import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { PARAM } from '../../../../src/medical/rules/index.ts';
import { claim, employee, settleInOrder, withParams } from '../build.ts';

describe('d5.art7_3.out_of_city_referral (D5 §7(3))', () => {
  const person = employee();
  const referred = claim(person, { level: 3, place: 'outside', total: '3000.00' });

  test('reading percentage_points (default), level 3 50% - 10 = 40%: (3000-600)x40% = 960', () => {
    const [bill] = settleInOrder(person, [referred]);
    assert.equal(bill!.pooling, 96_000);
  });

  test('reading relative, level 3 50% x 90% = 45%: (3000-600)x45% = 1080', () => {
    const params = withParams([{ id: PARAM.reductionReading, value: 'relative' }]);
    const [bill] = settleInOrder(person, [referred], params);
    assert.equal(bill!.pooling, 108_000);
  });

  test('retired, relative reading, level 1 75% x 90% = 67.5%: (1600-600)x67.5% = 675', () => {
    const retired = employee('retired');
    const params = withParams([{ id: PARAM.reductionReading, value: 'relative' }]);
    const [bill] = settleInOrder(retired, [claim(retired, { level: 1, place: 'province', total: '1600.00' })], params);
    assert.equal(bill!.pooling, 67_500);
  });
});
