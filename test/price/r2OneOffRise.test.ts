import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { loadParams } from '../../src/platform/context.ts';
import { chainSteps } from '../../src/price/rules/chain.ts';
import { r2OneOffRise } from '../../src/price/rules/r2OneOffRise.ts';
import { detectionSettings } from '../../src/price/services/settings.ts';
import { at, obs } from './fixtures.ts';

const loaded = detectionSettings(loadParams(), '2022-09-15');
assert.ok(loaded.ok);
const { r2 } = loaded.settings;

describe('D3 1.3 R2 one-off rise against the previous observation', () => {
  test('eggs 5.00 -> 5.30 at three points: +6% is above 5%, holds', () => {
    const steps = chainSteps([...at(['p1', 'p2', 'p3'], 'egg', '2022-09-12', 500), ...at(['p1', 'p2', 'p3'], 'egg', '2022-09-13', 530)], 'matched');
    const r = r2OneOffRise('eggs', steps, '2022-09-11', r2);
    assert.equal(r?.holds, true);
    assert.equal(r?.changeBp, 600);
    assert.deepEqual(r?.step.points, ['p1', 'p2', 'p3']);
  });

  test('grain 2.00 -> 2.10: exactly 5% is not above 5%, does not hold', () => {
    const steps = chainSteps([...at(['p1'], 'rice', '2022-09-12', 200), ...at(['p1'], 'rice', '2022-09-13', 210)], 'matched');
    assert.equal(r2OneOffRise('grain', steps, '2022-09-11', r2)?.holds, false);
  });

  test('refined oil +8%: under its 10% limit, does not hold; fertiliser +10.5% holds', () => {
    const oil = chainSteps([obs('p1', 'diesel', '2022-09-12', 800), obs('p1', 'diesel', '2022-09-13', 864)], 'matched');
    assert.equal(r2OneOffRise('refined_oil', oil, '2022-09-11', r2)?.holds, false);
    const urea = chainSteps([obs('p1', 'urea', '2022-09-12', 2000), obs('p1', 'urea', '2022-09-13', 2210)], 'matched');
    assert.equal(r2OneOffRise('fertiliser', urea, '2022-09-11', r2)?.holds, true);
  });

  test('a point that joins at a dearer price is no rise when matched, is one when all points count', () => {
    const rows = [obs('p1', 'egg', '2022-09-12', 500), obs('p1', 'egg', '2022-09-13', 500), obs('p2', 'egg', '2022-09-13', 700)];
    assert.equal(r2OneOffRise('eggs', chainSteps(rows, 'matched'), '2022-09-11', r2)?.holds, false);
    assert.equal(r2OneOffRise('eggs', chainSteps(rows, 'all'), '2022-09-11', r2)?.holds, true);
  });

  test('the last step before the current 旬 is not read', () => {
    const steps = chainSteps([obs('p1', 'egg', '2022-09-01', 500), obs('p1', 'egg', '2022-09-02', 600)], 'matched');
    assert.equal(r2OneOffRise('eggs', steps, '2022-09-11', r2), undefined);
  });

  test('a category R2 does not watch (fruit): nothing to read', () => {
    const steps = chainSteps([obs('p1', 'apple', '2022-09-12', 500), obs('p1', 'apple', '2022-09-13', 600)], 'matched');
    assert.equal(r2OneOffRise('fruit', steps, '2022-09-11', r2), undefined);
  });
});
