/** Schema of the simulation area; portable between SQLite and PostgreSQL. */
import type { Kysely, Migration } from 'kysely';

export const simulationMigrations: Record<string, Migration> = {
  '2026_12_04_0800_simulation_init': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('simulation_scenario')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('purpose', 'text', (c) => c.notNull())
        .addColumn('author', 'text', (c) => c.notNull())
        .addColumn('changes_json', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('simulation_run')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('scenario_id', 'text', (c) => c.notNull().references('simulation_scenario.id'))
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('areas_json', 'text', (c) => c.notNull())
        .addColumn('scenario_json', 'text', (c) => c.notNull())
        .addColumn('baseline_total', 'bigint', (c) => c.notNull())
        .addColumn('scenario_total', 'bigint', (c) => c.notNull())
        .addColumn('result_json', 'text', (c) => c.notNull())
        .addColumn('duration_ms', 'integer', (c) => c.notNull())
        .addColumn('created_by', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('simulation_run_scenario').on('simulation_run').columns(['scenario_id', 'created_at']).execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.dropTable('simulation_run').execute();
      await db.schema.dropTable('simulation_scenario').execute();
    },
  },
};
