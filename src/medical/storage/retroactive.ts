/**
 * Applications for recognition as 因病致贫重病患者 (D4 §14) and what the
 * retroactive settlement reads: the person's claims with their bills.
 */
import type { MedicalRetroApplicationTable } from './tables.ts';
import type { BillRow, ClaimRow } from './settlements.ts';
import type { Db } from './persons.ts';

export type RetroApplicationRow = MedicalRetroApplicationTable;

export async function findApplication(db: Db, id: string): Promise<RetroApplicationRow | undefined> {
  return db.selectFrom('medical_retro_application').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Dates of the person's applied applications, oldest first. */
export async function applicationDates(db: Db, personId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('medical_retro_application')
    .select('date')
    .where('person_id', '=', personId)
    .orderBy('date')
    .execute();
  return rows.map((r) => r.date);
}

export async function insertApplication(trx: Db, row: RetroApplicationRow): Promise<void> {
  await trx.insertInto('medical_retro_application').values(row).execute();
}

export interface ClaimWithBills {
  claim: ClaimRow;
  bills: BillRow[];
}

/** The person's claims dated in [from, to], each with all its bills. */
export async function claimsWithBills(db: Db, personId: string, from: string, to: string): Promise<ClaimWithBills[]> {
  const claims = await db
    .selectFrom('medical_claim')
    .selectAll()
    .where('person_id', '=', personId)
    .where('date', '>=', from)
    .where('date', '<=', to)
    .orderBy('date')
    .orderBy('claim_id')
    .execute();
  if (claims.length === 0) return [];

  const bills = await db
    .selectFrom('medical_bill')
    .selectAll()
    .where('person_id', '=', personId)
    .where('date', '>=', from)
    .where('date', '<=', to)
    .orderBy('created_at')
    .orderBy('bill_id')
    .execute();
  const byClaim = new Map<string, BillRow[]>();
  for (const bill of bills) byClaim.set(bill.claim_id, [...(byClaim.get(bill.claim_id) ?? []), bill]);
  return claims.map((claim) => ({ claim, bills: byClaim.get(claim.claim_id) ?? [] }));
}

/**
 * Add one category span after the person's others. Span ids end in their
 * index (storage/persons.ts), so the new one takes the next index.
 */
export async function addCategorySpan(
  trx: Db,
  personId: string,
  span: { code: string; from: string | null; to: string | null },
): Promise<void> {
  const rows = await trx.selectFrom('medical_category').select('id').where('person_id', '=', personId).execute();
  const next = rows.reduce((max, r) => Math.max(max, Number(r.id.slice(r.id.lastIndexOf(':') + 1)) + 1), 0);
  await trx
    .insertInto('medical_category')
    .values({ id: `${personId}:${next}`, person_id: personId, code: span.code, valid_from: span.from, valid_to: span.to })
    .execute();
}
