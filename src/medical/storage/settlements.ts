/**
 * Claims, bills, year-to-date accumulators and personal accounts: what one
 * settlement reads and writes inside its transaction.
 */
import type { Dialect } from '../../db/database.ts';
import type { MedicalBillTable, MedicalClaimTable } from './tables.ts';
import { emptyAccumulators } from '../rules/accumulators.ts';
import type { Bill, YearAccumulators } from '../rules/types.ts';
import type { Db } from './persons.ts';

export interface StoredAccumulators {
  accumulators: YearAccumulators;
  /** Claims settled into these totals (reversals take theirs out). */
  claims: number;
}

function toAccumulators(row: {
  year: number;
  pooling_deductible: number;
  pooling_paid: number;
  assistance_deductible: number;
  assistance_paid: number;
  tilt_burden: number;
  burden_after_insurance: number;
  fund_paid: number;
  critical_paid: number;
  claims: number;
}): StoredAccumulators {
  return {
    accumulators: {
      year: Number(row.year),
      poolingDeductible: Number(row.pooling_deductible),
      poolingPaid: Number(row.pooling_paid),
      assistanceDeductible: Number(row.assistance_deductible),
      assistancePaid: Number(row.assistance_paid),
      tiltBurden: Number(row.tilt_burden),
      burdenAfterInsurance: Number(row.burden_after_insurance),
      fundPaid: Number(row.fund_paid),
      criticalPaid: Number(row.critical_paid),
    },
    claims: Number(row.claims),
  };
}

/**
 * Take the person's accumulator row for the year, creating it at zero.
 * On PostgreSQL the row is locked (SELECT … FOR UPDATE) so settlements of
 * one person serialize; on SQLite the insert takes the write lock first,
 * which serializes every writer and avoids a stale read snapshot.
 */
export async function lockAccumulators(
  trx: Db,
  dialect: Dialect,
  personId: string,
  year: number,
  now: string,
): Promise<StoredAccumulators> {
  await trx
    .insertInto('medical_accumulator')
    .values({
      person_id: personId,
      year,
      pooling_deductible: 0,
      pooling_paid: 0,
      assistance_deductible: 0,
      assistance_paid: 0,
      tilt_burden: 0,
      burden_after_insurance: 0,
      fund_paid: 0,
      critical_paid: 0,
      claims: 0,
      updated_at: now,
    })
    .onConflict((oc) => oc.columns(['person_id', 'year']).doNothing())
    .execute();

  let query = trx
    .selectFrom('medical_accumulator')
    .selectAll()
    .where('person_id', '=', personId)
    .where('year', '=', year);
  if (dialect === 'postgres') query = query.forUpdate();
  return toAccumulators(await query.executeTakeFirstOrThrow());
}

export async function readAccumulators(db: Db, personId: string, year: number): Promise<StoredAccumulators> {
  const row = await db
    .selectFrom('medical_accumulator')
    .selectAll()
    .where('person_id', '=', personId)
    .where('year', '=', year)
    .executeTakeFirst();
  return row ? toAccumulators(row) : { accumulators: emptyAccumulators(year), claims: 0 };
}

export async function saveAccumulators(
  trx: Db,
  personId: string,
  stored: StoredAccumulators,
  now: string,
): Promise<void> {
  const a = stored.accumulators;
  await trx
    .updateTable('medical_accumulator')
    .set({
      pooling_deductible: a.poolingDeductible,
      pooling_paid: a.poolingPaid,
      assistance_deductible: a.assistanceDeductible,
      assistance_paid: a.assistancePaid,
      tilt_burden: a.tiltBurden,
      burden_after_insurance: a.burdenAfterInsurance,
      fund_paid: a.fundPaid ?? 0,
      critical_paid: a.criticalPaid ?? 0,
      claims: stored.claims,
      updated_at: now,
    })
    .where('person_id', '=', personId)
    .where('year', '=', a.year)
    .execute();
}

export interface LockedAccount {
  balance: number;
  lastSeq: number;
}

/** The account, locked on PostgreSQL; undefined when the person has none. */
export async function lockAccount(trx: Db, dialect: Dialect, personId: string): Promise<LockedAccount | undefined> {
  let query = trx.selectFrom('medical_account').select(['balance', 'last_seq']).where('person_id', '=', personId);
  if (dialect === 'postgres') query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row ? { balance: Number(row.balance), lastSeq: Number(row.last_seq) } : undefined;
}

export interface MovementWrite {
  id: string;
  personId: string;
  date: string;
  kind: string;
  amount: number;
  claimId?: string | null;
  note?: string | null;
}

/**
 * Record a movement on a locked account and return the balance it leaves.
 * Amounts are signed: a payment is negative.
 */
export async function recordMovement(trx: Db, account: LockedAccount, movement: MovementWrite, now: string): Promise<LockedAccount> {
  const next = { balance: account.balance + movement.amount, lastSeq: account.lastSeq + 1 };
  await trx
    .insertInto('medical_account_movement')
    .values({
      id: movement.id,
      person_id: movement.personId,
      seq: next.lastSeq,
      date: movement.date,
      kind: movement.kind,
      amount: movement.amount,
      balance_after: next.balance,
      claim_id: movement.claimId ?? null,
      note: movement.note ?? null,
      created_at: now,
    })
    .execute();
  await trx
    .updateTable('medical_account')
    .set({ balance: next.balance, last_seq: next.lastSeq, updated_at: now })
    .where('person_id', '=', movement.personId)
    .execute();
  return next;
}

/** Open an account with its opening balance, once; later calls change nothing. */
export async function openAccount(trx: Db, personId: string, balance: number, date: string, now: string): Promise<boolean> {
  const inserted = await trx
    .insertInto('medical_account')
    .values({ person_id: personId, balance, last_seq: 1, opened_at: date, updated_at: now })
    .onConflict((oc) => oc.column('person_id').doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return false;

  await trx
    .insertInto('medical_account_movement')
    .values({
      id: `opening:${personId}`,
      person_id: personId,
      seq: 1,
      date,
      kind: 'opening',
      amount: balance,
      balance_after: balance,
      claim_id: null,
      note: '开户余额',
      created_at: now,
    })
    .execute();
  return true;
}

export type ClaimRow = MedicalClaimTable;
export type BillRow = MedicalBillTable;

export async function findClaim(db: Db, claimId: string): Promise<ClaimRow | undefined> {
  return db.selectFrom('medical_claim').selectAll().where('claim_id', '=', claimId).executeTakeFirst();
}

export async function findClaims(db: Db, claimIds: readonly string[]): Promise<Map<string, ClaimRow>> {
  const result = new Map<string, ClaimRow>();
  for (let i = 0; i < claimIds.length; i += 500) {
    const rows = await db.selectFrom('medical_claim').selectAll().where('claim_id', 'in', claimIds.slice(i, i + 500)).execute();
    for (const row of rows) result.set(row.claim_id, row);
  }
  return result;
}

export async function insertClaim(trx: Db, row: ClaimRow): Promise<void> {
  await trx.insertInto('medical_claim').values(row).execute();
}

export async function markClaim(trx: Db, claimId: string, status: string): Promise<void> {
  await trx.updateTable('medical_claim').set({ status }).where('claim_id', '=', claimId).execute();
}

export function billRow(
  bill: Bill,
  options: { billId: string; kind: 'settlement' | 'reversal'; county: string; reverses?: string; reason?: string; now: string },
): BillRow {
  return {
    bill_id: options.billId,
    claim_id: bill.claimId,
    person_id: bill.personId,
    kind: options.kind,
    date: bill.date,
    year: Number(bill.date.slice(0, 4)),
    county: options.county,
    total: bill.total,
    policy_scope: bill.policyScope,
    pooling: bill.pooling,
    assistance: bill.assistance,
    assistance_tilt: bill.assistanceTilt,
    account_paid: bill.accountPaid,
    cash_paid: bill.cashPaid,
    category: bill.category,
    bill_json: JSON.stringify(bill),
    reverses: options.reverses ?? null,
    reason: options.reason ?? null,
    created_at: options.now,
  };
}

export async function insertBill(trx: Db, row: BillRow): Promise<void> {
  await trx.insertInto('medical_bill').values(row).execute();
}

export async function findBill(db: Db, billId: string): Promise<BillRow | undefined> {
  return db.selectFrom('medical_bill').selectAll().where('bill_id', '=', billId).executeTakeFirst();
}

export async function billsOfClaim(db: Db, claimId: string): Promise<BillRow[]> {
  return db.selectFrom('medical_bill').selectAll().where('claim_id', '=', claimId).orderBy('created_at').orderBy('bill_id').execute();
}

export async function billsOfPerson(db: Db, personId: string, year?: number): Promise<BillRow[]> {
  let query = db.selectFrom('medical_bill').selectAll().where('person_id', '=', personId);
  if (year !== undefined) query = query.where('year', '=', year);
  return query.orderBy('date').orderBy('created_at').orderBy('bill_id').execute();
}

export async function accountOf(db: Db, personId: string) {
  const account = await db.selectFrom('medical_account').selectAll().where('person_id', '=', personId).executeTakeFirst();
  if (!account) return undefined;
  const movements = await db
    .selectFrom('medical_account_movement')
    .selectAll()
    .where('person_id', '=', personId)
    .orderBy('seq')
    .execute();
  return { account, movements };
}
