/**
 * Tables of the credit area (D2). Text keys, dates as ISO text, JSON as
 * text, booleans as 0/1, so the same schema runs on SQLite and PostgreSQL.
 */

/** 市场主体, keyed by 统一社会信用代码. */
export interface CreditEntityTable {
  uscc: string;
  name: string;
  established: string;
  area: string;
  registration_department: string;
  entity_type: string;
  /** The latest public score (credit_score.id); null before the first. */
  current_score_id: string | null;
  created_at: string;
  updated_at: string;
}

/** A record from a department (D2 二(一)1). */
export interface CreditRecordTable {
  id: string;
  uscc: string;
  indicator: string;
  kind: string | null;
  decided: string;
  until: string | null;
  window_years: number | null;
  status: string;
  domain: string;
  source_department: string | null;
  document_number: string | null;
  created_at: string;
  updated_at: string;
}

/** A pledge made in an approval and whether it was kept (D2 二(一)2). */
export interface CreditPledgeTable {
  id: string;
  uscc: string;
  pledge_type: string;
  approval_number: string;
  department: string;
  pledged_on: string;
  due_on: string | null;
  /** null: not yet verified; 1 kept; 0 broken. */
  kept: number | null;
  verified_on: string | null;
  /** The 违反承诺 record made when broken. */
  record_id: string | null;
  created_at: string;
}

/** Every public score computed, kept as the entity's history. */
export interface CreditScoreTable {
  id: string;
  uscc: string;
  evaluated_on: string;
  score: number;
  grade: string;
  category: string;
  table_source: string;
  indicators_json: string;
  excluded_json: string;
  notes_json: string;
  /** Digest of the inputs: the same inputs on the same day are one score. */
  digest: string;
  reason: string;
  computed_at: string;
}

export interface CreditSectorTable {
  code: string;
  label: string;
  department: string;
  /** The industry model in force; null: the public score and its cut-offs. */
  model_id: string | null;
  created_at: string;
}

export interface CreditModelTable {
  id: string;
  sector: string;
  version: number;
  full_score: number;
  indicators_json: string;
  cutoffs_json: string;
  department: string;
  document_number: string | null;
  defined_by: string;
  valid_from: string;
  created_at: string;
}

/** A department's points for a supervisory indicator of its model (D2 二(一)3). */
export interface CreditAssessmentTable {
  id: string;
  uscc: string;
  sector: string;
  indicator: string;
  points: number;
  assessed_on: string;
  department: string;
  document_number: string | null;
  created_at: string;
}

/** A supervision measure in force for an entity because of its category. */
export interface CreditMeasureTable {
  id: string;
  uscc: string;
  code: string;
  label: string;
  category: string;
  article: string;
  score_id: string;
  started_on: string;
  ended_on: string | null;
  end_reason: string | null;
}

export interface CreditObjectionTable {
  id: string;
  uscc: string;
  record_id: string | null;
  filed_by: string;
  received_on: string;
  deadline: string;
  state: string;
  claim: string;
  handler: string | null;
  decided_on: string | null;
  decision_note: string | null;
  created_at: string;
  updated_at: string;
}

export interface CreditRepairTable {
  id: string;
  uscc: string;
  record_id: string;
  applicant: string;
  applied_on: string;
  deadline: string;
  obligations_fulfilled: number;
  pledge_submitted: number;
  state: string;
  check_json: string;
  handler: string | null;
  decided_on: string | null;
  decision_note: string | null;
  created_at: string;
  updated_at: string;
}

/** Every step of an objection or repair: who moved it, when, from and to. */
export interface CreditWorkflowEventTable {
  id: string;
  case_kind: string;
  case_id: string;
  action: string;
  from_state: string | null;
  to_state: string;
  actor: string;
  actor_role: string;
  on_date: string;
  at: string;
  note: string | null;
}

export interface CreditInspectorTable {
  id: string;
  name: string;
  department: string;
  sectors_json: string;
  conflicts_json: string;
  active: number;
  created_at: string;
}

export interface CreditPlanTable {
  id: string;
  sector: string;
  period_from: string;
  period_to: string;
  base_ratio_bp: number;
  seed: string;
  population_digest: string;
  ratios_json: string;
  inspectors_per_entity: number;
  grades_json: string;
  created_by: string;
  created_at: string;
}

export interface CreditPlanTargetTable {
  id: string;
  plan_id: string;
  uscc: string;
  grade: string;
  draw_order: number;
  inspectors_json: string;
  shortfall: string | null;
}

/** Append-only: every read of a credit result (D2 二(四)1, 二(二)3). */
export interface CreditAccessLogTable {
  id: string;
  at: string;
  user_id: string;
  role: string;
  caller_entity: string | null;
  department: string | null;
  action: string;
  subject_uscc: string | null;
  resource: string;
  purpose: string;
  request_id: string | null;
  outcome: string;
}

export interface CreditTables {
  credit_entity: CreditEntityTable;
  credit_record: CreditRecordTable;
  credit_pledge: CreditPledgeTable;
  credit_score: CreditScoreTable;
  credit_sector: CreditSectorTable;
  credit_model: CreditModelTable;
  credit_assessment: CreditAssessmentTable;
  credit_measure: CreditMeasureTable;
  credit_objection: CreditObjectionTable;
  credit_repair: CreditRepairTable;
  credit_workflow_event: CreditWorkflowEventTable;
  credit_inspector: CreditInspectorTable;
  credit_plan: CreditPlanTable;
  credit_plan_target: CreditPlanTargetTable;
  credit_access_log: CreditAccessLogTable;
}
