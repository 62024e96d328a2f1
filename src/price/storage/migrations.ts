/** Migrations of the price area; SQLite and PostgreSQL alike. */
import type { Kysely, Migration } from 'kysely';

export const priceMigrations: Record<string, Migration> = {
  '2026_12_04_0300_price_monitoring': {
    async up(db: Kysely<any>) {
      await db.schema.createTable('price_item')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('category', 'text', (c) => c.notNull())
        .addColumn('unit', 'text', (c) => c.notNull())
        .addColumn('specification', 'text', (c) => c.notNull())
        .addColumn('government_set', 'integer', (c) => c.notNull())
        .addColumn('in_basket', 'integer', (c) => c.notNull())
        .addColumn('plausible_min_fen', 'bigint')
        .addColumn('plausible_max_fen', 'bigint')
        .addColumn('active', 'integer', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createTable('price_point')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('county', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('warning_id', 'text')
        .addColumn('active', 'integer', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createTable('price_observation')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('point_id', 'text', (c) => c.notNull())
        .addColumn('item_id', 'text', (c) => c.notNull())
        .addColumn('county', 'text', (c) => c.notNull())
        .addColumn('date', 'text', (c) => c.notNull())
        .addColumn('price_fen', 'bigint', (c) => c.notNull())
        .addColumn('previous_fen', 'bigint')
        .addColumn('reported_change_bp', 'integer')
        .addColumn('note', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('hold_reason', 'text')
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('batch_id', 'text')
        .addColumn('entered_by', 'text', (c) => c.notNull())
        .addColumn('entered_at', 'text', (c) => c.notNull())
        .addColumn('decided_by', 'text')
        .addColumn('decided_at', 'text')
        .execute();
      await db.schema.createIndex('price_observation_item_date').on('price_observation').columns(['item_id', 'date']).execute();
      await db.schema.createIndex('price_observation_status').on('price_observation').columns(['status', 'date']).execute();
      await db.schema.createTable('price_complaint')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('item_id', 'text', (c) => c.notNull())
        .addColumn('county', 'text', (c) => c.notNull())
        .addColumn('date', 'text', (c) => c.notNull())
        .addColumn('count', 'integer', (c) => c.notNull())
        .addColumn('entered_by', 'text', (c) => c.notNull())
        .addColumn('entered_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('price_complaint_date').on('price_complaint').columns(['date']).execute();
      await db.schema.createTable('price_panic_report')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('item_id', 'text', (c) => c.notNull())
        .addColumn('county', 'text', (c) => c.notNull())
        .addColumn('point_id', 'text')
        .addColumn('date', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull())
        .addColumn('reported_by', 'text', (c) => c.notNull())
        .addColumn('reported_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createTable('price_detection')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('as_of', 'text', (c) => c.notNull())
        .addColumn('run_at', 'text', (c) => c.notNull())
        .addColumn('run_by', 'text', (c) => c.notNull())
        .addColumn('proposes', 'integer', (c) => c.notNull())
        .addColumn('findings_json', 'text', (c) => c.notNull())
        .addColumn('notes_json', 'text', (c) => c.notNull())
        .execute();
    },
    async down(db: Kysely<any>) {
      for (const t of ['price_detection', 'price_panic_report', 'price_complaint', 'price_observation', 'price_point', 'price_item']) {
        await db.schema.dropTable(t).execute();
      }
    },
  },

  '2026_12_04_0301_price_warnings': {
    async up(db: Kysely<any>) {
      await db.schema.createTable('price_warning')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('level', 'integer', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull())
        .addColumn('items_json', 'text', (c) => c.notNull())
        .addColumn('areas_json', 'text', (c) => c.notNull())
        .addColumn('related_json', 'text', (c) => c.notNull())
        .addColumn('detection_id', 'text')
        .addColumn('document_json', 'text')
        .addColumn('units_json', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('published_at', 'text')
        .addColumn('terminated_at', 'text')
        .addColumn('version', 'integer', (c) => c.notNull())
        .execute();
      await db.schema.createTable('price_warning_event')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('warning_id', 'text', (c) => c.notNull())
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('from_state', 'text')
        .addColumn('to_state', 'text', (c) => c.notNull())
        .addColumn('from_level', 'integer')
        .addColumn('to_level', 'integer', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('by_user', 'text', (c) => c.notNull())
        .addColumn('by_role', 'text', (c) => c.notNull())
        .addColumn('document_json', 'text')
        .addColumn('note', 'text', (c) => c.notNull())
        .addColumn('cap_identifier', 'text')
        .execute();
      await db.schema.createIndex('price_warning_event_warning').on('price_warning_event').columns(['warning_id', 'seq']).unique().execute();
      await db.schema.createTable('price_task_done')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('warning_id', 'text', (c) => c.notNull())
        .addColumn('done_at', 'text', (c) => c.notNull())
        .addColumn('done_by', 'text', (c) => c.notNull())
        .addColumn('note', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createTable('price_duty')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('date', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('person', 'text', (c) => c.notNull())
        .addColumn('phone', 'text', (c) => c.notNull())
        .addColumn('full_day', 'integer', (c) => c.notNull())
        .addColumn('unit', 'text', (c) => c.notNull())
        .addColumn('entered_by', 'text', (c) => c.notNull())
        .addColumn('entered_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createTable('price_incident')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('level', 'integer', (c) => c.notNull())
        .addColumn('discovered_at', 'text', (c) => c.notNull())
        .addColumn('county', 'text', (c) => c.notNull())
        .addColumn('place', 'text', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('nature', 'text', (c) => c.notNull())
        .addColumn('scope', 'text', (c) => c.notNull())
        .addColumn('trend', 'text', (c) => c.notNull())
        .addColumn('measures', 'text', (c) => c.notNull())
        .addColumn('warning_id', 'text')
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createTable('price_incident_report')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('incident_id', 'text', (c) => c.notNull())
        .addColumn('step', 'text', (c) => c.notNull())
        .addColumn('owner', 'text', (c) => c.notNull())
        .addColumn('done_at', 'text', (c) => c.notNull())
        .addColumn('by_user', 'text', (c) => c.notNull())
        .addColumn('note', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createTable('price_drill')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('date', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('note', 'text', (c) => c.notNull())
        .addColumn('entered_by', 'text', (c) => c.notNull())
        .addColumn('entered_at', 'text', (c) => c.notNull())
        .execute();
    },
    async down(db: Kysely<any>) {
      for (const t of ['price_drill', 'price_incident_report', 'price_incident', 'price_duty', 'price_task_done', 'price_warning_event', 'price_warning']) {
        await db.schema.dropTable(t).execute();
      }
    },
  },

  '2026_12_04_0302_price_directory_subsidies': {
    async up(db: Kysely<any>) {
      await db.schema.createTable('price_org_entry')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('sort', 'integer', (c) => c.notNull())
        .addColumn('data_json', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('updated_by', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createTable('price_org_change')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('entry_id', 'text', (c) => c.notNull())
        .addColumn('changed_at', 'text', (c) => c.notNull())
        .addColumn('changed_by', 'text', (c) => c.notNull())
        .addColumn('before_json', 'text')
        .addColumn('after_json', 'text')
        .addColumn('reason', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('price_org_change_entry').on('price_org_change').columns(['entry_id', 'changed_at']).execute();
      await db.schema.createTable('price_index_month')
        .addColumn('month', 'text', (c) => c.primaryKey())
        .addColumn('cpi_bp', 'integer')
        .addColumn('food_bp', 'integer')
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('entered_by', 'text', (c) => c.notNull())
        .addColumn('entered_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createTable('price_recipient')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('group_code', 'text', (c) => c.notNull())
        .addColumn('residence', 'text', (c) => c.notNull())
        .addColumn('county', 'text', (c) => c.notNull())
        .addColumn('from_month', 'text', (c) => c.notNull())
        .addColumn('to_month', 'text')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createTable('price_payment')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('index_month', 'text', (c) => c.notNull())
        .addColumn('payment_month', 'text', (c) => c.notNull())
        .addColumn('recipient_id', 'text', (c) => c.notNull())
        .addColumn('group_code', 'text', (c) => c.notNull())
        .addColumn('payer', 'text', (c) => c.notNull())
        .addColumn('residence', 'text', (c) => c.notNull())
        .addColumn('county', 'text', (c) => c.notNull())
        .addColumn('standard_fen', 'bigint', (c) => c.notNull())
        .addColumn('rate_bp', 'integer', (c) => c.notNull())
        .addColumn('amount_fen', 'bigint', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('price_payment_month').on('price_payment').columns(['index_month', 'payer']).execute();
    },
    async down(db: Kysely<any>) {
      for (const t of ['price_payment', 'price_recipient', 'price_index_month', 'price_org_change', 'price_org_entry']) {
        await db.schema.dropTable(t).execute();
      }
    },
  },

  // The last price of each point and item before a date (plausibility of
  // an import, D3 1.4(1)): read from the index, not the table.
  '2026_12_04_0303_price_observation_point_item': {
    async up(db: Kysely<any>) {
      await db.schema.createIndex('price_observation_point_item').on('price_observation').columns(['item_id', 'point_id', 'status', 'date']).execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.dropIndex('price_observation_point_item').execute();
    },
  },
};
