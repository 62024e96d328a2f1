/**
 * A year of the medical area's data, read (never written) for a scenario
 * run: every settled claim not reversed, in the order it was settled, the
 * person as the rules see them on its date, and the account balance the
 * stored bill started from, so account movements outside settlement are
 * replayed as they happened.
 */
import { sql, type RawBuilder } from 'kysely';

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
      .select(['claim_id', 'county', 'pooling', 'assistance', 'account_paid', 'cash_paid'])
      // Only the balances are needed of the bill text: read them in the
      // database rather than carry every bill's JSON across.
      .select([jsonNumber(ctx, 'accountBefore').as('account_before'), jsonNumber(ctx, 'accountAfter').as('account_after')])
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

    const accountBefore = Number(billRow.account_before);
    const inflow = accountBefore - (lastAccount.get(row.person_id) ?? 0);
    lastAccount.set(row.person_id, Number(billRow.account_after));
    result.push({
      claim,
      person,
      county: billRow.county || stored.county,
      accountInflow: inflow,
      stored: {
        pooling: Number(billRow.pooling),
        assistance: Number(billRow.assistance),
        accountPaid: Number(billRow.account_paid),
        cashPaid: Number(billRow.cash_paid),
      },
    });
  }
  return { claims: result, skipped };
}

/** A number field of the stored bill's JSON text (Bill), read by the database. */
function jsonNumber(ctx: PlatformContext, field: keyof Bill & string): RawBuilder<number> {
  return ctx.store.dialect === 'postgres'
    ? sql<number>`cast((bill_json::json ->> ${field}) as bigint)`
    : sql<number>`json_extract(bill_json, ${`$.${field}`})`;
}
