/**
 * A scenario over the demonstration data of a whole year: the platform's
 * full demonstration set loaded into a fresh SQLite file (not timed), then
 * one scenario touching every area the simulation can run, timed from
 * reading the data to the assembled result, and the XLSX export.
 * Target: under 10 s on this machine. Nothing here asserts a timing.
 *
 * BENCH_SIMULATION_DB reuses a database file already seeded (the seeding
 * is skipped when the demonstration data are present).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { createLogger } from '../src/core/logger.ts';
import { formatYuan } from '../src/core/money.ts';
import { openContext } from '../src/platform/context.ts';
import { seedDemo } from '../src/platform/demo.ts';
import type { ScenarioChange } from '../src/simulation/rules/scenario.ts';
import { resultWorkbook } from '../src/simulation/services/export.ts';
import { runnableAreas, runScenario } from '../src/simulation/services/run.ts';
import { createScenario } from '../src/simulation/services/scenarios.ts';

const TARGET_MS = 10_000;

/** One change per area, each a move the documents expect (issue 8). */
const CHANGES: ScenarioChange[] = [
  { id: 'medical.d5.art7_1.annual_cap', value: '3000.00', from: '2023-01-01' },
  { id: 'medical.d4.art10_2.deductible', value: '1000.00', from: '2023-01-01' },
];

export async function run(): Promise<void> {
  const reuse = process.env.BENCH_SIMULATION_DB;
  const dir = reuse ? undefined : mkdtempSync(join(tmpdir(), 'jixi-bench-simulation-'));
  const file = reuse ?? join(dir!, 'bench.db');
  const ctx = await openContext({ databaseUrl: `sqlite:${file}`, logger: createLogger({ level: 'silent' }) });

  try {
    const seedStart = Date.now();
    await seedDemo(ctx, { size: 'full' });
    console.log(`demonstration data (full) ready in ${((Date.now() - seedStart) / 1000).toFixed(1)} s (not timed)`);

    const areas = runnableAreas();
    const changes = CHANGES.filter((c) => areas.some((a) => c.id.startsWith(`${a}.`)));
    const scenario = await createScenario(ctx, {
      name: '基准测试方案',
      purpose: '测算一年演示数据的用时',
      author: 'bench',
      changes,
    }, 'bench');

    global.gc?.();
    const started = process.hrtime.bigint();
    const result = await runScenario(ctx, scenario, { year: 2023, areas });
    const ranMs = Number(process.hrtime.bigint() - started) / 1e6;
    const exportStart = process.hrtime.bigint();
    const workbook = await resultWorkbook(result);
    const exportMs = Number(process.hrtime.bigint() - exportStart) / 1e6;

    for (const r of result.results) {
      const counts = Object.entries(r.counts).map(([k, v]) => `${k} ${v}`).join(', ');
      console.log(`  ${r.area}: ${counts}; gainers ${r.distribution.gainers}, losers ${r.distribution.losers}; crossings ${r.crossings.length}`);
    }
    console.log(`  cost: baseline ${formatYuan(result.totals.baseline)} yuan, scenario ${formatYuan(result.totals.scenario)} yuan, change ${formatYuan(result.totals.delta)} yuan`);
    console.log(`run (areas ${areas.join(', ')}): ${(ranMs / 1000).toFixed(2)} s (target < ${TARGET_MS / 1000} s) ${ranMs < TARGET_MS ? 'OK' : 'OVER TARGET'}`);
    console.log(`export: ${(exportMs / 1000).toFixed(2)} s, ${(workbook.length / 1e6).toFixed(1)} MB XLSX`);
    console.log(`peak rss: ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`);
  } finally {
    await ctx.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}
