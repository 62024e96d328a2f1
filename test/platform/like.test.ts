/** Typed search text: % and _ are letters, on both databases. */
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { sql } from 'kysely';

import { contains, escapeLike, startsWith } from '../../src/db/like.ts';
import { describeEachDatabase } from '../helpers/db.ts';

test('escapeLike escapes %, _ and the escape character', () => {
  assert.equal(escapeLike('50%_a\\b'), '50\\%\\_a\\\\b');
});

describeEachDatabase('LIKE with typed text', (database) => {
  test('"%" finds only names holding a percent sign; "_" only underscores; prefixes likewise', async () => {
    const ctx = await database.open();
    try {
      const db = ctx.store.db as unknown as import('kysely').Kysely<{ t: { name: string } }>;
      await sql`create table like_probe (name text)`.execute(db);
      for (const name of ['张三', '百分之50%', 'a_b', 'axb', 'a\\b']) await sql`insert into like_probe (name) values (${name})`.execute(db);
      const names = async (condition: ReturnType<typeof contains>) =>
        (await sql<{ name: string }>`select name from like_probe where ${condition} order by name`.execute(db)).rows.map((r) => r.name);

      assert.deepEqual(await names(contains('name', '%')), ['百分之50%']);
      assert.deepEqual(await names(contains('name', '_')), ['a_b']);
      assert.deepEqual(await names(contains('name', '\\')), ['a\\b']);
      assert.deepEqual(await names(startsWith('name', 'a_')), ['a_b']);
      assert.deepEqual(await names(contains('name', '三')), ['张三']);
    } finally {
      await ctx.close();
    }
  });
});
