/**
 * Results are never public (D2 二(二)3): a read without a role is refused;
 * an entity sees only its own; a department states its purpose; every read,
 * granted or refused, is in the append-only read log, which the database
 * itself refuses to change.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { sql } from 'kysely';

import { describeEachDatabase } from '../../helpers/db.ts';
import { loadExamples } from '../examples.ts';
import { entityHeaders, get, OFFICE, post, withApp } from './helpers.ts';

const [a, b] = loadExamples().scores;

describeEachDatabase('credit privacy and the read log', (database) => {
  test('no role, 401; another entity, 403; own, 200; department without purpose, 400', async () => {
    await withApp(database.open, async (app) => {
      await post(app, '/entities', { ...a!.entity, on: a!.evaluate_on });
      await post(app, '/entities', { ...b!.entity, on: b!.evaluate_on });

      const anonymous = await get(app, `/entities/${a!.entity.uscc}/score`, {});
      assert.equal(anonymous.statusCode, 401);
      assert.equal(anonymous.json().code, 'ERR_CREDIT_ROLE_REQUIRED');

      const other = await get(app, `/entities/${a!.entity.uscc}/score`, entityHeaders(b!.entity.uscc));
      assert.equal(other.statusCode, 403);
      assert.equal(other.json().code, 'ERR_CREDIT_ACCESS_DENIED');

      const own = await get(app, `/entities/${a!.entity.uscc}/score`, entityHeaders(a!.entity.uscc));
      assert.equal(own.statusCode, 200);
      assert.equal(own.json().score, 770);

      const noPurpose = await get(app, `/entities/${a!.entity.uscc}/score`, { 'x-user': 'reg-2', 'x-role': 'regulator' });
      assert.equal(noPurpose.statusCode, 400);
      assert.equal(noPurpose.json().code, 'ERR_CREDIT_PURPOSE_REQUIRED');

      const finance = await get(app, `/entities/${a!.entity.uscc}/score?purpose=${encodeURIComponent('财政资金项目审核')}`, { 'x-user': 'fin-1', 'x-role': 'finance' });
      assert.equal(finance.statusCode, 403, 'approvals see the grade, not the breakdown');
      const answer = await get(app, `/entities/${a!.entity.uscc}/entitlements/fiscal_funds?purpose=${encodeURIComponent('财政资金项目审核')}`, { 'x-user': 'fin-1', 'x-role': 'finance' });
      assert.equal(answer.statusCode, 200);
      assert.equal(answer.json().allowed, true);
      assert.equal(answer.json().grade, 'C');

      const log = await get(app, `/access-log?uscc=${a!.entity.uscc}`, OFFICE);
      const items = log.json().items as Array<{ user: string; role: string; outcome: string; purpose: string; resource: string }>;
      assert.deepEqual(
        items.map((i) => [i.user, i.outcome, i.resource]).sort(),
        [
          [`ent-${b!.entity.uscc}`, 'denied', 'score'],
          [`ent-${a!.entity.uscc}`, 'granted', 'score'],
          ['fin-1', 'denied', 'score'],
          ['fin-1', 'granted', 'entitlement:fiscal_funds'],
          ['reg-2', 'denied', 'score'],
        ].sort(),
      );
      assert.equal(items.find((i) => i.user === 'fin-1' && i.outcome === 'granted')!.purpose, '财政资金项目审核');

      // The entity reviews who read its own results; the log itself is not a result.
      const mine = await get(app, '/access-log', entityHeaders(a!.entity.uscc));
      assert.equal(mine.statusCode, 200);
      assert.ok((mine.json().items as Array<{ subject: string }>).every((i) => i.subject === a!.entity.uscc));
      const regulatorLog = await get(app, '/access-log', { 'x-user': 'reg-3', 'x-role': 'regulator' });
      assert.equal(regulatorLog.statusCode, 403);
    });
  });

  test('the read log refuses UPDATE and DELETE in the database', async () => {
    await withApp(database.open, async (app, ctx) => {
      await post(app, '/entities', { ...a!.entity, on: a!.evaluate_on });
      await get(app, `/entities/${a!.entity.uscc}/score`);
      await assert.rejects(sql`UPDATE credit_access_log SET purpose = 'x'`.execute(ctx.store.db), /append-only/);
      await assert.rejects(sql`DELETE FROM credit_access_log`.execute(ctx.store.db), /append-only/);
      const count = await ctx.store.db.selectFrom('credit_access_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      assert.equal(Number(count.n), 1);
    });
  });
});
