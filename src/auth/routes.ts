/** /api/auth: logging in and out, one's own account, and (admin) accounts and API tokens. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

import { fail } from '../errorCatalog.ts';
import type { PlatformContext } from '../platform/context.ts';
import { auditFacts } from '../server/security.ts';
import {
  accountView, changeAccount, createAccount, findAccount, listAccounts, setPassword, type AccountChange,
} from './accounts.ts';
import { generatePassword, verifyPassword } from './passwords.ts';
import { ROLE_NAMES, ROLES, type Role } from './roles.ts';
import { CSRF_COOKIE, SESSION_COOKIE } from './settings.ts';
import { checkTotp, newTotpSecret, totpUri } from './totp.ts';

const userSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    username: { type: 'string' },
    displayName: { type: 'string' },
    role: { type: 'string' },
    roleTitle: { type: 'string' },
    department: { type: 'string', nullable: true },
    county: { type: 'string', nullable: true },
    entity: { type: 'string', nullable: true },
    totp: { type: 'boolean' },
    disabled: { type: 'boolean' },
    locked: { type: 'boolean' },
    mustChangePassword: { type: 'boolean' },
    createdAt: { type: 'string' },
  },
} as const;

const text = (max: number) => ({ type: 'string', minLength: 1, maxLength: max }) as const;
const nullableText = (max: number) => ({ type: ['string', 'null'], maxLength: max }) as const;

export async function authRoutes(app: FastifyInstance, ctx: PlatformContext): Promise<void> {
  const db = ctx.store.db;
  const settings = app.authSettings;

  function setSessionCookies(reply: FastifyReply, token: string, csrfToken: string, expiresAt: string) {
    const base = { path: '/', sameSite: 'strict' as const, secure: settings.secureCookies, expires: new Date(expiresAt) };
    reply.setCookie(SESSION_COOKIE, token, { ...base, httpOnly: true });
    // Readable by the page so it can echo it in x-csrf-token.
    reply.setCookie(CSRF_COOKIE, csrfToken, { ...base, httpOnly: false });
  }

  app.post('/login', {
    config: { rateLimit: { max: settings.loginRatePerMinute, timeWindow: 60_000 } },
    schema: {
      tags: ['auth'],
      summary: '登录（用户名、密码，管理员可加动态口令）',
      body: {
        type: 'object',
        required: ['username', 'password'],
        additionalProperties: false,
        properties: { username: text(64), password: text(200), totp: { type: 'string', maxLength: 10 } },
      },
      response: {
        200: { type: 'object', properties: { user: userSchema, csrfToken: { type: 'string' }, expiresAt: { type: 'string' } } },
      },
    },
  }, async (request, reply) => {
    const body = request.body as { username: string; password: string; totp?: string };
    const result = await app.sessions.login({
      username: body.username,
      password: body.password,
      ...(body.totp ? { totp: body.totp } : {}),
      ip: request.ip,
      userAgent: request.headers['user-agent'] ?? null,
    });

    // A session cookie sent along with the login is retired: no fixation.
    if (request.caller?.sessionId) await app.sessions.logout(request.caller.sessionId);
    setSessionCookies(reply, result.token, result.csrfToken, result.expiresAt);
    return { user: result.user, csrfToken: result.csrfToken, expiresAt: result.expiresAt };
  });

  app.post('/logout', {
    schema: { tags: ['auth'], summary: '退出登录', response: { 200: { type: 'object', properties: { ok: { type: 'boolean' } } } } },
  }, async (request, reply) => {
    if (request.caller?.sessionId) await app.sessions.logout(request.caller.sessionId);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    reply.clearCookie(CSRF_COOKIE, { path: '/' });
    return { ok: true };
  });

  app.get('/me', {
    schema: {
      tags: ['auth'],
      summary: '当前登录账号',
      response: { 200: { type: 'object', properties: { user: userSchema, csrfToken: { type: 'string', nullable: true }, via: { type: 'string' } } } },
    },
  }, async (request) => {
    if (!request.caller) fail('ERR_AUTH_REQUIRED');
    const row = await findAccount(db, request.caller.userId);
    if (!row) fail('ERR_AUTH_REQUIRED');
    return { user: accountView(row), csrfToken: request.csrfToken ?? null, via: request.caller!.via };
  });

  app.get('/roles', {
    schema: { tags: ['auth'], summary: '角色列表' },
  }, async () => ROLE_NAMES.map((id) => ({ id, title: ROLES[id].title, en: ROLES[id].en })));

  // The account's own credentials change only in a signed-in session: a
  // machine's API token, if it leaked, must not become the account itself
  // (a second factor the holder controls, a password changed under it).
  const sessionOnly = async (request: FastifyRequest) => {
    if (request.caller?.via === 'token') fail('ERR_AUTH_SESSION_REQUIRED');
  };

  app.post('/password', {
    preHandler: sessionOnly,
    schema: {
      tags: ['auth'],
      summary: '修改本人密码',
      body: { type: 'object', required: ['current', 'next'], additionalProperties: false, properties: { current: text(200), next: text(200) } },
    },
  }, async (request) => {
    const { current, next } = request.body as { current: string; next: string };
    const row = await findAccount(db, request.caller!.userId);
    if (!row || !(await verifyPassword(row.password_hash, current))) fail('ERR_AUTH_BAD_CREDENTIALS');

    await setPassword(db, row.id, next, { minLength: settings.passwordMinLength, mustChange: false, ...(request.caller!.sessionId ? { keepSession: request.caller!.sessionId } : {}) });
    return { ok: true };
  });

  app.post('/totp/setup', {
    preHandler: sessionOnly,
    schema: { tags: ['auth'], summary: '登记身份验证器（第二因素），返回密钥与二维码地址' },
  }, async (request) => {
    const secret = newTotpSecret();
    await db.updateTable('auth_user').set({ totp_pending_secret: secret }).where('id', '=', request.caller!.userId).execute();
    return { secret, uri: totpUri(secret, request.caller!.username) };
  });

  app.post('/totp/confirm', {
    preHandler: sessionOnly,
    schema: {
      tags: ['auth'],
      summary: '输入动态口令，启用第二因素',
      description: '已启用第二因素时，更换身份验证器须同时输入原验证器的动态口令（current）。',
      body: {
        type: 'object',
        required: ['code'],
        additionalProperties: false,
        properties: { code: { type: 'string', pattern: '^\\d{6}$' }, current: { type: 'string', pattern: '^\\d{6}$' } },
      },
    },
  }, async (request) => {
    if (!request.caller) fail('ERR_AUTH_REQUIRED');
    const row = await findAccount(db, request.caller.userId);
    if (!row?.totp_pending_secret) fail('ERR_AUTH_TOTP_INVALID');

    // Replacing a second factor takes the one in use: a session taken over
    // (or a password that leaked) must not swap in the taker's authenticator.
    const body = request.body as { code: string; current?: string };
    if (row.totp_secret && (!body.current || (await checkTotp(row.totp_secret, body.current, row.totp_last_step)) === undefined)) {
      fail('ERR_AUTH_TOTP_CURRENT_REQUIRED');
    }
    const step = await checkTotp(row.totp_pending_secret, body.code, null);
    if (step === undefined) fail('ERR_AUTH_TOTP_INVALID');
    await db.updateTable('auth_user')
      .set({ totp_secret: row.totp_pending_secret, totp_pending_secret: null, totp_last_step: step })
      .where('id', '=', row.id).execute();
    return { ok: true };
  });

  // ── administration
  const accountBody = {
    type: 'object',
    additionalProperties: false,
    properties: {
      username: text(64),
      displayName: text(100),
      role: { type: 'string', enum: ROLE_NAMES },
      department: nullableText(100),
      county: nullableText(64),
      entity: nullableText(64),
      password: text(200),
    },
  } as const;

  app.get('/users', {
    schema: { tags: ['auth'], summary: '账号列表（系统管理）', response: { 200: { type: 'array', items: userSchema } } },
  }, async () => listAccounts(db));

  app.post('/users', {
    schema: {
      tags: ['auth'],
      summary: '新建账号（系统管理），未给密码时生成初始密码',
      body: { ...accountBody, required: ['username', 'displayName', 'role'] },
    },
  }, async (request, reply) => {
    const body = request.body as { username: string; displayName: string; role: Role; department?: string | null; county?: string | null; entity?: string | null; password?: string };
    const created = await createAccount(db, { ...body, createdBy: request.caller!.userId }, { minLength: settings.passwordMinLength });
    await app.audit.append({
      ...auditFacts(request),
      action: 'auth.user.create',
      target: `auth_user:${created.user.id}`,
      outcome: 'ok',
      detail: { username: created.user.username, role: created.user.role, county: created.user.county, entity: created.user.entity },
    });
    reply.code(201);
    return created;
  });

  app.patch('/users/:id', {
    schema: {
      tags: ['auth'],
      summary: '修改账号角色、区县、停用或解锁（系统管理）',
      params: { type: 'object', required: ['id'], properties: { id: { type: 'string', maxLength: 64 } } },
      body: {
        type: 'object',
        additionalProperties: false,
        properties: {
          displayName: text(100),
          role: { type: 'string', enum: ROLE_NAMES },
          department: nullableText(100),
          county: nullableText(64),
          entity: nullableText(64),
          disabled: { type: 'boolean' },
          unlock: { type: 'boolean' },
          reason: { type: 'string', maxLength: 500 },
        },
      },
      response: { 200: userSchema },
    },
  }, async (request) => {
    const { id } = request.params as { id: string };
    const { reason: _reason, ...change } = request.body as AccountChange & { reason?: string };
    if (id === request.caller!.userId && (change.role !== undefined || change.disabled)) {
      // Nobody changes their own role or disables themselves: a second admin must.
      fail('ERR_AUTH_FORBIDDEN');
    }
    const before = await findAccount(db, id);
    const after = await changeAccount(db, id, change);
    await app.audit.append({
      ...auditFacts(request),
      action: 'auth.user.change',
      target: `auth_user:${id}`,
      outcome: 'ok',
      detail: { from: before ? { role: before.role, county: before.county, entity: before.entity_id, disabled: before.disabled } : null, change },
    });
    return after;
  });

  app.post('/users/:id/password', {
    schema: {
      tags: ['auth'],
      summary: '重置账号密码（系统管理），返回新的初始密码',
      params: { type: 'object', required: ['id'], properties: { id: { type: 'string', maxLength: 64 } } },
    },
  }, async (request) => {
    const { id } = request.params as { id: string };
    if (!(await findAccount(db, id))) fail('ERR_CORE_NOT_FOUND');

    const initialPassword = generatePassword();
    await setPassword(db, id, initialPassword, { minLength: settings.passwordMinLength, mustChange: true });
    return { initialPassword };
  });

  app.post('/users/:id/tokens', {
    schema: {
      tags: ['auth'],
      summary: '为机器客户端签发接口令牌（系统管理），令牌只显示一次',
      params: { type: 'object', required: ['id'], properties: { id: { type: 'string', maxLength: 64 } } },
      body: {
        type: 'object',
        required: ['label'],
        additionalProperties: false,
        properties: { label: text(100), expiresAt: { type: 'string', format: 'date-time' } },
      },
    },
  }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const { label, expiresAt } = request.body as { label: string; expiresAt?: string };
    if (!(await findAccount(db, id))) fail('ERR_CORE_NOT_FOUND');

    const created = await app.sessions.createApiToken(id, label, request.caller!.userId, expiresAt ?? null);
    reply.code(201);
    return created;
  });

  app.delete('/tokens/:id', {
    schema: {
      tags: ['auth'],
      summary: '吊销接口令牌（系统管理）',
      params: { type: 'object', required: ['id'], properties: { id: { type: 'string', maxLength: 64 } } },
    },
  }, async (request) => {
    const revoked = await app.sessions.revokeApiToken((request.params as { id: string }).id);
    if (!revoked) fail('ERR_CORE_NOT_FOUND');
    return { ok: true };
  });
}
