/**
 * Kill safety: a real `jixi medical settle` process is killed with SIGKILL
 * at a random point of its run; the store then holds only whole claims
 * (each with its bill, its share of the totals and its account payment),
 * and running the same command again completes the batch without
 * duplicates, giving exactly the bills of an uninterrupted run.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

import pg from 'pg';

import { createLogger } from '../../../src/core/logger.ts';
import { writeTable } from '../../../src/io/table.ts';
import { openContext, ROOT, type PlatformContext } from '../../../src/platform/context.ts';
import { runSettleCommand } from '../../../src/medical/commands/settle.ts';
import { generateDemoRows } from '../../../src/medical/demo/generate.ts';
import { describeEachDatabase, POSTGRES_URL } from '../../helpers/db.ts';
import { tempDir } from '../services/cases.ts';

const CLAIMS = 800;

interface Target {
  url: string;
  open(): Promise<PlatformContext>;
  drop(): Promise<void>;
}

async function target(dialect: 'sqlite' | 'postgres', dir: string): Promise<Target> {
  const logger = createLogger({ level: 'silent' });
  if (dialect === 'sqlite') {
    const file = join(dir, 'kill.db');
    return { url: `sqlite:${file}`, open: () => openContext({ databaseUrl: `sqlite:${file}`, logger }), drop: async () => {} };
  }
  const schema = `k_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  return {
    url: `${POSTGRES_URL}?options=${encodeURIComponent(`-c search_path=${schema}`)}`,
    open: () => openContext({ databaseUrl: POSTGRES_URL, searchPath: schema, logger }),
    async drop() {
      const c = new pg.Client({ connectionString: POSTGRES_URL });
      await c.connect();
      await c.query(`DROP SCHEMA ${schema} CASCADE`);
      await c.end();
    },
  };
}

function settleArgs(paths: { persons: string; claims: string; out: string }, url: string): string[] {
  return [join(ROOT, 'bin', 'jixi.js'), 'medical', 'settle', '--persons', paths.persons, '--claims', paths.claims, '--out', paths.out, '--db', url, '--no-progress'];
}

/** Start the command, SIGKILL it once `done` reaches `at`; returns the count seen. */
async function runAndKill(args: string[], inspect: () => Promise<number>, at: number): Promise<{ killedAt: number; finished: boolean }> {
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, LOG_LEVEL: 'silent' }, stdio: 'ignore' });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let finished = false;
  void exited.then(() => {
    finished = true;
  });

  for (;;) {
    if (finished) return { killedAt: -1, finished: true };
    let done = 0;
    try {
      done = await inspect();
    } catch {
      // Tables not migrated yet.
    }
    if (done >= at) {
      child.kill('SIGKILL');
      await exited;
      return { killedAt: done, finished: false };
    }
    await new Promise((r) => setTimeout(r, 5));
  }
}

async function progress(ctx: PlatformContext): Promise<number> {
  const run = await ctx.store.db.selectFrom('batch_run').select('done').where('kind', '=', 'medical.settle').executeTakeFirst();
  return run ? Number(run.done) : 0;
}

/** Every stored claim is whole: bill, totals and account movement. */
async function assertWholeClaims(ctx: PlatformContext): Promise<number> {
  const db = ctx.store.db;
  const count = async (q: Promise<{ n: number | string | bigint } | undefined>) => Number((await q)?.n ?? 0);
  const claims = await count(db.selectFrom('medical_claim').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst());
  const bills = await count(db.selectFrom('medical_bill').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst());
  const totalled = await count(db.selectFrom('medical_accumulator').select((eb) => eb.fn.sum<number>('claims').as('n')).executeTakeFirst());
  const payingBills = await count(db.selectFrom('medical_bill').select((eb) => eb.fn.countAll<number>().as('n')).where('account_paid', '>', 0).executeTakeFirst());
  const payments = await count(db.selectFrom('medical_account_movement').select((eb) => eb.fn.countAll<number>().as('n')).where('kind', '=', 'payment').executeTakeFirst());
  assert.equal(bills, claims, 'a bill for every claim');
  assert.equal(totalled, claims, 'every claim in the totals');
  assert.equal(payments, payingBills, 'an account payment for every bill that used the account');

  // Balance = opening + movements, for every account.
  const accounts = await db.selectFrom('medical_account').select(['person_id', 'balance']).execute();
  const moves = await db
    .selectFrom('medical_account_movement')
    .select((eb) => ['person_id', eb.fn.sum<number>('amount').as('sum')])
    .groupBy('person_id')
    .execute();
  const sums = new Map(moves.map((m) => [m.person_id, Number(m.sum)]));
  for (const a of accounts) assert.equal(Number(a.balance), sums.get(a.person_id), `balance of an account is its movements`);

  const done = await progress(ctx);
  assert.equal(done, claims, 'progress counts exactly the stored claims');
  return claims;
}

describeEachDatabase('jixi medical settle killed midway', (db) => {
  test('SIGKILL at a random point, only whole claims stored; re-run completes with the uninterrupted bills', async (t) => {
    const dir = tempDir('kill');
    const rows = generateDemoRows({ persons: 150, claims: CLAIMS, seed: 42 });
    const personCols = Object.keys(rows.persons[0]!.values).map((name) => ({ name }));
    const claimCols = Object.keys(rows.claims[0]!.values).map((name) => ({ name }));
    const paths = { persons: join(dir, 'persons.csv'), claims: join(dir, 'claims.csv'), out: join(dir, 'bills.csv') };
    writeFileSync(paths.persons, await writeTable(rows.persons.map((r) => r.values), personCols, 'csv'));
    writeFileSync(paths.claims, await writeTable(rows.claims.map((r) => r.values), claimCols, 'csv'));

    // The uninterrupted run, in process, on its own store.
    const reference = await db.open();
    const referenceOut = join(dir, 'reference.csv');
    try {
      await runSettleCommand(reference, { ...paths, out: referenceOut, param: [], progress: false, quiet: true });
    } finally {
      await reference.close();
    }

    const store = await target(db.dialect, dir);
    const inspector = await store.open();
    try {
      const at = 1 + Math.floor(Math.random() * (CLAIMS - 100));
      const killed = await runAndKill(settleArgs(paths, store.url), () => progress(inspector), at);
      assert.equal(killed.finished, false, 'the run was killed before it finished');
      t.diagnostic(`killed after ${killed.killedAt} of ${CLAIMS} claims (target ${at})`);
      const stored = await assertWholeClaims(inspector);
      assert.ok(stored >= at && stored < CLAIMS, `killed midway (target ${at}, stored ${stored} of ${CLAIMS})`);

      const again = spawn(process.execPath, settleArgs(paths, store.url), { cwd: ROOT, env: { ...process.env, LOG_LEVEL: 'silent' }, stdio: 'ignore' });
      assert.equal(await new Promise((r) => again.once('exit', r)), 0);

      assert.equal(await assertWholeClaims(inspector), CLAIMS);
      const run = await inspector.store.db.selectFrom('batch_run').selectAll().where('kind', '=', 'medical.settle').execute();
      assert.equal(run.length, 1);
      assert.equal(run[0]!.status, 'done');
      assert.deepEqual(readFileSync(paths.out, 'utf8').split('\n'), readFileSync(referenceOut, 'utf8').split('\n'), 'bills of the resumed run are those of the uninterrupted one');
    } finally {
      await inspector.close();
      await store.drop();
    }
  });
});
