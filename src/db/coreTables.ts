/** Parameter versions added by officers: new dated versions, never edits. */
export interface ParamVersionTable {
  id: string;
  param_id: string;
  valid_from: string;
  value_json: string;
  document: string;
  article: string;
  decided_by_document: string;
  created_by: string;
  created_at: string;
}

/**
 * Batch runs: every batch (settlement, re-scoring, payroll, import) records
 * its input digest and progress so a killed run can be resumed without
 * settling anything twice.
 */
export interface BatchRunTable {
  id: string;
  kind: string;
  input_digest: string;
  status: string;
  total: number;
  done: number;
  started_at: string;
  finished_at: string | null;
  report_json: string | null;
}

/** An account: one role, of one department, optionally one county or entity. */
export interface AuthUserTable {
  id: string;
  username: string;
  display_name: string;
  role: string;
  department: string | null;
  county: string | null;
  entity_id: string | null;
  /** argon2id PHC string; never the password. */
  password_hash: string;
  password_changed_at: string;
  must_change_password: number;
  totp_secret: string | null;
  totp_pending_secret: string | null;
  /** Last TOTP time step accepted, so a code cannot be replayed. */
  totp_last_step: number | null;
  failed_logins: number;
  locked_until: string | null;
  disabled: number;
  created_by: string;
  created_at: string;
  updated_at: string;
}

/** A login session; the id is the SHA-256 of the cookie's token. */
export interface AuthSessionTable {
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  idle_expires_at: string;
  last_seen_at: string;
  ip: string | null;
  user_agent: string | null;
  revoked_at: string | null;
  revoke_reason: string | null;
}

/** An API token for machine clients; the id is the SHA-256 of the token. */
export interface AuthTokenTable {
  id: string;
  user_id: string;
  label: string;
  /** First characters of the token, to recognise it in lists. */
  prefix: string;
  created_by: string;
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
}

/** The audit trail: append-only, each entry chained to the previous. */
export interface AuditLogTable {
  id: string;
  seq: number;
  at: string;
  actor_id: string | null;
  actor_name: string | null;
  actor_role: string | null;
  ip: string | null;
  action: string;
  target: string | null;
  outcome: string;
  reason: string | null;
  request_id: string | null;
  detail_json: string | null;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadTable {
  id: string;
  seq: number;
  hash: string;
}

export interface CoreTables {
  param_version: ParamVersionTable;
  batch_run: BatchRunTable;
  auth_user: AuthUserTable;
  auth_session: AuthSessionTable;
  auth_token: AuthTokenTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
}
