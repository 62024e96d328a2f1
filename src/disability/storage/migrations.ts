/** Schema of the disability area; portable between SQLite and PostgreSQL. */
import type { Kysely, Migration } from 'kysely';

export const disabilityMigrations: Record<string, Migration> = {
  '2026_12_04_0400_disability_register': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('disability_person')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('resident_id', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('sex', 'text', (c) => c.notNull())
        .addColumn('birth_date', 'text', (c) => c.notNull())
        .addColumn('county', 'text', (c) => c.notNull())
        .addColumn('card_number', 'text', (c) => c.notNull().unique())
        .addColumn('category', 'text', (c) => c.notNull())
        .addColumn('grade', 'integer', (c) => c.notNull())
        .addColumn('bank_account', 'text')
        .addColumn('deceased_on', 'text')
        .addColumn('moved_away_on', 'text')
        .addColumn('source', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('updated_by', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('disability_person_county').on('disability_person').column('county').execute();

      for (const table of ['disability_household_period', 'disability_benefit_period'] as const) {
        await db.schema
          .createTable(table)
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('person_id', 'text', (c) => c.notNull().references('disability_person.id'))
          .addColumn(table === 'disability_household_period' ? 'status' : 'kind', 'text', (c) => c.notNull())
          .addColumn('valid_from', 'text', (c) => c.notNull())
          .addColumn('valid_to', 'text')
          .addColumn('recorded_at', 'text', (c) => c.notNull())
          .addColumn('recorded_by', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex(`${table}_person`).on(table).columns(['person_id', 'valid_from']).execute();
      }

      await db.schema
        .createTable('disability_service_record')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('person_id', 'text', (c) => c.notNull().references('disability_person.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('on_date', 'text', (c) => c.notNull())
        .addColumn('until_date', 'text')
        .addColumn('detail', 'text')
        .addColumn('recorded_at', 'text', (c) => c.notNull())
        .addColumn('recorded_by', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('disability_service_record_person').on('disability_service_record').columns(['person_id', 'on_date']).execute();
      await db.schema.createIndex('disability_service_record_kind').on('disability_service_record').columns(['kind', 'on_date']).execute();
    },
    async down(db: Kysely<any>) {
      for (const table of ['disability_service_record', 'disability_benefit_period', 'disability_household_period', 'disability_person']) {
        await db.schema.dropTable(table).execute();
      }
    },
  },

  '2026_12_04_0401_disability_subsidies': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('disability_application')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('person_id', 'text', (c) => c.notNull().references('disability_person.id'))
        .addColumn('subsidy', 'text', (c) => c.notNull())
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('accepted_at', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('received_on', 'text', (c) => c.notNull())
        .addColumn('reviewed_on', 'text')
        .addColumn('decided_on', 'text')
        .addColumn('ended_on', 'text')
        .addColumn('review_json', 'text')
        .addColumn('reasons_json', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('disability_application_person').on('disability_application').columns(['person_id', 'subsidy']).execute();
      await db.schema.createIndex('disability_application_status').on('disability_application').column('status').execute();

      await db.schema
        .createTable('disability_application_event')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('application_id', 'text', (c) => c.notNull().references('disability_application.id'))
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('from_status', 'text')
        .addColumn('to_status', 'text', (c) => c.notNull())
        .addColumn('on_date', 'text', (c) => c.notNull())
        .addColumn('note', 'text')
        .addColumn('by_user', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('disability_application_event_app').on('disability_application_event').column('application_id').execute();

      await db.schema
        .createTable('disability_payroll_month')
        .addColumn('month', 'text', (c) => c.primaryKey())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('reference_date', 'text', (c) => c.notNull())
        .addColumn('run_id', 'text')
        .addColumn('persons', 'integer', (c) => c.notNull())
        .addColumn('amount', 'bigint', (c) => c.notNull())
        .addColumn('totals_json', 'text')
        .addColumn('params_json', 'text')
        .addColumn('started_at', 'text', (c) => c.notNull())
        .addColumn('started_by', 'text', (c) => c.notNull())
        .addColumn('finished_at', 'text')
        .execute();

      await db.schema
        .createTable('disability_payroll_line')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('month', 'text', (c) => c.notNull())
        .addColumn('person_id', 'text', (c) => c.notNull())
        .addColumn('subsidy', 'text', (c) => c.notNull())
        .addColumn('county', 'text', (c) => c.notNull())
        .addColumn('application_id', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('amount', 'bigint', (c) => c.notNull())
        .addColumn('change', 'text', (c) => c.notNull())
        .addColumn('previous_amount', 'bigint')
        .addColumn('basis', 'text')
        .addColumn('reasons_json', 'text')
        .execute();
      await db.schema.createIndex('disability_payroll_line_month').on('disability_payroll_line').columns(['month', 'county', 'person_id']).execute();
      await db.schema.createIndex('disability_payroll_line_person').on('disability_payroll_line').columns(['person_id', 'month']).execute();
    },
    async down(db: Kysely<any>) {
      for (const table of ['disability_payroll_line', 'disability_payroll_month', 'disability_application_event', 'disability_application']) {
        await db.schema.dropTable(table).execute();
      }
    },
  },

  '2026_12_04_0402_disability_monitoring': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('disability_indicator_entry')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('series', 'text', (c) => c.notNull())
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('county', 'text', (c) => c.notNull())
        .addColumn('value_bp', 'integer', (c) => c.notNull())
        .addColumn('note', 'text')
        .addColumn('entered_by', 'text', (c) => c.notNull())
        .addColumn('entered_role', 'text')
        .addColumn('entered_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('disability_indicator_entry_key').on('disability_indicator_entry').columns(['series', 'year', 'county']).execute();

      await db.schema
        .createTable('disability_employer')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('institution_type', 'text')
        .addColumn('level', 'text', (c) => c.notNull())
        .addColumn('county', 'text')
        .addColumn('posts', 'integer')
        .addColumn('staff', 'integer', (c) => c.notNull())
        .addColumn('disabled_employees', 'integer', (c) => c.notNull())
        .addColumn('severe_disabled_employees', 'integer', (c) => c.notNull())
        .addColumn('as_of', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('updated_by', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('disability_welfare_posts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('county', 'text', (c) => c.notNull())
        .addColumn('total_posts', 'integer', (c) => c.notNull())
        .addColumn('disabled_posts', 'integer', (c) => c.notNull())
        .addColumn('fund_total', 'bigint', (c) => c.notNull())
        .addColumn('fund_for_disabled_posts', 'bigint', (c) => c.notNull())
        .addColumn('entered_by', 'text', (c) => c.notNull())
        .addColumn('entered_at', 'text', (c) => c.notNull())
        .execute();
    },
    async down(db: Kysely<any>) {
      for (const table of ['disability_welfare_posts', 'disability_employer', 'disability_indicator_entry']) {
        await db.schema.dropTable(table).execute();
      }
    },
  },
};
