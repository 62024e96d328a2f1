/**
 * Accounts: create, list, change. A role's binding is checked here once:
 * 市场主体 accounts speak for exactly one entity; officers may be bound to a
 * county; administrators are city-wide.
 */
import { randomUUID } from 'node:crypto';

import type { Kysely } from 'kysely';

import type { AuthUserTable } from '../db/coreTables.ts';
import type { Database } from '../db/schema.ts';
import { fail } from '../errorCatalog.ts';
import { generatePassword, hashPassword, passwordProblem } from './passwords.ts';
import { isRole, ROLES, type Role } from './roles.ts';

export interface NewAccount {
  username: string;
  displayName: string;
  role: Role;
  department?: string | null;
  county?: string | null;
  entity?: string | null;
  /** Omitted: a random initial password is generated and returned once. */
  password?: string;
  createdBy: string;
}

export interface AccountView {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  roleTitle: string;
  department: string | null;
  county: string | null;
  entity: string | null;
  totp: boolean;
  disabled: boolean;
  locked: boolean;
  mustChangePassword: boolean;
  createdAt: string;
}

export function accountView(row: AuthUserTable, now = new Date()): AccountView {
  const role = row.role as Role;
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role,
    roleTitle: ROLES[role]?.title ?? row.role,
    department: row.department,
    county: row.county,
    entity: row.entity_id,
    totp: Boolean(row.totp_secret),
    disabled: row.disabled === 1,
    locked: Boolean(row.locked_until && row.locked_until > now.toISOString()),
    mustChangePassword: row.must_change_password === 1,
    createdAt: row.created_at,
  };
}

export function normaliseUsername(username: string): string {
  return username.trim().toLowerCase();
}

/** The binding a role requires; undefined when it fits. */
export function bindingProblem(role: string, county: string | null | undefined, entity: string | null | undefined): string | undefined {
  if (!isRole(role)) return `没有这个角色：${role}`;
  if (role === 'entity' && !entity) return '市场主体账号须绑定统一社会信用代码';
  if (role !== 'entity' && entity) return '只有市场主体账号可以绑定市场主体';
  if (role === 'admin' && county) return '系统管理账号不绑定区县';
  return undefined;
}

export async function createAccount(
  db: Kysely<Database>,
  account: NewAccount,
  options: { minLength: number; mustChange?: boolean },
): Promise<{ user: AccountView; initialPassword?: string }> {
  const username = normaliseUsername(account.username);
  if (!/^[a-z0-9][a-z0-9._-]{2,63}$/.test(username)) {
    fail('ERR_CORE_INVALID_INPUT', { problems: [{ field: 'username', value: account.username, reason: '用户名为3–64位小写字母、数字、点、下划线或连字符' }] });
  }
  const binding = bindingProblem(account.role, account.county, account.entity);
  if (binding) fail('ERR_AUTH_ACCOUNT_INVALID', { details: { reason: binding } });

  const generated = account.password === undefined ? generatePassword() : undefined;
  const password = account.password ?? generated!;
  const weak = passwordProblem(password, options.minLength);
  if (weak) fail('ERR_AUTH_WEAK_PASSWORD', { details: { reason: weak } });

  const existing = await db.selectFrom('auth_user').select('id').where('username', '=', username).executeTakeFirst();
  if (existing) fail('ERR_AUTH_USER_EXISTS', { details: { username } });

  const now = new Date().toISOString();
  const row: AuthUserTable = {
    id: randomUUID(),
    username,
    display_name: account.displayName,
    role: account.role,
    department: account.department ?? null,
    county: account.county ?? null,
    entity_id: account.entity ?? null,
    password_hash: await hashPassword(password),
    password_changed_at: now,
    must_change_password: (options.mustChange ?? generated !== undefined) ? 1 : 0,
    totp_secret: null,
    totp_pending_secret: null,
    totp_last_step: null,
    failed_logins: 0,
    locked_until: null,
    disabled: 0,
    created_by: account.createdBy,
    created_at: now,
    updated_at: now,
  };
  await db.insertInto('auth_user').values(row).execute();
  return { user: accountView(row), ...(generated ? { initialPassword: generated } : {}) };
}

export async function listAccounts(db: Kysely<Database>): Promise<AccountView[]> {
  const rows = await db.selectFrom('auth_user').selectAll().orderBy('username').execute();
  const now = new Date();
  return rows.map((r) => accountView(r, now));
}

export async function findAccount(db: Kysely<Database>, id: string): Promise<AuthUserTable | undefined> {
  return db.selectFrom('auth_user').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findAccountByUsername(db: Kysely<Database>, username: string): Promise<AuthUserTable | undefined> {
  return db.selectFrom('auth_user').selectAll().where('username', '=', normaliseUsername(username)).executeTakeFirst();
}

export interface AccountChange {
  displayName?: string;
  role?: Role;
  department?: string | null;
  county?: string | null;
  entity?: string | null;
  disabled?: boolean;
  unlock?: boolean;
}

export async function changeAccount(db: Kysely<Database>, id: string, change: AccountChange): Promise<AccountView> {
  const row = await findAccount(db, id);
  if (!row) fail('ERR_CORE_NOT_FOUND', { details: { id } });

  const role = change.role ?? row.role;
  const county = change.county !== undefined ? change.county : row.county;
  const entity = change.entity !== undefined ? change.entity : row.entity_id;
  const binding = bindingProblem(role, county, entity);
  if (binding) fail('ERR_AUTH_ACCOUNT_INVALID', { details: { reason: binding } });

  const now = new Date().toISOString();
  const next = {
    display_name: change.displayName ?? row.display_name,
    role,
    department: change.department !== undefined ? change.department : row.department,
    county,
    entity_id: entity,
    disabled: change.disabled === undefined ? row.disabled : change.disabled ? 1 : 0,
    ...(change.unlock ? { failed_logins: 0, locked_until: null } : {}),
    updated_at: now,
  };
  await db.updateTable('auth_user').set(next).where('id', '=', id).execute();

  // A changed role, binding or a disabled account must not keep old sessions.
  const rebound = role !== row.role || county !== row.county || entity !== row.entity_id || next.disabled === 1;
  if (rebound) {
    await db.updateTable('auth_session').set({ revoked_at: now, revoke_reason: 'account changed' })
      .where('user_id', '=', id).where('revoked_at', 'is', null).execute();
    await db.updateTable('auth_token').set({ revoked_at: now })
      .where('user_id', '=', id).where('revoked_at', 'is', null).execute();
  }
  return accountView({ ...row, ...next });
}

export async function setPassword(
  db: Kysely<Database>,
  id: string,
  password: string,
  options: { minLength: number; mustChange: boolean; keepSession?: string },
): Promise<void> {
  const weak = passwordProblem(password, options.minLength);
  if (weak) fail('ERR_AUTH_WEAK_PASSWORD', { details: { reason: weak } });

  const now = new Date().toISOString();
  await db.updateTable('auth_user').set({
    password_hash: await hashPassword(password),
    password_changed_at: now,
    must_change_password: options.mustChange ? 1 : 0,
    failed_logins: 0,
    locked_until: null,
    updated_at: now,
  }).where('id', '=', id).execute();

  let revoke = db.updateTable('auth_session').set({ revoked_at: now, revoke_reason: 'password changed' })
    .where('user_id', '=', id).where('revoked_at', 'is', null);
  if (options.keepSession) revoke = revoke.where('id', '!=', options.keepSession);
  await revoke.execute();
}
