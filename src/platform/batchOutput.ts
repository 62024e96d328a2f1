/**
 * Batch outputs written row by row, so a million bills never sit in memory:
 * CSV (UTF-8 with BOM, as src/io/table.ts writes it) or XLSX through
 * ExcelJS's streaming writer. Cells go through the same formula guard.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';

import { stringify as stringifyCsv } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';

import { formatFromName, safeCell, type OutputColumn } from '../io/table.ts';

export interface TableSink {
  write(row: Record<string, unknown>): Promise<void>;
  close(): Promise<void>;
}

export function openTableSink(
  path: string,
  columns: readonly OutputColumn[],
  options: { headers?: 'name' | 'label'; sheetName?: string } = {},
): TableSink {
  const headers = columns.map((c) => (options.headers === 'label' && c.label ? c.label : c.name));
  const cells = (row: Record<string, unknown>) => columns.map((c) => safeCell(row[c.name]));

  if (formatFromName(path) === 'xlsx') {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true });
    const sheet = workbook.addWorksheet(options.sheetName ?? 'Sheet1');
    const header = sheet.addRow(headers);
    header.font = { bold: true };
    header.commit();
    return {
      async write(row) {
        sheet.addRow(cells(row)).commit();
      },
      async close() {
        sheet.commit();
        await workbook.commit();
      },
    };
  }

  const stream: WriteStream = createWriteStream(path);
  stream.write(`\uFEFF${stringifyCsv([headers])}`);
  return {
    async write(row) {
      if (!stream.write(stringifyCsv([cells(row)]))) await once(stream, 'drain');
    },
    async close() {
      stream.end();
      await once(stream, 'finish');
    },
  };
}
