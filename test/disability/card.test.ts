import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { checkCardNumber } from '../../src/disability/rules/card.ts';
import { loadExamples } from './examples.ts';

const examples = loadExamples();

/** The example's "why" names the part that is wrong; map it to our problem code. */
function expectedProblem(why: string): string {
  if (/category/.test(why)) return 'category';
  if (/grade/.test(why)) return 'grade';
  if (/check digit|ID/.test(why)) return 'resident_id';
  if (/characters/.test(why)) return 'length';
  throw new Error(`unrecognised example reason: ${why}`);
}

describe('d1.s3_6_1.card_number (D1 三(六)1, 三(三)9)', () => {
  for (const c of examples.cards) {
    if (c.valid) {
      test(`card ${c.card}, valid: ${c.category} grade ${c.grade}`, () => {
        const result = checkCardNumber(c.card);
        assert.equal(result.ok, true);
        if (!result.ok) return;
        assert.equal(result.categoryLabel, c.category);
        assert.equal(result.grade, c.grade);
        assert.equal(result.residentId, c.card.slice(0, 18));
      });
    } else {
      test(`card ${c.card}, refused: ${c.why}`, () => {
        const result = checkCardNumber(c.card);
        assert.equal(result.ok, false);
        if (result.ok) return;
        assert.ok(
          result.problems.some((p) => p.code === expectedProblem(c.why!)),
          JSON.stringify(result.problems),
        );
      });
    }
  }

  test('category digit 0 and grade digit 0, both refused with two reasons', () => {
    const result = checkCardNumber('23030219850315001800'.slice(0, 18) + '00');
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.deepEqual(result.problems.map((p) => p.code).sort(), ['category', 'grade']);
  });

  test('lower-case x in the ID check position, accepted as X', () => {
    // 11010519491231002X is the GB 11643 example number; + 4 肢体, 3级.
    const result = checkCardNumber('11010519491231002x43');
    assert.equal(result.ok, true);
    if (result.ok) assert.equal(result.residentId, '11010519491231002X');
  });
});
