/**
 * One setting, DATABASE_URL, selects the store: a SQLite file (the embedded
 * default, `sqlite:data/jixi.db`, or `:memory:`) or PostgreSQL
 * (`postgres://…`) for production.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import pg from 'pg';

import type { Database } from './schema.ts';
import { PlatformPostgresDialect } from './pgIntrospector.ts';

export type Dialect = 'sqlite' | 'postgres';

export interface DatabaseHandle {
  db: Kysely<Database>;
  dialect: Dialect;
  /** Where it points, without credentials, for logs. */
  label: string;
  /**
   * The SQLite connection itself, for bulk writes that prepare one
   * statement and run it per row. Use only inside a Kysely transaction on
   * `db` (which holds this same connection); absent on PostgreSQL.
   */
  sqlite?: SQLite.Database;
  close(): Promise<void>;
}

// int8 and numeric come back as strings by default; amounts are integer fen
// well inside the safe range, counts too.
pg.types.setTypeParser(20, (v) => toSafeInt(v));
pg.types.setTypeParser(1700, (v) => Number(v));

function toSafeInt(text: string): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n)) throw new RangeError(`integer out of range: ${text}`);
  return n;
}

export const DEFAULT_DATABASE_URL = 'sqlite:data/jixi.db';

export function openDatabase(
  url: string = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL,
  options: { searchPath?: string } = {},
): DatabaseHandle {
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
    const pool = new pg.Pool({
      connectionString: url,
      max: Number(process.env.PG_POOL_MAX ?? 10),
      ...(options.searchPath ? { options: `-c search_path=${options.searchPath}` } : {}),
    });
    const db = new Kysely<Database>({ dialect: new PlatformPostgresDialect({ pool }) });
    const label = url.replace(/\/\/[^@/]*@/, '//***@');
    return { db, dialect: 'postgres', label, close: () => db.destroy() };
  }

  const file = url.startsWith('sqlite:') ? url.slice('sqlite:'.length) : url;
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: sqlite }),
  });
  return { db, dialect: 'sqlite', label: `sqlite:${file}`, sqlite, close: () => db.destroy() };
}
