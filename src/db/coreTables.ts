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

export interface CoreTables {
  param_version: ParamVersionTable;
  batch_run: BatchRunTable;
}
