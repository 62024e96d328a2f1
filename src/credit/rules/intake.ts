/**
 * Intake of entities, records, pledges and sector assessments (D2 二(一)):
 * each row is checked whole and turned into typed data, or into the list
 * of its problems (field, value, reason). Nothing is stored from here.
 */
import type { FieldProblem } from '../../core/errors.ts';
import { isIsoDate } from '../../core/dates.ts';
import type { RuleDeclaration } from '../../core/params/articles.ts';
import { checkUscc, type UsccCheck, type UsccOptions } from './uscc.ts';
import {
  RECORD_DOMAINS,
  RECORD_STATUSES,
  type CreditRecord,
  type MarketEntity,
  type RecordDomain,
  type RecordStatus,
} from './types.ts';

export const recordIntakeRule: RuleDeclaration = {
  id: 'd2.part2_1_1.record_intake',
  articles: ['D2 二(一)1'],
  title: '信用信息归集：以统一社会信用代码为标识，逐项校验来源、文号、日期、状态',
};

export const pledgeRule: RuleDeclaration = {
  id: 'd2.part2_1_2.pledge',
  articles: ['D2 二(一)2'],
  title: '审批信用承诺及履约情况纳入信用档案；未履约形成违反承诺记录',
};

export const sectorAssessmentRule: RuleDeclaration = {
  id: 'd2.part2_1_3.sector_assessment',
  articles: ['D2 二(一)3'],
  title: '行业监管类信息（检查、执法、投诉、履约）作为行业评价指标得分',
};

export const PLEDGE_TYPES: Record<string, string> = {
  tolerance_acceptance: '容缺式受理',
  notification_commitment: '告知承诺制',
  start_on_pledge: '承诺即开工',
  operate_on_licence: '办照即经营',
  renew_on_pledge: '承诺即换证',
  other: '其他信用承诺',
};

export type Checked<T> = { ok: true; value: T; warnings: string[] } | { ok: false; problems: FieldProblem[] };

type Row = Readonly<Record<string, string | undefined>>;

function text(row: Row, field: string): string {
  return (row[field] ?? '').trim();
}

// Files repeat the same dates; remember which strings are real dates.
const validDates = new Map<string, boolean>();

function realDate(value: string): boolean {
  let ok = validDates.get(value);
  if (ok === undefined) {
    ok = isIsoDate(value);
    if (validDates.size > 100_000) validDates.clear();
    validDates.set(value, ok);
  }
  return ok;
}

function dateField(row: Row, field: string, problems: FieldProblem[], required: boolean, at?: number): string | undefined {
  const value = text(row, field);
  if (!value) {
    if (required) problems.push({ ...(at !== undefined ? { row: at } : {}), field, value, reason: '必填' });
    return undefined;
  }
  if (!realDate(value)) {
    problems.push({ ...(at !== undefined ? { row: at } : {}), field, value, reason: '日期应为 YYYY-MM-DD 格式的真实日期' });
    return undefined;
  }
  return value;
}

function usccField(row: Row, options: UsccOptions, problems: FieldProblem[], warnings: string[], at?: number): UsccCheck & { ok: true } | undefined {
  const value = text(row, 'uscc');
  const checked = checkUscc(value, options);
  if (!checked.ok) {
    for (const reason of checked.reasons) problems.push({ ...(at !== undefined ? { row: at } : {}), field: 'uscc', value, reason });
    return undefined;
  }
  warnings.push(...checked.warnings);
  return checked;
}

export interface EntityRow extends MarketEntity {
  name: string;
  area: string;
  department: string;
  entityType: string;
}

export function checkEntityRow(row: Row, options: UsccOptions, at?: number): Checked<EntityRow> {
  const problems: FieldProblem[] = [];
  const warnings: string[] = [];
  const parsed = usccField(row, options, problems, warnings, at);
  const name = text(row, 'name');
  if (!name) problems.push({ ...(at !== undefined ? { row: at } : {}), field: 'name', value: name, reason: '必填' });
  const established = dateField(row, 'established', problems, true, at);
  if (problems.length || !parsed || !established) return { ok: false, problems };

  return {
    ok: true,
    value: { uscc: parsed.uscc, name, established, area: parsed.area, department: parsed.department, entityType: parsed.entityType },
    warnings,
  };
}

export function checkRecordRow(
  row: Row,
  options: UsccOptions,
  indicators: ReadonlySet<string>,
  at?: number,
): Checked<Omit<CreditRecord, 'id'> & { id?: string }> {
  const problems: FieldProblem[] = [];
  const warnings: string[] = [];
  const where = at !== undefined ? { row: at } : {};
  const uscc = usccField(row, options, problems, warnings, at)?.uscc;

  const indicator = text(row, 'indicator');
  if (!indicators.has(indicator)) {
    problems.push({ ...where, field: 'indicator', value: indicator, reason: '指标表中没有这个指标' });
  }
  const decided = dateField(row, 'decided', problems, true, at);
  const until = dateField(row, 'until', problems, false, at);
  if (decided && until && until < decided) {
    problems.push({ ...where, field: 'until', value: until, reason: '终止日期早于决定日期' });
  }

  const statusText = text(row, 'status') || 'active';
  if (!(RECORD_STATUSES as readonly string[]).includes(statusText)) {
    problems.push({ ...where, field: 'status', value: statusText, reason: `状态应为 ${RECORD_STATUSES.join('、')} 之一` });
  }
  const domainText = text(row, 'domain') || 'general';
  if (!(RECORD_DOMAINS as readonly string[]).includes(domainText)) {
    problems.push({ ...where, field: 'domain', value: domainText, reason: `领域应为 ${RECORD_DOMAINS.join('、')} 之一` });
  }
  const windowText = text(row, 'window_years');
  const windowYears = windowText ? Number(windowText) : undefined;
  if (windowYears !== undefined && (!Number.isInteger(windowYears) || windowYears <= 0 || windowYears > 50)) {
    problems.push({ ...where, field: 'window_years', value: windowText, reason: '计分有效期应为1–50之间的整数年' });
  }
  const id = text(row, 'record_id');
  if (id && !/^[\w\-.:/]{1,80}$/.test(id)) {
    problems.push({ ...where, field: 'record_id', value: id, reason: '记录编号只能含字母、数字和 - _ . : /，不超过80个字符' });
  }
  if (problems.length || !uscc || !decided) return { ok: false, problems };

  const kind = text(row, 'kind');
  const source = text(row, 'source_department');
  const number = text(row, 'document_number');
  return {
    ok: true,
    value: {
      ...(id ? { id } : {}),
      uscc,
      indicator,
      decided,
      until: until ?? null,
      windowYears: windowYears ?? null,
      status: statusText as RecordStatus,
      domain: domainText as RecordDomain,
      ...(kind ? { kind } : {}),
      ...(source ? { sourceDepartment: source } : {}),
      ...(number ? { documentNumber: number } : {}),
    },
    warnings,
  };
}

/** A pledge found not kept becomes a 违反承诺 record (appendix 违反承诺和恶意举报). */
export function brokenPledgeRecord(pledge: {
  id: string;
  uscc: string;
  department: string;
  approvalNumber: string;
  verifiedOn: string;
}): Omit<CreditRecord, 'status'> & { status: 'active' } {
  return {
    id: `pledge:${pledge.id}`,
    uscc: pledge.uscc,
    indicator: 'broken_pledge_or_false_complaint',
    kind: 'broken_pledge',
    decided: pledge.verifiedOn,
    until: null,
    windowYears: null,
    status: 'active',
    domain: 'general',
    sourceDepartment: pledge.department,
    documentNumber: pledge.approvalNumber,
  };
}
