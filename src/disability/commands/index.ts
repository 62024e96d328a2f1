/**
 * `jixi disability …`. The definitions only; the work is loaded when a
 * command runs, so registering commands pulls in no service code (the
 * module list is read while the error catalog is being assembled).
 */
import type { Command } from 'commander';

import type { PlatformContext } from '../../platform/context.ts';

export function registerDisabilityCommands(program: Command, open: () => Promise<PlatformContext>): void {
  const disability = program.command('disability').description('残联：残疾人登记、两项补贴发放、规划指标监测');
  const work = () => import('./run.ts');

  disability
    .command('payroll')
    .description('生成某月两项补贴发放名册并导出 run the monthly payroll and write the payment file')
    .requiredOption('--month <YYYY-MM>', '发放月份')
    .requiredOption('--out <file>', '发放名册输出文件（.csv 或 .xlsx；XLSX 含分县区合计）')
    .option('--register <file>', '先导入登记名册（CSV 或 XLSX），再生成名册')
    .option('--skip-invalid', '导入时跳过有错误的行（缺省：有错误则不导入、不生成）')
    .option('--all', '名册中包括停发记录（缺省只含发放记录）')
    .option('--by <user>', '经办人（记入变更记录）')
    .option('--group-size <n>', '每个事务写入的名册行数（缺省 2000）', (v: string) => Number(v))
    .option('--no-progress', '不显示进度条')
    .action(async (options) => (await work()).payrollCommand(await open(), options));

  for (const [name, kind, description] of [
    ['import-register', 'register', '导入登记名册 import the register (CSV/XLSX)'],
    ['import-records', 'records', '导入服务记录 import service records (CSV/XLSX)'],
    ['import-employers', 'employers', '导入用人单位名册 import the employer register (CSV/XLSX)'],
  ] as const) {
    disability
      .command(`${name} <file>`)
      .description(description)
      .option('--skip-invalid', '跳过有错误的行，导入其余各行')
      .option('--errors <file>', '把错误清单写入文件（CSV）')
      .option('--by <user>', '经办人')
      .option('--no-progress', '不显示进度条')
      .action(async (file: string, options) => (await work()).importCommand(await open(), kind, file, options));
  }

  disability
    .command('indicators')
    .description('专栏1 指标监测 monitoring of the plan indicators')
    .requiredOption('--year <year>', '年度（2021–2025）', (v: string) => Number(v))
    .option('--county <code>', '只看一个县(市)区')
    .option('--json', '输出 JSON')
    .action(async (options) => (await work()).indicatorsCommand(await open(), options));

  disability
    .command('evaluation')
    .description('规划评估报告 write the mid-term or final evaluation (XLSX)')
    .requiredOption('--kind <kind>', 'midterm（中期，2023）或 final（总结，2025）')
    .requiredOption('--out <file>', '输出文件 .xlsx')
    .action(async (options) => (await work()).evaluationCommand(await open(), options));

  disability
    .command('quota-check')
    .description('按比例就业核查（专栏4第1项） the employer compliance list')
    .option('--employers <file>', '先导入用人单位名册')
    .option('--on <date>', '核查日期')
    .option('--out <file>', '输出文件（.csv 或 .xlsx）')
    .option('--by <user>', '经办人')
    .action(async (options) => (await work()).quotaCommand(await open(), options));

  disability
    .command('demo')
    .description('载入残联合成演示数据 load the synthetic demonstration register (合成演示数据)')
    .option('--small', '小规模')
    .option('--no-progress', '不显示进度条')
    .action(async (options) => (await work()).demoCommand(await open(), options));
}
