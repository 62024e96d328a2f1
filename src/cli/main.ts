/** `npx jixi …`: the command line for batch work. */
import { Command } from 'commander';

import { isIsoDate, todayInBeijing } from '../core/dates.ts';
import { PlatformError } from '../core/errors.ts';
import { createLogger } from '../core/logger.ts';
import { loadParams, openContext, type PlatformContext } from '../platform/context.ts';
import { seedDemo } from '../platform/demo.ts';
import { modules } from '../platform/modules.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { progressBar } from './progress.ts';
import { securityCommands } from '../auth/commands.ts';
import { registryWithStoredVersions } from '../auth/paramVersions.ts';
import { backupCommands } from '../platform/backupCommands.ts';
import { queueCommands } from '../platform/queueCommands.ts';

const program = new Command();
program
  .name('jixi')
  .description('鸡西市政策执行平台命令行 — batch jobs of the Jixi Policy Platform')
  .option('--db <url>', '数据库：sqlite 文件路径、:memory: 或 postgres:// 地址（缺省取 DATABASE_URL）');

let opened: PlatformContext | undefined;
async function open(): Promise<PlatformContext> {
  const db = program.opts<{ db?: string }>().db;
  opened ??= await openContext({
    ...(db ? { databaseUrl: db } : {}),
    logger: createLogger({ level: process.env.LOG_LEVEL ?? 'warn' }),
  });
  // Batches use the parameters as officers amended them (param_version).
  opened.params = await registryWithStoredVersions(opened.store);
  return opened;
}

program
  .command('migrate')
  .description('执行数据库迁移 apply pending migrations')
  .action(async () => {
    const ctx = await open();
    const applied = await migrateToLatest(ctx.store);
    console.log(applied.length ? `已执行迁移: ${applied.join(', ')}` : '数据库已是最新');
  });

program
  .command('demo')
  .description('载入合成演示数据 load the synthetic demonstration data set')
  .option('--small', '小规模演示数据')
  .action(async (options: { small?: boolean }) => {
    const ctx = await open();
    const bars = new Map<string, ReturnType<typeof progressBar>>();
    await seedDemo(ctx, {
      size: options.small ? 'small' : 'full',
      onProgress: (area, done, total) => {
        let bar = bars.get(area);
        if (!bar) {
          bar = progressBar(`演示数据 ${area}`);
          bar.start(total);
          bars.set(area, bar);
        }
        bar.update(done);
        if (done >= total) bar.stop();
      },
    });
  });

const params = program.command('params').description('政策参数 policy parameters');
params
  .command('list')
  .option('--document <id>', '只列出某文件的参数，如 D5')
  .action((options: { document?: string }) => {
    for (const d of loadParams().list()) {
      if (options.document && d.citation.document !== options.document) continue;
      const latest = d.versions.at(-1)!;
      console.log(`${d.id}\t${d.label}\t${String(latest.raw)} ${d.unit}\t${d.citation.number} ${d.citation.article}`);
    }
  });
params
  .command('show <id>')
  .option('--on <date>', '日期 YYYY-MM-DD')
  .action((id: string, options: { on?: string }) => {
    const registry = loadParams();
    const on = options.on ?? todayInBeijing();
    const definition = registry.definition(id);
    if (!definition) throw new Error(`没有这个参数: ${id}`);
    if (!isIsoDate(on)) throw new Error(`日期无效: ${on}`);

    const found = registry.at(id, on);
    console.log(`${definition.label} (${id})`);
    console.log(found
      ? `${on} 生效值: ${String(found.version.raw)} ${definition.unit}，自 ${found.version.from} 起，依据 ${found.version.citation.number} ${found.version.citation.article}`
      : `${on} 没有生效的规定（最早自 ${definition.versions[0]!.from} 起）`);
  });

for (const module of modules) module.commands?.(program, open);
securityCommands(program, open);
backupCommands(program, open);
queueCommands(program, open);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof PlatformError) {
    console.error(`错误 ${error.code}: ${error.message}`);
    for (const p of error.problems ?? []) {
      console.error(`  ${p.row !== undefined ? `第 ${p.row} 行 ` : ''}${p.field}${p.value !== undefined ? ` = ${JSON.stringify(p.value)}` : ''}: ${p.reason}`);
    }
  } else {
    console.error(error instanceof Error ? error.message : error);
  }
  process.exitCode = 1;
} finally {
  await opened?.close();
}
