/** Persons, their enrolments and assistance categories. */
import type { Kysely } from 'kysely';

import { withinInterval, type IsoDate } from '../../core/dates.ts';
import type { Database } from '../../db/schema.ts';
import type { CategorySpan, Employment, Person, Scheme } from '../rules/types.ts';
import { startsWith } from '../../db/like.ts';

export type Db = Kysely<Database>;

export interface EnrolmentSpan {
  scheme: Scheme;
  employment: Employment | null;
  from: IsoDate | null;
  to: IsoDate | null;
}

export interface StoredPerson {
  personId: string;
  name: string | null;
  birthDate: IsoDate;
  sex: string;
  county: string;
  source: string | null;
  enrolments: EnrolmentSpan[];
  categories: CategorySpan[];
  createdAt: string;
  updatedAt: string;
}

export interface PersonWrite {
  personId: string;
  name: string | null;
  birthDate: IsoDate;
  sex: string;
  county: string;
  source?: string | null;
  enrolments: EnrolmentSpan[];
  categories: CategorySpan[];
}

function spanId(personId: string, index: number): string {
  return `${personId}:${index}`;
}

/**
 * Insert or replace a person's record with its enrolments and categories.
 * Accounts are not touched: an opening balance is applied once, elsewhere.
 */
export async function upsertPerson(db: Db, person: PersonWrite, now: string): Promise<'created' | 'updated' | 'unchanged'> {
  const existing = await loadPeople(db, [person.personId]);
  const before = existing.get(person.personId);
  if (before && samePerson(before, person)) return 'unchanged';

  if (before) {
    await db
      .updateTable('medical_person')
      .set({ name: person.name, county: person.county, source: person.source ?? null, updated_at: now })
      .where('person_id', '=', person.personId)
      .execute();
    await db.deleteFrom('medical_enrolment').where('person_id', '=', person.personId).execute();
    await db.deleteFrom('medical_category').where('person_id', '=', person.personId).execute();
  } else {
    await db
      .insertInto('medical_person')
      .values({
        person_id: person.personId,
        name: person.name,
        birth_date: person.birthDate,
        sex: person.sex,
        county: person.county,
        source: person.source ?? null,
        created_at: now,
        updated_at: now,
      })
      .execute();
  }

  if (person.enrolments.length > 0) {
    await db
      .insertInto('medical_enrolment')
      .values(person.enrolments.map((e, i) => ({
        id: spanId(person.personId, i),
        person_id: person.personId,
        scheme: e.scheme,
        employment: e.employment,
        valid_from: e.from,
        valid_to: e.to,
      })))
      .execute();
  }
  if (person.categories.length > 0) {
    await db
      .insertInto('medical_category')
      .values(person.categories.map((c, i) => ({
        id: spanId(person.personId, i),
        person_id: person.personId,
        code: c.code,
        valid_from: c.from,
        valid_to: c.to,
      })))
      .execute();
  }
  return before ? 'updated' : 'created';
}

function samePerson(a: StoredPerson, b: PersonWrite): boolean {
  return (
    a.name === b.name &&
    a.county === b.county &&
    (a.source ?? null) === (b.source ?? null) &&
    JSON.stringify(a.enrolments) === JSON.stringify(b.enrolments) &&
    JSON.stringify(a.categories) === JSON.stringify(b.categories)
  );
}

/** Load persons by ID, with their spans, in few queries. */
export async function loadPeople(db: Db, ids: readonly string[]): Promise<Map<string, StoredPerson>> {
  const result = new Map<string, StoredPerson>();
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const [persons, enrolments, categories] = await Promise.all([
      db.selectFrom('medical_person').selectAll().where('person_id', 'in', chunk).execute(),
      db.selectFrom('medical_enrolment').selectAll().where('person_id', 'in', chunk).orderBy('id').execute(),
      db.selectFrom('medical_category').selectAll().where('person_id', 'in', chunk).orderBy('id').execute(),
    ]);
    for (const p of persons) {
      result.set(p.person_id, {
        personId: p.person_id,
        name: p.name,
        birthDate: p.birth_date,
        sex: p.sex,
        county: p.county,
        source: p.source,
        enrolments: [],
        categories: [],
        createdAt: p.created_at,
        updatedAt: p.updated_at,
      });
    }
    for (const e of sortBySpanIndex(enrolments)) {
      result.get(e.person_id)?.enrolments.push({
        scheme: e.scheme as Scheme,
        employment: e.employment as Employment | null,
        from: e.valid_from,
        to: e.valid_to,
      });
    }
    for (const c of sortBySpanIndex(categories)) {
      result.get(c.person_id)?.categories.push({ code: c.code as CategorySpan['code'], from: c.valid_from, to: c.valid_to });
    }
  }
  return result;
}

// Span ids end in their index; text order would put ":10" before ":2".
function sortBySpanIndex<T extends { id: string }>(rows: T[]): T[] {
  const index = (id: string) => Number(id.slice(id.lastIndexOf(':') + 1));
  return [...rows].sort((a, b) => index(a.id) - index(b.id));
}

export async function loadPerson(db: Db, personId: string): Promise<StoredPerson | undefined> {
  return (await loadPeople(db, [personId])).get(personId);
}

/** The enrolment in force on a date; undefined when the person was not insured. */
export function enrolmentOn(person: StoredPerson, date: IsoDate): EnrolmentSpan | undefined {
  return person.enrolments.find((e) => withinInterval(date, e.from, e.to));
}

/** The rules' view of a person on the date of a claim. */
export function personOn(person: StoredPerson, date: IsoDate): Person | undefined {
  const enrolment = enrolmentOn(person, date);
  if (!enrolment) return undefined;
  return {
    personId: person.personId,
    scheme: enrolment.scheme,
    employment: enrolment.employment,
    categories: person.categories,
    county: person.county,
  };
}

export interface PersonQuery {
  q?: string;
  county?: string;
  category?: string;
  scheme?: string;
  limit: number;
  offset: number;
}

export async function searchPersons(db: Db, query: PersonQuery): Promise<{ total: number; persons: StoredPerson[] }> {
  let base = db.selectFrom('medical_person');
  if (query.q) base = base.where(startsWith('person_id', query.q));
  if (query.county) base = base.where('county', '=', query.county);
  if (query.category) {
    const code = query.category;
    base = base.where('person_id', 'in', (sub) => sub.selectFrom('medical_category').select('person_id').where('code', '=', code));
  }
  if (query.scheme) {
    const scheme = query.scheme;
    base = base.where('person_id', 'in', (sub) => sub.selectFrom('medical_enrolment').select('person_id').where('scheme', '=', scheme));
  }

  const count = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const ids = await base.select('person_id').orderBy('person_id').limit(query.limit).offset(query.offset).execute();
  const people = await loadPeople(db, ids.map((r) => r.person_id));
  return { total: Number(count.n), persons: ids.map((r) => people.get(r.person_id)!) };
}
