/**
 * Backup and restore. Two forms:
 * - SQLite's own online backup (better-sqlite3 `backup`): a consistent copy
 *   of the file taken while the server runs.
 * - A portable logical dump, for PostgreSQL and SQLite alike: every table,
 *   row by row, as JSON lines, with a header naming the migrations and a
 *   trailer with the row counts (a cut-off file is refused). It restores
 *   into an empty, migrated database of either kind, parents before
 *   children, in one transaction: all or nothing.
 */
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';

import SQLite from 'better-sqlite3';
import { sql, type Kysely } from 'kysely';

import type { DatabaseHandle } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';

type AnyDb = Kysely<any>;

export const DUMP_FORMAT = 'jixi-dump';

interface DumpHeader {
  format: typeof DUMP_FORMAT;
  version: 1;
  createdAt: string;
  dialect: string;
  migrations: string[];
  tables: string[];
}

export interface DumpSummary {
  file: string;
  tables: Record<string, number>;
}

const INTERNAL = /^kysely_migration/;

/** Tables whose rows the migrations themselves insert (a fresh database has them). */
const SEEDED: Readonly<Record<string, (db: AnyDb) => Promise<boolean>>> = {
  audit_head: async (db) => {
    const rows = await db.selectFrom('audit_head').select('seq').execute();
    return rows.every((r) => Number(r.seq) === 0);
  },
};

/** The platform's tables, parents before children (foreign keys). */
export async function listTables(store: DatabaseHandle): Promise<string[]> {
  const db = store.db as AnyDb;
  // Ask for this schema's tables only: Kysely's introspection reads every
  // schema's columns, and fails when another schema is dropped meanwhile.
  const names = store.dialect === 'postgres'
    ? (await sql<{ name: string }>`select tablename as name from pg_tables where schemaname = current_schema()`.execute(db)).rows
    : (await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(db)).rows;
  const tables = names.map((r) => r.name).filter((name) => !INTERNAL.test(name)).sort();

  const parents = new Map<string, Set<string>>(tables.map((t) => [t, new Set()]));
  if (store.dialect === 'postgres') {
    const edges = await sql<{ child: string; parent: string }>`
      select c.relname as child, p.relname as parent
      from pg_constraint k
      join pg_class c on c.oid = k.conrelid
      join pg_class p on p.oid = k.confrelid
      join pg_namespace n on n.oid = c.relnamespace
      where k.contype = 'f' and n.nspname = current_schema()`.execute(db);
    for (const e of edges.rows) if (e.child !== e.parent) parents.get(e.child)?.add(e.parent);
  } else {
    for (const table of tables) {
      const edges = await sql<{ table: string }>`select * from pragma_foreign_key_list(${table})`.execute(db);
      for (const e of edges.rows) if (e.table !== table) parents.get(table)?.add(e.table);
    }
  }

  const ordered: string[] = [];
  const placed = new Set<string>();
  const visit = (table: string, path: Set<string>) => {
    if (placed.has(table) || path.has(table)) return;
    path.add(table);
    for (const parent of parents.get(table) ?? []) visit(parent, path);
    placed.add(table);
    ordered.push(table);
  };
  for (const table of tables) visit(table, new Set());
  return ordered;
}

async function primaryKey(store: DatabaseHandle, table: string, db: AnyDb = store.db as AnyDb): Promise<string[]> {
  if (store.dialect === 'postgres') {
    const result = await sql<{ column: string }>`
      select a.attname as column
      from pg_index i
      join pg_class c on c.oid = i.indrelid
      join pg_namespace n on n.oid = c.relnamespace
      join pg_attribute a on a.attrelid = c.oid and a.attnum = any(i.indkey)
      where i.indisprimary and c.relname = ${table} and n.nspname = current_schema()
      order by array_position(i.indkey, a.attnum)`.execute(db);
    return result.rows.map((r) => r.column);
  }
  const result = await sql<{ name: string; pk: number }>`select name, pk from pragma_table_info(${table})`.execute(db);
  return result.rows.filter((r) => r.pk > 0).sort((a, b) => a.pk - b.pk).map((r) => r.name);
}

async function appliedMigrations(store: DatabaseHandle): Promise<string[]> {
  const rows = await (store.db as AnyDb).selectFrom('kysely_migration').select('name').orderBy('name').execute();
  return rows.map((r) => String(r.name));
}

function encode(value: unknown): unknown {
  if (Buffer.isBuffer(value) || value instanceof Uint8Array) return { $base64: Buffer.from(value).toString('base64') };
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'bigint') return Number(value);
  return value;
}

function decode(value: unknown): unknown {
  if (value && typeof value === 'object' && '$base64' in value) return Buffer.from(String((value as { $base64: string }).$base64), 'base64');
  return value;
}

/** Every row of every table, in a stable order: the unit of comparison. */
export async function* readAllRows(
  store: DatabaseHandle,
  table: string,
  options: { pageSize?: number; db?: AnyDb } = {},
): AsyncGenerator<Record<string, unknown>> {
  const db = options.db ?? (store.db as AnyDb);
  const pageSize = options.pageSize ?? 1000;
  // Inside a transaction on SQLite the one connection is taken: ask through it.
  const key = await primaryKey(store, table, db);
  const order = key.length ? key : ['*'];
  if (key.length === 1) {
    let last: unknown;
    for (;;) {
      let query = db.selectFrom(table).selectAll().orderBy(key[0]!).limit(pageSize);
      if (last !== undefined) query = query.where(key[0]!, '>', last);
      const rows = await query.execute();
      for (const row of rows) yield row as Record<string, unknown>;
      if (rows.length < pageSize) return;
      last = (rows.at(-1) as Record<string, unknown>)[key[0]!];
    }
  }
  for (let offset = 0; ; offset += pageSize) {
    let query = db.selectFrom(table).selectAll();
    for (const column of order) if (column !== '*') query = query.orderBy(column);
    const rows = await query.limit(pageSize).offset(offset).execute();
    for (const row of rows) yield row as Record<string, unknown>;
    if (rows.length < pageSize) return;
  }
}

/** Write the logical dump of `store` to `file`. */
export async function dumpDatabase(store: DatabaseHandle, file: string): Promise<DumpSummary> {
  const tables = await listTables(store);
  const out = createWriteStream(file, { encoding: 'utf8' });
  const write = async (line: unknown) => {
    if (!out.write(`${JSON.stringify(line)}\n`)) await once(out, 'drain');
  };

  const header: DumpHeader = {
    format: DUMP_FORMAT,
    version: 1,
    createdAt: new Date().toISOString(),
    dialect: store.dialect,
    migrations: await appliedMigrations(store),
    tables,
  };
  const counts: Record<string, number> = {};
  try {
    await write(header);
    // One snapshot for the whole dump: a read transaction (SQLite WAL) or
    // REPEATABLE READ (PostgreSQL), so rows added meanwhile do not tear it.
    let begin = store.db.transaction();
    if (store.dialect === 'postgres') begin = begin.setIsolationLevel('repeatable read');
    await begin.execute(async (trx) => {
      for (const table of tables) {
        counts[table] = 0;
        for await (const row of readAllRows(store, table, { db: trx as unknown as AnyDb })) {
          const encoded: Record<string, unknown> = {};
          for (const [k, v] of Object.entries(row)) encoded[k] = encode(v);
          await write({ t: table, r: encoded });
          counts[table] += 1;
        }
      }
    });
    await write({ end: true, counts });
  } finally {
    out.end();
    await once(out, 'finish');
  }
  return { file, tables: counts };
}

export class RestoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RestoreError';
  }
}

/** Refuses a database that already holds data. */
async function assertEmpty(store: DatabaseHandle, tables: readonly string[]): Promise<void> {
  const db = store.db as AnyDb;
  const full: string[] = [];
  for (const table of tables) {
    const seeded = SEEDED[table];
    if (seeded) {
      if (!(await seeded(db))) full.push(table);
      continue;
    }
    const row = await db.selectFrom(table).select(db.fn.countAll().as('n')).executeTakeFirst();
    if (Number(row?.n ?? 0) > 0) full.push(table);
  }
  if (full.length) throw new RestoreError(`目标数据库不是空库，已有数据的表: ${full.join(', ')}`);
}

/**
 * Restore a logical dump into `store`: migrates it, checks it is empty and
 * that the dump's migrations are all known here, then loads every row in
 * one transaction and checks the counts against the dump's trailer.
 */
export async function restoreDatabase(store: DatabaseHandle, file: string): Promise<DumpSummary> {
  if (!existsSync(file)) throw new RestoreError(`备份文件不存在: ${file}`);
  await migrateToLatest(store);
  const tables = await listTables(store);
  await assertEmpty(store, tables);
  const known = new Set(await appliedMigrations(store));

  let header: DumpHeader | undefined;
  let trailer: { counts: Record<string, number> } | undefined;
  const counts: Record<string, number> = {};

  await store.db.transaction().execute(async (trx) => {
    const db = trx as unknown as AnyDb;
    for (const table of Object.keys(SEEDED)) if (tables.includes(table)) await db.deleteFrom(table).execute();

    let pending: { table: string; rows: Record<string, unknown>[] } | undefined;
    const flush = async () => {
      if (!pending || pending.rows.length === 0) return;
      await db.insertInto(pending.table).values(pending.rows).execute();
      pending.rows = [];
    };

    // Opened right where it is read: readline drops the lines it emits
    // before the loop starts listening, and then never ends.
    const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
    let lineNo = 0;
    for await (const line of lines) {
      lineNo += 1;
      if (!line.trim()) continue;
      if (trailer) throw new RestoreError(`第 ${lineNo} 行：结束标记之后还有内容`);
      let item: { t?: string; r?: Record<string, unknown>; end?: boolean; counts?: Record<string, number> } & Partial<DumpHeader>;
      try {
        item = JSON.parse(line);
      } catch {
        throw new RestoreError(`第 ${lineNo} 行不是有效的 JSON（文件损坏或被截断）`);
      }

      if (!header) {
        if (item.format !== DUMP_FORMAT || item.version !== 1) throw new RestoreError('不是本平台的备份文件');
        header = item as DumpHeader;
        const unknown = header.migrations.filter((m) => !known.has(m));
        if (unknown.length) throw new RestoreError(`备份来自更新的版本，本程序不认识这些迁移: ${unknown.join(', ')}`);
        continue;
      }
      if (item.end) {
        await flush();
        trailer = { counts: item.counts ?? {} };
        continue;
      }
      if (!item.t || !item.r || !tables.includes(item.t)) throw new RestoreError(`第 ${lineNo} 行：未知的表 ${item.t}`);

      if (pending?.table !== item.t) {
        await flush();
        pending = { table: item.t, rows: [] };
      }
      const row: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(item.r)) row[k] = decode(v);
      pending.rows.push(row);
      counts[item.t] = (counts[item.t] ?? 0) + 1;
      // Stay well inside PostgreSQL's 65 535 bound parameters per statement.
      if (pending.rows.length * Object.keys(row).length > 20_000) await flush();
    }

    if (!header) throw new RestoreError('备份文件为空');
    if (!trailer) throw new RestoreError('备份文件不完整（缺少结束标记，可能被截断）');
    for (const [table, n] of Object.entries(trailer.counts)) {
      if ((counts[table] ?? 0) !== n) throw new RestoreError(`表 ${table} 应有 ${n} 行，读到 ${counts[table] ?? 0} 行`);
    }
  });

  return { file, tables: counts };
}

/** SQLite: an online, consistent copy of the database file. */
export async function backupSqliteFile(source: string, destination: string): Promise<void> {
  const db = new SQLite(source, { readonly: true, fileMustExist: true });
  try {
    await db.backup(destination);
  } finally {
    db.close();
  }
}

/** SQLite: put a backup copy in place of a database file that is not in use. */
export async function restoreSqliteFile(backup: string, target: string, options: { force?: boolean } = {}): Promise<void> {
  if (existsSync(target) && !options.force) throw new RestoreError(`目标文件已存在: ${target}（确认覆盖请加 --force，并先停止服务）`);
  const db = new SQLite(backup, { readonly: true, fileMustExist: true });
  try {
    const ok = db.pragma('integrity_check', { simple: true });
    if (ok !== 'ok') throw new RestoreError(`备份文件损坏: ${String(ok)}`);
    await db.backup(target);
  } finally {
    db.close();
  }
}

export function isSqliteFile(header: Buffer): boolean {
  return header.subarray(0, 16).toString('latin1') === 'SQLite format 3\u0000';
}
