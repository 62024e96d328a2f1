import type { Kysely, Migration } from 'kysely';

export const coreMigrations: Record<string, Migration> = {
  '2026_12_04_0000_core_init': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('param_version')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('param_id', 'text', (c) => c.notNull())
        .addColumn('valid_from', 'text', (c) => c.notNull())
        .addColumn('value_json', 'text', (c) => c.notNull())
        .addColumn('document', 'text', (c) => c.notNull())
        .addColumn('article', 'text', (c) => c.notNull())
        .addColumn('decided_by_document', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('batch_run')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('input_digest', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('total', 'integer', (c) => c.notNull())
        .addColumn('done', 'integer', (c) => c.notNull())
        .addColumn('started_at', 'text', (c) => c.notNull())
        .addColumn('finished_at', 'text')
        .addColumn('report_json', 'text')
        .execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.dropTable('batch_run').execute();
      await db.schema.dropTable('param_version').execute();
    },
  },
};
