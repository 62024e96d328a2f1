/**
 * Monthly series in and out for IFPA and ALPS (CLI and API): columns
 * month,price in; month,cqgr,cagr,ifpa,class out. The whole file is
 * checked before anything is computed.
 */
import { isIsoMonth } from '../../core/dates.ts';
import type { FieldProblem } from '../../core/errors.ts';
import { fail } from '../../errorCatalog.ts';
import type { ColumnSpec, TableRow } from '../../io/table.ts';
import { alpsSeries, type AlpsRow, type AlpsSettings } from '../rules/alps.ts';
import { ifpaSeries, type IfpaRow, type IfpaSettings, type MonthlyPrice } from '../rules/ifpa.ts';

export const SERIES_COLUMNS: readonly ColumnSpec[] = [
  { name: 'month', label: '月份', aliases: ['年月'] },
  { name: 'price', label: '价格', aliases: ['均价', '月均价'] },
];

export const IFPA_COLUMNS = [
  { name: 'month', label: '月份' },
  { name: 'cqgr', label: '季度复合增长率' },
  { name: 'cagr', label: '年度复合增长率' },
  { name: 'ifpa', label: 'IFPA' },
  { name: 'class', label: '分级' },
];

export const ALPS_COLUMNS = [
  { name: 'month', label: '月份' },
  { name: 'price', label: '价格' },
  { name: 'fitted', label: '趋势拟合值' },
  { name: 'alps', label: 'ALPS' },
  { name: 'class', label: '分级' },
];

/** Validate rows of month,price; problems name row, column, value and reason. */
export function seriesFromRows(rows: readonly TableRow[], headerProblems: readonly FieldProblem[] = []): MonthlyPrice[] {
  const problems: FieldProblem[] = [...headerProblems];
  const seen = new Map<string, number>();
  const series: MonthlyPrice[] = [];
  for (const { row, values } of rows) {
    const month = values.month ?? '';
    const text = values.price ?? '';
    const price = Number(text);
    if (!isIsoMonth(month)) problems.push({ row, field: 'month', value: month, reason: '月份应为 YYYY-MM' });
    else if (seen.has(month)) problems.push({ row, field: 'month', value: month, reason: `与第 ${seen.get(month)} 行重复` });
    if (!/^\d+(\.\d+)?$/.test(text) || !(price > 0)) problems.push({ row, field: 'price', value: text, reason: '价格应为大于0的数' });
    if (isIsoMonth(month) && !seen.has(month)) seen.set(month, row);
    series.push({ month, price });
  }
  if (problems.length > 0) fail('ERR_PRICE_SERIES_INVALID', { problems });
  return series.sort((a, b) => a.month.localeCompare(b.month));
}

const fixed = (value: number | null, digits: number) => (value === null ? '' : value.toFixed(digits));

export function ifpaTable(series: readonly MonthlyPrice[], settings: IfpaSettings) {
  return ifpaSeries(series, settings).map((r: IfpaRow) => ({
    month: r.month,
    cqgr: fixed(r.cqgr, 6),
    cagr: fixed(r.cagr, 6),
    ifpa: fixed(r.ifpa, 4),
    class: r.class ?? '',
  }));
}

export function alpsTable(series: readonly MonthlyPrice[], settings: AlpsSettings) {
  return alpsSeries(series, settings).map((r: AlpsRow) => ({
    month: r.month,
    price: String(r.price),
    fitted: fixed(r.fitted, 4),
    alps: fixed(r.alps, 4),
    class: r.class ?? '',
  }));
}
