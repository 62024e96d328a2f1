/**
 * `jixi simulation …`. The definitions only; the work is loaded when a
 * command runs (the module list is read while the error catalog is built).
 */
import type { Command } from 'commander';

import type { PlatformContext } from '../../platform/context.ts';
import type { RunCommandOptions } from './run.ts';

export function registerSimulationCommands(program: Command, open: () => Promise<PlatformContext>): void {
  const simulation = program.command('simulation').description('政策测算：调整参数，测算成本与受影响人群');

  simulation
    .command('run')
    .description('按测算方案文件测算一年的数据并导出 run a scenario file over a year and write the result')
    .requiredOption('--scenario <file>', '测算方案文件（YAML）')
    .requiredOption('--year <year>', '测算年度，如 2023', (v: string) => Number(v))
    .requiredOption('--out <file>', '结果文件（.xlsx）')
    .option('--areas <list>', '测算领域，逗号分隔（缺省为方案所调整参数涉及的领域）')
    .option('--no-save', '不在数据库中保存本次测算')
    .action(async (options: RunCommandOptions) => {
      const ctx = await open();
      const { runCommand } = await import('./run.ts');
      await runCommand(ctx, options);
    });
}
