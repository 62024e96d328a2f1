/**
 * The assistance fund ledger of a budget year (D4 §19): budgets per county
 * and for the city, spending by the county that certified each recipient
 * (from the stored bills, reversals netted), the accumulated surplus, and
 * the shortfall split as the rules decide.
 */
import type { Fen } from '../../core/money.ts';
import type { PlatformContext } from '../../platform/context.ts';
import { CITY_COUNTY, JIXI_COUNTIES } from './records.ts';
import { shortfallWithRules, type ShortfallView } from './engine.ts';

export interface FundLedger {
  year: number;
  budgets: Array<{ county: string; name: string; budget: Fen }>;
  spending: Array<{ county: string; name: string; spending: Fen; recipients: number }>;
  accumulatedSurplus: Fen;
  shortfall: ShortfallView;
}

export async function setBudget(ctx: PlatformContext, year: number, county: string, budget: Fen): Promise<void> {
  const now = new Date().toISOString();
  await ctx.store.db
    .insertInto('medical_fund_budget')
    .values({ id: `${year}:${county}`, year, county, budget, updated_at: now })
    .onConflict((oc) => oc.column('id').doUpdateSet({ budget, updated_at: now }))
    .execute();
}

export async function setSurplus(ctx: PlatformContext, year: number, accumulatedSurplus: Fen): Promise<void> {
  const now = new Date().toISOString();
  await ctx.store.db
    .insertInto('medical_fund_surplus')
    .values({ year, accumulated_surplus: accumulatedSurplus, updated_at: now })
    .onConflict((oc) => oc.column('year').doUpdateSet({ accumulated_surplus: accumulatedSurplus, updated_at: now }))
    .execute();
}

export async function fundLedger(ctx: PlatformContext, year: number, county?: string): Promise<FundLedger> {
  const db = ctx.store.db;
  const [budgetRows, spendingRows, surplus] = await Promise.all([
    db.selectFrom('medical_fund_budget').select(['county', 'budget']).where('year', '=', year).orderBy('county').execute(),
    db
      .selectFrom('medical_bill')
      .select((eb) => [
        'county',
        eb.fn.sum<number>('assistance').as('spending'),
        eb.fn.count<number>('person_id').distinct().as('recipients'),
      ])
      .where('year', '=', year)
      .where('assistance', '!=', 0)
      .groupBy('county')
      .orderBy('county')
      .execute(),
    db.selectFrom('medical_fund_surplus').select('accumulated_surplus').where('year', '=', year).executeTakeFirst(),
  ]);

  const name = (code: string) => JIXI_COUNTIES[code] ?? code;
  const budgets = budgetRows.map((r) => ({ county: r.county, name: name(r.county), budget: Number(r.budget) }));
  const spending = spendingRows
    .map((r) => ({ county: r.county || CITY_COUNTY, name: name(r.county || CITY_COUNTY), spending: Number(r.spending), recipients: Number(r.recipients) }))
    .filter((r) => r.spending !== 0);
  const accumulatedSurplus = surplus ? Number(surplus.accumulated_surplus) : 0;

  const shortfall = shortfallWithRules(ctx.params, {
    year,
    budgets: budgets.map((b) => ({ county: b.county, budget: b.budget })),
    spending: spending.map((s) => ({ county: s.county, spending: s.spending })),
    accumulatedSurplus,
  });
  if (county) {
    return {
      year,
      budgets: budgets.filter((b) => b.county === county),
      spending: spending.filter((s) => s.county === county),
      accumulatedSurplus,
      shortfall: { ...shortfall, byCertifier: shortfall.byCertifier.filter((c) => c.county === county) },
    };
  }
  return { year, budgets, spending, accumulatedSurplus, shortfall };
}
