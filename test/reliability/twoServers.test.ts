/**
 * Several stateless API processes behind one reverse proxy, on one
 * PostgreSQL: each server here has its own pool and no state shared in
 * memory with the other, as two processes would. A session opened on one
 * works on the other and ends on both at logout; failed logins through
 * either count towards the one lock; claims of one person settled through
 * both at once leave the year's totals as if settled one after another.
 * PostgreSQL only: the deployment of docs/deployment.md.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import pg from 'pg';

import { SESSION_COOKIE } from '../../src/auth/settings.ts';
import { createLogger } from '../../src/core/logger.ts';
import { openContext, type PlatformContext } from '../../src/platform/context.ts';
import { buildApp } from '../../src/server/app.ts';
import { createTestAccount, TEST_PASSWORD } from '../helpers/auth.ts';
import { openTestContext, POSTGRES_URL } from '../helpers/db.ts';

// 鸡冠区 resident, GB 11643 check character computed.
const PERSON = '230302198503150018';
const CLAIMS = 24;

async function reachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch (error) {
    if (process.env.CI) throw new Error(`PostgreSQL required in CI: ${String(error)}`);
    return false;
  }
}

const skip = process.env.TEST_DATABASES === 'sqlite' || !(await reachable());

describe('two API processes on one PostgreSQL', { skip: skip && 'PostgreSQL not reachable' }, () => {
  let first: PlatformContext;
  let second: PlatformContext;
  let a: FastifyInstance;
  let b: FastifyInstance;

  before(async () => {
    first = await openTestContext('postgres');
    const schema = (await sql<{ s: string }>`select current_schema() as s`.execute(first.store.db)).rows[0]!.s;
    second = await openContext({ databaseUrl: POSTGRES_URL, searchPath: schema, migrate: false, logger: createLogger({ level: 'silent' }) });
    a = await buildApp(first, { serveWeb: false, auth: { enforce: true } });
    b = await buildApp(second, { serveWeb: false, auth: { enforce: true } });
    await Promise.all([a.ready(), b.ready()]);
  });
  after(async () => {
    await a.close();
    await b.close();
    await second.close();
    await first.close();
  });

  async function login(app: FastifyInstance, username: string, password = TEST_PASSWORD) {
    const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
    const cookie = response.cookies.find((c) => c.name === SESSION_COOKIE);
    return { status: response.statusCode, headers: { cookie: `${SESSION_COOKIE}=${cookie?.value ?? ''}`, 'x-csrf-token': response.json<{ csrfToken?: string }>().csrfToken ?? '' } };
  }

  test('a session opened on one server works on the other, and logout on either ends it on both', async () => {
    const clerk = await createTestAccount(first, 'medical_office', { username: 'two-servers-clerk' });
    const session = await login(a, clerk.username);
    assert.equal(session.status, 200);

    const me = await b.inject({ method: 'GET', url: '/api/auth/me', headers: session.headers });
    assert.equal(me.statusCode, 200);
    assert.equal(me.json<{ user: { username: string } }>().user.username, 'two-servers-clerk');
    // The anti-forgery token issued by A is accepted by B on a change.
    const created = await b.inject({ method: 'POST', url: '/api/medical/persons', headers: session.headers, payload: { person_id: PERSON, scheme: 'resident' } });
    assert.equal(created.statusCode, 200);

    assert.equal((await b.inject({ method: 'POST', url: '/api/auth/logout', headers: session.headers })).statusCode, 200);
    assert.equal((await a.inject({ method: 'GET', url: '/api/auth/me', headers: session.headers })).statusCode, 401);
  });

  test('failed logins through both servers count towards one lock', async () => {
    const target = await createTestAccount(first, 'finance', { username: 'two-servers-target' });
    const statuses: number[] = [];
    // The lock is stored with the account (5 failures by default), not in a process.
    // Three wrong passwords on A and two on B: the fifth locks the account.
    for (let i = 0; i < 5; i += 1) statuses.push((await login(i % 2 ? b : a, target.username, `wrong-password-${i}`)).status);
    assert.deepEqual(statuses, [401, 401, 401, 401, 423]);
    assert.equal((await login(a, target.username)).status, 423, 'locked on A too, even with the right password');
  });

  test('claims of one person through both servers at once: each settled once, totals as if one after another', async () => {
    const clerk = await createTestAccount(first, 'medical_office', { username: 'two-servers-settler' });
    const onA = await login(a, clerk.username);
    const claims = Array.from({ length: CLAIMS }, (_, n) => ({
      claim_id: `two-${n}`, person_id: PERSON, date: `2023-03-${String(1 + n).padStart(2, '0')}`, kind: 'outpatient', level: '2', place: 'city',
      referral: 'yes', resident_elsewhere: 'no', emergency: 'no', exclusion: '', total: '1260.00', policy_scope: '1200.00', basic_paid: '400.00', critical_paid: '0.00',
    }));

    // Every claim sent twice, once to each server, all at the same moment.
    const responses = await Promise.all(claims.flatMap((claim, n) => [
      (n % 2 ? a : b).inject({ method: 'POST', url: '/api/medical/claims', headers: onA.headers, payload: claim }),
      (n % 2 ? b : a).inject({ method: 'POST', url: '/api/medical/claims', headers: onA.headers, payload: claim }),
    ]));
    assert.deepEqual(responses.filter((r) => ![200, 201].includes(r.statusCode)).map((r) => `${r.statusCode} ${r.body.slice(0, 120)}`), []);
    // 201 the one that settled, 200 its repeat answered with the stored bill.
    assert.equal(responses.filter((r) => r.statusCode === 201).length, CLAIMS);

    const bills = await first.store.db.selectFrom('medical_bill').where('person_id', '=', PERSON).where('kind', '=', 'settlement')
      .select(['claim_id', 'pooling', 'bill_json']).execute();
    assert.equal(bills.length, CLAIMS, 'one bill per claim');
    assert.equal(new Set(bills.map((r) => r.claim_id)).size, CLAIMS);

    // One after another means: each bill starts from the totals the one
    // before it left. Each claim leaves 1260 − 400 − 0 = 860 yuan of personal
    // burden after basic insurance and 大病保险 (total less both), so that
    // total orders the bills: 0, 86000, 172000 … fen.
    const chain = bills.map((r) => JSON.parse(r.bill_json) as { accumulatorsBefore: Record<string, number>; accumulatorsAfter: Record<string, number> })
      .sort((x, y) => x.accumulatorsBefore.burdenAfterInsurance! - y.accumulatorsBefore.burdenAfterInsurance!);
    assert.deepEqual(chain.map((bill) => bill.accumulatorsBefore.burdenAfterInsurance), claims.map((_, i) => i * 86_000));
    for (let i = 1; i < chain.length; i += 1) assert.deepEqual(chain[i]!.accumulatorsBefore, chain[i - 1]!.accumulatorsAfter, `bill ${i} starts where bill ${i - 1} ended`);
    const stored = await first.store.db.selectFrom('medical_accumulator').where('person_id', '=', PERSON).where('year', '=', 2023).selectAll().executeTakeFirstOrThrow();
    assert.equal(Number(stored.claims), CLAIMS);
    assert.equal(Number(stored.pooling_paid), bills.reduce((sum, r) => sum + Number(r.pooling), 0));
  });
});
