/**
 * Tables of the price area (鸡政办规〔2022〕20号). Text keys built from what
 * identifies a record (point, item, date …) so re-runs never duplicate;
 * money and prices in integer fen ('bigint'); booleans 0/1; times are ISO
 * strings in Beijing time (+08:00); JSON as text.
 */

/** 监测品种目录 (D3 3.1.1). */
export interface PriceItemTable {
  id: string;
  name: string;
  category: string;
  unit: string;
  specification: string;
  government_set: number;
  in_basket: number;
  plausible_min_fen: number | null;
  plausible_max_fen: number | null;
  active: number;
  updated_at: string;
}

/** 价格监测点 per county, temporary ones designated in a warning (D3 3.2.1). */
export interface PricePointTable {
  id: string;
  name: string;
  county: string;
  kind: string;
  warning_id: string | null;
  active: number;
  updated_at: string;
}

export interface PriceObservationTable {
  /** point|item|date */
  id: string;
  point_id: string;
  item_id: string;
  county: string;
  date: string;
  price_fen: number;
  previous_fen: number | null;
  reported_change_bp: number | null;
  note: string;
  /** accepted | held | rejected */
  status: string;
  hold_reason: string | null;
  /** import | manual */
  source: string;
  batch_id: string | null;
  entered_by: string;
  entered_at: string;
  decided_by: string | null;
  decided_at: string | null;
}

/** 12315 complaints per item, county and day (D3 3.3). */
export interface PriceComplaintTable {
  /** item|county|date */
  id: string;
  item_id: string;
  county: string;
  date: string;
  count: number;
  entered_by: string;
  entered_at: string;
}

/** Market patrols' reports of panic buying (D3 3.2.3). */
export interface PricePanicReportTable {
  id: string;
  item_id: string;
  county: string;
  point_id: string | null;
  date: string;
  kind: string;
  description: string;
  reported_by: string;
  reported_at: string;
}

/** A detection run as of a date and what it found (D3 3.4(2)). */
export interface PriceDetectionTable {
  /** detection-<asOf> */
  id: string;
  as_of: string;
  run_at: string;
  run_by: string;
  proposes: number;
  findings_json: string;
  notes_json: string;
}

export interface PriceWarningTable {
  id: string;
  level: number;
  /** proposed | approved | published | terminated | rejected */
  state: string;
  title: string;
  description: string;
  items_json: string;
  /** Affected counties (警情所在地). */
  areas_json: string;
  /** Other counties that report (相关县(市)区). */
  related_json: string;
  detection_id: string | null;
  /** The province's (State Council's) declaration for levels 2 and 1. */
  document_json: string | null;
  /** Member units taking part, who owe summaries (D3 5.3). */
  units_json: string;
  created_by: string;
  created_at: string;
  published_at: string | null;
  terminated_at: string | null;
  version: number;
}

/** Every step of a warning's life, in order; CAP messages come from these. */
export interface PriceWarningEventTable {
  /** warning|seq */
  id: string;
  warning_id: string;
  seq: number;
  action: string;
  from_state: string | null;
  to_state: string;
  from_level: number | null;
  to_level: number;
  at: string;
  by_user: string;
  by_role: string;
  document_json: string | null;
  note: string;
  cap_identifier: string | null;
}

/** A task of a warning done (the tasks themselves are derived). */
export interface PriceTaskDoneTable {
  key: string;
  warning_id: string;
  done_at: string;
  done_by: string;
  note: string;
}

/** Warning duty roster (D3 3.2.2, 3.5 值班制度). */
export interface PriceDutyTable {
  /** date|kind|person */
  id: string;
  date: string;
  /** monitor | technical */
  kind: string;
  person: string;
  phone: string;
  full_day: number;
  unit: string;
  entered_by: string;
  entered_at: string;
}

/** 市场价格异常波动突发事件 and its report (D3 4.1). */
export interface PriceIncidentTable {
  id: string;
  level: number;
  discovered_at: string;
  county: string;
  place: string;
  source: string;
  nature: string;
  scope: string;
  trend: string;
  measures: string;
  warning_id: string | null;
  created_by: string;
  created_at: string;
}

/** A report of the D3 4.1 chain made by one owner. */
export interface PriceIncidentReportTable {
  /** incident|step|owner */
  id: string;
  incident_id: string;
  step: string;
  owner: string;
  done_at: string;
  by_user: string;
  note: string;
}

/** Drills held (D3 7.1). */
export interface PriceDrillTable {
  id: string;
  date: string;
  /** comprehensive | tabletop | field */
  kind: string;
  note: string;
  entered_by: string;
  entered_at: string;
}

/** The organisation directory (D3 2, 6.1). */
export interface PriceOrgEntryTable {
  id: string;
  /** position | office | member_unit | working_group | expert | local | contact */
  kind: string;
  name: string;
  sort: number;
  data_json: string;
  updated_at: string;
  updated_by: string;
}

/** Every change of the directory (D3 6.1 联络联系方式变更报备制度). */
export interface PriceOrgChangeTable {
  id: string;
  entry_id: string;
  changed_at: string;
  changed_by: string;
  before_json: string | null;
  after_json: string | null;
  reason: string;
}

/** CPI and food CPI year on year of an index month (D3 2.4.1(4)). */
export interface PriceIndexMonthTable {
  month: string;
  cpi_bp: number | null;
  food_bp: number | null;
  source: string;
  entered_by: string;
  entered_at: string;
}

/** Recipients of temporary price subsidies, by group (no names kept). */
export interface PriceRecipientTable {
  id: string;
  group_code: string;
  residence: string;
  county: string;
  from_month: string;
  to_month: string | null;
  updated_at: string;
}

/** A payment list line: one recipient, one index month. */
export interface PricePaymentTable {
  /** month|recipient */
  id: string;
  index_month: string;
  payment_month: string;
  recipient_id: string;
  group_code: string;
  payer: string;
  residence: string;
  county: string;
  standard_fen: number;
  rate_bp: number;
  amount_fen: number;
  created_at: string;
  created_by: string;
}

export interface PriceTables {
  price_item: PriceItemTable;
  price_point: PricePointTable;
  price_observation: PriceObservationTable;
  price_complaint: PriceComplaintTable;
  price_panic_report: PricePanicReportTable;
  price_detection: PriceDetectionTable;
  price_warning: PriceWarningTable;
  price_warning_event: PriceWarningEventTable;
  price_task_done: PriceTaskDoneTable;
  price_duty: PriceDutyTable;
  price_incident: PriceIncidentTable;
  price_incident_report: PriceIncidentReportTable;
  price_drill: PriceDrillTable;
  price_org_entry: PriceOrgEntryTable;
  price_org_change: PriceOrgChangeTable;
  price_index_month: PriceIndexMonthTable;
  price_recipient: PriceRecipientTable;
  price_payment: PricePaymentTable;
}
