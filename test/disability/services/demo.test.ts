/**
 * The small demonstration register: one hundredth of D1 一's aggregates
 * (4.9万 → 490 holders, 1.27万 → 127 living, 1.34万 → 134 care), labelled
 * synthetic, loaded once.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { seedDisabilityDemo } from '../../../src/disability/demo/seed.ts';
import { monitoring } from '../../../src/disability/services/indicators.ts';
import { payrollSummary } from '../../../src/disability/services/payroll.ts';
import type { PlatformContext } from '../../../src/platform/context.ts';
import { describeEachDatabase } from '../../helpers/db.ts';

describeEachDatabase('disability demonstration data', (database) => {
  let ctx: PlatformContext;
  before(async () => { ctx = await database.open(); });
  after(async () => ctx.close());

  test('small: 490 synthetic card holders, 127 living and 134 care recipients in December 2024', async () => {
    const result = await seedDisabilityDemo(ctx, { size: 'small' });
    assert.deepEqual(result, { seeded: true, persons: 490 });
    const labels = await ctx.store.db.selectFrom('disability_person').select('source').distinct().execute();
    assert.deepEqual(labels, [{ source: '合成演示数据' }]);
    const december = await payrollSummary(ctx, '2024-12');
    assert.equal(december.grandTotal.living.persons, 127);
    assert.equal(december.grandTotal.care.persons, 134);
  });

  test('December 2025 shows the stops of November (left 低保, died, moved away)', async () => {
    const summary = await payrollSummary(ctx, '2025-12');
    assert.ok(summary.changes.stopped >= 2, JSON.stringify(summary.changes));
  });

  test('the 2023 indicators: enrolment and services at the published rates or above', async () => {
    const m = await monitoring(ctx, { year: 2023 });
    assert.equal(m.synthetic, true);
    const bp = (id: string) => Math.round(Number(m.city.indicators.find((i) => i.id === id)!.value) * 100);
    assert.ok(bp('pension_rate') > 9100, String(bp('pension_rate')));
    assert.ok(bp('rehab_coverage') >= 8500, String(bp('rehab_coverage')));
    assert.ok(bp('school_rate') >= 9900, String(bp('school_rate')));
    assert.equal(m.city.indicators.find((i) => i.id === 'care_coverage')!.value, '100.00');
  });

  test('seeded again, nothing loaded twice', async () => {
    const again = await seedDisabilityDemo(ctx, { size: 'small' });
    assert.deepEqual(again, { seeded: false, persons: 490 });
  });
});
