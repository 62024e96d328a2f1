/**
 * Scenarios as officers write them: checked in full before anything is
 * stored, kept with their author and purpose, editable; each run keeps a
 * copy of the scenario as it ran.
 */
import { createHash, randomUUID } from 'node:crypto';

import type { PlatformContext } from '../../platform/context.ts';
import { scenarioProblems, type ScenarioChange, type ScenarioInput } from '../rules/scenario.ts';
import { findScenario, insertScenario, listScenarios, updateScenario, type ScenarioRow } from '../storage/scenarios.ts';
import { fail } from './fail.ts';

export interface Scenario extends ScenarioInput {
  id: string;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

export function scenarioOf(row: ScenarioRow): Scenario {
  return {
    id: row.id,
    name: row.name,
    purpose: row.purpose,
    author: row.author,
    changes: JSON.parse(row.changes_json) as ScenarioChange[],
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The scenario with text fields trimmed and optional fields dropped when empty. */
export function normalise(input: ScenarioInput): ScenarioInput {
  return {
    name: String(input.name ?? '').trim(),
    purpose: String(input.purpose ?? '').trim(),
    author: String(input.author ?? '').trim(),
    changes: (input.changes ?? []).map((c) => ({
      id: String(c.id ?? '').trim(),
      value: c.value,
      ...(c.from ? { from: String(c.from) } : {}),
      ...(c.to ? { to: String(c.to) } : {}),
      ...(c.note ? { note: String(c.note) } : {}),
    })),
  };
}

export function checkScenario(ctx: PlatformContext, input: ScenarioInput): ScenarioInput {
  const scenario = normalise(input);
  const problems = scenarioProblems(ctx.params, scenario);
  if (problems.length > 0) fail('ERR_SIMULATION_SCENARIO_INVALID', { problems });
  return scenario;
}

export async function createScenario(ctx: PlatformContext, input: ScenarioInput, createdBy: string | null): Promise<Scenario> {
  const scenario = checkScenario(ctx, input);
  const now = new Date().toISOString();
  const row: ScenarioRow = {
    id: randomUUID(),
    name: scenario.name,
    purpose: scenario.purpose,
    author: scenario.author,
    changes_json: JSON.stringify(scenario.changes),
    created_by: createdBy,
    created_at: now,
    updated_at: now,
  };
  await insertScenario(ctx.store.db, row);
  ctx.logger.info({ area: 'simulation', scenario: row.id, changes: scenario.changes.map((c) => c.id) }, 'scenario created');
  return scenarioOf(row);
}

export async function editScenario(ctx: PlatformContext, id: string, input: ScenarioInput): Promise<Scenario> {
  const scenario = checkScenario(ctx, input);
  const updated = await updateScenario(ctx.store.db, id, {
    name: scenario.name,
    purpose: scenario.purpose,
    author: scenario.author,
    changes_json: JSON.stringify(scenario.changes),
    updated_at: new Date().toISOString(),
  });
  if (!updated) fail('ERR_SIMULATION_SCENARIO_NOT_FOUND', { details: { id } });
  return getScenario(ctx, id);
}

export async function getScenario(ctx: PlatformContext, id: string): Promise<Scenario> {
  const row = await findScenario(ctx.store.db, id);
  if (!row) fail('ERR_SIMULATION_SCENARIO_NOT_FOUND', { details: { id } });
  return scenarioOf(row);
}

export async function allScenarios(ctx: PlatformContext): Promise<Scenario[]> {
  return (await listScenarios(ctx.store.db)).map(scenarioOf);
}

/**
 * A scenario from a file, stored under an id made from its content: the
 * same file run twice is one scenario with two runs, never a duplicate.
 */
export async function ensureScenario(ctx: PlatformContext, input: ScenarioInput, createdBy: string | null): Promise<Scenario> {
  const scenario = checkScenario(ctx, input);
  const id = `file-${createHash('sha256').update(JSON.stringify(scenario)).digest('hex').slice(0, 20)}`;
  const existing = await findScenario(ctx.store.db, id);
  if (existing) return scenarioOf(existing);

  const now = new Date().toISOString();
  const row: ScenarioRow = {
    id,
    name: scenario.name,
    purpose: scenario.purpose,
    author: scenario.author,
    changes_json: JSON.stringify(scenario.changes),
    created_by: createdBy,
    created_at: now,
    updated_at: now,
  };
  await insertScenario(ctx.store.db, row);
  return scenarioOf(row);
}
