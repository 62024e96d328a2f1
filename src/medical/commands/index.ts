/**
 * `jixi medical …`. The definitions only; the work is loaded when a command
 * runs, so that registering commands pulls in no service code (the module
 * list is read while the error catalog is being assembled).
 */
import type { Command } from 'commander';

import type { PlatformContext } from '../../platform/context.ts';
import type { SettleCommandOptions } from './settle.ts';

export function registerMedicalCommands(program: Command, open: () => Promise<PlatformContext>): void {
  const medical = program.command('medical').description('医保：门诊共济、医疗救助一站式结算');

  medical
    .command('settle')
    .description('批量结算费用单据 settle a file of claims (CSV/XLSX) and write the bills')
    .option('--persons <file>', '参保人文件（CSV 或 XLSX）')
    .requiredOption('--claims <file>', '费用单据文件（CSV 或 XLSX）')
    .requiredOption('--out <file>', '结算单输出文件（.csv 或 .xlsx）')
    .option('--push-list <file>', '推送名单输出文件（D4 第十三条）')
    .option('--errors <file>', '错误报告文件（缺省为 <out>.errors.csv）')
    .option('--param <name=value>', '参数调整，如 income_last_year=20000.00（可重复）', (v: string, prev: string[]) => [...prev, v], [])
    .option('--skip-invalid', '跳过有错误的行，结算其余各行，并写出错误报告')
    .option('--group-size <n>', '每个事务结算的单据数（缺省 1）', (v: string) => Number(v))
    .option('--no-progress', '不显示进度条')
    .action(async (options: SettleCommandOptions) => {
      const ctx = await open();
      const { runSettleCommand } = await import('./settle.ts');
      await runSettleCommand(ctx, options);
    });
}
