/**
 * Credit scoring (D2 附件). Prints, asserts nothing.
 *
 * 1. Pure scoring in memory: BENCH_CREDIT_ENTITIES (default 1 000 000)
 *    entities with three records each on average (3 000 000), scored with
 *    one compiled scorer. Target: all of it under 20 s. "End to end" here
 *    is generating the entities and records in memory, grouping them by
 *    entity and scoring every one (the whole breakdown built, then
 *    dropped); reading and writing the CSV files of `jixi credit score`
 *    comes on top and is measured on a 100 000-entity file below and
 *    extrapolated.
 * 2. Re-scoring one stored entity after a record changes (SQLite in
 *    memory, through the same service the API uses: insert the record and
 *    re-score in one transaction). Target: under 5 ms.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { createLogger } from '../src/core/logger.ts';
import { loadParams, openContext } from '../src/platform/context.ts';
import { scoringParams } from '../src/credit/rules/params.ts';
import { compileScorer } from '../src/credit/rules/publicScore.ts';
import { syntheticUscc } from '../src/credit/rules/synthetic.ts';
import type { CreditRecord, MarketEntity } from '../src/credit/rules/types.ts';

const ON = '2023-06-01';

// Indicators by how often departments report them (synthetic, for load only).
const MIX = [
  'administrative_penalty', 'administrative_penalty', 'administrative_penalty', 'inspection_finding',
  'inspection_finding', 'tax_arrears', 'social_insurance_arrears', 'abnormal_operation', 'public_pledge',
  'public_pledge', 'donation', 'volunteering', 'commendation', 'court_judgment', 'compulsory_measure',
  'water_arrears', 'electricity_arrears', 'national_evaluation_good', 'red_list', 'environmental_credit',
];
const STATUSES = ['active', 'active', 'active', 'active', 'active', 'active', 'active', 'active', 'repaired', 'expired'] as const;

/** A small fixed-seed generator (mulberry32) so every run loads the same data. */
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

function dates(from: string, days: number): string[] {
  const start = Date.parse(`${from}T00:00:00Z`);
  return Array.from({ length: days }, (_, i) => new Date(start + i * 86_400_000).toISOString().slice(0, 10));
}

function generate(count: number, codes: (i: number) => string = syntheticUscc) {
  const random = generator(20230601);
  const decided = dates('2019-06-01', 4 * 365);
  const established = dates('2010-01-01', 13 * 365);
  const entities: MarketEntity[] = new Array(count);
  const records: CreditRecord[][] = new Array(count);
  let total = 0;
  for (let i = 0; i < count; i += 1) {
    const uscc = codes(i);
    entities[i] = { uscc, established: established[Math.floor(random() * established.length)]! };
    const n = Math.floor(random() * 7); // 0..6, three on average
    const list: CreditRecord[] = new Array(n);
    for (let k = 0; k < n; k += 1) {
      list[k] = {
        id: `${i}-${k}`,
        uscc,
        indicator: MIX[Math.floor(random() * MIX.length)]!,
        decided: decided[Math.floor(random() * decided.length)]!,
        status: STATUSES[Math.floor(random() * STATUSES.length)]!,
      };
    }
    records[i] = list;
    total += n;
  }
  return { entities, records, total };
}

function mb(bytes: number): string {
  return `${Math.round(bytes / 1_048_576)} MB`;
}

async function pureScoring(): Promise<void> {
  const count = Number(process.env.BENCH_CREDIT_ENTITIES ?? 1_000_000);
  const t0 = performance.now();
  // Scoring does not re-check codes (import did): plain keys keep the
  // generator's cost out of the figure.
  const { entities, records, total } = generate(count, (i) => `E${i}`);
  const t1 = performance.now();

  const scorer = compileScorer(scoringParams(loadParams(), ON));
  const grades: Record<string, number> = { A: 0, B: 0, C: 0, D: 0, E: 0 };
  for (let i = 0; i < count; i += 1) {
    grades[scorer(entities[i]!, records[i]!, ON).grade]! += 1;
  }
  const t2 = performance.now();

  const scoreSeconds = (t2 - t1) / 1000;
  const allSeconds = (t2 - t0) / 1000;
  console.log(`pure scoring: ${count.toLocaleString()} entities, ${total.toLocaleString()} records`);
  console.log(`  generate + group in memory  ${((t1 - t0) / 1000).toFixed(2)} s`);
  console.log(`  score                       ${scoreSeconds.toFixed(2)} s  = ${Math.round(count / scoreSeconds).toLocaleString()} entities/s`);
  console.log(`  end to end (in memory)      ${allSeconds.toFixed(2)} s   target < 20 s for 1 000 000 / 3 000 000  ${allSeconds < 20 ? 'met' : 'NOT met'}`);
  console.log('  (end to end here = synthetic data generated and grouped in memory + every entity scored with its full breakdown; no files, no database)');
  console.log(`  grades ${JSON.stringify(grades)}; heap used ${mb(process.memoryUsage().heapUsed)}`);
}

async function filesRoundTrip(): Promise<void> {
  const count = Number(process.env.BENCH_CREDIT_FILE_ENTITIES ?? 100_000);
  const { entities, records, total } = generate(count);
  const dir = mkdtempSync(join(tmpdir(), 'credit-bench-'));
  try {
    const entityLines = ['uscc,name,established'];
    const recordLines = ['uscc,indicator,decided,status,source_department,document_number'];
    for (let i = 0; i < count; i += 1) {
      entityLines.push(`${entities[i]!.uscc},合成主体${i},${entities[i]!.established}`);
      for (const r of records[i]!) recordLines.push(`${r.uscc},${r.indicator},${r.decided},${r.status},合成部门,合成〔${i}〕号`);
    }
    writeFileSync(join(dir, 'entities.csv'), entityLines.join('\n'));
    writeFileSync(join(dir, 'records.csv'), recordLines.join('\n'));

    const { scoreFiles } = await import('../src/credit/services/batchScore.ts');
    const { writeTableFile } = await import('../src/io/table.ts');
    const t0 = performance.now();
    const result = await scoreFiles(loadParams(), { entities: join(dir, 'entities.csv'), records: join(dir, 'records.csv') }, ON);
    await writeTableFile(join(dir, 'out.csv'), result.rows, result.columns);
    const seconds = (performance.now() - t0) / 1000;
    console.log(`files (jixi credit score path): ${count.toLocaleString()} entities, ${total.toLocaleString()} records read, checked, scored, written in ${seconds.toFixed(2)} s`);
    console.log(`  = ${Math.round(count / seconds).toLocaleString()} entities/s; 1 000 000 would take about ${(seconds * (1_000_000 / count)).toFixed(0)} s with files`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function rescoreOne(): Promise<void> {
  const ctx = await openContext({ databaseUrl: ':memory:', logger: createLogger({ level: 'silent' }) });
  try {
    const { creditServices } = await import('../src/credit/services/index.ts');
    const services = creditServices(ctx);
    const stored = Number(process.env.BENCH_CREDIT_STORED ?? 10_000);
    const { entities, records } = generate(stored);
    const entityCsv = ['uscc,name,established', ...entities.map((e, i) => `${e.uscc},合成主体${i},${e.established}`)];
    const recordCsv = ['uscc,indicator,decided,status,source_department,document_number'];
    records.forEach((list, i) => list.forEach((r, k) => recordCsv.push(`${r.uscc},${r.indicator},${r.decided},${r.status},合成部门,合成〔${i}-${k}〕号`)));
    await services.imports.entities(Buffer.from(entityCsv.join('\n')), 'csv', ON);
    await services.imports.records(Buffer.from(recordCsv.join('\n')), 'csv', ON);

    const samples: number[] = [];
    for (let i = 0; i < 500; i += 1) {
      const e = entities[(i * 7919) % stored]!;
      const t0 = performance.now();
      await services.registry.addRecord({ uscc: e.uscc, indicator: MIX[i % MIX.length]!, decided: '2023-05-01', source_department: '合成部门', document_number: `合成〔bench〕${i}号` }, ON);
      samples.push(performance.now() - t0);
    }
    samples.sort((a, b) => a - b);
    const median = samples[Math.floor(samples.length / 2)]!;
    const p95 = samples[Math.floor(samples.length * 0.95)]!;
    console.log(`re-score one entity after a record change (SQLite in memory, ${stored.toLocaleString()} entities stored): median ${median.toFixed(2)} ms, p95 ${p95.toFixed(2)} ms   target < 5 ms  ${median < 5 ? 'met' : 'NOT met'}`);
  } finally {
    await ctx.close();
  }
}

export async function run(): Promise<void> {
  await pureScoring();
  await filesRoundTrip();
  await rescoreOne();
}
