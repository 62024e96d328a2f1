/**
 * Beyond one machine: batch work through a PostgreSQL-backed job queue
 * (pg-boss). Two `jixi worker` processes take the chunks of one settlement batch,
 * every chunk is queued twice (a producer that retried), and one worker is
 * killed mid-run; each claim is still settled exactly once.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { test } from 'node:test';

import { sql } from 'kysely';
import pg from 'pg';

import { residentIdCheckChar } from '../../src/core/identity.ts';
import { applyPersons } from '../../src/medical/services/persons.ts';
import { parsePersonRow } from '../../src/medical/services/records.ts';
import { createSettleQueue, enqueueClaims, openQueue, SETTLE_QUEUE } from '../../src/platform/queue.ts';
import { openTestContext, POSTGRES_URL } from '../helpers/db.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const CLAIMS = 96;
const CHUNK = 4;

function personId(i: number): string {
  const first17 = `23030219800101${String(i).padStart(3, '0')}`;
  return `${first17}${residentIdCheckChar(first17)}`;
}

async function reachable(): Promise<boolean> {
  const c = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 3000 });
  try {
    await c.connect();
    await c.end();
    return true;
  } catch {
    return false;
  }
}

/** `jixi worker`, as a deployment runs it, pointed at the test's schema. */
function startWorker(searchPath: string, bossSchema: string, name: string): { child: ChildProcess; ready: Promise<void> } {
  const url = new URL(POSTGRES_URL);
  url.searchParams.set('options', `-c search_path=${searchPath}`);
  const child = spawn(process.execPath, ['bin/jixi.js', '--db', url.toString(), 'worker', '--name', name], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, LOG_LEVEL: 'silent', JIXI_QUEUE_SCHEMA: bossSchema, JIXI_QUEUE_MAINTENANCE_SECONDS: '1' },
  });
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`worker ${name} exited early (${code})`)));
  });
  return { child, ready };
}

test('two workers on one batch through pg-boss, one killed midway, each claim settled exactly once', async (t) => {
  if (process.env.TEST_DATABASES === 'sqlite' || !(await reachable())) {
    if (process.env.CI) throw new Error('PostgreSQL required in CI');
    return t.skip('PostgreSQL not reachable');
  }
  const ctx = await openTestContext('postgres');
  const schema = (await sql<{ s: string }>`select current_schema() as s`.execute(ctx.store.db)).rows[0]!.s;
  const bossSchema = `boss_${schema}`;
  const workers: ChildProcess[] = [];
  const boss = openQueue({ connectionString: POSTGRES_URL, schema: bossSchema, max: 2 });

  try {
    const persons = Array.from({ length: 40 }, (_, i) => parsePersonRow({ person_id: personId(i), scheme: 'resident', categories: i % 4 === 0 ? 'dibao:2022-01-01:' : '' }));
    await ctx.store.db.transaction().execute((trx) => applyPersons(trx, persons.map((p) => {
      assert.ok(p.ok);
      return p.value;
    })));

    await boss.start();
    await createSettleQueue(boss, { expireInSeconds: 4 });

    const a = startWorker(schema, bossSchema, 'worker-a');
    const b = startWorker(schema, bossSchema, 'worker-b');
    workers.push(a.child, b.child);
    await Promise.all([a.ready, b.ready]);

    const claims = Array.from({ length: CLAIMS }, (_, n) => ({
      claim_id: `q-${n}`, person_id: personId(n % 40), date: `2023-${String(1 + (n % 12)).padStart(2, '0')}-10`, kind: n % 6 === 0 ? 'inpatient' : 'outpatient',
      level: String(1 + (n % 3)), place: 'city', referral: 'yes', resident_elsewhere: 'no', emergency: 'no', exclusion: '',
      total: '1260.00', policy_scope: '1200.00', basic_paid: '400.00', critical_paid: '0.00',
    }));
    // Each chunk twice: at-least-once delivery must not mean twice settled.
    for (let copy = 0; copy < 2; copy += 1) await enqueueClaims(boss, claims, CHUNK);

    // Worker A dies without warning once it has finished some jobs and
    // holds others: their claims are settled, their jobs not yet completed.
    const completedBy = async () => {
      const done = await sql<{ worker: string; n: number }>`
        select output->>'worker' as worker, count(*)::int as n from ${sql.table(`${bossSchema}.job`)}
        where name = ${SETTLE_QUEUE} and state = 'completed' group by 1`.execute(ctx.store.db);
      return Object.fromEntries(done.rows.map((r) => [r.worker, r.n])) as Record<string, number>;
    };
    for (;;) {
      if (((await completedBy())['worker-a'] ?? 0) >= 2) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    a.child.kill('SIGKILL');

    const deadline = Date.now() + 120_000;
    for (;;) {
      const left = await boss.getQueueSize(SETTLE_QUEUE, { before: 'completed' });
      if (left === 0) break;
      assert.ok(Date.now() < deadline, `queue not drained: ${left} jobs left`);
      await new Promise((r) => setTimeout(r, 250));
    }

    const bills = await ctx.store.db.selectFrom('medical_bill').select(['claim_id', 'kind']).execute();
    const settlements = bills.filter((b) => b.kind === 'settlement');
    assert.equal(settlements.length, CLAIMS, 'one settlement bill per claim');
    assert.equal(new Set(settlements.map((b) => b.claim_id)).size, CLAIMS, 'no claim settled twice');

    // The year's totals count each claim once, and hold what the bills paid.
    const totals = await ctx.store.db.selectFrom('medical_accumulator').select(['person_id', 'year', 'claims', 'pooling_paid']).execute();
    const billed = await ctx.store.db.selectFrom('medical_bill').where('kind', '=', 'settlement')
      .select(['person_id', 'year', (eb) => eb.fn.countAll().as('n'), (eb) => eb.fn.sum('pooling').as('pooling')]).groupBy(['person_id', 'year']).execute();
    assert.deepEqual(
      totals.map((r) => `${r.person_id}/${r.year}: ${Number(r.claims)} claims, pooling ${Number(r.pooling_paid)}`).sort(),
      billed.map((r) => `${r.person_id}/${r.year}: ${Number(r.n)} claims, pooling ${Number(r.pooling)}`).sort(),
    );

    const byWorker = await completedBy();
    assert.equal((byWorker['worker-a'] ?? 0) + (byWorker['worker-b'] ?? 0), 2 * Math.ceil(CLAIMS / CHUNK));
    assert.ok((byWorker['worker-a'] ?? 0) >= 2, 'the killed worker took part');
    assert.ok((byWorker['worker-b'] ?? 0) > 0, 'the surviving worker finished the batch');
    console.log(`jobs completed by worker: ${JSON.stringify(byWorker)}`);
  } finally {
    for (const w of workers) if (w.exitCode === null && w.signalCode === null) {
      w.kill('SIGTERM');
      await once(w, 'exit');
    }
    await boss.stop({ graceful: false, wait: true }).catch(() => {});
    const c = new pg.Client({ connectionString: POSTGRES_URL });
    await c.connect();
    await c.query(`DROP SCHEMA IF EXISTS ${bossSchema} CASCADE`);
    await c.end();
    await ctx.close();
  }
});
