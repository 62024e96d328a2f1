/**
 * The CSV files an officer hands the price pages, read in the browser:
 * a monthly price series (`month,price`, as `npx jixi price ifpa` reads)
 * and the monthly CPI figures (the NBS extract of examples/price, or the
 * same with Chinese headers). Pure; a malformed file is an ApiError shown
 * the one way errors are shown.
 */
import { ApiError } from '../../api/errors.ts';
import { parseCsv } from '../medical/errorReport.ts';

export interface MonthFigures {
  month: string;
  cpi: string | null;
  food: string | null;
}

function rowsOf(text: string): string[][] {
  return parseCsv(text.replace(/^\uFEFF/, '')).filter((r) => r.some((c) => c.trim()));
}

/** `month,price` rows; prices as numbers for POST /api/price/indicators/ifpa. */
export function seriesFromCsv(text: string): Array<{ month: string; price: number }> {
  const rows = rowsOf(text);
  const header = (rows[0] ?? []).map((h) => h.trim().toLowerCase());
  const m = header.indexOf('month');
  const p = header.indexOf('price');
  if (m < 0 || p < 0) throw new ApiError('ERR_CORE_FILE_UNREADABLE', '文件应有 month、price 两列');
  return rows.slice(1).map((r) => ({ month: (r[m] ?? '').trim(), price: Number((r[p] ?? '').trim()) }));
}

/** Month, CPI and food CPI year on year (%); an empty cell is a figure not published (null). */
export function indicesFromCsv(text: string): MonthFigures[] {
  const rows = rowsOf(text);
  const header = (rows[0] ?? []).map((h) => h.trim().toLowerCase());
  const find = (...names: string[]) => header.findIndex((h) => names.includes(h));
  const m = find('month', '指数月', '月份');
  const c = find('cpi', 'cpi_yoy_percent', 'cpi同比', 'cpi同比(%)', 'cpi同比（%）');
  const f = find('food', 'food_cpi_yoy_percent', '食品同比', '食品价格同比', '食品价格同比(%)', '食品价格同比（%）');
  if (m < 0 || c < 0 || f < 0) {
    throw new ApiError('ERR_CORE_FILE_UNREADABLE', '文件应有 month、cpi_yoy_percent、food_cpi_yoy_percent（或 指数月、CPI同比、食品价格同比）三列');
  }
  const cell = (r: string[], i: number) => (r[i] ?? '').trim() || null;
  return rows.slice(1).map((r) => ({ month: cell(r, m) ?? '', cpi: cell(r, c), food: cell(r, f) }));
}
