/** Schema of the credit area; runs on SQLite and PostgreSQL alike. */
import { PostgresAdapter, sql, type Kysely, type Migration } from 'kysely';

export const creditMigrations: Record<string, Migration> = {
  '2026_12_04_0100_credit_init': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('credit_entity')
        .addColumn('uscc', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('established', 'text', (c) => c.notNull())
        .addColumn('area', 'text', (c) => c.notNull())
        .addColumn('registration_department', 'text', (c) => c.notNull())
        .addColumn('entity_type', 'text', (c) => c.notNull())
        .addColumn('current_score_id', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('credit_record')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('uscc', 'text', (c) => c.notNull().references('credit_entity.uscc'))
        .addColumn('indicator', 'text', (c) => c.notNull())
        .addColumn('kind', 'text')
        .addColumn('decided', 'text', (c) => c.notNull())
        .addColumn('until', 'text')
        .addColumn('window_years', 'integer')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('domain', 'text', (c) => c.notNull())
        .addColumn('source_department', 'text')
        .addColumn('document_number', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('credit_record_uscc').on('credit_record').column('uscc').execute();

      await db.schema
        .createTable('credit_pledge')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('uscc', 'text', (c) => c.notNull().references('credit_entity.uscc'))
        .addColumn('pledge_type', 'text', (c) => c.notNull())
        .addColumn('approval_number', 'text', (c) => c.notNull())
        .addColumn('department', 'text', (c) => c.notNull())
        .addColumn('pledged_on', 'text', (c) => c.notNull())
        .addColumn('due_on', 'text')
        .addColumn('kept', 'integer')
        .addColumn('verified_on', 'text')
        .addColumn('record_id', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('credit_pledge_uscc').on('credit_pledge').column('uscc').execute();

      await db.schema
        .createTable('credit_score')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('uscc', 'text', (c) => c.notNull().references('credit_entity.uscc'))
        .addColumn('evaluated_on', 'text', (c) => c.notNull())
        .addColumn('score', 'integer', (c) => c.notNull())
        .addColumn('grade', 'text', (c) => c.notNull())
        .addColumn('category', 'text', (c) => c.notNull())
        .addColumn('table_source', 'text', (c) => c.notNull())
        .addColumn('indicators_json', 'text', (c) => c.notNull())
        .addColumn('excluded_json', 'text', (c) => c.notNull())
        .addColumn('notes_json', 'text', (c) => c.notNull())
        .addColumn('digest', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('computed_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('credit_score_uscc').on('credit_score').columns(['uscc', 'computed_at']).execute();

      await db.schema
        .createTable('credit_sector')
        .addColumn('code', 'text', (c) => c.primaryKey())
        .addColumn('label', 'text', (c) => c.notNull())
        .addColumn('department', 'text', (c) => c.notNull())
        .addColumn('model_id', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('credit_model')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('sector', 'text', (c) => c.notNull().references('credit_sector.code'))
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('full_score', 'integer', (c) => c.notNull())
        .addColumn('indicators_json', 'text', (c) => c.notNull())
        .addColumn('cutoffs_json', 'text', (c) => c.notNull())
        .addColumn('department', 'text', (c) => c.notNull())
        .addColumn('document_number', 'text')
        .addColumn('defined_by', 'text', (c) => c.notNull())
        .addColumn('valid_from', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('credit_model_sector_version', ['sector', 'version'])
        .execute();

      await db.schema
        .createTable('credit_assessment')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('uscc', 'text', (c) => c.notNull().references('credit_entity.uscc'))
        .addColumn('sector', 'text', (c) => c.notNull())
        .addColumn('indicator', 'text', (c) => c.notNull())
        .addColumn('points', 'integer', (c) => c.notNull())
        .addColumn('assessed_on', 'text', (c) => c.notNull())
        .addColumn('department', 'text', (c) => c.notNull())
        .addColumn('document_number', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('credit_assessment_uscc').on('credit_assessment').columns(['uscc', 'sector']).execute();

      await db.schema
        .createTable('credit_measure')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('uscc', 'text', (c) => c.notNull().references('credit_entity.uscc'))
        .addColumn('code', 'text', (c) => c.notNull())
        .addColumn('label', 'text', (c) => c.notNull())
        .addColumn('category', 'text', (c) => c.notNull())
        .addColumn('article', 'text', (c) => c.notNull())
        .addColumn('score_id', 'text', (c) => c.notNull())
        .addColumn('started_on', 'text', (c) => c.notNull())
        .addColumn('ended_on', 'text')
        .addColumn('end_reason', 'text')
        .execute();
      await db.schema.createIndex('credit_measure_uscc').on('credit_measure').column('uscc').execute();

      await db.schema
        .createTable('credit_objection')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('uscc', 'text', (c) => c.notNull().references('credit_entity.uscc'))
        .addColumn('record_id', 'text')
        .addColumn('filed_by', 'text', (c) => c.notNull())
        .addColumn('received_on', 'text', (c) => c.notNull())
        .addColumn('deadline', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('claim', 'text', (c) => c.notNull())
        .addColumn('handler', 'text')
        .addColumn('decided_on', 'text')
        .addColumn('decision_note', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('credit_repair')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('uscc', 'text', (c) => c.notNull().references('credit_entity.uscc'))
        .addColumn('record_id', 'text', (c) => c.notNull())
        .addColumn('applicant', 'text', (c) => c.notNull())
        .addColumn('applied_on', 'text', (c) => c.notNull())
        .addColumn('deadline', 'text', (c) => c.notNull())
        .addColumn('obligations_fulfilled', 'integer', (c) => c.notNull())
        .addColumn('pledge_submitted', 'integer', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('check_json', 'text', (c) => c.notNull())
        .addColumn('handler', 'text')
        .addColumn('decided_on', 'text')
        .addColumn('decision_note', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('credit_workflow_event')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('case_kind', 'text', (c) => c.notNull())
        .addColumn('case_id', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('from_state', 'text')
        .addColumn('to_state', 'text', (c) => c.notNull())
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('actor_role', 'text', (c) => c.notNull())
        .addColumn('on_date', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('note', 'text')
        .execute();
      await db.schema.createIndex('credit_workflow_event_case').on('credit_workflow_event').columns(['case_kind', 'case_id']).execute();

      await db.schema
        .createTable('credit_inspector')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('department', 'text', (c) => c.notNull())
        .addColumn('sectors_json', 'text', (c) => c.notNull())
        .addColumn('conflicts_json', 'text', (c) => c.notNull())
        .addColumn('active', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('credit_plan')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('sector', 'text', (c) => c.notNull())
        .addColumn('period_from', 'text', (c) => c.notNull())
        .addColumn('period_to', 'text', (c) => c.notNull())
        .addColumn('base_ratio_bp', 'integer', (c) => c.notNull())
        .addColumn('seed', 'text', (c) => c.notNull())
        .addColumn('population_digest', 'text', (c) => c.notNull())
        .addColumn('ratios_json', 'text', (c) => c.notNull())
        .addColumn('inspectors_per_entity', 'integer', (c) => c.notNull())
        .addColumn('grades_json', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('credit_plan_target')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('plan_id', 'text', (c) => c.notNull().references('credit_plan.id'))
        .addColumn('uscc', 'text', (c) => c.notNull())
        .addColumn('grade', 'text', (c) => c.notNull())
        .addColumn('draw_order', 'integer', (c) => c.notNull())
        .addColumn('inspectors_json', 'text', (c) => c.notNull())
        .addColumn('shortfall', 'text')
        .execute();
      await db.schema.createIndex('credit_plan_target_plan').on('credit_plan_target').column('plan_id').execute();

      await db.schema
        .createTable('credit_access_log')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('caller_entity', 'text')
        .addColumn('department', 'text')
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('subject_uscc', 'text')
        .addColumn('resource', 'text', (c) => c.notNull())
        .addColumn('purpose', 'text', (c) => c.notNull())
        .addColumn('request_id', 'text')
        .addColumn('outcome', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('credit_access_log_subject').on('credit_access_log').columns(['subject_uscc', 'at']).execute();

      // Append-only in the database itself (D2 二(四)1).
      if (db.getExecutor().adapter instanceof PostgresAdapter) {
        await sql`CREATE FUNCTION credit_access_log_append_only() RETURNS trigger AS $$
          BEGIN RAISE EXCEPTION 'credit_access_log is append-only'; END $$ LANGUAGE plpgsql`.execute(db);
        await sql`CREATE TRIGGER credit_access_log_no_change BEFORE UPDATE OR DELETE ON credit_access_log
          FOR EACH ROW EXECUTE FUNCTION credit_access_log_append_only()`.execute(db);
        await sql`CREATE TRIGGER credit_access_log_no_truncate BEFORE TRUNCATE ON credit_access_log
          FOR EACH STATEMENT EXECUTE FUNCTION credit_access_log_append_only()`.execute(db);
      } else {
        await sql`CREATE TRIGGER credit_access_log_no_update BEFORE UPDATE ON credit_access_log
          BEGIN SELECT RAISE(ABORT, 'credit_access_log is append-only'); END`.execute(db);
        await sql`CREATE TRIGGER credit_access_log_no_delete BEFORE DELETE ON credit_access_log
          BEGIN SELECT RAISE(ABORT, 'credit_access_log is append-only'); END`.execute(db);
      }
    },
    async down(db: Kysely<any>) {
      for (const table of [
        'credit_access_log', 'credit_plan_target', 'credit_plan', 'credit_inspector',
        'credit_workflow_event', 'credit_repair', 'credit_objection', 'credit_measure',
        'credit_assessment', 'credit_model', 'credit_sector', 'credit_score',
        'credit_pledge', 'credit_record', 'credit_entity',
      ]) {
        await db.schema.dropTable(table).execute();
      }
    },
  },
};
