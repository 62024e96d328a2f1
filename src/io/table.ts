/**
 * Tables in and out: CSV (UTF-8, with or without BOM, or GBK as offices'
 * Excel saves it) and XLSX. Rows come back as records keyed by canonical
 * column names, Chinese headers accepted through aliases; row numbers are
 * those a clerk sees in the file (the header is row 1).
 */
import { extname } from 'node:path';
import { readFile, writeFile } from 'node:fs/promises';

import { parse as parseCsv } from 'csv-parse/sync';
import { stringify as stringifyCsv } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

import type { FieldProblem } from '../core/errors.ts';
import { platformError } from '../errorCatalog.ts';

export type TableFormat = 'csv' | 'xlsx';

export interface ColumnSpec {
  /** Canonical name, as in ../shared/examples/README.md. */
  name: string;
  /** Other headers accepted for it, Chinese first. */
  aliases?: string[];
  /** Chinese header written in templates and exports. */
  label?: string;
  required?: boolean;
}

export interface TableRow {
  /** Row number in the file, header = 1. */
  row: number;
  values: Record<string, string>;
}

export interface ReadResult {
  rows: TableRow[];
  problems: FieldProblem[];
  /** Headers that matched no column. */
  unknownHeaders: string[];
}

export function formatFromName(name: string): TableFormat | undefined {
  const ext = extname(name).toLowerCase();
  if (ext === '.csv' || ext === '.txt') return 'csv';
  if (ext === '.xlsx') return 'xlsx';
  return undefined;
}

/** UTF-8 when it decodes cleanly, GBK otherwise (Excel's Chinese CSV). */
export function decodeText(buffer: Buffer): string {
  if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) {
    return buffer.subarray(3).toString('utf8');
  }
  // Strict decoding: a U+FFFD written in the file is valid UTF-8 and stays.
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    return iconv.decode(buffer, 'gbk');
  }
}

function looksLikeZip(buffer: Buffer): boolean {
  return buffer[0] === 0x50 && buffer[1] === 0x4b;
}

async function readMatrix(buffer: Buffer, format: TableFormat): Promise<string[][]> {
  if (format === 'xlsx') {
    if (!looksLikeZip(buffer)) throw platformError('ERR_CORE_FILE_UNREADABLE', { details: { reason: '不是有效的 XLSX 文件' } });
    const workbook = new ExcelJS.Workbook();
    try {
      await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
    } catch (cause) {
      throw platformError('ERR_CORE_FILE_UNREADABLE', { details: { reason: 'XLSX 文件已损坏' }, cause });
    }
    const sheet = workbook.worksheets[0];
    if (!sheet) return [];
    const matrix: string[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
      const cells: string[] = [];
      for (let c = 1; c <= sheet.columnCount; c += 1) cells.push(cellText(row.getCell(c).value));
      matrix[rowNumber - 1] = cells;
    });
    for (let i = 0; i < matrix.length; i += 1) matrix[i] ??= [];
    return matrix;
  }

  try {
    return parseCsv(decodeText(buffer), { relax_column_count: true, skip_empty_lines: false, bom: true }) as string[][];
  } catch (cause) {
    throw platformError('ERR_CORE_FILE_UNREADABLE', { details: { reason: `CSV 格式错误：${(cause as Error).message}` }, cause });
  }
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    return '';
  }
  return String(value);
}

/** Read a whole table and map its headers to the columns; nothing is thrown for bad rows. */
export async function readTable(
  buffer: Buffer,
  format: TableFormat,
  columns: readonly ColumnSpec[],
): Promise<ReadResult> {
  const matrix = await readMatrix(buffer, format);
  const header = (matrix[0] ?? []).map((h) => h.trim());
  const lookup = new Map<string, string>();
  for (const column of columns) {
    lookup.set(column.name.toLowerCase(), column.name);
    for (const alias of column.aliases ?? []) lookup.set(alias.toLowerCase(), column.name);
    if (column.label) lookup.set(column.label.toLowerCase(), column.name);
  }

  const mapped = header.map((h) => lookup.get(h.toLowerCase()));
  const unknownHeaders = header.filter((h, i) => h && !mapped[i]);
  const problems: FieldProblem[] = [];
  for (const column of columns) {
    if (column.required !== false && !mapped.includes(column.name)) {
      problems.push({ row: 1, field: column.name, reason: `缺少列“${column.label ?? column.name}”` });
    }
  }

  const rows: TableRow[] = [];
  for (let i = 1; i < matrix.length; i += 1) {
    const cells = matrix[i]!;
    if (cells.every((c) => String(c ?? '').trim() === '')) continue;
    const values: Record<string, string> = {};
    mapped.forEach((name, c) => {
      if (name) values[name] = String(cells[c] ?? '').trim();
    });
    rows.push({ row: i + 1, values });
  }
  return { rows, problems, unknownHeaders };
}

export async function readTableFile(path: string, columns: readonly ColumnSpec[]): Promise<ReadResult> {
  const format = formatFromName(path);
  if (!format) throw platformError('ERR_CORE_FILE_UNREADABLE', { details: { file: path, reason: '只支持 .csv 与 .xlsx 文件' } });
  return readTable(await readFile(path), format, columns);
}

/** Neutralise spreadsheet formulas in exported text (CSV/formula injection). */
export function safeCell(value: unknown): string | number {
  if (typeof value === 'number') return value;
  const text = value === null || value === undefined ? '' : String(value);
  return /^[=+\-@\t\r]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text) ? `'${text}` : text;
}

export interface OutputColumn {
  name: string;
  label?: string;
}

/** Write rows as CSV (UTF-8 with BOM so Excel shows Chinese) or XLSX. */
export async function writeTable(
  rows: readonly Record<string, unknown>[],
  columns: readonly OutputColumn[],
  format: TableFormat,
  options: { headers?: 'name' | 'label'; sheetName?: string } = {},
): Promise<Buffer> {
  const headers = columns.map((c) => (options.headers === 'label' && c.label ? c.label : c.name));
  const body = rows.map((r) => columns.map((c) => safeCell(r[c.name])));

  if (format === 'csv') {
    return Buffer.from(`\uFEFF${stringifyCsv([headers, ...body])}`, 'utf8');
  }
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(options.sheetName ?? 'Sheet1');
  sheet.addRow(headers);
  for (const row of body) sheet.addRow(row);
  sheet.getRow(1).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function writeTableFile(
  path: string,
  rows: readonly Record<string, unknown>[],
  columns: readonly OutputColumn[],
  options: { headers?: 'name' | 'label'; sheetName?: string } = {},
): Promise<void> {
  const format = formatFromName(path) ?? 'csv';
  await writeFile(path, await writeTable(rows, columns, format, options));
}
