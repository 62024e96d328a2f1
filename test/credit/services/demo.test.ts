/** The credit demonstration data: loads on each database, scored, once only. */
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { seedCreditDemo } from '../../../src/credit/demo/seed.ts';
import { describeEachDatabase } from '../../helpers/db.ts';

describeEachDatabase('credit demonstration data', (database) => {
  test('small set, every entity scored, a plan, cases in several states; a second load skipped', async () => {
    const ctx = await database.open();
    try {
      const first = await seedCreditDemo(ctx, { size: 'small' });
      assert.deepEqual(first, { seeded: true, entities: 300 });
      const unscored = await ctx.store.db.selectFrom('credit_entity').select('uscc').where('current_score_id', 'is', null).execute();
      assert.equal(unscored.length, 0);
      assert.equal((await ctx.store.db.selectFrom('credit_plan').select('id').execute()).length, 1);
      const states = (await ctx.store.db.selectFrom('credit_objection').select('state').execute()).map((r) => r.state).sort();
      assert.deepEqual(states, ['checking', 'received', 'upheld']);
      assert.deepEqual(await seedCreditDemo(ctx, { size: 'small' }), { seeded: false, entities: 0 });
    } finally {
      await ctx.close();
    }
  });
});
