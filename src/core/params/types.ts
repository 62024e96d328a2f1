import type { IsoDate } from '../dates.ts';

/** The policy documents of the bulletin, by the short ids the specs use. */
export type DocumentId = 'D1' | 'D2' | 'D3' | 'D4' | 'D5' | string;

export interface PolicyDocument {
  id: DocumentId;
  /** 文号, e.g. 鸡政办规〔2022〕22号 */
  number: string;
  title: string;
  issued?: IsoDate;
  inForce?: IsoDate;
  repeals?: string;
  url?: string;
  bulletin: string;
}

/**
 * yuan -> integer fen; percent and percentage_points -> basis points;
 * the rest keep their YAML value.
 */
export type ParamUnit =
  | 'yuan'
  | 'percent'
  | 'percentage_points'
  | 'count'
  | 'integer'
  | 'days'
  | 'working_days'
  | 'months'
  | 'years'
  | 'hours'
  | 'date'
  | 'time'
  | 'boolean'
  | 'enum'
  | 'text'
  | 'list'
  | 'table';

export interface Citation {
  document: DocumentId;
  /** 文号 of the document, filled in from the documents register. */
  number: string;
  /** Article address as the specs write it: "D5 §7(1)", "D2 二(二)2". */
  article: string;
  url?: string;
}

export interface ParamVersion<T = unknown> {
  from: IsoDate;
  /** Last day in force; absent while still in force. */
  to?: IsoDate;
  value: T;
  /** The value as written in the file, for display. */
  raw: unknown;
  citation: Citation;
  note?: string;
  /** Set when the version comes from a scenario or an officer's override. */
  override?: string;
}

export interface ParamDefinition {
  id: string;
  label: string;
  labelEn?: string;
  unit: ParamUnit;
  citation: Citation;
  /** An interpretation of the text (spec's **Reading**), switchable. */
  reading?: boolean;
  /** Allowed values of an enum. */
  options?: string[];
  /** Where a value not stated by the bulletin came from. */
  source?: string;
  /** Why the bureau should confirm the value. */
  confirm?: string;
  description?: string;
  versions: ParamVersion[];
  file: string;
}

export interface ParamValue<T = unknown> {
  id: string;
  value: T;
  version: ParamVersion<T>;
  definition: ParamDefinition;
}

export interface ParamOverride {
  id: string;
  value: unknown;
  from?: IsoDate;
  to?: IsoDate;
  label?: string;
}
