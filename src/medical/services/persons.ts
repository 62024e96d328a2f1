/** Registering insured persons, one or a whole file, idempotently. */
import type { Kysely } from 'kysely';

import { todayInBeijing } from '../../core/dates.ts';
import type { FieldProblem } from '../../core/errors.ts';
import { maskName, maskResidentId } from '../../core/identity.ts';
import { formatYuan } from '../../core/money.ts';
import type { Database } from '../../db/schema.ts';
import { fail } from '../../errorCatalog.ts';
import type { ReadResult } from '../../io/table.ts';
import type { PlatformContext } from '../../platform/context.ts';
import { loadPeople, upsertPerson, type StoredPerson } from '../storage/persons.ts';
import { openAccount } from '../storage/settlements.ts';
import { parsePersonRow, type PersonRecord } from './records.ts';

export interface PersonCounts {
  created: number;
  updated: number;
  unchanged: number;
  accountsOpened: number;
}

/**
 * Store persons; an account is opened with its balance the first time only,
 * so importing the same file again changes nothing.
 */
export async function applyPersons(
  trx: Kysely<Database>,
  records: readonly PersonRecord[],
  options: { source?: string | null; openingDate?: string } = {},
): Promise<PersonCounts> {
  const now = new Date().toISOString();
  const openingDate = options.openingDate ?? todayInBeijing();
  const counts: PersonCounts = { created: 0, updated: 0, unchanged: 0, accountsOpened: 0 };

  for (const record of records) {
    const outcome = await upsertPerson(trx, {
      personId: record.personId,
      name: record.name,
      birthDate: record.birthDate,
      sex: record.sex,
      county: record.county,
      source: options.source ?? null,
      enrolments: record.enrolments ?? [{ scheme: record.scheme, employment: record.employment, from: null, to: null }],
      categories: record.categories,
    }, now);
    counts[outcome] += 1;
    if (record.accountBalance !== null && (await openAccount(trx, record.personId, record.accountBalance, openingDate, now))) {
      counts.accountsOpened += 1;
    }
  }
  return counts;
}

/** Check every row; duplicates within the file are problems too. */
export function parsePersonRows(read: ReadResult): { records: PersonRecord[]; problems: FieldProblem[]; badRows: Set<number> } {
  const problems = [...read.problems];
  const records: PersonRecord[] = [];
  const badRows = new Set<number>();
  const seen = new Map<string, number>();

  for (const row of read.rows) {
    const parsed = parsePersonRow(row.values, row.row);
    if (!parsed.ok) {
      problems.push(...parsed.problems);
      badRows.add(row.row);
      continue;
    }
    const first = seen.get(parsed.value.personId);
    if (first !== undefined) {
      problems.push({ row: row.row, field: 'person_id', value: parsed.value.personId, reason: `与第 ${first} 行的身份证号重复` });
      badRows.add(row.row);
      continue;
    }
    seen.set(parsed.value.personId, row.row);
    records.push(parsed.value);
  }
  return { records, problems, badRows };
}

export async function importPersons(
  ctx: PlatformContext,
  read: ReadResult,
  options: { source?: string | null; skipInvalid?: boolean } = {},
): Promise<PersonCounts & { invalid: FieldProblem[] }> {
  const { records, problems } = parsePersonRows(read);
  const structural = problems.some((p) => p.row === 1);
  if (problems.length > 0 && (!options.skipInvalid || structural)) fail('ERR_MEDICAL_BATCH_INVALID', { problems });

  const counts = await ctx.store.db.transaction().execute((trx) => applyPersons(trx, records, options));
  ctx.logger.info({ ...counts, invalid: problems.length }, 'persons imported');
  return { ...counts, invalid: problems };
}

/** A person as shown to clerks; lists mask the ID and the name. */
export function personView(person: StoredPerson, options: { masked: boolean; balance?: number | null }) {
  return {
    person_id: options.masked ? maskResidentId(person.personId) : person.personId,
    name: person.name === null ? null : options.masked ? maskName(person.name) : person.name,
    birth_date: options.masked ? null : person.birthDate,
    sex: person.sex,
    county: person.county,
    source: person.source,
    enrolments: person.enrolments.map((e) => ({ scheme: e.scheme, employment: e.employment, from: e.from, to: e.to })),
    categories: person.categories.map((c) => ({ code: c.code, from: c.from, to: c.to })),
    ...(options.balance !== undefined ? { account_balance: options.balance === null ? null : formatYuan(options.balance) } : {}),
  };
}

export async function getPerson(ctx: PlatformContext, personId: string): Promise<StoredPerson> {
  const person = (await loadPeople(ctx.store.db, [personId])).get(personId);
  if (!person) fail('ERR_CORE_NOT_FOUND', { details: { what: 'person' } });
  return person;
}
