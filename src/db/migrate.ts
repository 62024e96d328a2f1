import { Migrator, sql, type Migration, type MigrationProvider } from 'kysely';

import { modules } from '../platform/modules.ts';
import { coreMigrations } from './coreMigrations.ts';
import type { DatabaseHandle } from './database.ts';

class ModuleMigrationProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    const all: Record<string, Migration> = { ...coreMigrations };
    for (const module of modules) {
      for (const [name, migration] of Object.entries(module.migrations)) {
        if (name in all) throw new Error(`migration ${name} defined twice`);
        all[name] = migration;
      }
    }
    return all;
  }
}

/** Apply every pending migration of every area; throws on failure. */
export async function migrateToLatest(store: DatabaseHandle): Promise<string[]> {
  // Kysely looks for its own tables in every schema unless told which one;
  // with several schemas on one server (tests, a restore into a fresh
  // schema) it would find another schema's and skip creating its own.
  const schema = store.dialect === 'postgres'
    ? (await sql<{ s: string }>`select current_schema() as s`.execute(store.db)).rows[0]?.s
    : undefined;
  const migrator = new Migrator({
    db: store.db,
    provider: new ModuleMigrationProvider(),
    allowUnorderedMigrations: true,
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
