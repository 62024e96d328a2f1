/**
 * The medical part of the demonstration data set: synthetic persons across
 * Jixi's counties and a year of claims, settled through the batch path,
 * marked 合成演示数据 in every stored person and claim, and a fund ledger
 * for the year. Seeded, so every database gets the same data; skipped when
 * already present.
 */
import type { PlatformContext } from '../../platform/context.ts';
import { settleBatch } from '../services/batch.ts';
import { fundLedger, setBudget, setSurplus } from '../services/fund.ts';
import { DEMO_SOURCE, generateDemoRows } from './generate.ts';

export const DEMO_SIZES = {
  full: { persons: 5_000, claims: 30_000 },
  small: { persons: 200, claims: 1_000 },
} as const;

export async function seedMedicalDemo(
  ctx: PlatformContext,
  options: { size: 'small' | 'full'; onProgress?: (done: number, total: number) => void },
): Promise<{ seeded: boolean; claims: number }> {
  const present = await ctx.store.db
    .selectFrom('medical_person')
    .select('person_id')
    .where('source', '=', DEMO_SOURCE)
    .limit(1)
    .executeTakeFirst();
  if (present) {
    ctx.logger.info({ area: 'medical' }, 'demonstration data already present');
    return { seeded: false, claims: 0 };
  }

  const year = 2023;
  const rows = generateDemoRows({ ...DEMO_SIZES[options.size], year });
  const result = await settleBatch(ctx, {
    persons: { rows: rows.persons, problems: [], unknownHeaders: [] },
    claims: { rows: rows.claims, problems: [], unknownHeaders: [] },
    source: DEMO_SOURCE,
    // Demo rows are known good; groups of claims per transaction load it
    // in seconds. Each claim is still settled on its own.
    groupSize: 200,
    onBill: () => {},
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });

  // A budget a little short of what was spent, so the ledger shows D4 §19 at
  // work: the surplus covers part of the gap, the certifying counties the rest.
  const ledger = await fundLedger(ctx, year);
  for (const county of ledger.spending) {
    await setBudget(ctx, year, county.county, Math.floor((county.spending * 0.9) / 100_000) * 100_000);
  }
  const gap = ledger.spending.reduce((s, c) => s + c.spending - Math.floor((c.spending * 0.9) / 100_000) * 100_000, 0);
  await setSurplus(ctx, year, Math.floor((gap * 0.6) / 100) * 100);

  ctx.logger.info({ area: 'medical', claims: result.total, applied: result.applied }, 'demonstration data seeded');
  return { seeded: true, claims: result.total };
}
