import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { mayReadResult } from '../../../src/credit/rules/access.ts';

const own = '91230302MA1AAA018C';
const other = '91230302MA1AAA0267';

describe('d2.part2_2_3.result_access', () => {
  test('an entity reading its own result, allowed; another entity, refused', () => {
    const caller = { user: 'u1', role: 'entity', entity: own };
    assert.deepEqual(mayReadResult(caller, own, 'full'), { allowed: true });
    assert.equal(mayReadResult(caller, other, 'full').allowed, false);
  });

  test('a finance officer (approvals), grade only; full breakdown refused', () => {
    const caller = { user: 'a1', role: 'finance' };
    assert.equal(mayReadResult(caller, own, 'summary').allowed, true);
    assert.equal(mayReadResult(caller, own, 'full').allowed, false);
  });

  test('the system administrator, no results at all (log only)', () => {
    assert.equal(mayReadResult({ user: 'x', role: 'admin' }, own, 'summary').allowed, false);
  });
});

test('a regulator, full breakdown; an unknown role, nothing', () => {
  assert.equal(mayReadResult({ user: 'r', role: 'regulator' }, own, 'full').allowed, true);
  assert.equal(mayReadResult({ user: 'z', role: 'nobody' }, own, 'summary').allowed, false);
});
