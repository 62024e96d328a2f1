/**
 * Explanations: the chain of rules that produced a decision, each step with
 * its rule id, article, the parameter values used and the amounts in and
 * out. Rules build them only when asked (`explain: true`), so the fast path
 * allocates nothing for them.
 */
import type { Citation } from './params/types.ts';

export interface ParamUse {
  id: string;
  value: unknown;
  from: string;
  citation: Citation;
}

export interface ExplanationStep {
  rule: string;
  article: string;
  /** Chinese sentence for the clerk. */
  text: string;
  params?: ParamUse[];
  values?: Record<string, number | string | boolean | null>;
}

export type Decision<T> =
  | { outcome: 'decided'; result: T; articles: string[]; steps: ExplanationStep[] }
  | { outcome: 'not_eligible'; reasons: string[]; articles: string[]; steps: ExplanationStep[] }
  | { outcome: 'needs_input'; missing: string[]; articles: string[]; steps: ExplanationStep[] }
  | { outcome: 'no_rule_in_force'; date: string; articles: string[]; steps: ExplanationStep[] };

/** Collects steps when enabled; a no-op otherwise. */
export class Explainer {
  readonly enabled: boolean;
  readonly steps: ExplanationStep[] = [];

  constructor(enabled: boolean) {
    this.enabled = enabled;
  }

  add(step: ExplanationStep): void {
    if (this.enabled) this.steps.push(step);
  }
}
