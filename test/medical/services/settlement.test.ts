/**
 * The settlement service on each database: idempotent re-sending, conflict
 * on changed content, preview that stores nothing, reversal (冲销), and
 * parallel settlements of one person serialized.
 *
 * The person throughout is an in-service employee (230302198503150018,
 * account 1000.00 yuan) with level-1 outpatient claims in the city: D5
 * §7(1) deductible 600 yuan a year, ratio 70%, cap 2000 yuan; D5 §8 the
 * own policy-scope share from the account first.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { parseYuan } from '../../../src/core/money.ts';
import type { PlatformContext } from '../../../src/platform/context.ts';
import { applyPersons } from '../../../src/medical/services/persons.ts';
import { parseClaimRow, parsePersonRow } from '../../../src/medical/services/records.ts';
import { previewClaim, reverseClaim, settleClaim } from '../../../src/medical/services/settlement.ts';
import { billsOfClaim, readAccumulators } from '../../../src/medical/storage/settlements.ts';
import type { Claim } from '../../../src/medical/rules/types.ts';
import { describeEachDatabase } from '../../helpers/db.ts';

const PERSON = '230302198503150018';

async function withPerson(open: () => Promise<PlatformContext>, balance: string, body: (ctx: PlatformContext) => Promise<void>) {
  const ctx = await open();
  try {
    const parsed = parsePersonRow({ person_id: PERSON, scheme: 'employee', employment: 'in_service', account_balance: balance });
    assert.ok(parsed.ok);
    await ctx.store.db.transaction().execute((trx) => applyPersons(trx, [parsed.value], { openingDate: '2023-01-01' }));
    await body(ctx);
  } finally {
    await ctx.close();
  }
}

function outpatient(id: string, date: string, amount: string): Claim {
  const parsed = parseClaimRow({
    claim_id: id, person_id: PERSON, date, kind: 'outpatient', level: '1', place: 'city', referral: 'yes',
    resident_elsewhere: 'no', emergency: 'no', exclusion: '', total: amount, policy_scope: amount, basic_paid: '0.00', critical_paid: '0.00',
  });
  assert.ok(parsed.ok, JSON.stringify(parsed));
  return parsed.value;
}

const yuan = (text: string) => parseYuan(text)!;

async function balanceOf(ctx: PlatformContext): Promise<number> {
  const row = await ctx.store.db.selectFrom('medical_account').select('balance').where('person_id', '=', PERSON).executeTakeFirstOrThrow();
  return Number(row.balance);
}

async function counts(ctx: PlatformContext) {
  const db = ctx.store.db;
  const n = async (table: 'medical_claim' | 'medical_bill' | 'medical_account_movement') =>
    Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return { claims: await n('medical_claim'), bills: await n('medical_bill'), movements: await n('medical_account_movement') };
}

describeEachDatabase('medical settlement service', (db) => {
  test('claim settled, then re-sent unchanged, stored bill returned and nothing changes', async () => {
    await withPerson(db.open, '1000.00', async (ctx) => {
      // 1000 policy scope: 600 to the deductible, 400 x 70% = 280 pooled;
      // own share 720 from the account (1000 -> 280).
      const first = await settleClaim(ctx, outpatient('c-1', '2023-02-01', '1000.00'));
      assert.equal(first.outcome, 'settled');
      assert.equal(first.bill.pooling, yuan('280.00'));
      assert.equal(first.bill.accountPaid, yuan('720.00'));

      const before = { counts: await counts(ctx), totals: await readAccumulators(ctx.store.db, PERSON, 2023), balance: await balanceOf(ctx) };
      const again = await settleClaim(ctx, outpatient('c-1', '2023-02-01', '1000.00'));
      assert.equal(again.outcome, 'existing');
      assert.deepEqual(again.bill, first.bill);
      assert.deepEqual(
        { counts: await counts(ctx), totals: await readAccumulators(ctx.store.db, PERSON, 2023), balance: await balanceOf(ctx) },
        before,
      );
    });
  });

  test('same claim id with other content, conflict and nothing stored', async () => {
    await withPerson(db.open, '1000.00', async (ctx) => {
      await settleClaim(ctx, outpatient('c-1', '2023-02-01', '1000.00'));
      const before = await counts(ctx);
      await assert.rejects(settleClaim(ctx, outpatient('c-1', '2023-02-01', '1000.01')), { code: 'ERR_MEDICAL_CLAIM_CONFLICT', status: 409 });
      assert.deepEqual(await counts(ctx), before);
      assert.equal(await balanceOf(ctx), yuan('280.00'));
    });
  });

  test('preview, bill shown and nothing stored', async () => {
    await withPerson(db.open, '1000.00', async (ctx) => {
      const before = await counts(ctx);
      const preview = await previewClaim(ctx, outpatient('c-1', '2023-02-01', '1000.00'));
      assert.equal(preview.status, 'preview');
      assert.equal(preview.bill.pooling, yuan('280.00'));
      assert.ok(preview.bill.steps.length > 0, 'a preview explains itself');
      assert.deepEqual(await counts(ctx), before);
      assert.equal((await readAccumulators(ctx.store.db, PERSON, 2023)).claims, 0);
    });
  });

  test('reversal, totals and account restored, later bill not reopened, deductible counted again', async () => {
    await withPerson(db.open, '1000.00', async (ctx) => {
      // c-1 as above: pooled 280, account 720 (balance 280).
      // c-2 1000: deductible used up, 1000 x 70% = 700 pooled; own share 300,
      //   account pays its last 280, cash 20.
      await settleClaim(ctx, outpatient('c-1', '2023-02-01', '1000.00'));
      const second = await settleClaim(ctx, outpatient('c-2', '2023-03-01', '1000.00'));
      assert.equal(second.bill.pooling, yuan('700.00'));
      assert.equal(second.bill.accountPaid, yuan('280.00'));
      assert.equal(second.bill.cashPaid, yuan('20.00'));

      const { reversal } = await reverseClaim(ctx, 'c-1', '重复结算');
      assert.equal(reversal.pooling, -yuan('280.00'));
      assert.equal(reversal.accountPaid, -yuan('720.00'));
      assert.equal(reversal.reason, '重复结算');

      // Totals lose what c-1 added: deductible 600 -> 0, pooled 980 -> 700;
      // the account gets its 720 back.
      const totals = await readAccumulators(ctx.store.db, PERSON, 2023);
      assert.equal(totals.accumulators.poolingDeductible, 0);
      assert.equal(totals.accumulators.poolingPaid, yuan('700.00'));
      assert.equal(totals.claims, 1);
      assert.equal(await balanceOf(ctx), yuan('720.00'));

      // c-2 stays as issued.
      const c2 = await billsOfClaim(ctx.store.db, 'c-2');
      assert.deepEqual(JSON.parse(c2[0]!.bill_json), second.bill);

      // c-3 1000 after the reversal meets the deductible again:
      // 400 x 70% = 280 pooled, own share 720 from the restored account.
      const third = await settleClaim(ctx, outpatient('c-3', '2023-04-01', '1000.00'));
      assert.equal(third.bill.pooling, yuan('280.00'));
      assert.equal(third.bill.accountPaid, yuan('720.00'));

      await assert.rejects(reverseClaim(ctx, 'c-1', '再次冲销'), { code: 'ERR_MEDICAL_ALREADY_REVERSED' });
      await assert.rejects(reverseClaim(ctx, 'nope', '不存在'), { code: 'ERR_CORE_NOT_FOUND' });
    });
  });

  test('twenty settlements of one person in parallel, totals equal the sequential result', async () => {
    // Twenty identical 300-yuan claims: the order does not change the
    // totals, so parallel must equal sequential exactly: deductible 600
    // (the first two), then 18 x 300 x 70% = 3780 > cap, pooled 2000.
    const claims = Array.from({ length: 20 }, (_, i) => outpatient(`p-${i}`, '2023-05-01', '300.00'));

    let sequential: unknown;
    await withPerson(db.open, '500.00', async (ctx) => {
      for (const claim of claims) await settleClaim(ctx, claim);
      sequential = { totals: await readAccumulators(ctx.store.db, PERSON, 2023), balance: await balanceOf(ctx) };
    });

    await withPerson(db.open, '500.00', async (ctx) => {
      const results = await Promise.all(claims.map((claim) => settleClaim(ctx, claim)));
      const parallel = { totals: await readAccumulators(ctx.store.db, PERSON, 2023), balance: await balanceOf(ctx) };
      assert.deepEqual(parallel, sequential);
      assert.equal(parallel.totals.accumulators.poolingDeductible, yuan('600.00'));
      assert.equal(parallel.totals.accumulators.poolingPaid, yuan('2000.00'));
      assert.equal(parallel.totals.claims, 20);
      assert.equal(results.reduce((s, r) => s + r.bill.pooling, 0), yuan('2000.00'), 'no update lost');
      assert.equal(results.reduce((s, r) => s + r.bill.accountPaid, 0), yuan('500.00'));
      assert.equal(parallel.balance, 0);
    });
  });

  test('the same claim sent twice at once, settled once', async () => {
    await withPerson(db.open, '1000.00', async (ctx) => {
      const claim = outpatient('c-1', '2023-02-01', '1000.00');
      const results = await Promise.all([settleClaim(ctx, claim), settleClaim(ctx, claim), settleClaim(ctx, claim)]);
      assert.deepEqual(results.map((r) => r.outcome).sort(), ['existing', 'existing', 'settled']);
      assert.equal((await counts(ctx)).claims, 1);
      assert.equal(await balanceOf(ctx), yuan('280.00'));
    });
  });
});
