/** `jixi backup` and `jixi restore`: one command each, for SQLite and PostgreSQL. */
import { openSync, readSync, closeSync } from 'node:fs';

import type { Command } from 'commander';

import type { PlatformContext } from './context.ts';
import { backupSqliteFile, dumpDatabase, isSqliteFile, restoreDatabase, restoreSqliteFile } from './backup.ts';

function sqlitePath(label: string): string | undefined {
  const path = label.startsWith('sqlite:') ? label.slice('sqlite:'.length) : undefined;
  return path && path !== ':memory:' ? path : undefined;
}

function fileHeader(path: string): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(16);
    readSync(fd, buffer, 0, 16, 0);
    return buffer;
  } finally {
    closeSync(fd);
  }
}

export function backupCommands(program: Command, open: () => Promise<PlatformContext>): void {
  program
    .command('backup')
    .description('备份数据库：SQLite 为在线备份文件，PostgreSQL（或 --format jsonl）为逐表逐行的 JSON Lines 文件')
    .requiredOption('--out <file>', '备份文件')
    .option('--format <format>', 'sqlite | jsonl（缺省：SQLite 用 sqlite，PostgreSQL 用 jsonl）')
    .action(async (options: { out: string; format?: string }) => {
      const ctx = await open();
      const file = sqlitePath(ctx.store.label);
      const format = options.format ?? (file ? 'sqlite' : 'jsonl');
      if (format === 'sqlite') {
        if (!file) throw new Error('sqlite 格式只适用于 SQLite 文件数据库；PostgreSQL 请用 --format jsonl');
        await backupSqliteFile(file, options.out);
        console.log(`已备份 ${ctx.store.label} → ${options.out}`);
        return;
      }
      const summary = await dumpDatabase(ctx.store, options.out);
      const rows = Object.values(summary.tables).reduce((a, b) => a + b, 0);
      console.log(`已导出 ${Object.keys(summary.tables).length} 张表、${rows} 行 → ${options.out}`);
    });

  program
    .command('restore')
    .description('从备份恢复到空数据库（--db 指定目标）；SQLite 备份文件直接复制为目标文件')
    .requiredOption('--in <file>', '备份文件')
    .option('--force', '覆盖已存在的 SQLite 目标文件（须先停止服务）')
    .action(async (options: { in: string; force?: boolean }) => {
      if (isSqliteFile(fileHeader(options.in))) {
        const target = sqlitePath(program.opts<{ db?: string }>().db ?? process.env.DATABASE_URL ?? 'sqlite:data/jixi.db');
        const path = target ?? program.opts<{ db?: string }>().db;
        if (!path || path.startsWith('postgres')) throw new Error('SQLite 备份文件只能恢复为 SQLite 文件；恢复到 PostgreSQL 请先用 --format jsonl 导出');
        await restoreSqliteFile(options.in, path, { force: options.force ?? false });
        console.log(`已恢复 ${options.in} → ${path}`);
        return;
      }
      const ctx = await open();
      const summary = await restoreDatabase(ctx.store, options.in);
      const rows = Object.values(summary.tables).reduce((a, b) => a + b, 0);
      console.log(`已恢复 ${Object.keys(summary.tables).length} 张表、${rows} 行到 ${ctx.store.label}`);
    });
}
