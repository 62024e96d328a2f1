/**
 * The one door from services to the medical rules (src/medical/rules): the
 * person's state in, the bill out; the fund year in, the shortfall out.
 * Services never compute amounts themselves.
 */
import type { ExplanationStep } from '../../core/explain.ts';
import type { ParamRegistry } from '../../core/params/registry.ts';
import type { Decision } from '../../core/explain.ts';
import { fundShortfall } from '../rules/d4/art19.fund_shortfall.ts';
import {
  settleRetroactive,
  type RetroactiveApplication,
  type RetroactiveSettlement,
} from '../rules/d4/art14.retroactive.ts';
import { MedicalParams } from '../rules/params.ts';
import { settleClaim } from '../rules/settleClaim.ts';
import type { Bill, Claim, Person, PersonState, YearAccumulators } from '../rules/types.ts';
import { CITY_COUNTY } from './records.ts';

// One snapshot cache per registry (the baseline, or one with overrides).
const snapshots = new WeakMap<ParamRegistry, MedicalParams>();

export function medicalParams(registry: ParamRegistry): MedicalParams {
  let params = snapshots.get(registry);
  if (!params) {
    params = new MedicalParams(registry);
    snapshots.set(registry, params);
  }
  return params;
}

export interface SettleInput {
  person: Person;
  claim: Claim;
  state: PersonState;
  params: ParamRegistry;
  explain: boolean;
}

export function settleWithRules(input: SettleInput): Bill {
  return settleClaim(input.person, input.claim, input.state, medicalParams(input.params), { explain: input.explain });
}

export interface RetroactiveInput {
  person: Person;
  application: RetroactiveApplication;
  claims: readonly Claim[];
  accumulators: ReadonlyMap<number, YearAccumulators>;
  params: ParamRegistry;
  explain: boolean;
}

/** D4 §14: the claims of the window settled under the recognised category. */
export function retroactiveWithRules(input: RetroactiveInput): Decision<RetroactiveSettlement> {
  return settleRetroactive(input.person, input.application, input.claims, medicalParams(input.params), {
    accumulators: input.accumulators,
    explain: input.explain,
  });
}

/** Months before an application whose claims count (D4 §14); null before D4. */
export function retroactiveMonths(registry: ParamRegistry, date: string): number | null {
  return medicalParams(registry).on(date).monitoring?.retroMonths ?? null;
}

export interface ShortfallInput {
  year: number;
  budgets: Array<{ county: string; budget: number }>;
  spending: Array<{ county: string; spending: number }>;
  accumulatedSurplus: number;
}

export interface ShortfallView {
  /** False when D4 was not in force at the end of the year. */
  inForce: boolean;
  income: number;
  spending: number;
  gap: number;
  fromSurplus: number;
  surplusAfter: number;
  remaining: number;
  byCertifier: Array<{ county: string; amount: number }>;
  allocation: string | null;
  articles: string[];
  steps: ExplanationStep[];
}

// The rules name the city's own budget and certifications 'city'; the
// store uses its GB/T 2260 code.
const toRules = (county: string) => (county === CITY_COUNTY ? 'city' : county);
const fromRules = (county: string) => (county === 'city' ? CITY_COUNTY : county);

export function shortfallWithRules(registry: ParamRegistry, input: ShortfallInput): ShortfallView {
  const budget: Record<string, number> = {};
  for (const b of input.budgets) budget[toRules(b.county)] = (budget[toRules(b.county)] ?? 0) + b.budget;
  const spendingByCertifier: Record<string, number> = {};
  for (const s of input.spending) spendingByCertifier[toRules(s.county)] = (spendingByCertifier[toRules(s.county)] ?? 0) + s.spending;

  const decision = fundShortfall(
    { year: input.year, budget, spendingByCertifier, accumulatedSurplus: input.accumulatedSurplus },
    medicalParams(registry),
  );
  if (decision.outcome !== 'decided') {
    return {
      inForce: false,
      income: 0,
      spending: 0,
      gap: 0,
      fromSurplus: 0,
      surplusAfter: input.accumulatedSurplus,
      remaining: 0,
      byCertifier: [],
      allocation: null,
      articles: decision.articles,
      steps: decision.steps,
    };
  }
  const ledger = decision.result;
  return {
    inForce: true,
    income: ledger.income,
    spending: ledger.spending,
    gap: ledger.gap,
    fromSurplus: ledger.fromSurplus,
    surplusAfter: ledger.surplusAfter,
    remaining: ledger.remaining,
    byCertifier: Object.entries(ledger.remainingByCertifier).map(([county, amount]) => ({ county: fromRules(county), amount })),
    allocation: ledger.allocation,
    articles: decision.articles,
    steps: ledger.steps,
  };
}
