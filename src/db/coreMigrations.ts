import { PostgresAdapter, sql, type Kysely, type Migration } from 'kysely';

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
  '2026_12_04_0001_core_auth_audit': {
    // Accounts, sessions, API tokens and the hash-chained audit trail
    // (src/auth, src/platform/audit.ts).
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('auth_user')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('username', 'text', (c) => c.notNull().unique())
        .addColumn('display_name', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('department', 'text')
        .addColumn('county', 'text')
        .addColumn('entity_id', 'text')
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('password_changed_at', 'text', (c) => c.notNull())
        .addColumn('must_change_password', 'integer', (c) => c.notNull())
        .addColumn('totp_secret', 'text')
        .addColumn('totp_pending_secret', 'text')
        .addColumn('totp_last_step', 'bigint')
        .addColumn('failed_logins', 'integer', (c) => c.notNull())
        .addColumn('locked_until', 'text')
        .addColumn('disabled', 'integer', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('auth_session')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('auth_user.id'))
        .addColumn('csrf_token', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('idle_expires_at', 'text', (c) => c.notNull())
        .addColumn('last_seen_at', 'text', (c) => c.notNull())
        .addColumn('ip', 'text')
        .addColumn('user_agent', 'text')
        .addColumn('revoked_at', 'text')
        .addColumn('revoke_reason', 'text')
        .execute();
      await db.schema.createIndex('auth_session_user').on('auth_session').column('user_id').execute();

      await db.schema
        .createTable('auth_token')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('auth_user.id'))
        .addColumn('label', 'text', (c) => c.notNull())
        .addColumn('prefix', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text')
        .addColumn('last_used_at', 'text')
        .addColumn('revoked_at', 'text')
        .execute();

      await db.schema
        .createTable('audit_log')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('seq', 'bigint', (c) => c.notNull().unique())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('actor_id', 'text')
        .addColumn('actor_name', 'text')
        .addColumn('actor_role', 'text')
        .addColumn('ip', 'text')
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('target', 'text')
        .addColumn('outcome', 'text', (c) => c.notNull())
        .addColumn('reason', 'text')
        .addColumn('request_id', 'text')
        .addColumn('detail_json', 'text')
        .addColumn('prev_hash', 'text', (c) => c.notNull())
        .addColumn('hash', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('audit_log_target').on('audit_log').column('target').execute();

      // One row holding the chain's head: appenders update it first, which
      // serialises them (a row lock on PostgreSQL, the write lock on SQLite).
      await db.schema
        .createTable('audit_head')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('seq', 'bigint', (c) => c.notNull())
        .addColumn('hash', 'text', (c) => c.notNull())
        .execute();
      await db.insertInto('audit_head').values({ id: 'audit', seq: 0, hash: '0'.repeat(64) }).execute();

      // Append-only in the database itself, not only in the code.
      if (db.getExecutor().adapter instanceof PostgresAdapter) {
        await sql`CREATE FUNCTION audit_log_append_only() RETURNS trigger AS $$
          BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$ LANGUAGE plpgsql`.execute(db);
        await sql`CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
          FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`.execute(db);
        await sql`CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
          FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()`.execute(db);
      } else {
        await sql`CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
          BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`.execute(db);
        await sql`CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
          BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`.execute(db);
      }
    },
    async down(db: Kysely<any>) {
      await db.schema.dropTable('audit_head').execute();
      await db.schema.dropTable('audit_log').execute();
      await db.schema.dropTable('auth_token').execute();
      await db.schema.dropTable('auth_session').execute();
      await db.schema.dropTable('auth_user').execute();
    },
  },
};
