/**
 * A year of the medical area's data, read (never written) for a scenario
 * run: every settled claim not reversed, in the order it was settled, the
 * person as the rules see them on its date, and the account balance the
 * stored bill started from, so account movements outside settlement are
 * replayed as they happened.
 */
import type { Bill, Claim } from '../../medical/rules/types.ts';
import { loadPeople, personOn } from '../../medical/storage/persons.ts';
import type { PlatformContext } from '../../platform/context.ts';
import type { MedicalClaimInput } from '../rules/medical.ts';

export interface MedicalYear {
  claims: MedicalClaimInput[];
  /** Settled claims left out because the person is no longer on record. */
  skipped: number;
}

export async function loadMedicalYear(ctx: PlatformContext, year: number): Promise<MedicalYear> {
  const db = ctx.store.db;
  const [claims, bills] = await Promise.all([
    db
      .selectFrom('medical_claim')
      .select(['claim_id', 'person_id', 'claim_json'])
      .where('year', '=', year)
      .where('status', '=', 'settled')
      .orderBy('date')
      .orderBy('created_at')
      .orderBy('claim_id')
      .execute(),
    db
      .selectFrom('medical_bill')
      .select(['claim_id', 'county', 'bill_json'])
      .where('year', '=', year)
      .where('kind', '=', 'settlement')
      .execute(),
  ]);
  const billOf = new Map(bills.map((b) => [b.claim_id, b]));
  const people = await loadPeople(db, [...new Set(claims.map((c) => c.person_id))]);

  const result: MedicalClaimInput[] = [];
  const lastAccount = new Map<string, number>();
  let skipped = 0;
  for (const row of claims) {
    const stored = people.get(row.person_id);
    const claim = JSON.parse(row.claim_json) as Claim;
    const person = stored ? personOn(stored, claim.date) : undefined;
    const billRow = billOf.get(row.claim_id);
    if (!stored || !person || !billRow) {
      skipped += 1;
      continue;
    }

    const bill = JSON.parse(billRow.bill_json) as Bill;
    const inflow = bill.accountBefore - (lastAccount.get(row.person_id) ?? 0);
    lastAccount.set(row.person_id, bill.accountAfter);
    result.push({
      claim,
      person,
      county: billRow.county || stored.county,
      accountInflow: inflow,
      stored: { pooling: bill.pooling, assistance: bill.assistance, accountPaid: bill.accountPaid, cashPaid: bill.cashPaid },
    });
  }
  return { claims: result, skipped };
}
