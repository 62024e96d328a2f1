/**
 * The worked cases of ../shared/examples/medical/cases.json, read as they
 * are, and written out in the import format for the batch command and the
 * upload route.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { ROOT } from '../../../src/platform/context.ts';
import { writeTable } from '../../../src/io/table.ts';
import { SHARED_EXAMPLES } from '../../helpers/shared.ts';

export interface ExampleCase {
  id: string;
  title: string;
  note?: string;
  parameters: Record<string, string>;
  persons: Array<Record<string, string>>;
  claims: Array<Record<string, string>>;
  expected: {
    bills: Array<Record<string, string>>;
    push_list: Array<{ person_id: string; year: number }>;
    account_balance_after: Record<string, string>;
  };
}

export const CASES_FILE = join(SHARED_EXAMPLES, 'medical', 'cases.json');

export function loadCases(): ExampleCase[] {
  return (JSON.parse(readFileSync(CASES_FILE, 'utf8')) as { cases: ExampleCase[] }).cases;
}

/** The seven bill columns the examples give. */
export const EXPECTED_BILL_COLUMNS = ['claim_id', 'person_id', 'pooling', 'assistance', 'assistance_tilt', 'account_paid', 'cash_paid'] as const;

function columnsOf(rows: Array<Record<string, string>>) {
  return Object.keys(rows[0] ?? {}).map((name) => ({ name }));
}

export async function caseCsv(c: ExampleCase): Promise<{ persons: Buffer; claims: Buffer }> {
  return {
    persons: await writeTable(c.persons, columnsOf(c.persons), 'csv'),
    claims: await writeTable(c.claims, columnsOf(c.claims), 'csv'),
  };
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `jixi-${prefix}-`));
}

export function paramArgs(c: ExampleCase): string[] {
  return Object.entries(c.parameters).map(([k, v]) => `${k}=${v}`);
}

/** Only the columns the example states, for comparison. */
export function expectedColumns(bill: Record<string, string>): Record<string, string> {
  return Object.fromEntries(EXPECTED_BILL_COLUMNS.map((k) => [k, bill[k] ?? '']));
}
