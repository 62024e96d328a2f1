/**
 * Beyond one machine. `jixi worker` and `jixi queue claims`: batch
 * settlement spread over worker processes through the queue in PostgreSQL;
 * `jixi cluster plan`: the statements that spread the tables over Citus.
 */
import { hostname } from 'node:os';

import type { Command } from 'commander';

import { readTableFile } from '../io/table.ts';
import { CLAIM_COLUMNS } from '../medical/services/records.ts';
import type { PlatformContext } from './context.ts';
import { listTables } from './backup.ts';
import { citusStatements, partitioningProblems } from './partitioning.ts';
import { createSettleQueue, enqueueClaims, openQueue, workSettlements } from './queue.ts';

function queueOptions(ctx: PlatformContext, program: Command): Parameters<typeof openQueue>[0] {
  const maintenance = Number(process.env.JIXI_QUEUE_MAINTENANCE_SECONDS ?? 0);
  return {
    connectionString: queueUrl(ctx, program),
    ...(process.env.JIXI_QUEUE_SCHEMA ? { schema: process.env.JIXI_QUEUE_SCHEMA } : {}),
    ...(maintenance > 0 ? { maintenanceIntervalSeconds: maintenance } : {}),
  };
}

function queueUrl(ctx: PlatformContext, program: Command): string {
  const url = process.env.JIXI_QUEUE_URL ?? program.opts<{ db?: string }>().db ?? process.env.DATABASE_URL;
  if (ctx.store.dialect !== 'postgres' || !url) throw new Error('任务队列需要 PostgreSQL：请用 --db postgres://… 或 DATABASE_URL');
  return url;
}

export function queueCommands(program: Command, open: () => Promise<PlatformContext>): void {
  program
    .command('worker')
    .description('批处理工作进程：从 PostgreSQL 任务队列（pg-boss）领取结算任务，直到收到 SIGTERM')
    .option('--name <name>', '工作进程名（记入任务结果）', `${hostname()}-${process.pid}`)
    .option('--pollers <n>', '本进程同时处理的任务数', '3')
    .action(async (options: { name: string; pollers: string }) => {
      const ctx = await open();
      const boss = openQueue(queueOptions(ctx, program));
      boss.on('error', (error) => ctx.logger.error({ err: error }, 'queue error'));
      await boss.start();
      await createSettleQueue(boss, process.env.JIXI_QUEUE_EXPIRE_SECONDS ? { expireInSeconds: Number(process.env.JIXI_QUEUE_EXPIRE_SECONDS) } : {});
      await workSettlements(ctx, boss, { worker: options.name, pollers: Number(options.pollers) });
      console.log(`工作进程 ${options.name} 已就绪，领取任务中 (ready)`);

      await new Promise<void>((resolve) => {
        for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => resolve());
      });
      await boss.stop({ graceful: true, wait: true, timeout: 30_000 });
    });

  const queue = program.command('queue').description('任务队列 job queue');
  queue
    .command('claims <file>')
    .description('把结算单据文件（CSV/XLSX）分块放入任务队列，由 jixi worker 处理')
    .option('--chunk <n>', '每个任务的单据数', '100')
    .action(async (file: string, options: { chunk: string }) => {
      const ctx = await open();
      const table = await readTableFile(file, CLAIM_COLUMNS);
      if (table.problems.length) throw new Error(`${file}: ${table.problems.map((p) => p.reason).join('；')}`);

      const boss = openQueue(queueOptions(ctx, program));
      await boss.start();
      try {
        await createSettleQueue(boss);
        const jobs = await enqueueClaims(boss, table.rows.map((r) => r.values), Number(options.chunk));
        console.log(`已放入任务队列：${table.rows.length} 张单据，${jobs} 个任务`);
      } finally {
        await boss.stop({ graceful: false, wait: true });
      }
    });

  program
    .command('cluster')
    .description('Citus 集群：医保按参保人、信用按主体分布的建表语句，以及当前库结构中 Citus 尚不接受之处')
    .argument('<action>', 'plan')
    .action(async (action: string) => {
      if (action !== 'plan') throw new Error(`未知操作: ${action}（可用：plan）`);
      const ctx = await open();
      for (const statement of citusStatements(await listTables(ctx.store))) console.log(statement);
      const problems = await partitioningProblems(ctx.store);
      if (problems.length) {
        console.log(`\n-- 分布前须先迁移的键（${problems.length} 处）：`);
        for (const problem of problems) console.log(`--   ${problem}`);
      }
    });
}
