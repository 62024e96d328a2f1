/**
 * Run one test body against every SQL dialect: SQLite in memory and a fresh
 * PostgreSQL schema. TEST_DATABASES narrows the list ("sqlite", "postgres");
 * in CI PostgreSQL is required, elsewhere it is skipped when unreachable.
 */
import { randomBytes } from 'node:crypto';
import { describe } from 'node:test';

import pg from 'pg';

import { createLogger } from '../../src/core/logger.ts';
import { openContext, type PlatformContext } from '../../src/platform/context.ts';
import type { Dialect } from '../../src/db/database.ts';

export const POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

const wanted = (process.env.TEST_DATABASES ?? 'sqlite,postgres').split(',').map((s) => s.trim());

let postgresReachable: Promise<boolean> | undefined;
function checkPostgres(): Promise<boolean> {
  postgresReachable ??= (async () => {
    // A loaded machine can take seconds to accept a connection: in CI, where
    // PostgreSQL is required, try for a minute before calling it unreachable.
    const attempts = process.env.CI ? 6 : 1;
    let last: unknown;
    for (let attempt = 1; attempt <= attempts; attempt += 1) {
      const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 10_000 });
      try {
        await client.connect();
        await client.end();
        return true;
      } catch (error) {
        last = error;
        await client.end().catch(() => {});
      }
    }
    if (process.env.CI) throw new Error(`PostgreSQL required in CI but unreachable at ${POSTGRES_URL}: ${String(last)}`);
    return false;
  })();
  return postgresReachable;
}

export interface TestDatabase {
  dialect: Dialect;
  /** A migrated, empty platform context on its own database. */
  open(): Promise<PlatformContext>;
}

/** Fresh, migrated context for one dialect; close() drops what it made. */
export async function openTestContext(dialect: Dialect): Promise<PlatformContext> {
  const logger = createLogger({ level: 'silent' });
  if (dialect === 'sqlite') {
    return openContext({ databaseUrl: ':memory:', logger });
  }

  const schema = `t_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();

  const ctx = await openContext({ databaseUrl: POSTGRES_URL, searchPath: schema, logger });
  return {
    ...ctx,
    async close() {
      await ctx.close();
      const cleanup = new pg.Client({ connectionString: POSTGRES_URL });
      await cleanup.connect();
      await cleanup.query(`DROP SCHEMA ${schema} CASCADE`);
      await cleanup.end();
    },
  };
}

/** describe() the same suite once per dialect. */
export function describeEachDatabase(name: string, body: (db: TestDatabase) => void): void {
  for (const dialect of ['sqlite', 'postgres'] as const) {
    if (!wanted.includes(dialect)) continue;
    describe(`${name} [${dialect}]`, async () => {
      if (dialect === 'postgres' && !(await checkPostgres())) {
        console.warn(`skipping PostgreSQL suite "${name}": not reachable at ${POSTGRES_URL}`);
        return;
      }
      body({ dialect, open: () => openTestContext(dialect) });
    });
  }
}
