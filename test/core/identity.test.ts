import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { checkResidentId, maskResidentId } from '../../src/core/identity.ts';

describe('resident ID (GB 11643)', () => {
  test('a valid number of the examples passes with its birth date and sex', () => {
    const result = checkResidentId('230302198503150018');
    assert.deepEqual(result, { ok: true, birthDate: '1985-03-15', sex: 'male', area: '230302' });
  });

  test('a wrong check digit is refused', () => {
    const result = checkResidentId('230302198503150019');
    assert.equal(result.ok, false);
  });

  test('a birth date that does not exist is refused', () => {
    assert.equal(checkResidentId('230302198502300012').ok, false);
  });

  test('masking keeps area and last four only', () => {
    assert.equal(maskResidentId('230302198503150018'), '230302********0018');
  });
});
