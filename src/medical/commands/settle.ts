/**
 * `jixi medical settle`: persons and claims files in, bills (and the push
 * list) out. The files are checked whole before anything is stored; each
 * claim then settles in its own transaction, so a run killed midway is
 * completed, without duplicates, by running it again.
 */
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';

import { formatYuan } from '../../core/money.ts';
import { PlatformError } from '../../core/errors.ts';
import { writeTableFile, type TableRow } from '../../io/table.ts';
import { openTableStream } from '../../platform/batchInput.ts';
import { openTableSink } from '../../platform/batchOutput.ts';
import { parseParamOverrides } from '../../platform/batchParams.ts';
import type { PlatformContext } from '../../platform/context.ts';
import { progressBar } from '../../cli/progress.ts';
import { settleBatch, type BatchProblem } from '../services/batch.ts';
import { pushList } from '../services/lists.ts';
import { CLAIM_COLUMNS, PERSON_COLUMNS } from '../services/records.ts';
import { BILL_COLUMNS, billFileRow, PUSH_LIST_COLUMNS } from '../services/views.ts';

export interface SettleCommandOptions {
  persons?: string;
  claims: string;
  out: string;
  pushList?: string;
  errors?: string;
  param: string[];
  skipInvalid?: boolean;
  progress?: boolean;
  groupSize?: number;
  /** No summary lines on stderr (tests). */
  quiet?: boolean;
}

export const ERROR_REPORT_COLUMNS = [
  { name: 'file', label: '文件' },
  { name: 'row', label: '行号' },
  { name: 'field', label: '列' },
  { name: 'value', label: '值' },
  { name: 'reason', label: '原因' },
];

function errorReportPath(options: SettleCommandOptions): string {
  return options.errors ?? options.out.replace(/(\.[^./]+)?$/, '.errors.csv');
}

async function writeErrorReport(path: string, problems: readonly BatchProblem[]): Promise<void> {
  await writeTableFile(path, problems.map((p) => ({ ...p, value: p.value === undefined ? '' : String(p.value) })), ERROR_REPORT_COLUMNS);
}

async function* collectIds(rows: AsyncIterable<TableRow>, ids: Set<string>): AsyncGenerator<TableRow> {
  for await (const row of rows) {
    ids.add((row.values.person_id ?? '').trim().toUpperCase());
    yield row;
  }
}

/** The command's work, callable from tests without a process. */
export async function runSettleCommand(ctx: PlatformContext, options: SettleCommandOptions): Promise<{ settled: number; skipped: number; invalid: number }> {
  for (const file of [options.persons, options.claims]) {
    if (file && !existsSync(file)) throw new Error(`文件不存在: ${file}`);
  }
  const overrides = parseParamOverrides(ctx.params, options.param, 'medical.');
  const persons = options.persons ? await openTableStream(options.persons, PERSON_COLUMNS) : undefined;
  const claims = await openTableStream(options.claims, CLAIM_COLUMNS);
  const personIds = new Set<string>();

  const bar = progressBar('结算', options.progress !== false);
  const sink = openTableSink(options.out, BILL_COLUMNS);
  let started = false;
  let result;
  try {
    result = await settleBatch(ctx, {
      ...(persons ? { persons } : {}),
      claims: { ...claims, rows: collectIds(claims.rows, personIds) },
      overrides,
      skipInvalid: options.skipInvalid ?? false,
      ...(options.groupSize ? { groupSize: options.groupSize } : {}),
      onProgress: (done, total) => {
        if (!started) bar.start(total);
        started = true;
        bar.update(done);
      },
      onBill: (bill) => sink.write(billFileRow(bill)),
    });
  } catch (error) {
    // A refused or failed run leaves no bill file that could pass for output.
    await sink.close();
    await rm(options.out, { force: true });
    if (error instanceof PlatformError && error.code === 'ERR_MEDICAL_BATCH_INVALID') {
      await writeErrorReport(errorReportPath(options), (error.problems ?? []) as BatchProblem[]);
      if (!options.quiet) console.error(`错误报告已写入 ${errorReportPath(options)}`);
    }
    throw error;
  } finally {
    if (started) bar.stop();
  }
  await sink.close();

  if (result.invalid.length > 0) {
    await writeErrorReport(errorReportPath(options), result.invalid);
    if (!options.quiet) console.error(`跳过 ${new Set(result.invalid.map((p) => `${p.file}:${p.row}`)).size} 行有错误的数据，错误报告已写入 ${errorReportPath(options)}`);
  }
  if (options.pushList) {
    const ids = [...personIds];
    const params = overrides.length > 0 ? ctx.params.withOverrides(overrides) : ctx.params;
    const rows = [];
    for (const year of result.years) rows.push(...(await pushList(ctx, year, { personIds: ids, params })));
    await writeTableFile(options.pushList, rows.map((r) => ({ person_id: r.personId, year: r.year, burden: formatYuan(r.burden), county: r.county })), PUSH_LIST_COLUMNS);
  }

  if (!options.quiet) console.error(
    `结算完成：新结算 ${result.applied} 张，已结算跳过 ${result.skipped} 张${result.resumed ? '（续跑）' : ''}；参保人新增 ${result.persons.created}，更新 ${result.persons.updated}`,
  );
  return { settled: result.applied, skipped: result.skipped, invalid: result.invalid.length };
}
