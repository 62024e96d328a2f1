/**
 * The price demonstration data: loads on each database through the
 * services, a detection finds the planted R1 rise, the warning waits for
 * approval, a second load is skipped.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { DEMO_DETECTION_ON, DEMO_RISING_ITEM, seedPriceDemo } from '../../src/price/demo/seed.ts';
import { R1_RULE } from '../../src/price/rules/r1TenDayChange.ts';
import { getDetection } from '../../src/price/services/detection.ts';
import { storedDecisions } from '../../src/price/services/subsidies.ts';
import { listWarnings } from '../../src/price/services/warnings.ts';
import { describeEachDatabase } from '../helpers/db.ts';

describeEachDatabase('price demonstration data', (database) => {
  test('small set: counts as generated, R1 on eggs proposed, warning proposed, second load skipped', async () => {
    const ctx = await database.open();
    try {
      const first = await seedPriceDemo(ctx, { size: 'small' });
      // 9 counties × 2 points; 8 core items; 7 months × 3 旬 = 21 prices each:
      // 18 × 8 × 21 = 3024 observations, all plausible (none held).
      assert.equal(first.seeded, true);
      assert.equal(first.points, 18);
      assert.equal(first.items, 8);
      assert.equal(first.observations, 3024);
      const counties = await ctx.store.db.selectFrom('price_point').select('county').distinct().execute();
      assert.equal(counties.length, 9);
      const held = await ctx.store.db.selectFrom('price_observation').select('id').where('status', '=', 'held').execute();
      assert.equal(held.length, 0);
      assert.equal((await ctx.store.db.selectFrom('price_complaint').select('id').execute()).length, 5);

      // Eggs +4.2% from 12月中旬: 旬环比 ≥ 3% (yellow), < 5% (red), on all 18 points.
      const detection = await getDetection(ctx, `detection-${DEMO_DETECTION_ON}`);
      assert.ok(detection);
      assert.equal(detection.proposes, true);
      const r1 = detection.findings.filter((f) => f.rule === 'R1');
      assert.deepEqual(r1.map((f) => [f.itemId, f.ruleId, f.scope, f.light]), [[DEMO_RISING_ITEM, R1_RULE, 'city', 'yellow']]);
      assert.deepEqual(detection.findings.filter((f) => f.rule !== 'R1'), []);

      const warnings = await listWarnings(ctx);
      assert.equal(warnings.length, 1);
      assert.equal(warnings[0]!.state, 'proposed');
      assert.equal(warnings[0]!.level, 3);
      assert.equal(warnings[0]!.detectionId, first.detectionId);

      // 2022 national figures: food CPI ≥ 6.0% in 07 (6.3), 08 (6.1), 09 (8.8), 10 (7.0).
      const decisions = await storedDecisions(ctx, { from: '2022-01', to: '2022-12' });
      assert.equal(decisions.length, 12);
      const triggered = decisions.filter((d) => d.outcome === 'decided' && d.result.trigger).map((d) => d.figures.month);
      assert.deepEqual(triggered, ['2022-07', '2022-08', '2022-09', '2022-10']);
      const paid = await ctx.store.db.selectFrom('price_payment').select('index_month').distinct().orderBy('index_month').execute();
      assert.deepEqual(paid.map((r) => r.index_month), ['2022-07', '2022-08', '2022-09', '2022-10']);

      assert.deepEqual(await seedPriceDemo(ctx, { size: 'small' }), { seeded: false, items: 0, points: 0, observations: 0 });
      assert.equal((await listWarnings(ctx)).length, 1);
    } finally {
      await ctx.close();
    }
  });
});
