/**
 * Tables of the simulation area (政策测算). A scenario and its runs live
 * here and only here: running one never writes to another area's tables.
 */

/** A named set of parameter changes, with who wrote it and why. */
export interface SimulationScenarioTable {
  id: string;
  name: string;
  purpose: string;
  author: string;
  /** ScenarioChange[] as JSON. */
  changes_json: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** One run of a scenario over a year of the platform's data. */
export interface SimulationRunTable {
  id: string;
  scenario_id: string;
  year: number;
  /** Area[] run, as JSON. */
  areas_json: string;
  /** The scenario as it was when run (changes may be edited later). */
  scenario_json: string;
  /** Total baseline and scenario cost in fen. */
  baseline_total: number;
  scenario_total: number;
  /** The whole result as JSON (SimulationResult). */
  result_json: string;
  duration_ms: number;
  created_by: string | null;
  created_at: string;
}

export interface SimulationTables {
  simulation_scenario: SimulationScenarioTable;
  simulation_run: SimulationRunTable;
}
