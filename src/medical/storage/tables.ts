/**
 * Tables of the medical area (鸡政办规〔2022〕21号 D4, 22号 D5). Money is
 * integer fen in bigint columns, dates ISO text, booleans 0/1, JSON text.
 */

/** One insured person, keyed by resident ID (GB 11643). */
export interface MedicalPersonTable {
  person_id: string;
  /** Optional; never logged, masked in lists. */
  name: string | null;
  birth_date: string;
  sex: string;
  /** GB/T 2260 code of the certifying county, for the fund ledger (D4 §19). */
  county: string;
  /** '合成演示数据' for the demonstration set; null for real data. */
  source: string | null;
  created_at: string;
  updated_at: string;
}

/** Insurance scheme and employment over time (D5 §3, §4). */
export interface MedicalEnrolmentTable {
  id: string;
  person_id: string;
  scheme: string;
  employment: string | null;
  valid_from: string | null;
  valid_to: string | null;
}

/** Assistance categories with their validity (D4 §6). */
export interface MedicalCategoryTable {
  id: string;
  person_id: string;
  code: string;
  valid_from: string | null;
  valid_to: string | null;
}

/** Personal account (D5 §4–§5): one row per employee member with an account. */
export interface MedicalAccountTable {
  person_id: string;
  balance: number;
  /** Sequence number of the last movement, to keep them in order. */
  last_seq: number;
  opened_at: string;
  updated_at: string;
}

/** Every change to an account; id is the idempotency key of the change. */
export interface MedicalAccountMovementTable {
  id: string;
  person_id: string;
  /** 1, 2, 3 … per person, in the order the movements happened. */
  seq: number;
  date: string;
  /** opening | credit | top_up | payment | refund | reversal | transfer_out */
  kind: string;
  /** Signed fen: credits positive, payments negative. */
  amount: number;
  balance_after: number;
  claim_id: string | null;
  note: string | null;
  created_at: string;
}

export interface MedicalClaimTable {
  claim_id: string;
  person_id: string;
  date: string;
  year: number;
  /** The claim as settled (canonical JSON of the rules' Claim). */
  claim_json: string;
  /** sha256 of claim_json: same id with other content is a conflict. */
  content_hash: string;
  /** settled | reversed */
  status: string;
  batch_id: string | null;
  source: string | null;
  created_at: string;
}

/**
 * A settlement bill, its reversing bill (冲销), or the supplementary bill of
 * a retroactive assistance payment on an earlier claim (D4 §14), stored as
 * issued.
 */
export interface MedicalBillTable {
  bill_id: string;
  claim_id: string;
  person_id: string;
  /** settlement | reversal | retroactive */
  kind: string;
  date: string;
  year: number;
  county: string;
  total: number;
  policy_scope: number;
  pooling: number;
  assistance: number;
  assistance_tilt: number;
  account_paid: number;
  cash_paid: number;
  category: string | null;
  /** The bill exactly as returned; GET serves this text. */
  bill_json: string;
  reverses: string | null;
  reason: string | null;
  created_at: string;
}

/** One person's year-to-date totals (D5 §7(1), §10; D4 §9–§11, §13). */
export interface MedicalAccumulatorTable {
  person_id: string;
  year: number;
  pooling_deductible: number;
  pooling_paid: number;
  assistance_deductible: number;
  assistance_paid: number;
  tilt_burden: number;
  burden_after_insurance: number;
  /** Employee pooling-fund payments, against the fund's limit (D5 §10). */
  fund_paid: number;
  /** 大病保险 paid so far in the year (D4 §12 watch list). */
  critical_paid: number;
  claims: number;
  updated_at: string;
}

/** Assistance budget per budget year and county ('230300' = 市本级), D4 §19. */
export interface MedicalFundBudgetTable {
  id: string;
  year: number;
  county: string;
  budget: number;
  updated_at: string;
}

/** The city's accumulated surplus available for a budget year (D4 §19). */
export interface MedicalFundSurplusTable {
  year: number;
  accumulated_surplus: number;
  updated_at: string;
}

/**
 * One application for recognition as 因病致贫重病患者 (D4 §14), applied:
 * its id is the idempotency key, its result is returned as stored.
 */
export interface MedicalRetroApplicationTable {
  id: string;
  person_id: string;
  /** Application date: the category holds from it, the window ends on it. */
  date: string;
  year: number;
  category: string;
  /** The deciding document or reference (认定文书). */
  decided_by: string;
  valid_to: string | null;
  /** sha256 of the application's content: same id, other content is a conflict. */
  content_hash: string;
  /** The result exactly as returned on apply. */
  result_json: string;
  created_at: string;
}

export interface MedicalTables {
  medical_person: MedicalPersonTable;
  medical_enrolment: MedicalEnrolmentTable;
  medical_category: MedicalCategoryTable;
  medical_account: MedicalAccountTable;
  medical_account_movement: MedicalAccountMovementTable;
  medical_claim: MedicalClaimTable;
  medical_bill: MedicalBillTable;
  medical_accumulator: MedicalAccumulatorTable;
  medical_fund_budget: MedicalFundBudgetTable;
  medical_fund_surplus: MedicalFundSurplusTable;
  medical_retro_application: MedicalRetroApplicationTable;
}
