import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';

import { appendAuditIn, AuditWriter, verifyAuditChain } from '../../src/platform/audit.ts';
import type { PlatformContext } from '../../src/platform/context.ts';
import { buildApp } from '../../src/server/app.ts';
import { asRole } from '../helpers/auth.ts';
import { describeEachDatabase } from '../helpers/db.ts';

describeEachDatabase('audit trail', (database) => {
  let ctx: PlatformContext;

  before(async () => {
    ctx = await database.open();
  });
  after(async () => ctx.close());

  async function bypassAppendOnly() {
    // What an intruder with database access could do: the triggers go first.
    if (database.dialect === 'postgres') await sql`ALTER TABLE audit_log DISABLE TRIGGER USER`.execute(ctx.store.db);
    else {
      await sql`DROP TRIGGER IF EXISTS audit_log_no_update`.execute(ctx.store.db);
      await sql`DROP TRIGGER IF EXISTS audit_log_no_delete`.execute(ctx.store.db);
    }
  }

  test('200 entries appended at once, one unbroken chain', async () => {
    const writer = new AuditWriter(ctx.store.db);
    await Promise.all(Array.from({ length: 200 }, (_, i) => writer.append({ action: 'test.append', target: `n:${i}`, outcome: 'ok' })));
    const rows = await ctx.store.db.selectFrom('audit_log').select('seq').orderBy('seq').execute();
    assert.deepEqual(rows.map((r) => Number(r.seq)), Array.from({ length: 200 }, (_, i) => i + 1));
    const report = await verifyAuditChain(ctx.store.db, { pageSize: 37 });
    assert.deepEqual(report, { ok: true, entries: 200, problems: [] });
  });

  test('two writers on separate transactions, still one chain', async () => {
    const a = new AuditWriter(ctx.store.db);
    const b = new AuditWriter(ctx.store.db);
    await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 ? a : b).append({ action: 'test.two', outcome: 'ok' })));
    assert.equal((await verifyAuditChain(ctx.store.db)).ok, true);
  });

  test('update or delete of an entry, refused by the database', async () => {
    await assert.rejects(ctx.store.db.updateTable('audit_log').set({ reason: 'x' }).where('seq', '=', 1).execute(), /append-only/);
    await assert.rejects(ctx.store.db.deleteFrom('audit_log').where('seq', '=', 2).execute(), /append-only/);
  });

  test('an entry altered behind the triggers, verify names it', async () => {
    await bypassAppendOnly();
    await ctx.store.db.updateTable('audit_log').set({ actor_name: 'someone-else' }).where('seq', '=', 17).execute();
    const report = await verifyAuditChain(ctx.store.db);
    assert.equal(report.ok, false);
    assert.deepEqual(report.problems.map((p) => [p.seq, p.problem.includes('altered')]), [[17, true]]);
  });

  test('an entry removed, verify reports the gap and the broken link', async () => {
    await ctx.store.db.deleteFrom('audit_log').where('seq', '=', 50).execute();
    const report = await verifyAuditChain(ctx.store.db);
    assert.ok(report.problems.some((p) => p.seq === 50 && p.problem.includes('missing')));
    assert.ok(report.problems.some((p) => p.seq === 51 && p.problem.includes('prev_hash')));
  });

  test('the newest entries cut off, the head does not match', async () => {
    await ctx.store.db.deleteFrom('audit_log').where('seq', '>', 230).execute();
    const report = await verifyAuditChain(ctx.store.db);
    assert.ok(report.problems.some((p) => p.problem.includes('head says 240')));
  });

  test('appendAuditIn inside a rolled-back transaction, nothing stays', async () => {
    const before = await ctx.store.db.selectFrom('audit_head').select('seq').executeTakeFirstOrThrow();
    await assert.rejects(ctx.store.db.transaction().execute(async (trx) => {
      await appendAuditIn(trx, [{ action: 'test.rollback', outcome: 'ok' }]);
      throw new Error('business change failed');
    }));
    const after = await ctx.store.db.selectFrom('audit_head').select('seq').executeTakeFirstOrThrow();
    assert.equal(Number(after.seq), Number(before.seq));
  });
});

describeEachDatabase('audit of requests', (database) => {
  let ctx: PlatformContext;
  let app: FastifyInstance;

  before(async () => {
    ctx = await database.open();
    app = await buildApp(ctx, { serveWeb: false, auth: { enforce: true } });
  });
  after(async () => {
    await app.close();
    await ctx.close();
  });

  test('an account created, entry says who, from where, why and what changed', async () => {
    const headers = await asRole(app, 'admin');
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/users',
      headers: { ...headers, 'x-audit-reason': encodeURIComponent('新入职经办人员') },
      payload: { username: 'clerk-jiguan', displayName: '鸡冠区经办', role: 'medical_office', county: '230302' },
    });
    assert.equal(response.statusCode, 201);
    await app.audit.flush();

    const rows = await ctx.store.db.selectFrom('audit_log').selectAll().where('action', '=', 'auth.user.create').execute();
    assert.equal(rows.length, 1);
    const entry = rows[0]!;
    assert.equal(entry.actor_role, 'admin');
    assert.equal(entry.ip, '127.0.0.1');
    assert.equal(entry.reason, '新入职经办人员');
    assert.deepEqual(JSON.parse(entry.detail_json!), { username: 'clerk-jiguan', role: 'medical_office', county: '230302', entity: null });
    // …and the generic entry of the request itself.
    const generic = await ctx.store.db.selectFrom('audit_log').select('action').where('action', '=', 'POST /api/auth/users').execute();
    assert.equal(generic.length, 1);
  });

  test('a role refused, the attempt is in the trail', async () => {
    const headers = await asRole(app, 'entity', { entity: '91230300MA0AUDIT01' });
    const response = await app.inject({ method: 'GET', url: '/api/auth/users', headers });
    assert.equal(response.statusCode, 403);
    await app.audit.flush();
    const rows = await ctx.store.db.selectFrom('audit_log').selectAll().where('outcome', '=', 'denied').where('action', '=', 'GET /api/auth/users').execute();
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.actor_role, 'entity');
  });

  test('a failed login, recorded without the password', async () => {
    await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'clerk-jiguan', password: 'guess-password-1' } });
    await app.audit.flush();
    const rows = await ctx.store.db.selectFrom('audit_log').selectAll().where('action', '=', 'auth.login').execute();
    assert.ok(rows.some((r) => r.outcome === 'denied'));
    assert.ok(rows.every((r) => !JSON.stringify(r).includes('guess-password-1')));
  });

  test('the audit trail over HTTP, verified for the administrator only', async () => {
    const admin = await asRole(app, 'admin');
    const verify = await app.inject({ method: 'GET', url: '/api/audit/verify', headers: admin });
    assert.equal(verify.statusCode, 200);
    assert.equal(verify.json().ok, true);
    const clerk = await asRole(app, 'medical_office');
    assert.equal((await app.inject({ method: 'GET', url: '/api/audit', headers: clerk })).statusCode, 403);
  });
});
