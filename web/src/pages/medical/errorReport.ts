/**
 * The error report of a refused batch, for the clerk to fix and upload
 * again. For a CSV upload: the same file with a 错误说明 column naming, on
 * each refused row, the column, value and reason (the importer ignores the
 * extra column, so the fixed file uploads as it is). For XLSX: the list of
 * problems by row and column. Pure; the browser cannot run src/io/table.ts
 * (Node-only), so the CSV reading and the formula guard mirror it here.
 */
import type { Problem } from '../../api/errors.ts';

export type BatchProblem = Problem & { file?: string };

const FORMULA = /^[=+\-@\t\r]/;
const NUMBER = /^-?\d+(\.\d+)?$/;

/** Same rule as src/io/table.ts safeCell: no cell starts a formula. */
export function safeText(text: string): string {
  return FORMULA.test(text) && !NUMBER.test(text) ? `'${text}` : text;
}

function quote(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: readonly (readonly string[])[]): string {
  // BOM: Excel then opens the UTF-8 file with its Chinese intact.
  return `\uFEFF${rows.map((r) => r.map((c) => quote(safeText(c))).join(',')).join('\r\n')}\r\n`;
}

/** RFC 4180 CSV into rows of cells. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;

  for (let i = 0; i < body.length; i += 1) {
    const ch = body[i]!;
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else cell += ch;
      continue;
    }
    if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && body[i + 1] === '\n') i += 1;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** UTF-8 when it decodes cleanly, GBK otherwise (as src/io/table.ts reads it). */
export function decodeCsv(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gbk').decode(bytes);
  }
}

function describe(p: BatchProblem, labels: Record<string, string>): string {
  const value = p.value === undefined || p.value === null || p.value === '' ? '' : `“${String(p.value)}”`;
  return `${labels[p.field] ?? p.field}${value}：${p.reason}`;
}

/** The uploaded CSV with a 错误说明 column; row numbers as the importer counts them (header = 1). */
export function annotatedCsv(text: string, problems: readonly BatchProblem[], labels: Record<string, string>): string {
  const rows = parseCsv(text);
  const byRow = new Map<number, string[]>();
  for (const p of problems) {
    const row = p.row ?? 1;
    byRow.set(row, [...(byRow.get(row) ?? []), describe(p, labels)]);
  }
  const out = rows.map((cells, index) => {
    const rowNumber = index + 1;
    // Problems of row 1 concern the whole file (a missing column).
    if (rowNumber === 1) return [...cells, byRow.has(1) ? `错误说明（整份文件：${byRow.get(1)!.join('；')}）` : '错误说明'];
    return [...cells, (byRow.get(rowNumber) ?? []).join('；')];
  });
  return toCsv(out);
}

const FILE_NAMES: Record<string, string> = { claims: '费用单据文件', persons: '参保人文件' };

/** Every problem as one line: file, row, column, value, reason. */
export function problemsCsv(problems: readonly BatchProblem[], labels: Record<string, string>): string {
  return toCsv([
    ['文件', '行号', '列', '错误值', '原因'],
    ...problems.map((p) => [
      FILE_NAMES[p.file ?? ''] ?? p.file ?? '',
      p.row === undefined ? '' : String(p.row),
      labels[p.field] ?? p.field,
      p.value === undefined || p.value === null ? '' : String(p.value),
      p.reason,
    ]),
  ]);
}
