/**
 * Who is calling. Sessions and roles (src/auth) set `request.caller`; until
 * every client signs in, the guard also accepts the temporary x-user /
 * x-role headers. A change to the register needs a named caller; personal
 * data is masked unless the role's work needs it (src/auth/privacy.ts).
 */
import type { FastifyRequest } from 'fastify';

import { needsMasking } from '../../auth/privacy.ts';
import type { Caller } from '../../auth/roles.ts';
import { fail } from './fail.ts';

export interface Actor {
  user: string;
  role: string | null;
}

function header(request: FastifyRequest, name: string): string | null {
  const value = request.headers[name];
  return typeof value === 'string' && value.trim() ? value.trim().slice(0, 100) : null;
}

export function callerOf(request: FastifyRequest): Caller | null {
  return request.caller ?? null;
}

/** The named caller of a change; refused without one. */
export function actorOf(request: FastifyRequest): Actor {
  const caller = callerOf(request);
  if (caller) return { user: caller.username, role: caller.role };

  const user = header(request, 'x-user');
  if (!user) fail('ERR_DISABILITY_CALLER_REQUIRED');
  return { user, role: header(request, 'x-role') };
}

/** True when names and ID numbers must be masked for this caller. */
export function masked(request: FastifyRequest): boolean {
  return needsMasking(callerOf(request));
}
