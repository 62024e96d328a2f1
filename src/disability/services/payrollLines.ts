/**
 * Reading a closed payroll: its lines with the person (masked unless the
 * caller's work needs names), and the file a finance office pays from:
 * CSV of the lines, or XLSX with the lines and the totals per county.
 */
import ExcelJS from 'exceljs';

import { formatYuan } from '../../core/money.ts';
import { safeCell, writeTable, type OutputColumn, type TableFormat } from '../../io/table.ts';
import type { PlatformContext } from '../../platform/context.ts';
import { SUBSIDY_LABELS, type Subsidy } from '../rules/types.ts';
import { fail } from './fail.ts';
import { maskAccount, maskCard } from './views.ts';
import { maskName, maskResidentId } from '../../core/identity.ts';
import { counties } from './params.ts';
import { payrollSummary, requireMonth, type PayrollSummary } from './payroll.ts';

export interface LineQuery {
  county?: string | undefined;
  status?: string | undefined;
  subsidy?: string | undefined;
  change?: string | undefined;
  personId?: string | undefined;
  limit: number;
  offset: number;
}

export interface LineView {
  id: string;
  month: string;
  personId: string;
  name: string;
  residentId: string;
  cardNumber: string;
  bankAccount: string | null;
  county: string;
  countyName: string;
  subsidy: Subsidy;
  subsidyLabel: string;
  status: 'paid' | 'stopped';
  amount: number;
  amountYuan: string;
  change: string;
  previousAmountYuan: string | null;
  basis: string | null;
  reasons: Array<{ code: string; text: string; rule: string; article: string }>;
}

const CHANGE_LABELS: Record<string, string> = { new: '新增', continued: '续发', changed: '标准调整', stopped: '停发' };

function lineQuery(ctx: PlatformContext, month: string, query: Omit<LineQuery, 'limit' | 'offset'>) {
  let select = ctx.store.db.selectFrom('disability_payroll_line as l')
    .leftJoin('disability_person as p', 'p.id', 'l.person_id')
    .where('l.month', '=', month);
  if (query.county) select = select.where('l.county', '=', query.county);
  if (query.status) select = select.where('l.status', '=', query.status);
  if (query.subsidy) select = select.where('l.subsidy', '=', query.subsidy);
  if (query.change) select = select.where('l.change', '=', query.change);
  if (query.personId) select = select.where('l.person_id', '=', query.personId);
  return select;
}

export async function payrollLines(
  ctx: PlatformContext,
  monthText: string,
  query: LineQuery,
  options: { mask: boolean },
): Promise<{ total: number; items: LineView[] }> {
  const month = requireMonth(monthText);
  await payrollSummary(ctx, month);

  const select = lineQuery(ctx, month, query);
  const counted = await select.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  const rows = await select
    .selectAll('l')
    .select(['p.name', 'p.resident_id', 'p.card_number', 'p.bank_account'])
    .orderBy('l.county').orderBy('l.person_id').orderBy('l.subsidy')
    .limit(query.limit).offset(query.offset)
    .execute();
  const names = counties(ctx.params, `${month}-01`);
  const mask = options.mask;
  return {
    total: Number(counted?.n ?? 0),
    items: rows.map((r) => ({
      id: r.id,
      month: r.month,
      personId: r.person_id,
      name: r.name ? (mask ? maskName(r.name) : r.name) : '',
      residentId: r.resident_id ? (mask ? maskResidentId(r.resident_id) : r.resident_id) : '',
      cardNumber: r.card_number ? (mask ? maskCard(r.card_number) : r.card_number) : '',
      bankAccount: mask ? maskAccount(r.bank_account ?? null) : (r.bank_account ?? null),
      county: r.county,
      countyName: names[r.county] ?? r.county,
      subsidy: r.subsidy as Subsidy,
      subsidyLabel: SUBSIDY_LABELS[r.subsidy as Subsidy],
      status: r.status as 'paid' | 'stopped',
      amount: Number(r.amount),
      amountYuan: formatYuan(Number(r.amount)),
      change: r.change,
      previousAmountYuan: r.previous_amount === null ? null : formatYuan(Number(r.previous_amount)),
      basis: r.basis,
      reasons: r.reasons_json ? JSON.parse(r.reasons_json) : [],
    })),
  };
}

export const PAYROLL_FILE_COLUMNS: readonly OutputColumn[] = [
  { name: 'seq', label: '序号' },
  { name: 'month', label: '发放月份' },
  { name: 'county', label: '县区代码' },
  { name: 'countyName', label: '县(市)区' },
  { name: 'name', label: '姓名' },
  { name: 'residentId', label: '身份证号' },
  { name: 'cardNumber', label: '残疾人证号' },
  { name: 'bankAccount', label: '发放账户' },
  { name: 'subsidyLabel', label: '补贴项目' },
  { name: 'amountYuan', label: '金额（元）' },
  { name: 'statusLabel', label: '状态' },
  { name: 'changeLabel', label: '变动' },
  { name: 'reasonText', label: '停发原因' },
];

const TOTAL_COLUMNS: readonly OutputColumn[] = [
  { name: 'county', label: '县区代码' },
  { name: 'countyName', label: '县(市)区' },
  { name: 'livingPersons', label: '生活补贴人数' },
  { name: 'livingYuan', label: '生活补贴金额（元）' },
  { name: 'carePersons', label: '护理补贴人数' },
  { name: 'careYuan', label: '护理补贴金额（元）' },
  { name: 'persons', label: '发放人数' },
  { name: 'amountYuan', label: '合计金额（元）' },
  { name: 'stopped', label: '停发笔数' },
];

/** All lines of the month in file order; `paidOnly` leaves the stop list out. */
export async function payrollFileRows(
  ctx: PlatformContext,
  monthText: string,
  options: { mask: boolean; paidOnly: boolean; county?: string | undefined },
): Promise<{ summary: PayrollSummary; rows: Record<string, unknown>[] }> {
  const month = requireMonth(monthText);
  const summary = await payrollSummary(ctx, month);
  if (summary.status !== 'finished') fail('ERR_DISABILITY_PAYROLL_BUSY', { details: { month } });

  const { items } = await payrollLines(ctx, month, {
    limit: 10_000_000,
    offset: 0,
    ...(options.paidOnly ? { status: 'paid' } : {}),
    ...(options.county ? { county: options.county } : {}),
  }, { mask: options.mask });
  const rows = items.map((l, index) => ({
    ...l,
    seq: index + 1,
    statusLabel: l.status === 'paid' ? '发放' : '停发',
    changeLabel: CHANGE_LABELS[l.change] ?? l.change,
    reasonText: l.reasons.map((r) => r.text).join('；'),
  }));
  return { summary, rows };
}

function totalRows(summary: PayrollSummary): Record<string, unknown>[] {
  const rows: Record<string, unknown>[] = summary.totals.map((t) => ({
    county: t.county,
    countyName: t.countyName,
    livingPersons: t.living.persons,
    livingYuan: t.living.amountYuan,
    carePersons: t.care.persons,
    careYuan: t.care.amountYuan,
    persons: t.persons,
    amountYuan: t.amountYuan,
    stopped: t.living.stopped + t.care.stopped,
  }));
  const g = summary.grandTotal;
  rows.push({
    county: '',
    countyName: '合计',
    livingPersons: g.living.persons,
    livingYuan: g.living.amountYuan,
    carePersons: g.care.persons,
    careYuan: g.care.amountYuan,
    persons: g.persons,
    amountYuan: g.amountYuan,
    stopped: g.living.stopped + g.care.stopped,
  });
  return rows;
}

/** The payment file: CSV (lines only) or XLSX (明细 and 分县区合计). */
export async function payrollFile(
  ctx: PlatformContext,
  monthText: string,
  format: TableFormat,
  options: { mask: boolean; paidOnly: boolean; county?: string | undefined },
): Promise<Buffer> {
  const { summary, rows } = await payrollFileRows(ctx, monthText, options);
  if (format === 'csv') return writeTable(rows, PAYROLL_FILE_COLUMNS, 'csv', { headers: 'label' });

  const workbook = new ExcelJS.Workbook();
  workbook.title = `两项补贴发放名册 ${summary.month}`;
  const sheets: Array<[string, readonly OutputColumn[], Record<string, unknown>[]]> = [
    ['发放明细', PAYROLL_FILE_COLUMNS, rows],
    ['分县区合计', TOTAL_COLUMNS, totalRows(summary)],
  ];
  for (const [name, columns, data] of sheets) {
    const sheet = workbook.addWorksheet(name);
    sheet.addRow(columns.map((c) => c.label ?? c.name)).font = { bold: true };
    for (const row of data) sheet.addRow(columns.map((c) => safeCell(row[c.name])));
    sheet.columns.forEach((column) => { column.width = 16; });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
