/**
 * `jixi simulation run --scenario FILE.yaml --year 2023 --out FILE.xlsx`:
 * a scenario file run over a year of the platform's data, the result
 * written as a workbook and summarised on the terminal. Nothing outside
 * the simulation tables is written; --no-save writes nothing at all.
 * Errors (an invalid scenario) are printed by the command line itself.
 */
import { readFile, writeFile } from 'node:fs/promises';

import { parse as parseYaml } from 'yaml';

import { formatYuan } from '../../core/money.ts';
import type { PlatformContext } from '../../platform/context.ts';
import { AREAS, AREA_TITLES, type Area, type ScenarioInput } from '../rules/scenario.ts';
import { resultWorkbook } from '../services/export.ts';
import { runScenario } from '../services/run.ts';
import { checkScenario, ensureScenario } from '../services/scenarios.ts';
import { fail } from '../services/fail.ts';

export interface RunCommandOptions {
  scenario: string;
  year: number;
  out: string;
  areas?: string;
  save: boolean;
}

export async function readScenarioFile(path: string): Promise<ScenarioInput> {
  let parsed: unknown;
  try {
    parsed = parseYaml(await readFile(path, 'utf8'));
  } catch (error) {
    fail('ERR_CORE_FILE_UNREADABLE', { details: { file: path, reason: (error as Error).message } });
  }
  if (!parsed || typeof parsed !== 'object') {
    fail('ERR_SIMULATION_SCENARIO_INVALID', { problems: [{ field: 'file', value: path, reason: '方案文件应包含 name、purpose、author、changes' }] });
  }
  const raw = parsed as Record<string, unknown>;
  return {
    name: String(raw.name ?? ''),
    purpose: String(raw.purpose ?? ''),
    author: String(raw.author ?? ''),
    changes: Array.isArray(raw.changes) ? (raw.changes as ScenarioInput['changes']) : [],
  };
}

function parseAreas(text: string | undefined): Area[] | undefined {
  if (!text) return undefined;
  const areas = text.split(',').map((a) => a.trim()).filter(Boolean);
  const bad = areas.filter((a) => !(AREAS as readonly string[]).includes(a));
  if (bad.length > 0) {
    fail('ERR_SIMULATION_SCENARIO_INVALID', { problems: bad.map((a) => ({ field: 'areas', value: a, reason: `领域应为 ${AREAS.join('、')} 之一` })) });
  }
  return areas as Area[];
}

export async function runCommand(ctx: PlatformContext, options: RunCommandOptions): Promise<void> {
  const input = await readScenarioFile(options.scenario);
  const areas = parseAreas(options.areas);
  const scenario = options.save
    ? await ensureScenario(ctx, input, 'cli')
    : { id: 'unsaved', ...checkScenario(ctx, input) };

  const result = await runScenario(ctx, scenario, {
    year: options.year,
    ...(areas ? { areas } : {}),
    save: options.save,
    createdBy: 'cli',
  });
  await writeFile(options.out, await resultWorkbook(result));

  console.log(`测算方案：${result.scenario.name}（${result.year}年，${result.areas.map((a) => AREA_TITLES[a]).join('、')}）`);
  console.log(`基线 ${formatYuan(result.totals.baseline)} 元，方案 ${formatYuan(result.totals.scenario)} 元，变化 ${formatYuan(result.totals.delta)} 元`);
  for (const item of result.byItem) {
    console.log(`  ${item.title}：${formatYuan(item.baseline)} → ${formatYuan(item.scenario)}（${formatYuan(item.delta)}）`);
  }
  for (const r of result.results) {
    const [up, down] = r.distribution.unit === 'grades' ? ['等级上升', '等级下降'] : ['受益', '受损'];
    console.log(`  ${AREA_TITLES[r.area]}：${up} ${r.distribution.gainers}，${down} ${r.distribution.losers}，不变 ${r.distribution.unchanged}；跨越门槛 ${r.crossings.length}`);
  }
  console.log(`用时 ${result.durationMs} 毫秒；结果已写入 ${options.out}${options.save ? `；测算编号 ${result.runId}` : ''}`);
}
