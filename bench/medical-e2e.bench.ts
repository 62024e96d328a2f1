/**
 * Medical settlement end to end: a claims CSV in, every claim settled and
 * stored in SQLite (one transaction per claim, as the command runs by
 * default), the bills CSV out. Prints claims per second and peak memory.
 * Targets: 100 000 claims/s; under 500 MB for one million claims.
 *
 * BENCH_MEDICAL_CLAIMS (default 1 000 000) and BENCH_MEDICAL_PERSONS
 * (default 50 000) set the size; BENCH_MEDICAL_GROUP the claims per
 * transaction (default 1).
 */
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { stringify } from 'csv-stringify/sync';

import { createLogger } from '../src/core/logger.ts';
import { openContext } from '../src/platform/context.ts';
import { runSettleCommand } from '../src/medical/commands/settle.ts';
import { generateClaimRows, generateDemoRows } from '../src/medical/demo/generate.ts';

async function writeCsv(path: string, rows: Iterable<Record<string, string>>): Promise<number> {
  const out = createWriteStream(path);
  let header: string[] | undefined;
  let count = 0;
  for (const row of rows) {
    if (!header) {
      header = Object.keys(row);
      out.write(stringify([header]));
    }
    if (!out.write(stringify([header.map((h) => row[h] ?? '')]))) await once(out, 'drain');
    count += 1;
  }
  out.end();
  await once(out, 'finish');
  return count;
}

export async function run(): Promise<void> {
  const claims = Number(process.env.BENCH_MEDICAL_CLAIMS ?? 1_000_000);
  const persons = Number(process.env.BENCH_MEDICAL_PERSONS ?? 50_000);
  const groupSize = Number(process.env.BENCH_MEDICAL_GROUP ?? 1);
  const dir = mkdtempSync(join(tmpdir(), 'jixi-bench-medical-'));

  try {
    const people = generateDemoRows({ persons, claims: 0, seed: 11 }).persons.map((r) => r.values);
    await writeCsv(join(dir, 'persons.csv'), people);
    await writeCsv(join(dir, 'claims.csv'), generateClaimRows(people.map((p) => p.person_id!), claims, { seed: 12 }));
    console.log(`input: ${persons} persons, ${claims} claims (${(statSync(join(dir, 'claims.csv')).size / 1e6).toFixed(1)} MB CSV), ${groupSize} claim(s) per transaction`);

    global.gc?.();
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 50);

    const ctx = await openContext({ databaseUrl: `sqlite:${join(dir, 'bench.db')}`, logger: createLogger({ level: 'silent' }) });
    const started = process.hrtime.bigint();
    try {
      await runSettleCommand(ctx, {
        persons: join(dir, 'persons.csv'),
        claims: join(dir, 'claims.csv'),
        out: join(dir, 'bills.csv'),
        param: [],
        groupSize,
        progress: false,
        quiet: true,
      });
    } finally {
      await ctx.close();
      clearInterval(sampler);
    }
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    peak = Math.max(peak, process.memoryUsage().rss);

    const rate = claims / seconds;
    console.log(`settled ${claims} claims in ${seconds.toFixed(1)} s: ${Math.round(rate).toLocaleString('en')} claims/s (target 100,000/s) ${rate >= 100_000 ? 'met' : 'NOT met'}`);
    console.log(`peak RSS ${(peak / 1e6).toFixed(0)} MB (before the run ${(baseline / 1e6).toFixed(0)} MB; target < 500 MB for 1,000,000 claims) ${peak < 500e6 ? 'met' : 'NOT met'}`);
    console.log(`bills CSV ${(statSync(join(dir, 'bills.csv')).size / 1e6).toFixed(1)} MB, database ${(statSync(join(dir, 'bench.db')).size / 1e6).toFixed(1)} MB`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
