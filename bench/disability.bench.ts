/**
 * The monthly payroll of the two subsidies (D1 三(一)5) for 50 000 card
 * holders. Prints, asserts nothing. Target: a month under 2 s.
 *
 * The register is the synthetic demonstration generator at 50 000 persons
 * (about 26 000 grants), loaded into SQLite in memory. Measured:
 *   1. the pure rule (payrollMonth) over the register already in memory;
 *   2. a first month through the service: read the register, decide, store
 *      every line through the kill-safe batch, close the month;
 *   3. the following month (every line compared with the month before);
 *   4. asking for a closed month again (idempotent: nothing recomputed).
 * BENCH_DISABILITY_PERSONS changes the size (12 000 or more: the
 * generator's yearly counts of trainings and modified homes are the plan's
 * and need that many persons to draw from); BENCH_POSTGRES=1 repeats 2–4
 * on PostgreSQL (TEST_POSTGRES_URL) in a scratch schema.
 *
 * Figures on the 2-core development machine, 2026-12-04: first month
 * 1.4–1.5 s on SQLite, 0.9 s on PostgreSQL; the next month 1.1–1.5 s;
 * docs/disability.md keeps them.
 */
import { randomBytes } from 'node:crypto';

import pg from 'pg';

import { createLogger } from '../src/core/logger.ts';
import { demoRows, demoTargets, loadDemoRows } from '../src/disability/demo/seed.ts';
import { generateDemo } from '../src/disability/demo/generate.ts';
import { payrollMonth } from '../src/disability/rules/payrollMonth.ts';
import { payrollInput, runPayroll } from '../src/disability/services/payroll.ts';
import { openContext, type PlatformContext } from '../src/platform/context.ts';

const PERSONS = Number(process.env.BENCH_DISABILITY_PERSONS ?? 50_000);
const TARGET_MS = 2_000;
const ACTOR = { user: 'bench', role: 'disabled_federation' };

function ms(start: number): number {
  return Math.round(performance.now() - start);
}

async function measure(label: string, ctx: PlatformContext): Promise<void> {
  let t = performance.now();
  const input = await payrollInput(ctx, '2024-11');
  const read = ms(t);
  t = performance.now();
  const pure = payrollMonth({ month: '2024-11', referenceDate: input.ref, persons: input.persons, previous: input.previous, paramsFor: input.paramsFor });
  const decide = ms(t);
  console.log(`${label}: register read ${read} ms (${input.persons.length} persons with grants), pure rule ${decide} ms for ${pure.lines.length} lines`);

  t = performance.now();
  const first = await runPayroll(ctx, '2024-11', ACTOR);
  const firstMs = ms(t);
  t = performance.now();
  const second = await runPayroll(ctx, '2024-12', ACTOR);
  const secondMs = ms(t);
  t = performance.now();
  const again = await runPayroll(ctx, '2024-12', ACTOR);
  const againMs = ms(t);

  const verdict = (x: number) => (x <= TARGET_MS ? 'within target' : 'OVER target');
  console.log(`${label}: first month ${firstMs} ms, ${first.grandTotal.persons} paid, ${first.amountYuan} yuan — ${verdict(firstMs)} (${TARGET_MS} ms)`);
  console.log(`${label}: next month ${secondMs} ms, ${second.changes.continued} continued, ${second.changes.stopped} stopped — ${verdict(secondMs)}`);
  console.log(`${label}: closed month asked again ${againMs} ms, rerun=${again.rerun}`);
}

export async function run(): Promise<void> {
  const logger = createLogger({ level: 'silent' });
  console.log(`disability payroll, ${PERSONS} card holders (synthetic), target ${TARGET_MS} ms a month`);

  const sqlite = await openContext({ databaseUrl: ':memory:', logger });
  const targets = { ...demoTargets(sqlite), cardHolders: PERSONS, livingRecipients: Math.round(PERSONS * 0.26), careRecipients: Math.round(PERSONS * 0.27) };
  let t = performance.now();
  const rows = demoRows(generateDemo(targets, 'full'));
  console.log(`generated ${rows.persons.length} persons, ${rows.applications.length} grants, ${rows.records.length} records in ${ms(t)} ms`);
  t = performance.now();
  await loadDemoRows(sqlite, rows);
  console.log(`loaded into SQLite (memory) in ${ms(t)} ms`);
  await measure('sqlite', sqlite);
  await sqlite.close();

  if (process.env.BENCH_POSTGRES === '1') {
    const url = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
    const schema = `bench_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    try {
      const ctx = await openContext({ databaseUrl: url, searchPath: schema, logger });
      t = performance.now();
      await loadDemoRows(ctx, rows);
      console.log(`loaded into PostgreSQL in ${ms(t)} ms`);
      await measure('postgres', ctx);
      await ctx.close();
    } finally {
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
