import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { outpatientRatio } from '../../../../src/medical/rules/d5/art7_1.ratio.ts';
import { baseline, claim, employee, settleInOrder } from '../build.ts';

const p = baseline.on('2023-03-01').pooling!;

describe('d5.art7_1.outpatient_ratio (D5 §7(1))', () => {
  test('in service, levels 1/2/3, ratios 70/60/50%', () => {
    assert.deepEqual([1, 2, 3].map((l) => outpatientRatio(l as 1 | 2 | 3, employee(), p)), [7000, 6000, 5000]);
  });

  test('retired, 5 percentage points more at each level: 75/65/55%', () => {
    assert.deepEqual([1, 2, 3].map((l) => outpatientRatio(l as 1 | 2 | 3, employee('retired'), p)), [7500, 6500, 5500]);
  });

  test('retired at level 3, (1600-600)x55% = 550', () => {
    const person = employee('retired');
    const [bill] = settleInOrder(person, [claim(person, { level: 3, total: '1600.00' })]);
    assert.equal(bill!.pooling, 55_000);
  });
});
