/**
 * Every worked case of ../shared/examples/medical/cases.json through the
 * HTTP API on each database: once as a batch upload (POST /batches), once
 * claim by claim (POST /persons, POST /claims in date order), comparing the
 * bills, the push list and the account balances with the case as it is.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';

import type { FastifyInstance } from 'fastify';

import { buildApp } from '../../../src/server/app.ts';
import type { PlatformContext } from '../../../src/platform/context.ts';
import { describeEachDatabase } from '../../helpers/db.ts';
import { caseCsv, expectedColumns, loadCases, paramArgs, type ExampleCase } from '../services/cases.ts';
import { multipart } from './multipart.ts';

const cases = loadCases();

async function withApp(open: () => Promise<PlatformContext>, body: (app: FastifyInstance) => Promise<void>) {
  const ctx = await open();
  const app = await buildApp(ctx, { serveWeb: false, auth: { enforce: false } });
  try {
    await body(app);
  } finally {
    await app.close();
    await ctx.close();
  }
}

async function assertListsAndBalances(app: FastifyInstance, c: ExampleCase) {
  const years = [...new Set(c.claims.map((cl) => Number(cl.date!.slice(0, 4))))].sort();
  const push = [];
  for (const year of years) {
    const res = await app.inject({ method: 'GET', url: `/api/medical/push-list?year=${year}` });
    assert.equal(res.statusCode, 200);
    push.push(...(res.json() as Array<{ person_id: string; year: number }>).map((r) => ({ person_id: r.person_id, year: r.year })));
  }
  assert.deepEqual(push, c.expected.push_list, `${c.id}: push list`);

  for (const [id, balance] of Object.entries(c.expected.account_balance_after)) {
    const res = await app.inject({ method: 'GET', url: `/api/medical/persons/${id}/account` });
    // Residents and 单建统筹 members have no account (D5 §4): balance 0.
    const got = res.statusCode === 200 ? (res.json() as { balance: string }).balance : '0.00';
    if (res.statusCode !== 200) assert.equal((res.json() as { code: string }).code, 'ERR_MEDICAL_NO_ACCOUNT');
    assert.equal(got, balance, `${c.id}: balance of ${id}`);
  }
}

function assertBills(c: ExampleCase, bills: Array<Record<string, unknown>>) {
  const byClaim = new Map(bills.map((b) => [b.claim_id as string, b as Record<string, string>]));
  assert.equal(bills.length, c.expected.bills.length);
  for (const expected of c.expected.bills) {
    assert.deepEqual(expectedColumns(byClaim.get(expected.claim_id!) ?? {}), expectedColumns(expected), `${c.id} ${expected.claim_id}: ${c.note ?? c.title}`);
  }
}

describeEachDatabase('medical API, worked cases', (db) => {
  for (const c of cases) {
    test(`${c.id} ${c.title}, uploaded as a batch, bills and lists as worked`, async () => {
      await withApp(db.open, async (app) => {
        const files = await caseCsv(c);
        const form = multipart(
          { persons: { filename: 'persons.csv', content: files.persons }, claims: { filename: 'claims.csv', content: files.claims } },
          { param: paramArgs(c).join('\n') },
        );
        const res = await app.inject({ method: 'POST', url: '/api/medical/batches', ...form });
        assert.equal(res.statusCode, 200, res.body);
        const body = res.json() as { applied: number; bills: Array<Record<string, string>> };
        assert.equal(body.applied, c.claims.length);
        assertBills(c, body.bills);
        await assertListsAndBalances(app, c);
      });
    });

    test(`${c.id} ${c.title}, claim by claim, bills as worked and re-sending changes nothing`, async (t) => {
      await withApp(db.open, async (app) => {
        // The single-claim route settles with the parameters in force; the
        // case's own parameter must be the registry's for this path.
        const income = await app.inject({ method: 'GET', url: '/api/params/medical.d4.art11_3.income_last_year?on=2023-01-01' });
        if ((income.json() as { inForce: { raw: string } }).inForce.raw !== c.parameters.income_last_year) {
          t.skip('case parameter differs from the parameter in force');
          return;
        }

        for (const person of c.persons) {
          const res = await app.inject({ method: 'POST', url: '/api/medical/persons', payload: person });
          assert.equal(res.statusCode, 200, res.body);
        }
        const ordered = [...c.claims].sort((a, b) => (a.date! < b.date! ? -1 : a.date! > b.date! ? 1 : 0));
        const bills = [];
        for (const claim of ordered) {
          const res = await app.inject({ method: 'POST', url: '/api/medical/claims', payload: claim });
          assert.equal(res.statusCode, 201, res.body);
          bills.push(res.json() as Record<string, unknown>);
        }
        assertBills(c, bills);

        const accumulatorsBefore = await app.inject({ method: 'GET', url: `/api/medical/persons/${c.persons[0]!.person_id}/accumulators/${ordered[0]!.date!.slice(0, 4)}` });
        for (const [i, claim] of ordered.entries()) {
          const again = await app.inject({ method: 'POST', url: '/api/medical/claims', payload: claim });
          assert.equal(again.statusCode, 200);
          const { status, ...resent } = again.json() as Record<string, unknown>;
          assert.equal(status, 'settled');
          const stored = await app.inject({ method: 'GET', url: `/api/medical/bills/${claim.claim_id}` });
          assert.deepEqual(resent, (stored.json() as { bill: unknown }).bill);
          const { status: _first, ...first } = bills[i]!;
          assert.deepEqual(resent, first, 'the stored bill is the bill first issued');
        }
        const accumulatorsAfter = await app.inject({ method: 'GET', url: `/api/medical/persons/${c.persons[0]!.person_id}/accumulators/${ordered[0]!.date!.slice(0, 4)}` });
        assert.deepEqual(accumulatorsAfter.json(), accumulatorsBefore.json(), 're-sending changed the totals');
        await assertListsAndBalances(app, c);
      });
    });
  }
});
