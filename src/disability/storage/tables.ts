/**
 * Tables of the disability area (鸡政规〔2022〕8号 D1). Money is integer fen
 * in bigint columns, dates ISO text, booleans 0/1, JSON as text. Periods
 * (household status, benefits, enrolments) are rows with valid_from and an
 * open or closed valid_to, never overwritten: the register answers “as of D”.
 */

/** A card holder (D1 三(六)1). `id` is opaque so URLs carry no ID number. */
export interface DisabilityPersonTable {
  id: string;
  resident_id: string;
  /** Never logged; masked for roles without the need. */
  name: string;
  sex: string;
  birth_date: string;
  /** GB/T 2260 county code within 230300. */
  county: string;
  card_number: string;
  category: string;
  grade: number;
  /** 发放账户 (社保卡/惠民惠农一卡通) for the payroll export; optional. */
  bank_account: string | null;
  deceased_on: string | null;
  moved_away_on: string | null;
  /** '合成演示数据' for the demonstration register; null for real data. */
  source: string | null;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
}

/** Household status over time: 低保, 低保边缘, 特困 or none. */
export interface DisabilityHouseholdPeriodTable {
  id: string;
  person_id: string;
  status: string;
  valid_from: string;
  valid_to: string | null;
  recorded_at: string;
  recorded_by: string;
}

/** Orphans' allowance, unsupported children's allowance, LTC insurance, 其他困难. */
export interface DisabilityBenefitPeriodTable {
  id: string;
  person_id: string;
  kind: string;
  valid_from: string;
  valid_to: string | null;
  recorded_at: string;
  recorded_by: string;
}

/** Service records over time (rehabilitation, devices, schooling, insurance …). */
export interface DisabilityServiceRecordTable {
  id: string;
  person_id: string;
  kind: string;
  on_date: string;
  /** End of a span (enrolment, employment); null while it lasts or for events. */
  until_date: string | null;
  detail: string | null;
  recorded_at: string;
  recorded_by: string;
}

/** An application for one subsidy, and the grant it becomes once approved. */
export interface DisabilityApplicationTable {
  id: string;
  person_id: string;
  subsidy: string;
  /** local | cross_province (跨省通办) */
  channel: string;
  /** 受理地 of a 跨省通办 application. */
  accepted_at: string | null;
  status: string;
  received_on: string;
  reviewed_on: string | null;
  decided_on: string | null;
  ended_on: string | null;
  /** The rule's decision at review, with reasons and articles. */
  review_json: string | null;
  /** Refusal or ending reasons. */
  reasons_json: string | null;
  created_at: string;
  created_by: string;
  updated_at: string;
}

/** Every step of an application, who and when. */
export interface DisabilityApplicationEventTable {
  id: string;
  application_id: string;
  action: string;
  from_status: string | null;
  to_status: string;
  on_date: string;
  note: string | null;
  by_user: string;
  at: string;
}

/** One monthly payroll; finished months are never recomputed. */
export interface DisabilityPayrollMonthTable {
  month: string;
  status: string;
  reference_date: string;
  /** batch_run id of the run that wrote the lines. */
  run_id: string | null;
  persons: number;
  amount: number;
  totals_json: string | null;
  /** Parameters in force, per county, as used. */
  params_json: string | null;
  started_at: string;
  started_by: string;
  finished_at: string | null;
}

/** One line of a payroll: a subsidy paid, or stopped, for one person. */
export interface DisabilityPayrollLineTable {
  /** `${month}:${person_id}:${subsidy}`: the idempotency key. */
  id: string;
  month: string;
  person_id: string;
  subsidy: string;
  county: string;
  application_id: string | null;
  /** paid | stopped */
  status: string;
  amount: number;
  /** new | continued | changed | stopped */
  change: string;
  previous_amount: number | null;
  basis: string | null;
  reasons_json: string | null;
}

/** Indicator figures the register cannot compute, entered by an officer. */
export interface DisabilityIndicatorEntryTable {
  id: string;
  /** income_growth | gdp_growth | dibao_inclusion */
  series: string;
  year: number;
  /** County code, or the city's 230300. */
  county: string;
  /** Basis points of a percent. */
  value_bp: number;
  note: string | null;
  entered_by: string;
  entered_role: string | null;
  entered_at: string;
}

/** The employer register of the quota check (专栏4 1). */
export interface DisabilityEmployerTable {
  id: string;
  name: string;
  kind: string;
  institution_type: string | null;
  level: string;
  county: string | null;
  posts: number | null;
  staff: number;
  disabled_employees: number;
  severe_disabled_employees: number;
  /** Date the figures describe. */
  as_of: string;
  updated_at: string;
  updated_by: string;
}

/** Public-welfare posts and fund figures per year and county (D1 三(二)2). */
export interface DisabilityWelfarePostsTable {
  /** `${year}:${county}` */
  id: string;
  year: number;
  county: string;
  total_posts: number;
  disabled_posts: number;
  fund_total: number;
  fund_for_disabled_posts: number;
  entered_by: string;
  entered_at: string;
}

export interface DisabilityTables {
  disability_person: DisabilityPersonTable;
  disability_household_period: DisabilityHouseholdPeriodTable;
  disability_benefit_period: DisabilityBenefitPeriodTable;
  disability_service_record: DisabilityServiceRecordTable;
  disability_application: DisabilityApplicationTable;
  disability_application_event: DisabilityApplicationEventTable;
  disability_payroll_month: DisabilityPayrollMonthTable;
  disability_payroll_line: DisabilityPayrollLineTable;
  disability_indicator_entry: DisabilityIndicatorEntryTable;
  disability_employer: DisabilityEmployerTable;
  disability_welfare_posts: DisabilityWelfarePostsTable;
}
