/**
 * Price monitoring (D3). Prints, asserts nothing.
 *
 * 1. Observations ingested per second: BENCH_PRICE_OBSERVATIONS (default
 *    100 000) rows — 50 items × 200 points × 10 days — through the same
 *    service the form import and the API use (every row checked, the
 *    stored keys and last prices looked up, plausibility holds, chunked
 *    inserts in one transaction), into SQLite in memory. Target: 100 000
 *    rows per second.
 * 2. IFPA over 1 000 monthly series of 10 years (120 months each), the
 *    pure rule. Target: under 1 second.
 * 3. A warning's tasks over 60 days at level 2 with all 9 counties
 *    reporting daily (derived on every read). No target; printed.
 */
import { performance } from 'node:perf_hooks';

import { createLogger } from '../src/core/logger.ts';
import { addDays } from '../src/core/dates.ts';
import { loadParams, openContext } from '../src/platform/context.ts';
import { ifpaSeries, type MonthlyPrice } from '../src/price/rules/ifpa.ts';
import { parseInstant } from '../src/price/rules/clock.ts';
import { COUNTIES } from '../src/price/rules/counties.ts';
import { responseTasks } from '../src/price/rules/responseTasks.ts';
import { upsertItems, upsertPoints } from '../src/price/services/catalogue.ts';
import { ingestObservations, type Candidate } from '../src/price/services/observations.ts';
import { detectionSettings } from '../src/price/services/settings.ts';
import { responseSettings } from '../src/price/services/warningSettings.ts';

/** mulberry32: the same data on every run. */
function generator(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

async function ingest(): Promise<void> {
  const total = Number(process.env.BENCH_PRICE_OBSERVATIONS ?? 100_000);
  const items = 50;
  const points = 200;
  const days = Math.max(1, Math.ceil(total / (items * points)));
  const ctx = await openContext({ databaseUrl: ':memory:', logger: createLogger({ level: 'silent' }) });
  const counties = Object.keys(COUNTIES);
  await upsertItems(ctx, Array.from({ length: items }, (_, i) => ({ id: `i${i}`, name: `品种${i}`, category: 'vegetables' as const, unit: '元/500克', specification: '' })));
  await upsertPoints(ctx, Array.from({ length: points }, (_, p) => ({ id: `p${p}`, name: `监测点${p}`, county: counties[p % counties.length]!, kind: 'market' as const })));

  const random = generator(7);
  const base = Array.from({ length: items }, () => 200 + Math.floor(random() * 800));
  let stored = 0;
  let held = 0;
  const start = performance.now();
  for (let d = 0; d < days; d += 1) {
    const date = addDays('2024-03-01', d * 7);
    const rows: Candidate[] = [];
    for (let p = 0; p < points; p += 1) {
      for (let i = 0; i < items; i += 1) {
        const fen = base[i]! + Math.floor(random() * 20);
        rows.push({ row: rows.length + 1, point: `p${p}`, itemId: `i${i}`, date, price: (fen / 100).toFixed(2) });
      }
    }
    const report = await ingestObservations(ctx, rows, { source: 'import', skipInvalid: false, caller: { user: 'bench', role: 'price_office' } });
    stored += report.stored;
    held += report.held;
  }
  const seconds = (performance.now() - start) / 1000;
  console.log(`observations: ${fmt(stored)} stored (${fmt(held)} held) in ${seconds.toFixed(2)} s = ${fmt(stored / seconds)} rows/s (target 100,000 rows/s), ${days} files of ${fmt(items * points)} rows, SQLite in memory`);
  await ctx.close();
}

function ifpa(): void {
  const loaded = detectionSettings(loadParams(), '2024-01-01');
  if (!loaded.ok) throw new Error(`parameters missing: ${loaded.missing.join(', ')}`);
  const settings = loaded.settings.r4.ifpa;
  const random = generator(11);
  const series: MonthlyPrice[][] = Array.from({ length: 1000 }, () => {
    let price = 2 + random() * 10;
    return Array.from({ length: 120 }, (_, m) => {
      price *= 1 + (random() - 0.48) * 0.04 + 0.01 * Math.sin((m / 12) * 2 * Math.PI);
      return { month: `${2014 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`, price };
    });
  });
  const start = performance.now();
  let values = 0;
  for (const s of series) values += ifpaSeries(s, settings).filter((r) => r.ifpa !== null).length;
  const seconds = (performance.now() - start) / 1000;
  console.log(`IFPA: 1,000 series × 120 months in ${seconds.toFixed(3)} s (target under 1 s), ${fmt(values)} monthly values`);
}

function tasks(): void {
  const loaded = responseSettings(loadParams(), '2024-01-01');
  if (!loaded.ok) throw new Error(`parameters missing: ${loaded.missing.join(', ')}`);
  const counties = Object.keys(COUNTIES);
  const from = parseInstant('2024-01-02T09:00')!;
  const start = performance.now();
  const list = responseTasks(
    { id: 'w', spans: [{ level: 2, from }], areas: counties.slice(0, 3), related: counties.slice(3), units: ['ndrc', 'samr'], terminatedAt: null },
    from + 60 * 86_400_000, loaded.settings, new Map(), [], () => false,
  );
  console.log(`tasks: ${fmt(list.length)} tasks of a 60-day level-2 warning over 9 counties derived in ${(performance.now() - start).toFixed(1)} ms`);
}

export async function run(): Promise<void> {
  await ingest();
  ifpa();
  tasks();
}
