import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import type { FastifyInstance } from 'fastify';

import { buildApp } from '../../src/server/app.ts';
import type { PlatformContext } from '../../src/platform/context.ts';
import { SESSION_COOKIE } from '../../src/auth/settings.ts';
import { totpCode } from '../../src/auth/totp.ts';
import { describeEachDatabase } from '../helpers/db.ts';
import { createTestAccount, TEST_PASSWORD } from '../helpers/auth.ts';

function cookieFrom(setCookie: string | string[] | undefined, name: string): string | undefined {
  const all = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  return all.find((c) => c.startsWith(`${name}=`))?.split(';')[0]?.slice(name.length + 1);
}

describeEachDatabase('logging in', (database) => {
  let ctx: PlatformContext;
  let app: FastifyInstance;
  let clock = new Date('2026-12-04T02:00:00Z');

  before(async () => {
    ctx = await database.open();
    app = await buildApp(ctx, { serveWeb: false, auth: { enforce: true, now: () => clock, settings: { lockAfterFailures: 3, lockMinutes: 15, sessionIdleMinutes: 30, sessionAbsoluteMinutes: 480 } } });
  });
  after(async () => {
    await app.close();
    await ctx.close();
  });

  const login = (username: string, password: string, totp?: string) =>
    app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password, ...(totp ? { totp } : {}) } });

  test('right password, session cookie httpOnly and SameSite=Strict, me answers', async () => {
    const account = await createTestAccount(ctx, 'medical_office', { county: '鸡冠区' });
    const response = await login(account.username, TEST_PASSWORD);
    assert.equal(response.statusCode, 200);

    const raw = ([] as string[]).concat(response.headers['set-cookie'] ?? []).find((c) => c.startsWith(`${SESSION_COOKIE}=`))!;
    assert.match(raw, /HttpOnly/);
    assert.match(raw, /SameSite=Strict/);
    const token = cookieFrom(response.headers['set-cookie'], SESSION_COOKIE)!;
    const me = await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: `${SESSION_COOKIE}=${token}` } });
    assert.equal(me.statusCode, 200);
    assert.equal(me.json().user.role, 'medical_office');
    assert.equal(me.json().user.county, '鸡冠区');
  });

  test('the session table holds a digest, not the cookie token', async () => {
    const account = await createTestAccount(ctx, 'finance');
    const response = await login(account.username, TEST_PASSWORD);
    const token = cookieFrom(response.headers['set-cookie'], SESSION_COOKIE)!;
    const rows = await ctx.store.db.selectFrom('auth_session').select('id').where('user_id', '=', account.id).execute();
    assert.equal(rows.length, 1);
    assert.notEqual(rows[0]!.id, token);
    assert.equal(rows[0]!.id.length, 64);
  });

  test('wrong password three times, account locked even for the right password', async () => {
    const account = await createTestAccount(ctx, 'finance');
    assert.equal((await login(account.username, 'wrong-password-1')).statusCode, 401);
    assert.equal((await login(account.username, 'wrong-password-2')).statusCode, 401);
    const third = await login(account.username, 'wrong-password-3');
    assert.equal(third.statusCode, 423);
    assert.equal(third.json().code, 'ERR_AUTH_LOCKED');

    const right = await login(account.username, TEST_PASSWORD);
    assert.equal(right.statusCode, 423);

    // 15 minutes later the lock has passed.
    clock = new Date(clock.getTime() + 16 * 60_000);
    assert.equal((await login(account.username, TEST_PASSWORD)).statusCode, 200);
  });

  test('unknown user and wrong password, same answer', async () => {
    const account = await createTestAccount(ctx, 'finance');
    const unknown = await login('nobody-here', 'whatever-password-1');
    const wrong = await login(account.username, 'whatever-password-1');
    assert.equal(unknown.statusCode, 401);
    assert.deepEqual(unknown.json(), wrong.json());
  });

  test('idle for longer than the idle limit, session refused', async () => {
    const account = await createTestAccount(ctx, 'finance');
    const token = cookieFrom((await login(account.username, TEST_PASSWORD)).headers['set-cookie'], SESSION_COOKIE)!;
    const me = () => app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: `${SESSION_COOKIE}=${token}` } });

    clock = new Date(clock.getTime() + 20 * 60_000);
    assert.equal((await me()).statusCode, 200);
    // 20 more minutes: 40 since login but only 20 since last use.
    clock = new Date(clock.getTime() + 20 * 60_000);
    assert.equal((await me()).statusCode, 200);
    clock = new Date(clock.getTime() + 31 * 60_000);
    assert.equal((await me()).statusCode, 401);
  });

  test('past the absolute limit, session refused however active', async () => {
    const account = await createTestAccount(ctx, 'finance');
    const token = cookieFrom((await login(account.username, TEST_PASSWORD)).headers['set-cookie'], SESSION_COOKIE)!;
    const me = () => app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: `${SESSION_COOKIE}=${token}` } });
    for (let i = 0; i < 17; i += 1) {
      clock = new Date(clock.getTime() + 29 * 60_000);
      const status = (await me()).statusCode;
      // 8 h = 480 min; 16 × 29 = 464 min still inside, 17 × 29 = 493 outside.
      assert.equal(status, i < 16 ? 200 : 401, `after ${(i + 1) * 29} min`);
    }
  });

  test('logout, the old cookie replayed is refused', async () => {
    const account = await createTestAccount(ctx, 'finance');
    const response = await login(account.username, TEST_PASSWORD);
    const token = cookieFrom(response.headers['set-cookie'], SESSION_COOKIE)!;
    const csrf = response.json().csrfToken as string;
    const headers = { cookie: `${SESSION_COOKIE}=${token}`, 'x-csrf-token': csrf };

    assert.equal((await app.inject({ method: 'POST', url: '/api/auth/logout', headers })).statusCode, 200);
    const replay = await app.inject({ method: 'GET', url: '/api/auth/me', headers });
    assert.equal(replay.statusCode, 401);
  });

  test('password changed, other sessions end', async () => {
    const account = await createTestAccount(ctx, 'finance');
    const first = await login(account.username, TEST_PASSWORD);
    const second = await login(account.username, TEST_PASSWORD);
    const h1 = { cookie: `${SESSION_COOKIE}=${cookieFrom(first.headers['set-cookie'], SESSION_COOKIE)}`, 'x-csrf-token': first.json().csrfToken };
    const h2 = { cookie: `${SESSION_COOKIE}=${cookieFrom(second.headers['set-cookie'], SESSION_COOKIE)}` };

    const changed = await app.inject({ method: 'POST', url: '/api/auth/password', headers: h1, payload: { current: TEST_PASSWORD, next: 'another-password-77' } });
    assert.equal(changed.statusCode, 200);
    assert.equal((await app.inject({ method: 'GET', url: '/api/auth/me', headers: h1 })).statusCode, 200);
    assert.equal((await app.inject({ method: 'GET', url: '/api/auth/me', headers: h2 })).statusCode, 401);
  });

  test('administrator with TOTP, password alone refused, code accepted once', async () => {
    const account = await createTestAccount(ctx, 'admin');
    const first = await login(account.username, TEST_PASSWORD);
    const headers = { cookie: `${SESSION_COOKIE}=${cookieFrom(first.headers['set-cookie'], SESSION_COOKIE)}`, 'x-csrf-token': first.json().csrfToken };

    // Enrolment uses the real clock: otplib checks against now.
    const setup = await app.inject({ method: 'POST', url: '/api/auth/totp/setup', headers });
    const { secret } = setup.json() as { secret: string };
    const confirm = await app.inject({ method: 'POST', url: '/api/auth/totp/confirm', headers, payload: { code: await totpCode(secret) } });
    assert.equal(confirm.statusCode, 200);

    const noCode = await login(account.username, TEST_PASSWORD);
    assert.equal(noCode.json().code, 'ERR_AUTH_TOTP_REQUIRED');

    // The login clock is the test's; a code for that moment, one step later than enrolment.
    clock = new Date(Date.now() + 120_000);
    const code = await totpCode(secret, Math.floor(clock.getTime() / 1000));
    assert.equal((await login(account.username, TEST_PASSWORD, code)).statusCode, 200);
    const replay = await login(account.username, TEST_PASSWORD, code);
    assert.equal(replay.json().code, 'ERR_AUTH_TOTP_INVALID');
  });
});
