/**
 * `jixi credit …`: score files, import, re-score, draw inspection plans.
 * Actions load the services on use (they import the error catalog, which
 * imports the module list).
 */
import { writeFile } from 'node:fs/promises';

import type { Command } from 'commander';

import { isIsoDate, todayInBeijing } from '../../core/dates.ts';
import { loadParams, type PlatformContext } from '../../platform/context.ts';
import { progressBar } from '../../cli/progress.ts';

/** .csv or .xlsx by the file name (io/table.ts is loaded on use: it imports the error catalog). */
function formatFromName(name: string): 'csv' | 'xlsx' | undefined {
  const lower = name.toLowerCase();
  if (lower.endsWith('.csv') || lower.endsWith('.txt')) return 'csv';
  if (lower.endsWith('.xlsx')) return 'xlsx';
  return undefined;
}

function dateOption(value: string | undefined): string {
  const on = value ?? todayInBeijing();
  if (!isIsoDate(on)) throw new Error(`日期无效：${on}（应为 YYYY-MM-DD）`);
  return on;
}

function printReport(report: { rows: number; stored: number; unchanged: number; skippedInvalid: number; problems: Array<{ row?: number; field: string; value?: unknown; reason: string }>; warnings: Array<{ row: number; warning: string }> }) {
  console.log(`共 ${report.rows} 行：新保存 ${report.stored}，已存在 ${report.unchanged}，跳过错误行 ${report.skippedInvalid}`);
  for (const p of report.problems) console.log(`  跳过 第 ${p.row} 行 ${p.field}=${JSON.stringify(p.value ?? '')}：${p.reason}`);
  for (const w of report.warnings) console.log(`  提示 第 ${w.row} 行：${w.warning}`);
}

export function creditCommands(program: Command, open: () => Promise<PlatformContext>): void {
  const credit = program.command('credit').description('市场主体信用分级分类监管（鸡政办规〔2022〕16号）');

  credit
    .command('score')
    .description('按指标表计算公共信用综合评价（不写数据库）：输出 uscc,score,grade,category 及各指标得分')
    .requiredOption('--entities <file>', '主体文件（CSV/XLSX：uscc,name,established）')
    .requiredOption('--records <file>', '信用记录文件（CSV/XLSX：uscc,indicator,decided[,until,status,window_years…]）')
    .requiredOption('--out <file>', '输出文件（.csv 或 .xlsx）')
    .option('--on <date>', '评价日 YYYY-MM-DD（缺省今天）')
    .option('--indicators <file>', '替换的指标表（YAML/JSON，省级新版）')
    .option('--skip-invalid', '跳过错误行（缺省：有错误行则不输出）')
    .option('--no-progress', '不显示进度条')
    .action(async (options: { entities: string; records: string; out: string; on?: string; indicators?: string; skipInvalid?: boolean; progress: boolean }) => {
      const { scoreFiles } = await import('../services/batchScore.ts');
      const { writeTableFile } = await import('../../io/table.ts');
      const on = dateOption(options.on);
      const bar = progressBar('信用评价', options.progress);
      let started = false;
      const result = await scoreFiles(loadParams(), { entities: options.entities, records: options.records, ...(options.indicators ? { indicators: options.indicators } : {}) }, on, {
        ...(options.skipInvalid ? { skipInvalid: true } : {}),
        onProgress: (done, total) => {
          if (!started) { bar.start(total); started = true; }
          bar.update(done);
        },
      });
      bar.stop();
      if (!formatFromName(options.out)) throw new Error('输出文件应为 .csv 或 .xlsx');
      await writeTableFile(options.out, result.rows, result.columns);
      for (const p of result.problems) console.error(`  跳过 第 ${p.row} 行 ${p.field}=${JSON.stringify(p.value ?? '')}：${p.reason}`);
      console.log(`已评价 ${result.entities} 个主体（${result.records} 条记录），评价日 ${on}，结果写入 ${options.out}`);
    });

  const imports = credit.command('import').description('导入主体或信用记录（整表校验，有错不存）');
  for (const kind of ['entities', 'records'] as const) {
    imports
      .command(`${kind} <file>`)
      .description(kind === 'entities' ? '导入市场主体' : '导入信用记录并重新评价相关主体')
      .option('--on <date>', '评价日（缺省今天）')
      .option('--skip-invalid', '跳过错误行，只保存正确行')
      .action(async (file: string, options: { on?: string; skipInvalid?: boolean }) => {
        const { creditServices } = await import('../services/index.ts');
        const { readFile } = await import('node:fs/promises');
        const format = formatFromName(file);
        if (!format) throw new Error('只支持 .csv 与 .xlsx 文件');
        const ctx = await open();
        const services = creditServices(ctx);
        const bar = progressBar('重新评价');
        let started = false;
        const onProgress = (done: number, total: number) => {
          if (!started) { bar.start(total); started = true; }
          bar.update(done);
        };
        const buffer = await readFile(file);
        const on = dateOption(options.on);
        const report = kind === 'entities'
          ? await services.imports.entities(buffer, format, on, { skipInvalid: options.skipInvalid ?? false, onProgress })
          : await services.imports.records(buffer, format, on, { skipInvalid: options.skipInvalid ?? false, onProgress });
        bar.stop();
        printReport(report);
      });
  }

  credit
    .command('rescore')
    .description('重新评价全部主体（记录到期等）；每个主体单独事务，中断后重跑从断点继续、不重复')
    .option('--on <date>', '评价日（缺省今天）')
    .action(async (options: { on?: string }) => {
      const { creditServices, rescoreAll } = await import('../services/index.ts');
      const ctx = await open();
      const services = creditServices(ctx);
      const bar = progressBar('重新评价');
      let started = false;
      const outcome = await rescoreAll(ctx, services.registry, dateOption(options.on), (done, total) => {
        if (!started) { bar.start(total); started = true; }
        bar.update(done);
      });
      bar.stop();
      console.log(`${outcome.resumed ? '续跑' : '完成'}：共 ${outcome.total} 个主体，结果变化 ${outcome.applied}，未变化或已完成 ${outcome.skipped}（${outcome.runId}）`);
    });

  credit
    .command('plan')
    .description('生成双随机抽查计划并导出名单（按信用等级比例抽取，回避利害关系）')
    .requiredOption('--sector <code>', '行业领域代码，如 food')
    .requiredOption('--from <date>', '抽查期间开始')
    .requiredOption('--to <date>', '抽查期间结束')
    .requiredOption('--base-ratio <percent>', '基准抽查比例（%）')
    .requiredOption('--out <file>', '导出名单（.csv 或 .xlsx）')
    .option('--seed <text>', '随机种子（缺省随机生成并记录）')
    .option('--by <user>', '制定人', 'cli')
    .action(async (options: { sector: string; from: string; to: string; baseRatio: string; out: string; seed?: string; by: string }) => {
      const { creditServices } = await import('../services/index.ts');
      const format = formatFromName(options.out);
      if (!format) throw new Error('输出文件应为 .csv 或 .xlsx');
      const ctx = await open();
      const services = creditServices(ctx);
      const plan = await services.supervision.createPlan({
        sector: options.sector, period_from: options.from, period_to: options.to,
        base_ratio_percent: options.baseRatio, ...(options.seed ? { seed: options.seed } : {}),
      }, options.by, todayInBeijing());
      await writeFile(options.out, await services.supervision.exportPlan(plan.id, format));
      console.log(`抽查计划 ${plan.id}（随机种子 ${plan.seed}）：${plan.grades.map((g) => `${g.grade} ${g.drawn}/${g.population}`).join('，')}；名单写入 ${options.out}`);
    });
}
