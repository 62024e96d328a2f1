/**
 * The one door from services to the settlement rules (src/medical/rules):
 * the person's state in, the bill out. Services never compute amounts.
 */
import type { ParamRegistry } from '../../core/params/registry.ts';
import type { Bill, Claim, Person, PersonState } from '../rules/types.ts';

export interface SettleInput {
  person: Person;
  claim: Claim;
  state: PersonState;
  params: ParamRegistry;
  explain: boolean;
}

export function settleWithRules(_input: SettleInput): Bill {
  throw new Error('the medical settlement rules (src/medical/rules/index.ts) are not wired yet');
}

export interface ShortfallInput {
  year: number;
  budgets: Array<{ county: string; budget: number }>;
  spending: Array<{ county: string; spending: number }>;
  accumulatedSurplus: number;
}

export interface ShortfallView {
  gap: number;
  fromSurplus: number;
  remaining: number;
  byCertifier: Array<{ county: string; amount: number }>;
  articles: string[];
}

export function shortfallWithRules(_params: ParamRegistry, _input: ShortfallInput): ShortfallView {
  throw new Error('the D4 §19 shortfall rule (src/medical/rules) is not wired yet');
}
