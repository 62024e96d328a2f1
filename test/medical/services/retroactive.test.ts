/**
 * D4 §14 retroactive assistance through the service and the API, on each
 * database.
 *
 * The person is a 城乡居民 (230306196811110049) without any assistance
 * category, so the claims below were settled with no assistance. On
 * 2024-03-15 she applies and is recognised as 因病致贫重病患者
 * (illness_poverty, T3). The window is 2023-03-15 .. 2024-03-15 (12 months,
 * both ends included). Parameters of 2023 and 2024 alike: deductible 5000
 * yuan a calendar year (D4 §10), ratio 60% (D4 §11(2)), cap 30 000 yuan
 * (D4 §9); tilt threshold 50% of 20 000 = 10 000 yuan (D4 §11(3)).
 *
 * | claim | date       | kind       | eligible = scope − basic | assistance |
 * | a     | 2023-03-14 | inpatient  | 20000 − 12000 = 8000 | outside the window: 0 |
 * | b     | 2023-06-10 | inpatient  | 25000 − 15000 = 10000 | (10000 − 5000) × 60% = 3000 |
 * | c     | 2023-11-20 | chronic    | 3000 − 1500 = 1500 | deductible used up: 1500 × 60% = 900 |
 * | d     | 2024-01-10 | inpatient  | 8000 − 5000 = 3000 | new year: all 3000 to the deductible, 0 |
 * | e     | 2024-02-20 | inpatient  | 12000 − 6000 = 6000 | 2000 left of it: (6000 − 2000) × 60% = 2400 |
 * | f     | 2024-03-01 | outpatient | 500 | ordinary outpatient not covered (D4 §8): 0 |
 *
 * No tilt: burden 2023 = 7000 after b, 7000 + 1500 − 900 = 7600 after c;
 * 2024 = 3000 after d, 3000 + 6000 − 2400 = 6600 after e; never above
 * 10 000. Totals: 2023 3900 (deductible 5000, burden 7600), 2024 2400
 * (deductible 5000, burden 6600); 6300 in all.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { parseYuan } from '../../../src/core/money.ts';
import type { PlatformContext } from '../../../src/platform/context.ts';
import { buildApp } from '../../../src/server/app.ts';
import { applyPersons } from '../../../src/medical/services/persons.ts';
import { parseClaimRow, parsePersonRow } from '../../../src/medical/services/records.ts';
import { applyRetroactive, previewRetroactive, type RetroApplicationInput } from '../../../src/medical/services/retroactive.ts';
import { reverseClaim, settleClaim } from '../../../src/medical/services/settlement.ts';
import { billsOfClaim, readAccumulators } from '../../../src/medical/storage/settlements.ts';
import { loadPerson } from '../../../src/medical/storage/persons.ts';
import type { Claim } from '../../../src/medical/rules/types.ts';
import { describeEachDatabase } from '../../helpers/db.ts';

const PERSON = '230306196811110049';
const yuan = (text: string) => parseYuan(text)!;

function claim(id: string, date: string, kind: string, scope: string, basic: string): Claim {
  const parsed = parseClaimRow({
    claim_id: id, person_id: PERSON, date, kind, level: '2', place: 'city', referral: 'yes',
    resident_elsewhere: 'no', emergency: 'no', exclusion: '', total: scope, policy_scope: scope, basic_paid: basic, critical_paid: '0.00',
  });
  assert.ok(parsed.ok, JSON.stringify(parsed));
  return parsed.value;
}

const CLAIMS = [
  claim('a', '2023-03-14', 'inpatient', '20000.00', '12000.00'),
  claim('b', '2023-06-10', 'inpatient', '25000.00', '15000.00'),
  claim('c', '2023-11-20', 'chronic', '3000.00', '1500.00'),
  claim('d', '2024-01-10', 'inpatient', '8000.00', '5000.00'),
  claim('e', '2024-02-20', 'inpatient', '12000.00', '6000.00'),
  claim('f', '2024-03-01', 'outpatient', '500.00', '0.00'),
];

const APPLICATION: RetroApplicationInput = {
  personId: PERSON,
  date: '2024-03-15',
  category: 'illness_poverty',
  decidedBy: '城子河区医保局认定书〔2024〕3号',
};

async function withClaims(open: () => Promise<PlatformContext>, body: (ctx: PlatformContext) => Promise<void>) {
  const ctx = await open();
  try {
    const parsed = parsePersonRow({ person_id: PERSON, scheme: 'resident' });
    assert.ok(parsed.ok);
    await ctx.store.db.transaction().execute((trx) => applyPersons(trx, [parsed.value]));
    for (const c of CLAIMS) assert.equal((await settleClaim(ctx, c)).bill.assistance, 0);
    await body(ctx);
  } finally {
    await ctx.close();
  }
}

async function snapshot(ctx: PlatformContext) {
  const db = ctx.store.db;
  const n = async (table: 'medical_bill' | 'medical_category' | 'medical_retro_application') =>
    Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return {
    bills: await n('medical_bill'),
    categories: await n('medical_category'),
    applications: await n('medical_retro_application'),
    y2023: await readAccumulators(db, PERSON, 2023),
    y2024: await readAccumulators(db, PERSON, 2024),
  };
}

const byId = (claims: Array<{ claimId: string; outcome: string; assistance: number }>) =>
  Object.fromEntries(claims.map((c) => [c.claimId, [c.outcome, c.assistance]]));

describeEachDatabase('medical retroactive assistance (D4 §14)', (db) => {
  test('preview, claims of the 12 months settled under each year, nothing stored', async () => {
    await withClaims(db.open, async (ctx) => {
      const before = await snapshot(ctx);
      const preview = await previewRetroactive(ctx, APPLICATION);

      assert.equal(preview.outcome, 'preview');
      assert.equal(preview.windowFrom, '2023-03-15');
      assert.equal(preview.windowTo, '2024-03-15');
      assert.deepEqual(byId(preview.claims), {
        a: ['outside_window', 0],
        b: ['settled', yuan('3000.00')],
        c: ['settled', yuan('900.00')],
        d: ['settled', 0],
        e: ['settled', yuan('2400.00')],
        f: ['not_covered', 0],
      });
      assert.equal(preview.total, yuan('6300.00'));
      assert.deepEqual(await snapshot(ctx), before);
    });
  });

  test('apply, category from the application date, supplementary bills, year totals updated', async () => {
    await withClaims(db.open, async (ctx) => {
      const applied = await applyRetroactive(ctx, APPLICATION);
      assert.equal(applied.outcome, 'applied');
      assert.equal(applied.total, yuan('6300.00'));

      const person = await loadPerson(ctx.store.db, PERSON);
      assert.deepEqual(person!.categories, [{ code: 'illness_poverty', from: '2024-03-15', to: null }]);

      const b = (await billsOfClaim(ctx.store.db, 'b')).find((r) => r.kind === 'retroactive')!;
      assert.equal(b.bill_id, 'retroactive:b');
      assert.equal(Number(b.assistance), yuan('3000.00'));
      assert.equal(Number(b.cash_paid), -yuan('3000.00'));
      assert.equal(b.category, 'illness_poverty');
      assert.equal((await billsOfClaim(ctx.store.db, 'a')).some((r) => r.kind === 'retroactive'), false);
      assert.equal((await billsOfClaim(ctx.store.db, 'f')).some((r) => r.kind === 'retroactive'), false);

      const y2023 = (await readAccumulators(ctx.store.db, PERSON, 2023)).accumulators;
      assert.deepEqual([y2023.assistanceDeductible, y2023.assistancePaid, y2023.tiltBurden], [yuan('5000.00'), yuan('3900.00'), yuan('7600.00')]);
      const y2024 = (await readAccumulators(ctx.store.db, PERSON, 2024)).accumulators;
      assert.deepEqual([y2024.assistanceDeductible, y2024.assistancePaid, y2024.tiltBurden], [yuan('5000.00'), yuan('2400.00'), yuan('6600.00')]);

      // A later claim settles under the category with the 2024 deductible
      // already met: (5000 − 2000) × 60% = 1800.
      const later = await settleClaim(ctx, claim('g', '2024-04-10', 'inpatient', '5000.00', '2000.00'));
      assert.equal(later.bill.category, 'illness_poverty');
      assert.equal(later.bill.assistance, yuan('1800.00'));
    });
  });

  test('apply repeated, the stored result returned and nothing changes; other content, conflict', async () => {
    await withClaims(db.open, async (ctx) => {
      const first = await applyRetroactive(ctx, APPLICATION);
      const before = await snapshot(ctx);

      const again = await applyRetroactive(ctx, APPLICATION);
      assert.equal(again.outcome, 'existing');
      assert.deepEqual({ ...again, outcome: 'applied' }, first);
      assert.deepEqual(await snapshot(ctx), before);

      await assert.rejects(applyRetroactive(ctx, { ...APPLICATION, decidedBy: '另一文书' }), { code: 'ERR_MEDICAL_RETRO_CONFLICT' });
      assert.deepEqual(await snapshot(ctx), before);
    });
  });

  test('a second application in the same year, refused and nothing stored', async () => {
    await withClaims(db.open, async (ctx) => {
      await applyRetroactive(ctx, APPLICATION);
      const before = await snapshot(ctx);

      const second = { ...APPLICATION, date: '2024-09-01' };
      const preview = await previewRetroactive(ctx, second);
      assert.equal(preview.outcome, 'not_eligible');
      assert.match(preview.reasons[0]!, /2024年已申请/);
      await assert.rejects(applyRetroactive(ctx, second), { code: 'ERR_MEDICAL_RETRO_REFUSED' });
      assert.deepEqual(await snapshot(ctx), before);
    });
  });

  test('next year, claims already paid retroactively or under the category are not assisted again', async () => {
    await withClaims(db.open, async (ctx) => {
      await applyRetroactive(ctx, APPLICATION);
      await settleClaim(ctx, claim('g', '2024-04-10', 'inpatient', '5000.00', '2000.00'));

      // Window 2024-02-01 .. 2025-02-01: e was paid on 2024-03-15, g was
      // settled under the category; nothing left to pay.
      const next = await previewRetroactive(ctx, { ...APPLICATION, date: '2025-02-01' });
      assert.equal(next.outcome, 'preview');
      assert.deepEqual(byId(next.claims), {
        d: ['outside_window', 0],
        e: ['already_assisted', 0],
        f: ['not_covered', 0],
        g: ['already_assisted', 0],
      });
      assert.equal(next.total, 0);
    });
  });

  test('a claim paid retroactively then reversed, both payments leave the year totals', async () => {
    await withClaims(db.open, async (ctx) => {
      await applyRetroactive(ctx, APPLICATION);

      // b added deductible 5000, paid 3000 and burden 10000 − 3000 = 7000
      // to 2023; c stays as paid (deductible 0, paid 900, burden 600), not
      // reopened. The reversing bill gives back b's cash 10000 less 3000.
      const { reversal } = await reverseClaim(ctx, 'b', '重复报销');
      assert.equal(reversal.assistance, -yuan('3000.00'));
      assert.equal(reversal.cashPaid, -(yuan('10000.00') - yuan('3000.00')));
      const y2023 = (await readAccumulators(ctx.store.db, PERSON, 2023)).accumulators;
      assert.deepEqual([y2023.assistanceDeductible, y2023.assistancePaid, y2023.tiltBurden], [0, yuan('900.00'), yuan('600.00')]);
    });
  });

  test('API: preview and apply through the routes', async () => {
    await withClaims(db.open, async (ctx) => {
      const app = await buildApp(ctx, { serveWeb: false, auth: { enforce: false } });
      try {
        const headers = { 'x-role': 'medical_office' };
        const url = `/api/medical/persons/${PERSON}/retroactive`;
        const payload = { date: '2024-03-15', category: 'illness_poverty', decided_by: APPLICATION.decidedBy };

        const preview = await app.inject({ method: 'POST', url: `${url}/preview`, headers, payload });
        assert.equal(preview.statusCode, 200, preview.body);
        const shown = preview.json() as { outcome: string; total: string; claims: Array<{ claim_id: string; assistance: string }> };
        assert.equal(shown.outcome, 'preview');
        assert.equal(shown.total, '6300.00');
        assert.deepEqual(shown.claims.map((c) => [c.claim_id, c.assistance]), [
          ['a', '0.00'], ['b', '3000.00'], ['c', '900.00'], ['d', '0.00'], ['e', '2400.00'], ['f', '0.00'],
        ]);

        const applied = await app.inject({ method: 'POST', url, headers, payload });
        assert.equal(applied.statusCode, 201, applied.body);
        assert.equal((applied.json() as { outcome: string }).outcome, 'applied');
        const again = await app.inject({ method: 'POST', url, headers, payload });
        assert.equal(again.statusCode, 200);
        assert.equal((again.json() as { outcome: string; total: string }).total, '6300.00');

        const bills = await app.inject({ method: 'GET', url: `/api/medical/persons/${PERSON}/bills?year=2023`, headers });
        const kinds = (bills.json() as Array<{ claim_id: string; kind: string; assistance: string }>)
          .filter((b) => b.kind === 'retroactive').map((b) => [b.claim_id, b.assistance]);
        assert.deepEqual(kinds, [['b', '3000.00'], ['c', '900.00']]);

        const one = await app.inject({ method: 'GET', url: '/api/medical/bills/e', headers });
        const pair = one.json() as { bill: { assistance: string }; retroactive: { kind: string; assistance: string; category: string } };
        assert.deepEqual([pair.bill.assistance, pair.retroactive.kind, pair.retroactive.assistance, pair.retroactive.category], ['0.00', 'retroactive', '2400.00', 'illness_poverty']);

        const refused = await app.inject({ method: 'POST', url, headers, payload: { ...payload, date: '2024-09-01' } });
        assert.equal(refused.statusCode, 422);
        assert.equal((refused.json() as { code: string }).code, 'ERR_MEDICAL_RETRO_REFUSED');

        const bad = await app.inject({ method: 'POST', url, headers, payload: { ...payload, date: '2024-02-30', category: 'dibao' } });
        assert.equal(bad.statusCode, 400);
      } finally {
        await app.close();
      }
    });
  });
});
