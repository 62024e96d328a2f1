/**
 * Batch inputs read row by row, so a file of a million claims is never held
 * whole: CSV is parsed as a stream (UTF-8, or GBK when the start of the file
 * is not UTF-8, as src/io/table.ts decides for whole files), with the same
 * header mapping and row numbers as `readTable`. XLSX files (at most about
 * a million rows by format) are read whole through `readTable`.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Readable } from 'node:stream';

import { parse } from 'csv-parse';
import iconv from 'iconv-lite';

import type { FieldProblem } from '../core/errors.ts';
import { formatFromName, readTable, type ColumnSpec, type TableRow } from '../io/table.ts';
import { platformError } from '../errorCatalog.ts';

export interface TableStream {
  /** Header problems (missing columns), known before any row. */
  problems: FieldProblem[];
  unknownHeaders: string[];
  rows: AsyncIterable<TableRow>;
}

async function looksLikeGbk(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const head = buffer.subarray(0, bytesRead);
    // A multi-byte character may be cut at the end of the sample.
    const text = new TextDecoder('utf-8', { fatal: false }).decode(head.subarray(0, Math.max(0, bytesRead - 4)));
    return text.includes('\uFFFD');
  } finally {
    await handle.close();
  }
}

function headerLookup(columns: readonly ColumnSpec[]): Map<string, string> {
  const lookup = new Map<string, string>();
  for (const column of columns) {
    lookup.set(column.name.toLowerCase(), column.name);
    for (const alias of column.aliases ?? []) lookup.set(alias.toLowerCase(), column.name);
    if (column.label) lookup.set(column.label.toLowerCase(), column.name);
  }
  return lookup;
}

export async function openTableStream(path: string, columns: readonly ColumnSpec[]): Promise<TableStream> {
  const format = formatFromName(path);
  if (!format) throw platformError('ERR_CORE_FILE_UNREADABLE', { details: { file: path, reason: '只支持 .csv 与 .xlsx 文件' } });
  if (format === 'xlsx') {
    const { readFile } = await import('node:fs/promises');
    const read = await readTable(await readFile(path), 'xlsx', columns);
    return { problems: read.problems, unknownHeaders: read.unknownHeaders, rows: Readable.from(read.rows) };
  }

  const source = createReadStream(path);
  const decoded = (await looksLikeGbk(path)) ? source.pipe(iconv.decodeStream('gbk')) : source;
  const parser = decoded.pipe(parse({ relax_column_count: true, skip_empty_lines: false, bom: true }));
  const iterator = parser[Symbol.asyncIterator]() as AsyncIterator<string[]>;

  let first: IteratorResult<string[]>;
  try {
    first = await iterator.next();
  } catch (cause) {
    throw platformError('ERR_CORE_FILE_UNREADABLE', { details: { reason: `CSV 格式错误：${(cause as Error).message}` }, cause });
  }
  const header = (first.done ? [] : first.value).map((h) => h.trim());
  const lookup = headerLookup(columns);
  const mapped = header.map((h) => lookup.get(h.toLowerCase()));
  const problems: FieldProblem[] = [];
  for (const column of columns) {
    if (column.required !== false && !mapped.includes(column.name)) {
      problems.push({ row: 1, field: column.name, reason: `缺少列“${column.label ?? column.name}”` });
    }
  }

  async function* rows(): AsyncGenerator<TableRow> {
    let line = 1;
    for (;;) {
      let next: IteratorResult<string[]>;
      try {
        next = await iterator.next();
      } catch (cause) {
        throw platformError('ERR_CORE_FILE_UNREADABLE', { details: { reason: `CSV 格式错误：${(cause as Error).message}` }, cause });
      }
      if (next.done) return;
      line += 1;
      const cells = next.value;
      if (cells.every((c) => String(c ?? '').trim() === '')) continue;
      const values: Record<string, string> = {};
      for (let c = 0; c < mapped.length; c += 1) {
        const name = mapped[c];
        if (name) values[name] = String(cells[c] ?? '').trim();
      }
      yield { row: line, values };
    }
  }

  return { problems, unknownHeaders: header.filter((h, i) => h && !mapped[i]), rows: rows() };
}
