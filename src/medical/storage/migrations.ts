/** Schema of the medical area; portable between SQLite and PostgreSQL. */
import type { Kysely, Migration } from 'kysely';

export const medicalMigrations: Record<string, Migration> = {
  '2026_12_04_0100_medical_init': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('medical_person')
        .addColumn('person_id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text')
        .addColumn('birth_date', 'text', (c) => c.notNull())
        .addColumn('sex', 'text', (c) => c.notNull())
        .addColumn('county', 'text', (c) => c.notNull())
        .addColumn('source', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('medical_person_county').on('medical_person').column('county').execute();

      await db.schema
        .createTable('medical_enrolment')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('person_id', 'text', (c) => c.notNull().references('medical_person.person_id'))
        .addColumn('scheme', 'text', (c) => c.notNull())
        .addColumn('employment', 'text')
        .addColumn('valid_from', 'text')
        .addColumn('valid_to', 'text')
        .execute();
      await db.schema.createIndex('medical_enrolment_person').on('medical_enrolment').column('person_id').execute();

      await db.schema
        .createTable('medical_category')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('person_id', 'text', (c) => c.notNull().references('medical_person.person_id'))
        .addColumn('code', 'text', (c) => c.notNull())
        .addColumn('valid_from', 'text')
        .addColumn('valid_to', 'text')
        .execute();
      await db.schema.createIndex('medical_category_person').on('medical_category').column('person_id').execute();

      await db.schema
        .createTable('medical_account')
        .addColumn('person_id', 'text', (c) => c.primaryKey().references('medical_person.person_id'))
        .addColumn('balance', 'bigint', (c) => c.notNull())
        .addColumn('last_seq', 'integer', (c) => c.notNull())
        .addColumn('opened_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('medical_account_movement')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('person_id', 'text', (c) => c.notNull().references('medical_person.person_id'))
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('date', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('amount', 'bigint', (c) => c.notNull())
        .addColumn('balance_after', 'bigint', (c) => c.notNull())
        .addColumn('claim_id', 'text')
        .addColumn('note', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('medical_account_movement_person')
        .on('medical_account_movement')
        .columns(['person_id', 'seq'])
        .unique()
        .execute();

      await db.schema
        .createTable('medical_claim')
        .addColumn('claim_id', 'text', (c) => c.primaryKey())
        .addColumn('person_id', 'text', (c) => c.notNull().references('medical_person.person_id'))
        .addColumn('date', 'text', (c) => c.notNull())
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('claim_json', 'text', (c) => c.notNull())
        .addColumn('content_hash', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('batch_id', 'text')
        .addColumn('source', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('medical_claim_person').on('medical_claim').columns(['person_id', 'date']).execute();

      await db.schema
        .createTable('medical_bill')
        .addColumn('bill_id', 'text', (c) => c.primaryKey())
        .addColumn('claim_id', 'text', (c) => c.notNull().references('medical_claim.claim_id'))
        .addColumn('person_id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('date', 'text', (c) => c.notNull())
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('county', 'text', (c) => c.notNull())
        .addColumn('total', 'bigint', (c) => c.notNull())
        .addColumn('policy_scope', 'bigint', (c) => c.notNull())
        .addColumn('pooling', 'bigint', (c) => c.notNull())
        .addColumn('assistance', 'bigint', (c) => c.notNull())
        .addColumn('assistance_tilt', 'bigint', (c) => c.notNull())
        .addColumn('account_paid', 'bigint', (c) => c.notNull())
        .addColumn('cash_paid', 'bigint', (c) => c.notNull())
        .addColumn('category', 'text')
        .addColumn('bill_json', 'text', (c) => c.notNull())
        .addColumn('reverses', 'text')
        .addColumn('reason', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('medical_bill_claim').on('medical_bill').column('claim_id').execute();
      await db.schema.createIndex('medical_bill_person').on('medical_bill').columns(['person_id', 'date']).execute();
      await db.schema.createIndex('medical_bill_year_county').on('medical_bill').columns(['year', 'county']).execute();

      await db.schema
        .createTable('medical_accumulator')
        .addColumn('person_id', 'text', (c) => c.notNull().references('medical_person.person_id'))
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('pooling_deductible', 'bigint', (c) => c.notNull())
        .addColumn('pooling_paid', 'bigint', (c) => c.notNull())
        .addColumn('assistance_deductible', 'bigint', (c) => c.notNull())
        .addColumn('assistance_paid', 'bigint', (c) => c.notNull())
        .addColumn('tilt_burden', 'bigint', (c) => c.notNull())
        .addColumn('burden_after_insurance', 'bigint', (c) => c.notNull())
        .addColumn('fund_paid', 'bigint', (c) => c.notNull())
        .addColumn('critical_paid', 'bigint', (c) => c.notNull())
        .addColumn('claims', 'integer', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('medical_accumulator_pk', ['person_id', 'year'])
        .execute();
      await db.schema
        .createIndex('medical_accumulator_year_burden')
        .on('medical_accumulator')
        .columns(['year', 'burden_after_insurance'])
        .execute();

      await db.schema
        .createTable('medical_fund_budget')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('county', 'text', (c) => c.notNull())
        .addColumn('budget', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('medical_fund_surplus')
        .addColumn('year', 'integer', (c) => c.primaryKey())
        .addColumn('accumulated_surplus', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
    },
    async down(db: Kysely<any>) {
      for (const table of [
        'medical_fund_surplus', 'medical_fund_budget', 'medical_accumulator', 'medical_bill',
        'medical_claim', 'medical_account_movement', 'medical_account', 'medical_category',
        'medical_enrolment', 'medical_person',
      ]) {
        await db.schema.dropTable(table).execute();
      }
    },
  },
  '2026_12_04_1700_medical_retroactive': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('medical_retro_application')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('person_id', 'text', (c) => c.notNull().references('medical_person.person_id'))
        .addColumn('date', 'text', (c) => c.notNull())
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('category', 'text', (c) => c.notNull())
        .addColumn('decided_by', 'text', (c) => c.notNull())
        .addColumn('valid_to', 'text')
        .addColumn('content_hash', 'text', (c) => c.notNull())
        .addColumn('result_json', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('medical_retro_application_person')
        .on('medical_retro_application')
        .columns(['person_id', 'year'])
        .execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.dropTable('medical_retro_application').execute();
    },
  },
};
