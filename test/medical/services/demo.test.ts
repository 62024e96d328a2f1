/**
 * The demonstration data set: synthetic and labelled so in the data, valid
 * resident IDs of Jixi's counties, settled through the batch path,
 * deterministic, and loaded once.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { checkResidentId } from '../../../src/core/identity.ts';
import { DEMO_SOURCE, generateDemoRows } from '../../../src/medical/demo/generate.ts';
import { DEMO_SIZES, seedMedicalDemo } from '../../../src/medical/demo/seed.ts';
import { JIXI_COUNTIES } from '../../../src/medical/services/records.ts';
import { describeEachDatabase } from '../../helpers/db.ts';

test('demo rows, same seed same rows, IDs valid and of Jixi counties', () => {
  const a = generateDemoRows({ persons: 300, claims: 50 });
  const b = generateDemoRows({ persons: 300, claims: 50 });
  assert.deepEqual(a, b);
  for (const { values } of a.persons) {
    const check = checkResidentId(values.person_id!);
    assert.ok(check.ok, values.person_id);
    assert.ok(check.area in JIXI_COUNTIES);
  }
  assert.equal(new Set(a.persons.map((p) => p.values.person_id)).size, 300);
});

describeEachDatabase('medical demonstration data', (db) => {
  test('small set seeded, labelled 合成演示数据, settled, and skipped the second time', async () => {
    const ctx = await db.open();
    try {
      const first = await seedMedicalDemo(ctx, { size: 'small' });
      assert.deepEqual(first, { seeded: true, claims: DEMO_SIZES.small.claims });

      const n = async (table: 'medical_person' | 'medical_claim' | 'medical_bill', source?: string) => {
        let q = ctx.store.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n'));
        if (source && table !== 'medical_bill') q = q.where('source', '=', source);
        return Number((await q.executeTakeFirstOrThrow()).n);
      };
      assert.equal(await n('medical_person', DEMO_SOURCE), DEMO_SIZES.small.persons);
      assert.equal(await n('medical_claim', DEMO_SOURCE), DEMO_SIZES.small.claims);
      assert.equal(await n('medical_bill'), DEMO_SIZES.small.claims);

      const assisted = await ctx.store.db.selectFrom('medical_bill').select('bill_id').where('assistance', '>', 0).limit(1).execute();
      assert.equal(assisted.length, 1, 'the mix of categories produces assistance');
      const budgets = await ctx.store.db.selectFrom('medical_fund_budget').selectAll().where('year', '=', 2023).execute();
      assert.ok(budgets.length > 0, 'a fund ledger for 2023');

      assert.deepEqual(await seedMedicalDemo(ctx, { size: 'small' }), { seeded: false, claims: 0 });
      assert.equal(await n('medical_claim'), DEMO_SIZES.small.claims);
    } finally {
      await ctx.close();
    }
  });
});
