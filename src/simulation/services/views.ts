/**
 * What the API returns of a run: the whole result but each area's long
 * lists cut to their first rows (largest changes first); the workbook
 * export carries every row.
 */
import type { SimulationResult } from '../rules/result.ts';
import type { RunRow } from '../storage/scenarios.ts';

export const SHOWN_ROWS = 200;
export const SHOWN_CROSSINGS = 500;

export function runView(result: SimulationResult) {
  return {
    ...result,
    crossings: result.crossings.slice(0, SHOWN_CROSSINGS),
    crossingsTotal: result.crossings.length,
    results: result.results.map((r) => ({
      ...r,
      detail: cutLists(r.detail),
    })),
  };
}

function cutLists(detail: unknown): Record<string, unknown> {
  if (!detail || typeof detail !== 'object') return {};
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(detail)) {
    out[key] = Array.isArray(value) ? value.slice(0, SHOWN_ROWS) : value;
  }
  return out;
}

export function runSummary(row: Pick<RunRow, 'id' | 'scenario_id' | 'year' | 'areas_json' | 'baseline_total' | 'scenario_total' | 'duration_ms' | 'created_by' | 'created_at'>) {
  return {
    id: row.id,
    scenarioId: row.scenario_id,
    year: Number(row.year),
    areas: JSON.parse(row.areas_json) as string[],
    baselineTotal: Number(row.baseline_total),
    scenarioTotal: Number(row.scenario_total),
    delta: Number(row.scenario_total) - Number(row.baseline_total),
    durationMs: Number(row.duration_ms),
    createdBy: row.created_by,
    createdAt: row.created_at,
  };
}
