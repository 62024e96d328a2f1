/**
 * Signing in from tests: `asRole(app, role, { county, entity })` creates an
 * account with that role and binding, opens a session for it and returns
 * the headers to pass to `app.inject` (session cookie and CSRF token), so
 * a test exercises the same checks a browser request goes through.
 */
import { randomBytes, randomUUID } from 'node:crypto';

import type { FastifyInstance } from 'fastify';

import { hashPassword } from '../../src/auth/passwords.ts';
import type { Role } from '../../src/auth/roles.ts';
import { CSRF_HEADER, SESSION_COOKIE } from '../../src/auth/settings.ts';
import type { PlatformContext } from '../../src/platform/context.ts';

export const TEST_PASSWORD = 'test-password-2026';

let hashed: Promise<string> | undefined;

export interface TestAccount {
  id: string;
  username: string;
  role: Role;
  county: string | null;
  entity: string | null;
}

/** An account stored directly (the password is TEST_PASSWORD). */
export async function createTestAccount(
  ctx: PlatformContext,
  role: Role,
  options: { county?: string | null; entity?: string | null; username?: string; department?: string } = {},
): Promise<TestAccount> {
  hashed ??= hashPassword(TEST_PASSWORD);
  const now = new Date().toISOString();
  const id = randomUUID();
  const username = options.username ?? `${role.replace(/_/g, '-')}-${randomBytes(4).toString('hex')}`;
  const entity = options.entity ?? (role === 'entity' ? '91230300MA00TEST0X' : null);
  await ctx.store.db.insertInto('auth_user').values({
    id,
    username,
    display_name: `测试 ${role}`,
    role,
    department: options.department ?? null,
    county: options.county ?? null,
    entity_id: entity,
    password_hash: await hashed,
    password_changed_at: now,
    must_change_password: 0,
    totp_secret: null,
    totp_pending_secret: null,
    totp_last_step: null,
    failed_logins: 0,
    locked_until: null,
    disabled: 0,
    created_by: 'test',
    created_at: now,
    updated_at: now,
  }).execute();
  return { id, username, role, county: options.county ?? null, entity };
}

export type AuthHeaders = Record<string, string>;

/** Headers of a fresh session for an existing account. */
export async function sessionHeaders(app: FastifyInstance, userId: string): Promise<AuthHeaders> {
  const session = await app.sessions.startSession(userId, '127.0.0.1', 'test');
  return { cookie: `${SESSION_COOKIE}=${session.token}`, [CSRF_HEADER]: session.csrfToken };
}

/** Headers for inject as a caller of `role`, optionally bound to a county or entity. */
export async function asRole(
  app: FastifyInstance,
  role: Role,
  options: { county?: string; entity?: string; department?: string; ctx?: PlatformContext } = {},
): Promise<AuthHeaders> {
  const ctx = options.ctx ?? ({ store: { db: app.sessions.db } } as unknown as PlatformContext);
  const account = await createTestAccount(ctx, role, options);
  return sessionHeaders(app, account.id);
}
