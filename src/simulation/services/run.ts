/**
 * Running a scenario over a year of the platform's data. The baseline is
 * the registry in force (`ctx.params`: the parameter files with every
 * published version); the scenario is the same registry with the scenario's
 * overrides (ParamRegistry.withOverrides, which copies and never alters
 * it). Each area reads its data, runs its own pure rules twice in memory
 * and returns the differences; only the run itself is stored, in the
 * simulation area's own table.
 */
import { randomUUID } from 'node:crypto';

import { PlatformError } from '../../core/errors.ts';
import type { ParamRegistry } from '../../core/params/registry.ts';
import { JIXI_COUNTIES } from '../../medical/services/records.ts';
import type { PlatformContext } from '../../platform/context.ts';
import { paramTrace } from '../rules/paramTrace.ts';
import { assembleResult, type AreaResult, type SimulationResult } from '../rules/result.ts';
import { AREAS, areasOf, scenarioOverrides, type Area, type ScenarioInput } from '../rules/scenario.ts';
import { findRun, insertRun } from '../storage/scenarios.ts';
import { fail } from './fail.ts';
import { AREA_PLUGINS } from './areas.ts';
import { checkScenario } from './scenarios.ts';

export const BASELINE_TEXT = '现行规则：参数文件及已发布的参数版本（不含任何测算方案）';

export interface RunOptions {
  year: number;
  /** Areas to run; default: the areas the scenario's changes reach. */
  areas?: readonly Area[];
  /** Store the run (default true); the CLI may run without storing. */
  save?: boolean;
  createdBy?: string | null;
}

export function runnableAreas(): Area[] {
  return AREAS.filter((a) => AREA_PLUGINS[a]);
}

export async function runScenario(
  ctx: PlatformContext,
  stored: ScenarioInput & { id: string },
  options: RunOptions,
): Promise<SimulationResult> {
  const scenario = checkScenario(ctx, stored);
  if (!Number.isInteger(options.year) || options.year < 2000 || options.year > 2100) {
    fail('ERR_SIMULATION_SCENARIO_INVALID', { problems: [{ field: 'year', value: options.year, reason: '年度应为四位数字，如 2023' }] });
  }
  const areas = options.areas?.length ? [...options.areas] : areasOf(scenario.changes);
  const unsupported = areas.filter((a) => !AREA_PLUGINS[a]);
  if (unsupported.length > 0) {
    fail('ERR_SIMULATION_SCENARIO_INVALID', {
      problems: unsupported.map((a) => ({ field: 'areas', value: a, reason: `该领域暂不能测算；可测算：${runnableAreas().join('、')}` })),
    });
  }

  const started = Date.now();
  const baseline = ctx.params;
  const registry = withScenario(baseline, scenario);
  const period = { from: `${options.year}-01-01`, to: `${options.year}-12-31` };

  const results: AreaResult[] = [];
  for (const area of areas) {
    results.push(await runArea(area, ctx, { baseline, scenario: registry }, options.year));
  }

  const runId = randomUUID();
  const result = assembleResult({
    runId,
    scenario: { id: stored.id, ...scenario },
    year: options.year,
    period,
    ranAt: new Date().toISOString(),
    durationMs: Date.now() - started,
    baseline: BASELINE_TEXT,
    parameters: paramTrace(baseline, registry, scenario.changes.map((c) => c.id), period),
    parametersUsed: paramTrace(baseline, registry, results.flatMap((r) => r.paramIds), period),
    results,
    counties: { ...JIXI_COUNTIES },
  });

  if (options.save !== false) {
    await insertRun(ctx.store.db, {
      id: runId,
      scenario_id: stored.id,
      year: options.year,
      areas_json: JSON.stringify(result.areas),
      scenario_json: JSON.stringify(result.scenario),
      baseline_total: result.totals.baseline,
      scenario_total: result.totals.scenario,
      result_json: JSON.stringify(result),
      duration_ms: result.durationMs,
      created_by: options.createdBy ?? null,
      created_at: result.ranAt,
    });
  }
  ctx.logger.info(
    { area: 'simulation', scenario: stored.id, run: runId, year: options.year, areas, delta: result.totals.delta, ms: result.durationMs },
    'scenario run',
  );
  return result;
}

function withScenario(baseline: ParamRegistry, scenario: ScenarioInput): ParamRegistry {
  try {
    return baseline.withOverrides(scenarioOverrides(scenario));
  } catch (error) {
    return fail('ERR_SIMULATION_SCENARIO_INVALID', { problems: [{ field: 'changes', reason: `参数调整无法应用：${(error as Error).message}` }] });
  }
}

/** A parameter the area's rules refuse under the scenario is the scenario's problem, not a crash. */
async function runArea(area: Area, ctx: PlatformContext, registries: { baseline: ParamRegistry; scenario: ParamRegistry }, year: number): Promise<AreaResult> {
  const started = Date.now();
  try {
    const result = await AREA_PLUGINS[area]!.run(ctx, registries, year);
    return { ...result, durationMs: Date.now() - started };
  } catch (error) {
    if (error instanceof PlatformError && error.code.endsWith('_PARAM_INVALID')) {
      fail('ERR_SIMULATION_SCENARIO_INVALID', {
        problems: [{ field: 'changes', value: error.details?.id, reason: `调整后的参数不能被规则使用：${error.message}` }],
        details: { area, ...(error.details ?? {}) },
      });
    }
    throw error;
  }
}

export async function storedResult(ctx: PlatformContext, runId: string): Promise<SimulationResult> {
  const row = await findRun(ctx.store.db, runId);
  if (!row) fail('ERR_SIMULATION_RUN_NOT_FOUND', { details: { runId } });
  return JSON.parse(row.result_json) as SimulationResult;
}
