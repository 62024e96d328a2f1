/**
 * Who is calling, and may they read this result. The platform's guard
 * (src/server/security.ts) establishes `request.caller` from the session,
 * an API token or — while sessions are not enforced — the headers x-user,
 * x-role, x-entity. Every read of a credit result goes through `readGate`,
 * which refuses a caller without a role, asks departments for the purpose,
 * and appends the read to credit_access_log, granted or not.
 */
import type { FastifyRequest } from 'fastify';

import { fail } from '../../errorCatalog.ts';
import { hasPermission, mayReadResult, type Caller, type Permission } from '../rules/access.ts';
import type { CreditServices } from '../services/index.ts';

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  if (typeof value !== 'string' || !value) return undefined;
  try {
    return decodeURIComponent(value).slice(0, 500);
  } catch {
    return value.slice(0, 500);
  }
}

export function callerOf(request: FastifyRequest): Caller | null {
  const platform = (request as { caller?: { username: string; role: string; entity: string | null; department: string | null } | null }).caller;
  if (platform) {
    return {
      user: platform.username,
      role: platform.role,
      ...(platform.entity ? { entity: platform.entity } : {}),
      ...(platform.department ? { department: platform.department } : {}),
    };
  }
  const role = header(request, 'x-role');
  if (!role) return null;
  const entity = header(request, 'x-entity');
  const department = header(request, 'x-department');
  return { user: header(request, 'x-user') ?? 'anonymous', role, ...(entity ? { entity } : {}), ...(department ? { department } : {}) };
}

export function requireCaller(request: FastifyRequest): Caller {
  const caller = callerOf(request);
  if (!caller) fail('ERR_CREDIT_ROLE_REQUIRED');
  return caller;
}

/** A write or workflow step: the role must hold the permission. */
export function requirePermission(request: FastifyRequest, permission: Permission): Caller {
  const caller = requireCaller(request);
  if (!hasPermission(caller, permission)) {
    fail('ERR_CREDIT_ACCESS_DENIED', { details: { role: caller.role, needs: permission } });
  }
  return caller;
}

/** The purpose of a read: x-audit-reason (the platform's), x-purpose, or ?purpose=. */
export function purposeOf(request: FastifyRequest): string | undefined {
  const query = request.query as { purpose?: unknown } | undefined;
  return header(request, 'x-audit-reason') ?? header(request, 'x-purpose') ??
    (typeof query?.purpose === 'string' && query.purpose ? query.purpose.slice(0, 500) : undefined);
}

export interface ReadGate {
  caller: Caller;
  purpose: string;
}

/**
 * May the caller read `uscc`'s results at this depth? Logged either way.
 * An entity reading its own needs no purpose; a department does.
 */
export async function readGate(
  services: CreditServices,
  request: FastifyRequest,
  uscc: string | null,
  depth: 'full' | 'summary',
  resource: string,
): Promise<ReadGate> {
  const caller = requireCaller(request);
  const action = `${request.method} ${request.routeOptions.url ?? request.url.split('?')[0]}`;
  const purpose = purposeOf(request) ?? (caller.role === 'entity' ? '本主体查询自身信用评价结果' : undefined);

  const decision = uscc === null
    ? (hasPermission(caller, depth === 'full' ? 'result.read' : 'result.summary')
      ? { allowed: true as const }
      : { allowed: false as const, reason: '无权查看信用评价结果' })
    : mayReadResult(caller, uscc, depth);
  if (!decision.allowed) {
    await services.accessLog.append({ caller, action, subject: uscc, resource, purpose: purpose ?? '', requestId: request.id, outcome: 'denied' });
    fail('ERR_CREDIT_ACCESS_DENIED', { details: { reason: decision.reason } });
  }
  if (!purpose) {
    await services.accessLog.append({ caller, action, subject: uscc, resource, purpose: '', requestId: request.id, outcome: 'denied' });
    fail('ERR_CREDIT_PURPOSE_REQUIRED');
  }
  await services.accessLog.append({ caller, action, subject: uscc, resource, purpose, requestId: request.id, outcome: 'granted' });
  return { caller, purpose };
}
