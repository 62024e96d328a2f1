/** The work of `jixi disability …` commands, with progress bars on stderr. */
import { readFile, writeFile } from 'node:fs/promises';
import { userInfo } from 'node:os';

import { progressBar } from '../../cli/progress.ts';
import { formatFromName, writeTable, writeTableFile } from '../../io/table.ts';
import { PlatformError } from '../../core/errors.ts';
import type { PlatformContext } from '../../platform/context.ts';
import type { EvaluationKind } from '../rules/evaluation.ts';
import type { Actor } from '../services/caller.ts';
import { seedDisabilityDemo } from '../demo/seed.ts';
import { quotaCheck } from '../services/duties.ts';
import { evaluationWorkbook } from '../services/evaluationFile.ts';
import { fail } from '../services/fail.ts';
import { importEmployers, importRecords, importRegister, type ImportReport } from '../services/imports.ts';
import { evaluation, monitoring } from '../services/indicators.ts';
import { payrollFile } from '../services/payrollLines.ts';
import { runPayroll } from '../services/payroll.ts';

function actor(by: string | undefined): Actor {
  return { user: by ?? `cli:${userInfo().username}`, role: 'disabled_federation' };
}

function bar(label: string, enabled: boolean) {
  const progress = progressBar(label, enabled);
  let started = false;
  return {
    onProgress: (done: number, total: number) => {
      if (!started) {
        progress.start(total);
        started = true;
      }
      progress.update(done);
    },
    stop: () => started && progress.stop(),
  };
}

const IMPORTERS = { register: importRegister, records: importRecords, employers: importEmployers } as const;
const LABELS = { register: '导入登记名册', records: '导入服务记录', employers: '导入用人单位' } as const;

async function runImport(
  ctx: PlatformContext,
  kind: keyof typeof IMPORTERS,
  file: string,
  options: { skipInvalid?: boolean; errors?: string; by?: string; progress?: boolean },
): Promise<ImportReport> {
  const format = formatFromName(file);
  if (!format) fail('ERR_CORE_FILE_UNREADABLE', { details: { file, reason: '只支持 .csv 与 .xlsx 文件' } });
  const progress = bar(LABELS[kind], options.progress !== false);
  try {
    const report = await IMPORTERS[kind](ctx, await readFile(file), format, actor(options.by), {
      skipInvalid: options.skipInvalid ?? false,
      onProgress: progress.onProgress,
    });
    progress.stop();
    if (options.errors && report.problems.length) await writeProblems(options.errors, report.problems);
    console.error(`${LABELS[kind]}：共 ${report.rows} 行，有效 ${report.valid} 行，写入 ${report.stored} 行，未变 ${report.unchanged} 行，跳过错误行 ${report.invalid} 行`);
    for (const p of report.problems.slice(0, 20)) console.error(`  第 ${p.row} 行 ${p.field}${p.value !== undefined ? ` = ${JSON.stringify(p.value)}` : ''}: ${p.reason}`);
    return report;
  } catch (error) {
    progress.stop();
    if (error instanceof PlatformError && options.errors && error.problems) await writeProblems(options.errors, error.problems);
    throw error;
  }
}

async function writeProblems(file: string, problems: NonNullable<PlatformError['problems']>): Promise<void> {
  await writeTableFile(file, problems.map((p) => ({ row: p.row ?? '', field: p.field, value: p.value === undefined ? '' : String(p.value), reason: p.reason })), [
    { name: 'row', label: '行' }, { name: 'field', label: '列' }, { name: 'value', label: '值' }, { name: 'reason', label: '原因' },
  ], { headers: 'label' });
}

export async function importCommand(
  ctx: PlatformContext,
  kind: keyof typeof IMPORTERS,
  file: string,
  options: { skipInvalid?: boolean; errors?: string; by?: string; progress?: boolean },
): Promise<void> {
  await runImport(ctx, kind, file, options);
}

export async function payrollCommand(
  ctx: PlatformContext,
  options: { month: string; out: string; register?: string; skipInvalid?: boolean; all?: boolean; by?: string; groupSize?: number; progress?: boolean },
): Promise<void> {
  const format = formatFromName(options.out);
  if (!format) fail('ERR_CORE_INVALID_INPUT', { problems: [{ field: 'out', value: options.out, reason: '输出文件应为 .csv 或 .xlsx' }] });
  if (options.register) {
    await runImport(ctx, 'register', options.register, {
      ...(options.skipInvalid ? { skipInvalid: true } : {}),
      ...(options.by ? { by: options.by } : {}),
      ...(options.progress === false ? { progress: false } : {}),
    });
  }

  const progress = bar(`发放名册 ${options.month}`, options.progress !== false);
  const summary = await runPayroll(ctx, options.month, actor(options.by), {
    onProgress: progress.onProgress,
    ...(options.groupSize ? { groupSize: options.groupSize } : {}),
  });
  progress.stop();
  await writeFile(options.out, await payrollFile(ctx, options.month, format, { mask: false, paidOnly: !options.all }));

  console.error(`${summary.month} 两项补贴发放名册${summary.rerun ? '（该月已完成，未重新计算）' : ''}：发放 ${summary.persons} 人，合计 ${summary.amountYuan} 元；新增 ${summary.changes.new}，停发 ${summary.changes.stopped}`);
  for (const t of summary.totals) {
    console.error(`  ${t.countyName}\t生活补贴 ${t.living.persons} 人 ${t.living.amountYuan} 元\t护理补贴 ${t.care.persons} 人 ${t.care.amountYuan} 元\t合计 ${t.amountYuan} 元`);
  }
  console.error(`已写出 ${options.out}`);
}

export async function indicatorsCommand(ctx: PlatformContext, options: { year: number; county?: string; json?: boolean }): Promise<void> {
  const m = await monitoring(ctx, { year: options.year, county: options.county });
  if (options.json) {
    console.log(JSON.stringify(m, null, 2));
    return;
  }
  const flag = { alarm: '预警', warning: '提示' } as const;
  console.log(`专栏1 指标监测 ${m.year} 年（截至 ${m.asOf}${m.synthetic ? '，合成演示数据' : ''}）`);
  for (const area of [m.city, ...m.counties]) {
    console.log(`\n${area.name}`);
    for (const i of area.indicators) {
      console.log(`  ${String(i.number).padStart(2)} ${i.label}\t${i.value ?? '—'}\t目标 ${i.target}\t进度 ${i.milestone ?? '—'}\t${i.flag ? flag[i.flag] : ''}`);
    }
  }
}

export async function evaluationCommand(ctx: PlatformContext, options: { kind: string; out: string }): Promise<void> {
  if (options.kind !== 'midterm' && options.kind !== 'final') {
    fail('ERR_CORE_INVALID_INPUT', { problems: [{ field: 'kind', value: options.kind, reason: '应为 midterm 或 final' }] });
  }
  const report = await evaluation(ctx, options.kind as EvaluationKind);
  await writeFile(options.out, await evaluationWorkbook(report));
  console.error(`${report.title}（${report.year}年）：预警 ${report.summary.alarms} 项，提示 ${report.summary.warnings} 项；已写出 ${options.out}`);
}

export async function quotaCommand(ctx: PlatformContext, options: { employers?: string; on?: string; out?: string; by?: string }): Promise<void> {
  if (options.employers) await runImport(ctx, 'employers', options.employers, { ...(options.by ? { by: options.by } : {}) });
  const report = await quotaCheck(ctx, { ...(options.on ? { on: options.on } : {}) });
  console.error(`按比例就业核查（${report.on}）：${report.employers} 个单位，未达要求 ${report.short} 个，期限 ${report.deadline}`);
  const rows = report.findings.map((f) => ({ ...f, reasons: f.reasons.join('；') }));
  const columns = [
    { name: 'employerId', label: '单位代码' }, { name: 'name', label: '单位名称' }, { name: 'status', label: '结论' },
    { name: 'counted', label: '按比例计残疾职工' }, { name: 'required', label: '规定比例对应人数' }, { name: 'shortfall', label: '尚需安排' },
    { name: 'deadline', label: '期限' }, { name: 'reasons', label: '说明' },
  ];
  if (options.out) {
    await writeTableFile(options.out, rows, columns, { headers: 'label' });
    console.error(`已写出 ${options.out}`);
  } else {
    process.stdout.write((await writeTable(rows, columns, 'csv', { headers: 'label' })).toString('utf8').replace(/^\uFEFF/, ''));
  }
}

export async function demoCommand(ctx: PlatformContext, options: { small?: boolean; progress?: boolean }): Promise<void> {
  const progress = bar('残联演示数据', options.progress !== false);
  const result = await seedDisabilityDemo(ctx, { size: options.small ? 'small' : 'full', onProgress: progress.onProgress });
  progress.stop();
  console.error(result.seeded ? `已载入合成演示数据：${result.persons} 人` : `合成演示数据已存在（${result.persons} 人），未重复载入`);
}
