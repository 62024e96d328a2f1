/**
 * Backup and restore: the logical dump of a database with accounts, audit
 * entries, parameter versions and the medical demonstration data, restored
 * into an empty database of each kind and compared row by row; SQLite's
 * online backup likewise; a cut-off or foreign file is refused and leaves
 * the target empty.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import { buildApp } from '../../src/server/app.ts';
import { createLogger } from '../../src/core/logger.ts';
import { openDatabase, type DatabaseHandle } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { verifyAuditChain } from '../../src/platform/audit.ts';
import { backupSqliteFile, dumpDatabase, listTables, readAllRows, restoreDatabase, RestoreError } from '../../src/platform/backup.ts';
import { openContext, type PlatformContext } from '../../src/platform/context.ts';
import { asRole } from '../helpers/auth.ts';
import { describeEachDatabase, openTestContext } from '../helpers/db.ts';

const ROOT = join(import.meta.dirname, '..', '..');

async function snapshot(store: DatabaseHandle): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const table of await listTables(store)) {
    const rows: string[] = [];
    for await (const row of readAllRows(store, table)) {
      // Same value whatever the driver: numbers as numbers, text as text.
      rows.push(JSON.stringify(Object.fromEntries(Object.entries(row).sort(([a], [b]) => a.localeCompare(b)))));
    }
    out[table] = rows;
  }
  return out;
}

async function fillWithData(ctx: PlatformContext): Promise<void> {
  const { seedDemo } = await import('../../src/platform/demo.ts');
  await seedDemo(ctx, { size: 'small' });
  const app = await buildApp(ctx, { serveWeb: false, auth: { enforce: true } });
  try {
    const admin = await asRole(app, 'admin');
    await app.inject({ method: 'POST', url: '/api/auth/users', headers: admin, payload: { username: 'backup-clerk', displayName: '备份测试', role: 'finance' } });
    await app.inject({ method: 'GET', url: '/api/audit/verify', headers: admin });
  } finally {
    await app.close();
  }
  await ctx.store.db.insertInto('param_version').values({
    id: 'pv-1', param_id: 'medical.d5.art7_1.deductible', valid_from: '2027-01-01', value_json: '"1000.00"',
    document: 'D5', article: '第七条', decided_by_document: '鸡医保发〔2026〕1号', created_by: 'test', created_at: new Date().toISOString(),
  }).execute();
}

describeEachDatabase('logical backup and restore', (source) => {
  let ctx: PlatformContext;
  let dir: string;
  let dump: string;
  let expected: Record<string, string[]>;

  before(async () => {
    ctx = await source.open();
    await fillWithData(ctx);
    dir = mkdtempSync(join(tmpdir(), 'jixi-backup-'));
    dump = join(dir, 'dump.jsonl');
    await dumpDatabase(ctx.store, dump);
    expected = await snapshot(ctx.store);
  });
  after(async () => {
    await ctx.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('the source holds data in the areas and the core', () => {
    assert.ok(expected.auth_user!.length >= 2, `accounts: ${expected.auth_user!.length}`);
    // The account made above leaves two chained entries: the change and the request.
    assert.ok(expected.audit_log!.length >= 2, `audit entries: ${expected.audit_log!.length}`);
    assert.equal(expected.param_version!.length, 1);
    const medical = Object.entries(expected).filter(([t, rows]) => t.startsWith('medical_') && rows.length > 0);
    assert.ok(medical.length >= 3, `medical demonstration data loaded: ${medical.map(([t]) => t).join(', ')}`);
  });

  for (const target of ['sqlite', 'postgres'] as const) {
    test(`restored into an empty ${target} database, every row equal`, async (t) => {
      if (target === 'postgres' && process.env.TEST_DATABASES === 'sqlite') return t.skip('PostgreSQL not selected');
      const restored = await openTestContext(target);
      try {
        await restoreDatabase(restored.store, dump);
        const actual = await snapshot(restored.store);
        assert.deepEqual(Object.keys(actual).sort(), Object.keys(expected).sort());
        for (const table of Object.keys(expected)) assert.deepEqual(actual[table], expected[table], `table ${table}`);
        assert.equal((await verifyAuditChain(restored.store.db)).ok, true);
      } finally {
        await restored.close();
      }
    });
  }

  test('restore into a database that holds data, refused', async () => {
    await assert.rejects(restoreDatabase(ctx.store, dump), (e: unknown) => e instanceof RestoreError && /不是空库/.test(e.message));
  });

  test('a cut-off dump, refused and the target left empty', async () => {
    const text = readFileSync(dump, 'utf8');
    const cut = join(dir, 'cut.jsonl');
    writeFileSync(cut, text.slice(0, Math.floor(text.length * 0.6)));
    const restored = await openTestContext(source.dialect);
    try {
      await assert.rejects(restoreDatabase(restored.store, cut), RestoreError);
      const rows = await snapshot(restored.store);
      const nonEmpty = Object.entries(rows).filter(([t, r]) => r.length > 0 && t !== 'audit_head').map(([t]) => t);
      assert.deepEqual(nonEmpty, []);
    } finally {
      await restored.close();
    }
  });

  test('a file that is not a dump, refused', async () => {
    const other = join(dir, 'other.jsonl');
    writeFileSync(other, '{"hello":"world"}\n');
    const restored = await openTestContext(source.dialect);
    try {
      await assert.rejects(restoreDatabase(restored.store, other), /不是本平台的备份文件/);
    } finally {
      await restored.close();
    }
  });
});

test('SQLite online backup while the server writes, backup equals the source at that moment', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'jixi-sqlite-backup-'));
  const file = join(dir, 'jixi.db');
  const ctx = await openContext({ databaseUrl: `sqlite:${file}`, logger: createLogger({ level: 'silent' }) });
  try {
    await fillWithData(ctx);
    const copy = join(dir, 'copy.db');
    await backupSqliteFile(file, copy);
    const backup = openDatabase(`sqlite:${copy}`);
    try {
      await migrateToLatest(backup);
      assert.deepEqual(await snapshot(backup), await snapshot(ctx.store));
    } finally {
      await backup.close();
    }
  } finally {
    await ctx.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('jixi backup then jixi restore on the command line, same rows and a verified audit chain', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'jixi-cli-backup-'));
  const file = join(dir, 'jixi.db');
  const ctx = await openContext({ databaseUrl: `sqlite:${file}`, logger: createLogger({ level: 'silent' }) });
  try {
    await fillWithData(ctx);
    const expected = await snapshot(ctx.store);
    const run = (...args: string[]) => spawnSync(process.execPath, ['bin/jixi.js', ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, LOG_LEVEL: 'silent' } });

    const dumpFile = join(dir, 'dump.jsonl');
    const backup = run('--db', `sqlite:${file}`, 'backup', '--out', dumpFile, '--format', 'jsonl');
    assert.equal(backup.status, 0, backup.stderr);
    const target = join(dir, 'restored.db');
    const restore = run('--db', `sqlite:${target}`, 'restore', '--in', dumpFile);
    assert.equal(restore.status, 0, restore.stderr);
    const verify = run('--db', `sqlite:${target}`, 'audit', 'verify');
    assert.equal(verify.status, 0, verify.stderr);
    assert.match(verify.stdout, /哈希链校验通过/);

    const restored = openDatabase(`sqlite:${target}`);
    try {
      assert.deepEqual(await snapshot(restored), expected);
    } finally {
      await restored.close();
    }

    const native = join(dir, 'native.db');
    assert.equal(run('--db', `sqlite:${file}`, 'backup', '--out', native).status, 0);
    const nativeTarget = join(dir, 'native-restored.db');
    assert.equal(run('--db', `sqlite:${nativeTarget}`, 'restore', '--in', native).status, 0);
    const again = openDatabase(`sqlite:${nativeTarget}`);
    try {
      assert.deepEqual(await snapshot(again), expected);
    } finally {
      await again.close();
    }
  } finally {
    await ctx.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
