/**
 * Every route's body, fuzzed: for each state-changing route under /api,
 * called by a role allowed to use it, bodies of arbitrary JSON and of the
 * route's own fields filled with hostile values (huge numbers, negative
 * amounts, dates that do not exist, formulas, control characters). The
 * answer is never a server error, and a refused body changes no stored row.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, test } from 'node:test';

import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { sql, type RawBuilder } from 'kysely';

import { accessFor } from '../../src/auth/permissions.ts';
import { ROLE_NAMES, type Role } from '../../src/auth/roles.ts';
import { listTables } from '../../src/platform/backup.ts';
import type { PlatformContext } from '../../src/platform/context.ts';
import { buildApp } from '../../src/server/app.ts';
import { createTestAccount, sessionHeaders } from '../helpers/auth.ts';
import { describeEachDatabase } from '../helpers/db.ts';

// Tables the guard itself writes on every request (sessions, refusals), and
// accounts, whose failed-login counters a refused sign-in rightly moves.
const SKIPPED = new Set(['audit_log', 'audit_head', 'auth_session']);
const COUNTED_ONLY = new Set(['auth_user', 'auth_token']);
const RUNS = Number(process.env.FUZZ_RUNS ?? 25);

const hostile = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom('', ' ', '-1', '-0.01', '-100.00', '0', '1e309', '99999999999999999999.99', '9007199254740993', '1.005', '0.1', 'NaN', 'Infinity',
    '2023-02-29', '2023-02-30', '2024-13-01', '0000-00-00', '9999-12-31', '2023-1-1', '=HYPERLINK("x")', '+1', '@SUM(A1)', '<script>', "' OR 1=1 --",
    '230302198503150018', '23030219850315001X', 'yes', 'no', 'inpatient', 'employee', '\u0000', '\u202e', '鸡西'),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
);

describeEachDatabase('route bodies under fuzzing', (database) => {
  let ctx: PlatformContext;
  let app: FastifyInstance;
  const accounts = new Map<Role, string>();

  before(async () => {
    ctx = await database.open();
    app = await buildApp(ctx, { serveWeb: false, auth: { enforce: true, settings: { loginRatePerMinute: 100_000 } } });
    await app.ready();
    for (const role of ROLE_NAMES) accounts.set(role, (await createTestAccount(ctx, role, role === 'entity' ? { entity: '91230300MA0FUZZ001' } : {})).id);
  });
  after(async () => {
    await app.close();
    await ctx.close();
  });

  // One query a call: per table its row count and a digest of every row (in
  // storage order, which only a write changes), so a refused PUT that
  // rewrote a row shows as well as a stray insert.
  let snapshotQuery: RawBuilder<{ t: string; n: number; h: string | null }> | undefined;
  async function snapshot(): Promise<Record<string, string>> {
    snapshotQuery ??= await buildSnapshotQuery();
    const rows = (await snapshotQuery.execute(ctx.store.db)).rows;
    return Object.fromEntries(rows.map((r) => [r.t, `${Number(r.n)}:${createHash('sha256').update(r.h ?? '').digest('hex').slice(0, 16)}`]));
  }

  async function buildSnapshotQuery(): Promise<RawBuilder<{ t: string; n: number; h: string | null }>> {
    const parts: RawBuilder<unknown>[] = [];
    for (const table of await listTables(ctx.store)) {
      if (SKIPPED.has(table)) continue;
      let row: RawBuilder<unknown>;
      if (COUNTED_ONLY.has(table)) row = sql`''`;
      else if (ctx.store.dialect === 'postgres') row = sql`${sql.table(table)}::text`;
      else {
        const columns = (await sql<{ name: string }>`select name from pragma_table_info(${table})`.execute(ctx.store.db)).rows;
        row = sql.join(columns.map((c) => sql`quote(${sql.ref(c.name)})`), sql` || '|' || `);
      }
      parts.push(sql`select cast(${sql.lit(table)} as text) as t, count(*) as n, string_agg(${row}, ${sql.lit('\n')}) as h from ${sql.table(table)}`);
    }
    const union = sql.join(parts, sql` union all `);
    if (ctx.store.dialect === 'sqlite') return sql`${union}`;

    // A PL/pgSQL function keeps the plan of the sixty-way union, which
    // PostgreSQL would otherwise plan anew on every call. It lives in this
    // test's own schema, dropped with it.
    await sql`create function fuzz_snapshot() returns table(t text, n bigint, h text)
      language plpgsql as $body$ begin return query ${union}; end $body$`.execute(ctx.store.db);
    return sql`select * from fuzz_snapshot()`;
  }

  test('every state-changing route, hostile bodies, no 5xx and nothing stored when refused', async () => {
    // Undeclared routes are denied outright; the permission matrix names them.
    const only = process.env.FUZZ_ONLY;
    const routes = app.registeredRoutes.filter((r) => !only || r.url.includes(only)).filter((r) => r.url.startsWith('/api') && ['POST', 'PUT', 'PATCH'].includes(r.method) && accessFor(r.method, r.url));
    assert.ok(only || routes.length >= 10, `found ${routes.length} routes`);
    const failures: string[] = [];

    for (const route of routes) {
      const access = accessFor(route.method, route.url)!;
      const role = access.roles === 'public' || access.roles === 'any' ? 'admin' : access.roles[0]!;
      const body = fc.oneof(
        fc.jsonValue({ maxDepth: 3 }),
        fc.record(Object.fromEntries(route.bodyKeys.map((k) => [k, hostile])), { requiredKeys: [] }),
        fc.record(Object.fromEntries(route.bodyKeys.map((k) => [k, hostile]))),
      );
      const url = route.url.replace(/:(\w+)/g, (_m, name: string) => (name === 'year' ? '2023' : name === 'county' ? '230302' : name === 'id' ? 'medical.d5.art7_1.deductible' : 'x1'));

      // One session per route; the account routes get a fresh one each
      // time, since a fuzzed body may sign out or change the password.
      const fresh = route.url.startsWith('/api/auth');
      let headers = await sessionHeaders(app, accounts.get(role)!);
      let stored = await snapshot();
      const started = Date.now();

      await fc.assert(fc.asyncProperty(body, async (payload) => {
        if (fresh) headers = await sessionHeaders(app, accounts.get(role)!);
        const response = await app.inject({
          method: route.method as 'POST',
          url,
          headers: { ...headers, 'content-type': 'application/json' },
          payload: JSON.stringify(payload),
        });
        if (response.statusCode >= 500) {
          failures.push(`${route.method} ${route.url} ${JSON.stringify(payload).slice(0, 200)} → ${response.statusCode} ${response.body.slice(0, 200)}`);
          stored = await snapshot();
          return;
        }

        const now = await snapshot();
        if (response.statusCode >= 400) {
          assert.deepEqual(now, stored, `${route.method} ${route.url} refused ${response.statusCode} but stored rows changed`);
          assert.ok(response.json().code, `${route.method} ${route.url} refusal without an error code`);
        }
        stored = now;
      }), { numRuns: RUNS });
      if (process.env.FUZZ_TRACE) console.log(`fuzzed ${route.method} ${route.url} in ${Date.now() - started} ms`);
    }
    assert.deepEqual(failures.slice(0, 10), []);
  });
});
