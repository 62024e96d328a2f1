/**
 * Who may do what in the price area. The caller is the platform's signed-in
 * one (session or API token); while the platform runs with enforcement off
 * (docs/security.md) the headers `x-user` and `x-role` stand in. Which roles
 * may call a route at all is declared in src/price/routes/access.ts; the
 * roles each step of a warning needs are parameters of D3 3.4 (params/d3-price/
 * warnings.yaml): this file is the one place that reads them.
 *
 * | action                         | role (parameter)                                  |
 * | ------------------------------ | ------------------------------------------------- |
 * | propose, enter a declaration   | price.d3.art3_4.proposer_role (price_office)      |
 * | approve / reject, change level | price.d3.art3_4.approval_roles[level]             |
 * | terminate                      | price.d3.art3_4.approval_roles[level]             |
 * | publish (CAP)                  | price.d3.art3_4.publisher_role (emergency_bureau) |
 */
import type { FastifyRequest } from 'fastify';

import type { IsoDate } from '../../core/dates.ts';
import type { ParamRegistry } from '../../core/params/registry.ts';
import { fail } from '../../errorCatalog.ts';
import type { Level } from '../rules/types.ts';
import { levelTable } from './settings.ts';

export interface Caller {
  user: string;
  role: string;
  /** Bound county (县(市)区 code); null = city-wide. */
  county?: string | null;
}

type Headers = Record<string, string | string[] | undefined>;

function header(headers: Headers, name: string): string | undefined {
  const value = headers[name];
  const text = Array.isArray(value) ? value[0] : value;
  return text?.trim() || undefined;
}

/** The caller of a request: the platform's, or the stand-in headers when enforcement is off. */
export function callerFrom(request: Pick<FastifyRequest, 'headers'> & { caller?: FastifyRequest['caller'] }): Caller {
  const signedIn = request.caller;
  if (signedIn) return { user: signedIn.username, role: signedIn.role, county: signedIn.county };

  return callerFromHeaders(request.headers);
}

export function callerFromHeaders(headers: Headers): Caller {
  const user = header(headers, 'x-user');
  const role = header(headers, 'x-role');
  if (!user || !role) {
    fail('ERR_PRICE_CALLER_MISSING', { details: { missing: [...(user ? [] : ['x-user']), ...(role ? [] : ['x-role'])] } });
  }
  return { user, role };
}

export type WarningAction = 'propose' | 'approve' | 'reject' | 'publish' | 'change_level' | 'terminate';

function paramValue<T>(params: ParamRegistry, id: string, date: IsoDate): T {
  const found = params.at<T>(id, date);
  if (!found) fail('ERR_PRICE_PARAM_INVALID', { details: { id, date, reason: 'not in force' } });
  return found.value;
}

/** The role a warning action at a level needs on a date. */
export function roleFor(params: ParamRegistry, action: WarningAction, level: Level, date: IsoDate): string {
  switch (action) {
    case 'propose':
      return paramValue<string>(params, 'price.d3.art3_4.proposer_role', date);
    case 'publish':
      return paramValue<string>(params, 'price.d3.art3_4.publisher_role', date);
    default: {
      const id = 'price.d3.art3_4.approval_roles';
      return levelTable<string>(id, paramValue(params, id, date))[level];
    }
  }
}

export function requireRole(caller: Caller, role: string, action: string): void {
  if (caller.role !== role) {
    fail('ERR_PRICE_ROLE_FORBIDDEN', { details: { action, required: role, role: caller.role } });
  }
}
