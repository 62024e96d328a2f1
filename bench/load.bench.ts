/**
 * Load: the settlement endpoint (POST /api/medical/claims, 一站式结算) on a
 * real server on loopback, at a fixed 500 requests a second for a minute,
 * through an API token (a machine client), each request a new claim of one
 * of 300 registered persons. SQLite (a file, WAL) and PostgreSQL. Prints
 * throughput, latency percentiles and errors against the targets; asserts
 * nothing. Bounded: LOAD_SECONDS (default 60), LOAD_RATE (default 500),
 * 127.0.0.1 only. `npm run bench -- load`.
 */
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import autocannon from 'autocannon';
import pg from 'pg';

import { residentIdCheckChar } from '../src/core/identity.ts';
import { createLogger } from '../src/core/logger.ts';
import { openContext, type PlatformContext } from '../src/platform/context.ts';
import { buildApp } from '../src/server/app.ts';
import { createTestAccount, sessionHeaders } from '../test/helpers/auth.ts';

const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const RATE = Number(process.env.LOAD_RATE ?? 500);
const POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const PERSONS = 300;

function personId(i: number): string {
  const first17 = `23030219800101${String(i).padStart(3, '0')}`;
  return `${first17}${residentIdCheckChar(first17)}`;
}

async function openStore(dialect: 'sqlite' | 'postgres'): Promise<{ ctx: PlatformContext; drop: () => Promise<void> } | undefined> {
  const logger = createLogger({ level: 'warn' });
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'jixi-load-'));
    const ctx = await openContext({ databaseUrl: `sqlite:${join(dir, 'load.db')}`, logger });
    return { ctx, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const schema = `load_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
  } catch {
    console.log(`  PostgreSQL not reachable at ${POSTGRES_URL}: skipped`);
    return undefined;
  }
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const ctx = await openContext({ databaseUrl: POSTGRES_URL, searchPath: schema, logger });
  return {
    ctx,
    drop: async () => {
      const c = new pg.Client({ connectionString: POSTGRES_URL });
      await c.connect();
      await c.query(`DROP SCHEMA ${schema} CASCADE`);
      await c.end();
    },
  };
}

async function runOne(dialect: 'sqlite' | 'postgres'): Promise<void> {
  console.log(`\n-- ${dialect}: ${RATE} req/s for ${SECONDS} s, settlement endpoint`);
  const opened = await openStore(dialect);
  if (!opened) return;
  const { ctx, drop } = opened;
  const app = await buildApp(ctx, { serveWeb: false, auth: { enforce: true } });
  try {
    const clerk = await createTestAccount(ctx, 'medical_office', { username: 'load-clerk' });
    const headers = await sessionHeaders(app, clerk.id);
    for (let i = 0; i < PERSONS; i += 1) {
      const r = await app.inject({ method: 'POST', url: '/api/medical/persons', headers, payload: { person_id: personId(i), scheme: 'resident', categories: i % 3 === 0 ? 'dibao:2022-01-01:' : '' } });
      if (r.statusCode !== 200) throw new Error(`seeding person ${i}: ${r.statusCode} ${r.body}`);
    }
    const { token } = await app.sessions.createApiToken(clerk.id, 'load bench', 'bench', null);
    // Loopback only, on a port the system picks.
    await app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = app.server.address() as AddressInfo;

    let n = 0;
    const result = await autocannon({
      url: `http://127.0.0.1:${port}`,
      connections: 20,
      overallRate: RATE,
      duration: SECONDS,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      requests: [{
        method: 'POST',
        path: '/api/medical/claims',
        setupRequest: (request) => {
          n += 1;
          const body = {
            claim_id: `load-${dialect}-${n}`, person_id: personId(n % PERSONS), date: `2023-${String(1 + (n % 12)).padStart(2, '0')}-15`,
            kind: n % 5 === 0 ? 'inpatient' : 'outpatient', level: String(1 + (n % 3)), place: 'city', referral: 'yes', resident_elsewhere: 'no', emergency: 'no',
            exclusion: '', total: '860.00', policy_scope: '800.00', basic_paid: '300.00', critical_paid: '0.00',
          };
          return { ...request, body: JSON.stringify(body) };
        },
      }],
    });

    const settled = await ctx.store.db.selectFrom('medical_bill').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
    const audited = await ctx.store.db.selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
    console.log(`  requests ${result.requests.total} in ${result.duration.toFixed(0)} s: ${result.requests.average.toFixed(0)} req/s (target ${RATE})`);
    console.log(`  latency ms p50 ${result.latency.p50} · p90 ${result.latency.p90} · p99 ${result.latency.p99} (target < 50) · max ${result.latency.max}`);
    console.log(`  errors ${result.errors} · timeouts ${result.timeouts} · non-2xx ${result.non2xx} (target 0)`);
    console.log(`  bills stored ${Number(settled?.n ?? 0)} · audit entries ${Number(audited?.n ?? 0)}`);
  } finally {
    await app.close();
    await ctx.close();
    await drop();
  }
}

export async function run(): Promise<void> {
  for (const dialect of ['sqlite', 'postgres'] as const) await runOne(dialect);
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
