/**
 * Scoring files without a database (`jixi credit score`): entities and
 * records read whole and checked first, then scored in memory with one
 * compiled scorer, one output row per entity with the points of every
 * indicator.
 */
import { readFile } from 'node:fs/promises';

import { parse as parseYaml } from 'yaml';

import type { FieldProblem } from '../../core/errors.ts';
import type { IsoDate } from '../../core/dates.ts';
import type { ParamRegistry } from '../../core/params/registry.ts';
import { fail } from '../../errorCatalog.ts';
import { readTableFile, type OutputColumn } from '../../io/table.ts';
import { parseIndicatorTable } from '../rules/indicatorTable.ts';
import { checkEntityRow, checkRecordRow } from '../rules/intake.ts';
import { compileScorer } from '../rules/publicScore.ts';
import type { CreditRecord, IndicatorTable, MarketEntity } from '../rules/types.ts';
import { ENTITY_COLUMNS, RECORD_COLUMNS } from './imports.ts';
import { recordKey } from './registry.ts';
import { scoringParamsOn, usccOptions } from './support.ts';

export async function loadIndicatorFile(path: string): Promise<IndicatorTable> {
  const text = await readFile(path, 'utf8');
  const raw = path.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  const checked = parseIndicatorTable(raw, `file:${path}`);
  if (!checked.ok) fail('ERR_CREDIT_INDICATOR_TABLE_INVALID', { problems: checked.problems, details: { file: path } });
  return checked.table;
}

export interface FileScoreResult {
  rows: Array<Record<string, string | number>>;
  columns: OutputColumn[];
  problems: FieldProblem[];
  entities: number;
  records: number;
}

export async function scoreFiles(
  registry: ParamRegistry,
  files: { entities: string; records: string; indicators?: string },
  on: IsoDate,
  options: { skipInvalid?: boolean; onProgress?: (done: number, total: number) => void } = {},
): Promise<FileScoreResult> {
  const table = files.indicators ? await loadIndicatorFile(files.indicators) : undefined;
  const params = scoringParamsOn(registry, on, table);
  const uscc = usccOptions(registry, on);
  const indicators = new Set(params.table.indicators.map((x) => x.code));
  const problems: FieldProblem[] = [];

  const entityFile = await readTableFile(files.entities, ENTITY_COLUMNS);
  const recordFile = await readTableFile(files.records, RECORD_COLUMNS);
  for (const p of entityFile.problems) problems.push({ ...p, field: `entities:${p.field}` });
  for (const p of recordFile.problems) problems.push({ ...p, field: `records:${p.field}` });
  if (problems.length) fail('ERR_CREDIT_IMPORT_INVALID', { problems });

  const entities = new Map<string, MarketEntity>();
  for (const row of entityFile.rows) {
    const checked = checkEntityRow(row.values, uscc, row.row);
    if (!checked.ok) problems.push(...checked.problems.map((p) => ({ ...p, field: `entities:${p.field}` })));
    else if (entities.has(checked.value.uscc)) problems.push({ row: row.row, field: 'entities:uscc', value: row.values.uscc, reason: '重复的主体' });
    else entities.set(checked.value.uscc, checked.value);
  }
  const byEntity = new Map<string, CreditRecord[]>();
  for (const row of recordFile.rows) {
    const checked = checkRecordRow(row.values, uscc, indicators, row.row);
    if (!checked.ok) {
      problems.push(...checked.problems.map((p) => ({ ...p, field: `records:${p.field}` })));
      continue;
    }
    if (!entities.has(checked.value.uscc)) {
      problems.push({ row: row.row, field: 'records:uscc', value: checked.value.uscc, reason: '主体文件中没有该主体' });
      continue;
    }
    const list = byEntity.get(checked.value.uscc) ?? [];
    list.push({ ...checked.value, id: checked.value.id ?? `row-${row.row}` });
    byEntity.set(checked.value.uscc, list);
  }
  if (problems.length && !options.skipInvalid) fail('ERR_CREDIT_IMPORT_INVALID', { problems });

  const scorer = compileScorer(params);
  const rows: Array<Record<string, string | number>> = [];
  let done = 0;
  for (const entity of entities.values()) {
    const result = scorer(entity, byEntity.get(entity.uscc) ?? [], on);
    const row: Record<string, string | number> = { uscc: result.uscc, score: result.score, grade: result.grade, category: result.category.label };
    for (const x of result.indicators) row[x.code] = x.points;
    rows.push(row);
    done += 1;
    if (done % 10_000 === 0) options.onProgress?.(done, entities.size);
  }
  options.onProgress?.(entities.size, entities.size);

  const columns: OutputColumn[] = [
    { name: 'uscc', label: '统一社会信用代码' },
    { name: 'score', label: '得分' },
    { name: 'grade', label: '等级' },
    { name: 'category', label: '类别' },
    ...params.table.indicators.map((x) => ({ name: x.code, label: x.label })),
  ];
  return { rows, columns, problems, entities: entities.size, records: recordFile.rows.length };
}

export { recordKey };
