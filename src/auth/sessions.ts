/**
 * Logging in and staying logged in. A session is a row whose id is the
 * SHA-256 of the cookie's random token: stealing the table gives no usable
 * cookie, and revoking the row ends the session at once (logout, password
 * change, role change). Sessions end after an idle period and at an
 * absolute limit, whatever the client does with its cookie.
 */
import type { Kysely } from 'kysely';

import type { AuthUserTable } from '../db/coreTables.ts';
import type { Database } from '../db/schema.ts';
import { fail } from '../errorCatalog.ts';
import type { AuditEntry } from '../platform/audit.ts';
import { accountView, findAccountByUsername, type AccountView } from './accounts.ts';
import { decoyHash, verifyPassword } from './passwords.ts';
import type { Caller, Role } from './roles.ts';
import type { AuthSettings } from './settings.ts';
import { checkTotp } from './totp.ts';
import { newToken, tokenDigest } from './tokens.ts';

export type Clock = () => Date;

function plusMinutes(date: Date, minutes: number): string {
  return new Date(date.getTime() + minutes * 60_000).toISOString();
}

export interface LoginInput {
  username: string;
  password: string;
  totp?: string;
  ip?: string | null;
  userAgent?: string | null;
}

export interface LoginResult {
  token: string;
  csrfToken: string;
  expiresAt: string;
  user: AccountView;
}

export function callerOf(user: AuthUserTable, via: Caller['via'], sessionId?: string): Caller {
  return {
    userId: user.id,
    username: user.username,
    role: user.role as Role,
    department: user.department,
    county: user.county,
    entity: user.entity_id,
    via,
    ...(sessionId ? { sessionId } : {}),
  };
}

export class SessionService {
  constructor(
    readonly db: Kysely<Database>,
    private readonly settings: AuthSettings,
    private readonly audit: (entry: AuditEntry) => Promise<unknown>,
    private readonly now: Clock = () => new Date(),
  ) {}

  async login(input: LoginInput): Promise<LoginResult> {
    const now = this.now();
    const nowIso = now.toISOString();
    const user = await findAccountByUsername(this.db, input.username);
    const facts = { ip: input.ip ?? null, action: 'auth.login' } as const;

    if (!user) {
      // Spend the same time as a real check so response times do not tell
      // which usernames exist.
      await verifyPassword(await decoyHash(), input.password);
      await this.audit({ ...facts, outcome: 'denied', actorName: input.username.slice(0, 64), detail: { why: 'unknown user' } });
      fail('ERR_AUTH_BAD_CREDENTIALS');
    }

    const base = { ...facts, actorId: user.id, actorName: user.username, actorRole: user.role, target: `auth_user:${user.id}` };
    if (user.locked_until && user.locked_until > nowIso) {
      await this.audit({ ...base, outcome: 'denied', detail: { why: 'locked' } });
      fail('ERR_AUTH_LOCKED', { details: { until: user.locked_until } });
    }

    if (!(await verifyPassword(user.password_hash, input.password))) {
      await this.recordFailure(user, now, base, 'wrong password');
    }

    if (user.disabled === 1) {
      await this.audit({ ...base, outcome: 'denied', detail: { why: 'disabled' } });
      fail('ERR_AUTH_DISABLED');
    }

    const needsTotp = Boolean(user.totp_secret) || (user.role === 'admin' && this.settings.adminTotpRequired);
    if (needsTotp) {
      if (!input.totp) fail('ERR_AUTH_TOTP_REQUIRED');
      if (!user.totp_secret) fail('ERR_AUTH_TOTP_REQUIRED', { details: { reason: '管理员须先登记身份验证器' } });

      const step = await checkTotp(user.totp_secret, input.totp, user.totp_last_step, Math.floor(now.getTime() / 1000));
      if (step === undefined) await this.recordFailure(user, now, base, 'wrong totp', 'ERR_AUTH_TOTP_INVALID');
      await this.db.updateTable('auth_user').set({ totp_last_step: step! }).where('id', '=', user.id).execute();
    }

    const { token, csrfToken, expiresAt, sessionId } = await this.startSession(user.id, input.ip ?? null, input.userAgent ?? null);
    await this.audit({ ...base, outcome: 'ok', detail: { session: sessionId.slice(0, 12), totp: needsTotp } });

    return { token, csrfToken, expiresAt, user: accountView(user, now) };
  }

  /** A new session for an account whose credentials were checked. */
  async startSession(userId: string, ip: string | null, userAgent: string | null): Promise<{ token: string; csrfToken: string; expiresAt: string; sessionId: string }> {
    const now = this.now();
    const nowIso = now.toISOString();
    const token = newToken();
    const csrfToken = newToken(24);
    const expiresAt = plusMinutes(now, this.settings.sessionAbsoluteMinutes);
    const sessionId = tokenDigest(token);
    await this.db.transaction().execute(async (trx) => {
      await trx.updateTable('auth_user').set({ failed_logins: 0, locked_until: null }).where('id', '=', userId).execute();
      await trx.insertInto('auth_session').values({
        id: sessionId,
        user_id: userId,
        csrf_token: csrfToken,
        created_at: nowIso,
        expires_at: expiresAt,
        idle_expires_at: plusMinutes(now, this.settings.sessionIdleMinutes),
        last_seen_at: nowIso,
        ip,
        user_agent: userAgent?.slice(0, 200) ?? null,
        revoked_at: null,
        revoke_reason: null,
      }).execute();
    });
    return { token, csrfToken, expiresAt, sessionId };
  }

  private async recordFailure(
    user: AuthUserTable,
    now: Date,
    base: Omit<AuditEntry, 'outcome'>,
    why: string,
    code: 'ERR_AUTH_BAD_CREDENTIALS' | 'ERR_AUTH_TOTP_INVALID' = 'ERR_AUTH_BAD_CREDENTIALS',
  ): Promise<never> {
    const updated = await this.db.updateTable('auth_user')
      .set((eb) => ({ failed_logins: eb('failed_logins', '+', 1) }))
      .where('id', '=', user.id)
      .returning('failed_logins')
      .executeTakeFirstOrThrow();
    const locks = updated.failed_logins >= this.settings.lockAfterFailures;
    if (locks) {
      await this.db.updateTable('auth_user')
        .set({ locked_until: plusMinutes(now, this.settings.lockMinutes), failed_logins: 0 })
        .where('id', '=', user.id).execute();
    }
    await this.audit({ ...base, outcome: 'denied', detail: { why, failures: updated.failed_logins, locked: locks } });
    if (locks) fail('ERR_AUTH_LOCKED');
    fail(code);
  }

  /** The caller behind a session cookie's token, or undefined. */
  async resolveSession(token: string): Promise<{ caller: Caller; csrfToken: string; user: AuthUserTable } | undefined> {
    if (!token || token.length > 100) return undefined;

    const id = tokenDigest(token);
    const row = await this.db
      .selectFrom('auth_session')
      .innerJoin('auth_user', 'auth_user.id', 'auth_session.user_id')
      .selectAll('auth_user')
      .select([
        'auth_session.id as session_id', 'auth_session.csrf_token', 'auth_session.expires_at',
        'auth_session.idle_expires_at', 'auth_session.last_seen_at', 'auth_session.revoked_at',
      ])
      .where('auth_session.id', '=', id)
      .executeTakeFirst();
    if (!row) return undefined;

    const now = this.now();
    const nowIso = now.toISOString();
    if (row.revoked_at || row.expires_at <= nowIso || row.idle_expires_at <= nowIso || row.disabled === 1) return undefined;

    // Slide the idle limit, but write at most once a minute per session.
    if (now.getTime() - Date.parse(row.last_seen_at) > 60_000) {
      await this.db.updateTable('auth_session').set({
        last_seen_at: nowIso,
        idle_expires_at: plusMinutes(now, this.settings.sessionIdleMinutes),
      }).where('id', '=', id).execute();
    }

    const { session_id: _s, csrf_token, expires_at: _e, idle_expires_at: _i, last_seen_at: _l, revoked_at: _r, ...user } = row;
    return { caller: callerOf(user, 'session', id), csrfToken: csrf_token, user };
  }

  async logout(sessionId: string): Promise<void> {
    await this.db.updateTable('auth_session')
      .set({ revoked_at: this.now().toISOString(), revoke_reason: 'logout' })
      .where('id', '=', sessionId).where('revoked_at', 'is', null).execute();
  }

  /** An API token for a machine client; the token is shown once. */
  async createApiToken(userId: string, label: string, createdBy: string, expiresAt: string | null): Promise<{ id: string; token: string }> {
    const token = `jixi_${newToken()}`;
    const id = tokenDigest(token);
    await this.db.insertInto('auth_token').values({
      id,
      user_id: userId,
      label,
      prefix: token.slice(0, 9),
      created_by: createdBy,
      created_at: this.now().toISOString(),
      expires_at: expiresAt,
      last_used_at: null,
      revoked_at: null,
    }).execute();
    return { id, token };
  }

  async resolveApiToken(token: string): Promise<Caller | undefined> {
    if (!token.startsWith('jixi_') || token.length > 100) return undefined;

    const id = tokenDigest(token);
    const row = await this.db
      .selectFrom('auth_token')
      .innerJoin('auth_user', 'auth_user.id', 'auth_token.user_id')
      .selectAll('auth_user')
      .select(['auth_token.expires_at as token_expires_at', 'auth_token.revoked_at as token_revoked_at'])
      .where('auth_token.id', '=', id)
      .executeTakeFirst();
    if (!row) return undefined;

    const nowIso = this.now().toISOString();
    if (row.token_revoked_at || (row.token_expires_at && row.token_expires_at <= nowIso) || row.disabled === 1) return undefined;

    const { token_expires_at: _e, token_revoked_at: _r, ...user } = row;
    return callerOf(user, 'token');
  }

  async revokeApiToken(id: string): Promise<boolean> {
    const result = await this.db.updateTable('auth_token').set({ revoked_at: this.now().toISOString() })
      .where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

}
