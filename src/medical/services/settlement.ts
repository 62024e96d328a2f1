/**
 * Settling one claim (一站式 / 一单制, D4 §2): in ONE transaction the
 * person's year-to-date totals and account are locked, the rules settle the
 * claim, and the bill, the new totals and the account payment are stored.
 * A claim is its own idempotency key: sent again with the same content it
 * returns the stored bill and changes nothing; with other content it is a
 * conflict. Reversal (冲销) stores a reversing bill, takes the claim's
 * amounts out of the totals (with a retroactive assistance payment on it,
 * D4 §14) and gives the account back what it paid; later bills are not
 * reopened.
 */
import type { Kysely } from 'kysely';

import { yearOf } from '../../core/dates.ts';
import type { ParamRegistry } from '../../core/params/registry.ts';
import type { Database } from '../../db/schema.ts';
import { fail } from '../../errorCatalog.ts';
import type { PlatformContext } from '../../platform/context.ts';
import type { Bill, Claim, YearAccumulators } from '../rules/types.ts';
import { loadPerson, personOn, type StoredPerson } from '../storage/persons.ts';
import {
  billRow,
  billsOfClaim,
  findClaim,
  insertBill,
  insertClaim,
  lockAccount,
  lockAccumulators,
  markClaim,
  readAccumulators,
  recordMovement,
  saveAccumulators,
  type ClaimRow,
} from '../storage/settlements.ts';
import type { Dialect } from '../../db/database.ts';
import { canonicalClaimJson, claimContentHash } from './records.ts';
import { settleWithRules } from './engine.ts';

export type SettleOutcome = 'settled' | 'existing';

export interface SettleResult {
  outcome: SettleOutcome;
  bill: Bill;
  /** settled | reversed */
  status: string;
}

export interface SettleOptions {
  params?: ParamRegistry;
  batchId?: string | null;
  source?: string | null;
  explain?: boolean;
  /** The person when the caller already holds it (batches). */
  person?: StoredPerson;
}

function nowIso(): string {
  return new Date().toISOString();
}

/** The stored bill of a claim already settled; conflict when its content differs. */
async function existingBill(db: Kysely<Database>, stored: ClaimRow, claim: Claim): Promise<SettleResult> {
  if (stored.content_hash !== claimContentHash(claim)) {
    fail('ERR_MEDICAL_CLAIM_CONFLICT', {
      details: { claimId: claim.claimId, settledOn: stored.created_at.slice(0, 10) },
    });
  }
  const bills = await billsOfClaim(db, claim.claimId);
  const settlement = bills.find((b) => b.kind === 'settlement');
  if (!settlement) throw new Error(`claim ${claim.claimId} is stored without its bill`);
  return { outcome: 'existing', bill: JSON.parse(settlement.bill_json) as Bill, status: stored.status };
}

function personFor(person: StoredPerson | undefined, claim: Claim) {
  if (!person) {
    fail('ERR_MEDICAL_PERSON_UNKNOWN', {
      problems: [{ field: 'person_id', value: claim.personId, reason: '参保人不存在，请先登记参保人' }],
    });
  }
  const onDate = personOn(person, claim.date);
  if (!onDate) {
    fail('ERR_MEDICAL_NOT_ENROLLED', {
      problems: [{ field: 'date', value: claim.date, reason: '就诊日期不在参保人的参保期间内' }],
    });
  }
  return onDate;
}

/**
 * Settle inside an open transaction: the unit of work of both the HTTP
 * route and the batch. Locks first, then checks for an earlier settlement,
 * so two senders of one claim cannot both settle it.
 */
export async function settleInTransaction(
  trx: Kysely<Database>,
  dialect: Dialect,
  params: ParamRegistry,
  claim: Claim,
  options: SettleOptions = {},
): Promise<SettleResult> {
  const person = personFor(options.person ?? (await loadPerson(trx, claim.personId)), claim);
  const now = nowIso();
  const year = yearOf(claim.date);

  const totals = await lockAccumulators(trx, dialect, claim.personId, year, now);
  const account = await lockAccount(trx, dialect, claim.personId);
  const stored = await findClaim(trx, claim.claimId);
  if (stored) return existingBill(trx, stored, claim);

  const bill = settleWithRules({
    person,
    claim,
    state: { account: account?.balance ?? 0, accumulators: totals.accumulators },
    params,
    explain: options.explain ?? false,
  });

  const claimJson = canonicalClaimJson(claim);
  await insertClaim(trx, {
    claim_id: claim.claimId,
    person_id: claim.personId,
    date: claim.date,
    year,
    claim_json: claimJson,
    content_hash: claimContentHash(claim),
    status: 'settled',
    batch_id: options.batchId ?? null,
    source: options.source ?? null,
    created_at: now,
  });
  await insertBill(trx, billRow(bill, { billId: claim.claimId, kind: 'settlement', county: person.county ?? '', now }));
  await saveAccumulators(trx, claim.personId, { accumulators: bill.accumulatorsAfter, claims: totals.claims + 1 }, now);
  if (account && bill.accountPaid !== 0) {
    // D5 §5(1), §8: the member's own policy-scope share, from the account.
    await recordMovement(trx, account, {
      id: `payment:${claim.claimId}`,
      personId: claim.personId,
      date: claim.date,
      kind: 'payment',
      amount: -bill.accountPaid,
      claimId: claim.claimId,
      note: '结算个人账户支付',
    }, now);
  }
  return { outcome: 'settled', bill, status: 'settled' };
}

export async function settleClaim(ctx: PlatformContext, claim: Claim, options: SettleOptions = {}): Promise<SettleResult> {
  const params = options.params ?? ctx.params;
  const result = await ctx.store.db
    .transaction()
    .execute((trx) => settleInTransaction(trx, ctx.store.dialect, params, claim, options));
  ctx.logger.info(
    { claim: claim.claimId, date: claim.date, outcome: result.outcome, articles: result.bill.articles },
    'claim settled',
  );
  return result;
}

/** "See the bill before confirming": the same settlement, nothing stored. */
export async function previewClaim(ctx: PlatformContext, claim: Claim, options: SettleOptions = {}): Promise<SettleResult> {
  const db = ctx.store.db;
  const stored = await findClaim(db, claim.claimId);
  if (stored) return existingBill(db, stored, claim);

  const person = personFor(options.person ?? (await loadPerson(db, claim.personId)), claim);
  const totals = await readAccumulators(db, claim.personId, yearOf(claim.date));
  const account = await db.selectFrom('medical_account').select('balance').where('person_id', '=', claim.personId).executeTakeFirst();
  const bill = settleWithRules({
    person,
    claim,
    state: { account: account ? Number(account.balance) : 0, accumulators: totals.accumulators },
    params: options.params ?? ctx.params,
    explain: options.explain ?? true,
  });
  return { outcome: 'settled', bill, status: 'preview' };
}

const ACCUMULATOR_FIELDS = [
  'poolingDeductible',
  'poolingPaid',
  'assistanceDeductible',
  'assistancePaid',
  'tiltBurden',
  'burdenAfterInsurance',
  'fundPaid',
  'criticalPaid',
] as const;

/** Current totals less what one bill added to them. */
function withoutBill(current: YearAccumulators, bill: Bill): YearAccumulators {
  const result: YearAccumulators = { ...current };
  for (const field of ACCUMULATOR_FIELDS) {
    const added = (bill.accumulatorsAfter[field] ?? 0) - (bill.accumulatorsBefore[field] ?? 0);
    result[field] = (current[field] ?? 0) - added;
  }
  return result;
}

export interface ReversalResult {
  reversal: Bill & { reverses: string; reason: string; reversedAt: string };
  original: Bill;
}

/**
 * 冲销: the reversing bill carries the original amounts negated; the year's
 * totals lose exactly what the claim added and the account gets back what
 * it paid. Bills settled after it stay as they were issued.
 */
export async function reverseClaim(ctx: PlatformContext, claimId: string, reason: string): Promise<ReversalResult> {
  const { dialect } = ctx.store;
  const result = await ctx.store.db.transaction().execute(async (trx) => {
    const stored = await findClaim(trx, claimId);
    if (!stored) fail('ERR_CORE_NOT_FOUND', { details: { claimId } });

    const now = nowIso();
    const totals = await lockAccumulators(trx, dialect, stored.person_id, stored.year, now);
    const account = await lockAccount(trx, dialect, stored.person_id);
    const fresh = await findClaim(trx, claimId);
    if (fresh?.status === 'reversed') fail('ERR_MEDICAL_ALREADY_REVERSED', { details: { claimId } });

    const bills = await billsOfClaim(trx, claimId);
    const settlement = bills.find((b) => b.kind === 'settlement')!;
    const original = JSON.parse(settlement.bill_json) as Bill;
    // A retroactive payment on the claim (D4 §14) is reversed with it.
    const retroRow = bills.find((b) => b.kind === 'retroactive');
    const retro = retroRow ? (JSON.parse(retroRow.bill_json) as Bill) : undefined;
    const after = retro ? withoutBill(withoutBill(totals.accumulators, original), retro) : withoutBill(totals.accumulators, original);
    const accountBefore = account?.balance ?? 0;
    const accountAfter = accountBefore + (account ? original.accountPaid : 0);

    const reversal: ReversalResult['reversal'] = {
      ...original,
      total: -original.total,
      policyScope: -original.policyScope,
      basicPaid: -original.basicPaid,
      criticalPaid: -original.criticalPaid,
      pooling: -original.pooling,
      assistance: -original.assistance - (retro?.assistance ?? 0),
      assistanceTilt: -original.assistanceTilt - (retro?.assistanceTilt ?? 0),
      accountPaid: -original.accountPaid,
      cashPaid: -original.cashPaid - (retro?.cashPaid ?? 0),
      accumulatorsBefore: totals.accumulators,
      accumulatorsAfter: after,
      accountBefore,
      accountAfter,
      notes: [],
      steps: [],
      reverses: claimId,
      reason,
      reversedAt: now,
    };
    await insertBill(trx, billRow(reversal, {
      billId: `reversal:${claimId}`,
      kind: 'reversal',
      county: settlement.county,
      reverses: claimId,
      reason,
      now,
    }));
    await saveAccumulators(trx, stored.person_id, { accumulators: after, claims: totals.claims - 1 }, now);
    if (account && original.accountPaid !== 0) {
      await recordMovement(trx, account, {
        id: `reversal:${claimId}`,
        personId: stored.person_id,
        date: now.slice(0, 10),
        kind: 'reversal',
        amount: original.accountPaid,
        claimId,
        note: `冲销退回个人账户：${reason}`,
      }, now);
    }
    await markClaim(trx, claimId, 'reversed');
    return { reversal, original };
  });
  ctx.logger.info({ claim: claimId, year: result.original.date.slice(0, 4) }, 'claim reversed');
  return result;
}
