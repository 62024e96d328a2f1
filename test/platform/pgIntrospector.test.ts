/**
 * The PostgreSQL introspector sees the current schema only, so migrating one
 * schema while another is being dropped cannot fail on the other's tables.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';

import pg from 'pg';

import { openDatabase } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { POSTGRES_URL, describeEachDatabase } from '../helpers/db.ts';

describeEachDatabase('introspection', ({ dialect }) => {
  if (dialect !== 'postgres') return;
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  const stamp = `${process.pid}_${Date.now()}`;
  const mine = `ti_mine_${stamp}`;
  const churn = `ti_churn_${stamp}`;

  after(async () => {
    await admin.query(`DROP SCHEMA IF EXISTS ${mine} CASCADE`);
    await admin.query(`DROP SCHEMA IF EXISTS ${churn} CASCADE`);
    await admin.end();
  });

  test('tables of the current schema only; migrations run while another schema is dropped and re-made', async () => {
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${mine}`);
    const store = openDatabase(POSTGRES_URL, { searchPath: mine });
    try {
      let stop = false;
      const churning = (async () => {
        for (let i = 0; !stop && i < 200; i += 1) {
          await admin.query(`CREATE SCHEMA ${churn}`);
          await admin.query(`CREATE TABLE ${churn}.a (id serial primary key, v text)`);
          await admin.query(`DROP SCHEMA ${churn} CASCADE`);
        }
      })();
      const applied = await migrateToLatest(store);
      stop = true;
      await churning;

      assert.ok(applied.length > 0, 'migrations applied to the fresh schema');
      const tables = await store.db.introspection.getTables();
      assert.ok(tables.length > 0);
      assert.deepEqual([...new Set(tables.map((t) => t.schema))], [mine]);
      assert.ok(tables.every((t) => !t.name.startsWith('kysely_migration')), 'internal tables left out unless asked');
      const withInternal = await store.db.introspection.getTables({ withInternalKyselyTables: true });
      assert.ok(withInternal.some((t) => t.name === 'kysely_migration'));
      assert.deepEqual(await migrateToLatest(store), [], 'a second run finds every migration applied');
    } finally {
      await store.close();
    }
  });
});
