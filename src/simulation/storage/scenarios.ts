/** Scenarios and runs as stored. */
import type { Kysely, Selectable } from 'kysely';

import type { Database } from '../../db/schema.ts';
import type { SimulationRunTable, SimulationScenarioTable } from './tables.ts';

export type Db = Kysely<Database>;
export type ScenarioRow = Selectable<SimulationScenarioTable>;
export type RunRow = Selectable<SimulationRunTable>;

export async function insertScenario(db: Db, row: ScenarioRow): Promise<void> {
  await db.insertInto('simulation_scenario').values(row).execute();
}

export async function updateScenario(db: Db, id: string, fields: Pick<ScenarioRow, 'name' | 'purpose' | 'author' | 'changes_json' | 'updated_at'>): Promise<boolean> {
  const result = await db.updateTable('simulation_scenario').set(fields).where('id', '=', id).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function findScenario(db: Db, id: string): Promise<ScenarioRow | undefined> {
  return db.selectFrom('simulation_scenario').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listScenarios(db: Db): Promise<ScenarioRow[]> {
  return db.selectFrom('simulation_scenario').selectAll().orderBy('updated_at', 'desc').orderBy('id').execute();
}

export async function insertRun(db: Db, row: RunRow): Promise<void> {
  await db.insertInto('simulation_run').values(row).execute();
}

export async function findRun(db: Db, id: string): Promise<RunRow | undefined> {
  return db.selectFrom('simulation_run').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Runs without their result text, newest first. */
export async function listRuns(db: Db, scenarioId?: string) {
  let query = db
    .selectFrom('simulation_run')
    .select(['id', 'scenario_id', 'year', 'areas_json', 'baseline_total', 'scenario_total', 'duration_ms', 'created_by', 'created_at']);
  if (scenarioId) query = query.where('scenario_id', '=', scenarioId);
  return query.orderBy('created_at', 'desc').orderBy('id').execute();
}
