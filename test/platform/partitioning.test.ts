/**
 * The Citus plan of docs/deployment.md against the schema as migrated: every
 * table is placed, each distributed table carries its column, and what Citus
 * would still refuse is exactly the list the document names (keys to widen
 * by a migration before the cluster is switched on). A new table or a
 * changed key fails here until the plan and the document follow.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { listTables } from '../../src/platform/backup.ts';
import type { PlatformContext } from '../../src/platform/context.ts';
import { citusStatements, partitioningProblems, placementOf } from '../../src/platform/partitioning.ts';
import { describeEachDatabase } from '../helpers/db.ts';

// docs/deployment.md, "Citus": the primary keys to widen with the
// distribution column, and the one foreign key to widen with them.
const KEYS_TO_WIDEN = [
  'credit_assessment: unique key (id) without uscc',
  'credit_measure: unique key (id) without uscc',
  'credit_objection: unique key (id) without uscc',
  'credit_plan_target: unique key (id) without uscc',
  'credit_pledge: unique key (id) without uscc',
  'credit_record: unique key (id) without uscc',
  'credit_repair: unique key (id) without uscc',
  'credit_score: unique key (id) without uscc',
  'medical_account_movement: unique key (id) without person_id',
  'medical_claim: unique key (claim_id) without person_id',
  'medical_bill: unique key (bill_id) without person_id',
  'medical_bill: foreign key (claim_id) → medical_claim without person_id',
  'medical_category: unique key (id) without person_id',
  'medical_enrolment: unique key (id) without person_id',
  'medical_retro_application: unique key (id) without person_id',
];

describeEachDatabase('Citus partitioning plan', (database) => {
  let ctx: PlatformContext;
  before(async () => {
    ctx = await database.open();
  });
  after(async () => {
    await ctx.close();
  });

  test('every table placed; what Citus would refuse is the documented list', async () => {
    // Of the tables this schema has (an area may be adding one meanwhile).
    const tables = new Set(await listTables(ctx.store));
    const expected = KEYS_TO_WIDEN.filter((p) => tables.has(p.slice(0, p.indexOf(':'))));
    assert.deepEqual((await partitioningProblems(ctx.store)).sort(), expected.sort());
  });

  test('medical by person, credit by entity, each group colocated with its root table', async () => {
    const tables = await listTables(ctx.store);
    const distributed = tables.filter((t) => { const p = placementOf(t); return p && 'distributeBy' in p; });
    const medical = ['medical_account', 'medical_account_movement', 'medical_accumulator', 'medical_bill', 'medical_category', 'medical_claim', 'medical_enrolment', 'medical_person', 'medical_retro_application'];
    assert.deepEqual(distributed.filter((t) => t.startsWith('medical_')).sort(), medical.filter((t) => tables.includes(t)));
    for (const t of distributed) {
      assert.equal((placementOf(t) as { distributeBy: string }).distributeBy, t.startsWith('medical_') ? 'person_id' : 'uscc', t);
    }

    const statements = citusStatements(tables);
    assert.ok(statements.includes("SELECT create_distributed_table('medical_person', 'person_id');"));
    assert.ok(statements.includes("SELECT create_distributed_table('medical_bill', 'person_id', colocate_with => 'medical_person');"));
    assert.ok(statements.includes("SELECT create_distributed_table('credit_score', 'uscc', colocate_with => 'credit_entity');"));
    // The reference table comes before the distributed rows that point at it.
    assert.ok(statements.indexOf("SELECT create_reference_table('credit_plan');") < statements.findIndex((s) => s.includes("'credit_plan_target'")));
  });
});
