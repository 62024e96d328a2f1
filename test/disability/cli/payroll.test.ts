/**
 * `jixi disability payroll --register FILE --month M --out FILE` as a real
 * process: the register imported, the month run, the payment file written;
 * and kill safety — SIGKILL in the middle of writing the lines, then the same
 * command again completes the month with exactly the lines and totals of an
 * uninterrupted run, no duplicates.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

import pg from 'pg';

import { createLogger } from '../../../src/core/logger.ts';
import { openContext, ROOT, type PlatformContext } from '../../../src/platform/context.ts';
import { describeEachDatabase, POSTGRES_URL } from '../../helpers/db.ts';
import { card, residentId } from '../helpers.ts';

const PERSONS = 1500;
const COUNTIES = ['230302', '230303', '230381', '230382'];

/** 1 500 persons: every third in a 低保 family, grades 1–4 in turn; all approved 2024-01-10. */
function registerCsv(): string {
  const lines = ['身份证号,姓名,县区代码,残疾人证号,家庭类别,家庭类别起始日期,生活补贴批准日期,护理补贴批准日期'];
  for (let i = 0; i < PERSONS; i += 1) {
    const county = COUNTIES[i % COUNTIES.length]!;
    const id = residentId(county, `19${String(50 + (i % 40)).padStart(2, '0')}0${1 + (i % 9)}1${i % 10}`, 100 + Math.floor(i / 40));
    const grade = 1 + (i % 4);
    const dibao = i % 3 === 0;
    lines.push(`${id},演示${i},${county},${card(id, 1 + (i % 7), grade)},${dibao ? '低保' : '无'},2023-01-01,${dibao ? '2024-01-10' : ''},${grade <= 2 ? '2024-01-10' : ''}`);
  }
  return `${lines.join('\n')}\n`;
}

async function target(dialect: 'sqlite' | 'postgres', dir: string) {
  const logger = createLogger({ level: 'silent' });
  if (dialect === 'sqlite') {
    const file = join(dir, 'payroll.db');
    return { url: `sqlite:${file}`, open: () => openContext({ databaseUrl: `sqlite:${file}`, logger }), drop: async () => {} };
  }
  const schema = `dk_${process.pid}_${randomBytes(4).toString('hex')}`;
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

function run(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'jixi.js'), ...args], { cwd: ROOT, env: { ...process.env, LOG_LEVEL: 'silent' } });
    let stderr = '';
    child.stderr.on('data', (d) => { stderr += String(d); });
    child.once('exit', (code) => resolve({ code, stderr }));
  });
}

async function lineCount(ctx: PlatformContext): Promise<number> {
  try {
    return Number((await ctx.store.db.selectFrom('disability_payroll_line').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst())?.n ?? 0);
  } catch {
    return 0;
  }
}

describeEachDatabase('jixi disability payroll', (database) => {
  test('from a register file: payment file written; killed mid-run and run again, the same month as uninterrupted', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dis-payroll-'));
    const register = join(dir, 'register.csv');
    writeFileSync(register, registerCsv());
    // Expected by hand: living 500 (every third) × 100.00; care grade 1 375 × 100.00, grade 2 375 × 80.00.
    const expectedLines = 500 + 750;
    const expectedYuan = '117500.00';

    const db = await target(database.dialect, dir);
    const ctx = await db.open();
    try {
      const out = join(dir, 'payroll-2024-02.csv');
      const first = await run(['--db', db.url, 'disability', 'payroll', '--register', register, '--month', '2024-02', '--out', out, '--no-progress']);
      assert.equal(first.code, 0, first.stderr);
      assert.match(first.stderr, new RegExp(`合计 ${expectedYuan} 元`));
      const file = readFileSync(out, 'utf8').replace(/^\uFEFF/, '').trim().split('\n');
      assert.equal(file.length - 1, expectedLines);

      // March, killed while the lines are being written (one line per transaction).
      const args = ['--db', db.url, 'disability', 'payroll', '--month', '2024-03', '--out', join(dir, 'march.xlsx'), '--group-size', '1', '--no-progress'];
      const child = spawn(process.execPath, [join(ROOT, 'bin', 'jixi.js'), ...args], { cwd: ROOT, env: { ...process.env, LOG_LEVEL: 'silent' }, stdio: 'ignore' });
      const exited = new Promise((resolve) => child.once('exit', resolve));
      let killedAt = -1;
      for (let tries = 0; tries < 6000; tries += 1) {
        const n = (await lineCount(ctx)) - expectedLines;
        if (n >= 50) {
          child.kill('SIGKILL');
          killedAt = n;
          break;
        }
        await new Promise((r) => setTimeout(r, 20));
      }
      await exited;
      assert.ok(killedAt > 0 && killedAt < expectedLines, `killed at ${killedAt}`);
      const month = await ctx.store.db.selectFrom('disability_payroll_month').selectAll().where('month', '=', '2024-03').executeTakeFirst();
      assert.equal(month?.status, 'running');

      const again = await run(args.filter((a) => a !== '--group-size' && a !== '1'));
      assert.equal(again.code, 0, again.stderr);
      assert.match(again.stderr, new RegExp(`合计 ${expectedYuan} 元`));
      const lines = await ctx.store.db.selectFrom('disability_payroll_line').select(['status', 'change']).where('month', '=', '2024-03').execute();
      assert.equal(lines.length, expectedLines);
      assert.ok(lines.every((l) => l.status === 'paid' && l.change === 'continued'));
    } finally {
      await ctx.close();
      await db.drop();
    }
  });
});
