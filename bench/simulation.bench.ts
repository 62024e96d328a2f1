/**
 * A scenario over the demonstration data of a whole year: the platform's
 * full demonstration set loaded into a fresh SQLite file (not timed), then
 * one scenario touching every area the simulation can run (a change per
 * area), timed from reading the data to the assembled result, and the
 * XLSX export. Each area's own time is printed too.
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
import { upsertIndexMonths, upsertRecipients } from '../src/price/services/subsidies.ts';

const TARGET_MS = 10_000;

/** One change per area, each a move the documents expect (issue 8). */
const CHANGES: ScenarioChange[] = [
  { id: 'medical.d5.art7_1.annual_cap', value: '3000.00', from: '2023-01-01' },
  { id: 'medical.d4.art10_2.deductible', value: '1000.00', from: '2023-01-01' },
  { id: 'disability.d1.s3_1_5.living_monthly', value: '130.00', from: '2023-07-01' },
  {
    id: 'credit.d2.part2_2_2.grade_cutoffs',
    value: [{ grade: 'A', min: 850 }, { grade: 'B', min: 760 }, { grade: 'C', min: 700 }, { grade: 'D', min: 670 }, { grade: 'E', min: 0 }],
    from: '2023-01-01',
  },
  { id: 'price.d3.art2_4_1.subsidy_cpi_threshold', value: '3.0', from: '2023-03-01' },
];

/**
 * The price area has no demonstration set: twelve synthetic index months
 * and 5 000 synthetic recipients, entered through the price services (not
 * timed), so its half of the run has something to decide.
 */
async function seedPriceFixture(ctx: Awaited<ReturnType<typeof openContext>>): Promise<void> {
  const caller = { user: 'bench', role: 'price_office' };
  const cpi = [210, 190, 330, 280, 320, 300, 310, 380, 290, 250, 300, 270];
  await upsertIndexMonths(ctx, cpi.map((bp, i) => ({ month: `2023-${String(i + 1).padStart(2, '0')}`, cpi: bp, food: bp + 120 })), '合成基准数据', caller);
  const counties = ['230302', '230303', '230304', '230305', '230306', '230307', '230321', '230381', '230382'];
  await upsertRecipients(ctx, Array.from({ length: 5_000 }, (_, i) => ({
    id: `bench-${i}`,
    group: i % 10 === 0 ? 'tekun' : 'dibao',
    residence: i % 3 === 0 ? 'rural' as const : 'urban' as const,
    county: counties[i % counties.length]!,
    from: '2022-01',
  })));
}

export async function run(): Promise<void> {
  const reuse = process.env.BENCH_SIMULATION_DB;
  const dir = reuse ? undefined : mkdtempSync(join(tmpdir(), 'jixi-bench-simulation-'));
  const file = reuse ?? join(dir!, 'bench.db');
  const ctx = await openContext({ databaseUrl: `sqlite:${file}`, logger: createLogger({ level: 'silent' }) });

  try {
    const seedStart = Date.now();
    await seedDemo(ctx, { size: 'full' });
    await seedPriceFixture(ctx);
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
      console.log(`  ${r.area} (${((r.durationMs ?? 0) / 1000).toFixed(2)} s): ${counts}; gainers ${r.distribution.gainers}, losers ${r.distribution.losers}; crossings ${r.crossings.length}`);
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
