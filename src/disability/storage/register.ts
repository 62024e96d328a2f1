/**
 * Queries of the register: persons, their periods and records, loaded in
 * bulk for runs over the whole city and one by one for the pages.
 */
import type { Kysely, Selectable } from 'kysely';

import type { Database } from '../../db/schema.ts';
import type {
  DisabilityBenefitPeriodTable,
  DisabilityHouseholdPeriodTable,
  DisabilityPersonTable,
  DisabilityServiceRecordTable,
} from './tables.ts';
import { contains } from '../../db/like.ts';

export type PersonRow = Selectable<DisabilityPersonTable>;
export type HouseholdRow = Selectable<DisabilityHouseholdPeriodTable>;
export type BenefitRow = Selectable<DisabilityBenefitPeriodTable>;
export type RecordRow = Selectable<DisabilityServiceRecordTable>;

type Db = Kysely<Database>;

export async function findPerson(db: Db, id: string): Promise<PersonRow | undefined> {
  return db.selectFrom('disability_person').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findPersonByResidentId(db: Db, residentId: string): Promise<PersonRow | undefined> {
  return db.selectFrom('disability_person').selectAll().where('resident_id', '=', residentId).executeTakeFirst();
}

export async function personsByResidentIds(db: Db, residentIds: readonly string[]): Promise<Map<string, PersonRow>> {
  const found = new Map<string, PersonRow>();
  for (let i = 0; i < residentIds.length; i += 500) {
    const chunk = residentIds.slice(i, i + 500);
    if (chunk.length === 0) continue;
    const rows = await db.selectFrom('disability_person').selectAll().where('resident_id', 'in', chunk).execute();
    for (const row of rows) found.set(row.resident_id, row);
  }
  return found;
}

export async function personsByCardNumbers(db: Db, cards: readonly string[]): Promise<Map<string, PersonRow>> {
  const found = new Map<string, PersonRow>();
  for (let i = 0; i < cards.length; i += 500) {
    const chunk = cards.slice(i, i + 500);
    if (chunk.length === 0) continue;
    const rows = await db.selectFrom('disability_person').selectAll().where('card_number', 'in', chunk).execute();
    for (const row of rows) found.set(row.card_number, row);
  }
  return found;
}

export async function householdsOf(db: Db, personId: string): Promise<HouseholdRow[]> {
  return db.selectFrom('disability_household_period').selectAll().where('person_id', '=', personId).orderBy('valid_from').execute();
}

export async function benefitsOf(db: Db, personId: string): Promise<BenefitRow[]> {
  return db.selectFrom('disability_benefit_period').selectAll().where('person_id', '=', personId).orderBy('valid_from').orderBy('kind').execute();
}

export async function recordsOf(db: Db, personId: string): Promise<RecordRow[]> {
  return db.selectFrom('disability_service_record').selectAll().where('person_id', '=', personId).orderBy('on_date').orderBy('kind').execute();
}

/** Household periods of many persons, by person, in date order. */
export async function householdsByPerson(db: Db, personIds?: readonly string[]): Promise<Map<string, HouseholdRow[]>> {
  const rows = await inChunks(db, 'disability_household_period', personIds);
  return groupByPerson(rows as HouseholdRow[]);
}

export async function benefitsByPerson(db: Db, personIds?: readonly string[]): Promise<Map<string, BenefitRow[]>> {
  const rows = await inChunks(db, 'disability_benefit_period', personIds);
  return groupByPerson(rows as BenefitRow[]);
}

async function inChunks(
  db: Db,
  table: 'disability_household_period' | 'disability_benefit_period',
  personIds?: readonly string[],
) {
  if (!personIds) return db.selectFrom(table).selectAll().orderBy('valid_from').execute();
  const rows = [];
  for (let i = 0; i < personIds.length; i += 500) {
    const chunk = personIds.slice(i, i + 500);
    if (chunk.length === 0) continue;
    rows.push(...(await db.selectFrom(table).selectAll().where('person_id', 'in', chunk).orderBy('valid_from').execute()));
  }
  return rows;
}

export function groupByPerson<T extends { person_id: string }>(rows: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const list = map.get(row.person_id);
    if (list) list.push(row);
    else map.set(row.person_id, [row]);
  }
  return map;
}

export interface PersonQuery {
  county?: string | undefined;
  /** Part of a name, or a whole resident ID or card number. */
  q?: string | undefined;
  household?: string | undefined;
  limit: number;
  offset: number;
}

export async function searchPersons(db: Db, query: PersonQuery): Promise<{ total: number; rows: PersonRow[] }> {
  let select = db.selectFrom('disability_person');
  if (query.county) select = select.where('county', '=', query.county);
  if (query.q) {
    const q = query.q.trim();
    select = /^\d{17}[\dXx]/.test(q)
      ? select.where((eb) => eb.or([eb('resident_id', '=', q.slice(0, 18).toUpperCase()), eb('card_number', '=', q.toUpperCase())]))
      : select.where(contains('name', q));
  }
  if (query.household) {
    const household = query.household;
    select = select.where((eb) =>
      eb.exists(
        eb.selectFrom('disability_household_period as h')
          .select('h.id')
          .whereRef('h.person_id', '=', 'disability_person.id')
          .where('h.status', '=', household)
          .where('h.valid_to', 'is', null),
      ),
    );
  }

  const counted = await select.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  const rows = await select.selectAll().orderBy('county').orderBy('id').limit(query.limit).offset(query.offset).execute();
  return { total: Number(counted?.n ?? 0), rows };
}
