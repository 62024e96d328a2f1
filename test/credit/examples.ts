/** The worked cases of ../shared/examples/credit, read as they are. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

import { ParamRegistry } from '../../src/core/params/registry.ts';
import type { CreditRecord, MarketEntity, RecordStatus } from '../../src/credit/rules/types.ts';
import { SHARED_EXAMPLES } from '../helpers/shared.ts';

export interface ScoreCase {
  id: string;
  title: string;
  entity: { uscc: string; name: string; established: string };
  records: Array<{ indicator: string; decided: string; until?: string; status?: string; window_years?: number }>;
  evaluate_on: string;
  expected: { score: number; grade: string; category: string; points: Record<string, number> };
  note: string;
}

export interface CreditExamples {
  scores: ScoreCase[];
  uscc_valid: string[];
  uscc_invalid: Array<{ uscc: string; why: string }>;
  objection_deadlines_7_working_days: { rule: string; cases: Array<[string, string]> };
  inspection_sampling: {
    base_ratio_percent: number;
    population: Record<string, number>;
    ratios_percent: Record<string, number>;
    expected_sample: Record<string, number>;
    note: string;
  };
  industry_models: Array<{ weights: Record<string, number>; valid: boolean; note: string }>;
}

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

let registry: ParamRegistry | undefined;

/** The parameter files, loaded without the platform (pure rules tests). */
export function loadParams(): ParamRegistry {
  registry ??= ParamRegistry.load(join(ROOT, 'params'));
  return registry;
}

export const EXAMPLES_FILE = join(SHARED_EXAMPLES, 'credit', 'cases.json');

export function loadExamples(): CreditExamples {
  return JSON.parse(readFileSync(EXAMPLES_FILE, 'utf8')) as CreditExamples;
}

export function caseEntity(c: ScoreCase): MarketEntity {
  return { uscc: c.entity.uscc, name: c.entity.name, established: c.entity.established };
}

export function caseRecords(c: ScoreCase): CreditRecord[] {
  return c.records.map((r, i) => ({
    id: `${c.id}-r${i + 1}`,
    uscc: c.entity.uscc,
    indicator: r.indicator,
    decided: r.decided,
    until: r.until ?? null,
    windowYears: r.window_years ?? null,
    status: (r.status ?? 'active') as RecordStatus,
  }));
}

/** A valid synthetic 统一社会信用代码 for entity number n (鸡冠区 230302, 企业). */
export { syntheticUscc } from '../../src/credit/rules/synthetic.ts';
