/**
 * The platform's guard, installed on the root Fastify instance before any
 * route: security headers, cookies, login rate limits, and for every
 * request — who is calling (session cookie or API token), whether their
 * role may use the route (src/auth/permissions.ts), whether the records
 * lie in their county or entity, CSRF for state-changing requests, masking
 * of personal data, and the audit trail.
 */
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

import { paramRefresher, paramVersionRoutes } from '../auth/paramVersions.ts';
import { authRoutes } from '../auth/routes.ts';
import { auditRoutes } from '../platform/auditRoutes.ts';
import { accessFor, roleAllowed, type RouteAccess, type ScopeLocation } from '../auth/permissions.ts';
import { maskValue, needsMasking } from '../auth/privacy.ts';
import { isRole, type Caller } from '../auth/roles.ts';
import { SessionService, type Clock } from '../auth/sessions.ts';
import { authSettings, CSRF_HEADER, SESSION_COOKIE, type AuthSettings } from '../auth/settings.ts';
import { sameSecret } from '../auth/tokens.ts';
import { platformError } from '../errorCatalog.ts';
import { auditWriter, type AuditEntry, type AuditWriter } from '../platform/audit.ts';
import type { PlatformContext } from '../platform/context.ts';

/**
 * The guard is on unless a caller of `buildApp` turns it off in code: area
 * tests that speak as a role through the temporary x-role / x-user /
 * x-county / x-entity headers pass `auth: { enforce: false }`. No setting
 * or environment variable turns it off in a running platform; the guard
 * itself is tested route by route in test/auth.
 */
export const AUTH_ENFORCED_BY_DEFAULT = true;

export interface SecurityOptions {
  /**
   * Deny what permissions.ts does not allow. Off only while the areas move
   * from the temporary x-user / x-role / x-entity headers to sessions.
   */
  enforce?: boolean;
  settings?: Partial<AuthSettings>;
  /** Injected clock, for tests of expiry and lock-out. */
  now?: Clock;
}

/** Record-level checks a handler makes on what it loads. */
export class ScopeGuard {
  /** Set once the handler filtered or checked records. */
  checked = false;

  constructor(
    private readonly caller: Caller | null,
    private readonly enforce: boolean,
  ) {}

  /** What a list query must be restricted to: the caller's county and/or entity. */
  filter(): { county?: string; entity?: string } {
    this.checked = true;
    if (!this.caller) return {};
    return {
      ...(this.caller.county ? { county: this.caller.county } : {}),
      ...(this.caller.role === 'entity' && this.caller.entity ? { entity: this.caller.entity } : {}),
    };
  }

  allows(record: { county?: string | null; entity?: string | null }): boolean {
    this.checked = true;
    if (!this.enforce || !this.caller) return true;
    if (this.caller.role === 'entity' && (record.entity === undefined || record.entity !== this.caller.entity)) return false;
    if (this.caller.county && record.county !== undefined && record.county !== this.caller.county) return false;
    return true;
  }

  /** The rows within the caller's reach (an empty list counts as checked). */
  keep<T>(rows: readonly T[], of: (row: T) => { county?: string | null; entity?: string | null }): T[] {
    this.checked = true;
    return rows.filter((row) => this.allows(of(row)));
  }

  /** Throws ERR_AUTH_OUT_OF_SCOPE for a record outside the caller's reach. */
  check(record: { county?: string | null; entity?: string | null }): void {
    if (!this.allows(record)) throw platformError('ERR_AUTH_OUT_OF_SCOPE');
  }
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is calling; null when nobody signed in. */
    caller: Caller | null;
    /** The route's declaration in src/auth/permissions.ts. */
    access: RouteAccess | undefined;
    scope: ScopeGuard;
    csrfToken: string | undefined;
  }
  interface FastifyInstance {
    sessions: SessionService;
    /** Every route registered, as `METHOD /url`, for the permission matrix. */
    registeredRoutes: RegisteredRoute[];
    audit: AuditWriter;
    authSettings: AuthSettings;
    authEnforced: boolean;
  }
}

export interface RegisteredRoute {
  method: string;
  url: string;
  /** Property names of the JSON body schema, for fuzzing. */
  bodyKeys: string[];
}

const CHANGES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function legacyCaller(request: FastifyRequest): Caller | null {
  const role = request.headers['x-role'];
  if (!isRole(role)) return null;
  const header = (name: string) => {
    const v = request.headers[name];
    return typeof v === 'string' && v ? v : null;
  };
  return {
    userId: header('x-user') ?? 'legacy',
    username: header('x-user') ?? 'legacy',
    role,
    department: null,
    county: header('x-county'),
    entity: header('x-entity'),
    via: 'legacy-header',
  };
}

/** `x-audit-reason` may carry Chinese percent-encoded; a body `reason` also counts. */
function auditReason(request: FastifyRequest): string | null {
  const header = request.headers['x-audit-reason'];
  if (typeof header === 'string' && header) {
    try {
      return decodeURIComponent(header).slice(0, 500);
    } catch {
      return header.slice(0, 500);
    }
  }
  const body = request.body as { reason?: unknown } | undefined;
  return body && typeof body === 'object' && typeof body.reason === 'string' ? body.reason.slice(0, 500) : null;
}

function targetOf(request: FastifyRequest): string | null {
  const params = request.params as Record<string, unknown> | undefined;
  if (!params || typeof params !== 'object') return null;
  const parts = Object.entries(params).filter(([k]) => k !== '*').map(([k, v]) => `${k}=${String(v)}`);
  return parts.length ? parts.join('&').slice(0, 300) : null;
}

export function auditFacts(request: FastifyRequest): Pick<AuditEntry, 'actorId' | 'actorName' | 'actorRole' | 'ip' | 'requestId' | 'reason'> {
  return {
    actorId: request.caller?.userId ?? null,
    actorName: request.caller?.username ?? null,
    actorRole: request.caller?.role ?? null,
    ip: request.ip,
    requestId: request.id,
    reason: auditReason(request),
  };
}

function locate(request: FastifyRequest, location: Exclude<ScopeLocation, 'record'>): { container: Record<string, unknown> | undefined; key: string } {
  const dot = location.indexOf('.');
  const where = location.slice(0, dot);
  const key = location.slice(dot + 1);
  const source = where === 'params' ? request.params : where === 'query' ? request.query : request.body;
  return { container: source && typeof source === 'object' ? (source as Record<string, unknown>) : undefined, key };
}

/** A request naming another county or entity than the caller's is refused; one naming none gets the caller's. */
function applyLocation(request: FastifyRequest, location: ScopeLocation | undefined, own: string | null): void {
  if (!location || location === 'record' || own === null) return;

  const { container, key } = locate(request, location);
  if (!container) {
    if (location.startsWith('query.')) (request as { query: unknown }).query = { [key]: own };
    return;
  }
  const value = container[key];
  if (value === undefined || value === null || value === '') {
    if (!location.startsWith('params.')) container[key] = own;
    return;
  }
  if (String(value) !== own) throw platformError('ERR_AUTH_OUT_OF_SCOPE');
}

function needsRecordCheck(access: RouteAccess | undefined, caller: Caller | null): boolean {
  if (!access?.scope || !caller) return false;
  if (access.scope.county === 'record' && caller.county) return true;
  return access.scope.entity === 'record' && caller.role === 'entity';
}

export async function registerSecurity(app: FastifyInstance, ctx: PlatformContext, options: SecurityOptions = {}): Promise<void> {
  const enforce = options.enforce ?? true;
  const settings = authSettings(options.settings);
  const audit = auditWriter(ctx.store.db);
  const sessions = new SessionService(ctx.store.db, settings, (e) => audit.append(e), options.now);

  const registered: RegisteredRoute[] = [];
  app.decorate('registeredRoutes', registered);
  app.addHook('onRoute', (route) => {
    const body = (route.schema as { body?: { properties?: Record<string, unknown> } } | undefined)?.body;
    const bodyKeys = Object.keys(body?.properties ?? {});
    for (const method of ([] as string[]).concat(route.method)) {
      if (method !== 'HEAD') registered.push({ method, url: route.url, bodyKeys });
    }
  });
  app.addHook('onReady', async () => {
    const undeclared = registered.filter((r) => r.url.startsWith('/api') && !accessFor(r.method, r.url));
    // Denied at run time; said loudly at start so nobody wonders why.
    if (undeclared.length && enforce) app.log.error({ routes: undeclared.map((r) => `${r.method} ${r.url}`) }, 'routes without a permission declaration are denied');
  });
  app.decorate('sessions', sessions);
  app.decorate('audit', audit);
  app.decorate('authSettings', settings);
  app.decorate('authEnforced', enforce);
  app.decorateRequest('caller', null);
  app.decorateRequest('access', undefined);
  app.decorateRequest('scope', null as unknown as ScopeGuard);
  app.decorateRequest('csrfToken', undefined);

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // antd and ECharts set inline styles; scripts stay same-origin only.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        objectSrc: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
    hsts: settings.secureCookies ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  });
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      platformError('ERR_AUTH_RATE_LIMITED', { details: { retryAfterSeconds: Math.ceil(context.ttl / 1000) } }),
  });

  async function deny(request: FastifyRequest, code: 'ERR_AUTH_FORBIDDEN' | 'ERR_AUTH_OUT_OF_SCOPE' | 'ERR_AUTH_ROUTE_UNDECLARED' | 'ERR_AUTH_CSRF', detail: Record<string, unknown> = {}): Promise<never> {
    request.log.warn({ code, route: request.routeOptions.url, role: request.caller?.role }, 'access denied');
    await audit.append({
      ...auditFacts(request),
      action: `${request.method} ${request.routeOptions.url ?? request.url.split('?')[0]}`,
      target: targetOf(request),
      outcome: 'denied',
      detail: { code, ...detail },
    });
    throw platformError(code);
  }

  app.addHook('onRequest', async (request) => {
    const url = request.routeOptions.url;
    const access = url === undefined ? undefined : accessFor(request.method, url);
    request.access = access;

    const bearer = request.headers.authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
    const cookie = request.cookies[SESSION_COOKIE];
    if (bearer) {
      request.caller = (await sessions.resolveApiToken(bearer)) ?? null;
    } else if (cookie) {
      const found = await sessions.resolveSession(cookie);
      if (found) {
        request.caller = found.caller;
        request.csrfToken = found.csrfToken;
      }
    }
    if (!request.caller && !enforce) request.caller = legacyCaller(request);
    request.scope = new ScopeGuard(request.caller, enforce);

    if (!enforce || url === undefined) return;

    if (!access) await deny(request, 'ERR_AUTH_ROUTE_UNDECLARED');
    if (access!.roles === 'public') return;
    if (!request.caller) throw platformError('ERR_AUTH_REQUIRED');
    if (!roleAllowed(access!, request.caller.role)) await deny(request, 'ERR_AUTH_FORBIDDEN');
    if (access!.cityWideOnly && request.caller.county) await deny(request, 'ERR_AUTH_OUT_OF_SCOPE', { why: 'city-wide route' });

    // Cookies ride along on cross-site requests; a token the attacker's page
    // cannot read must ride along too. API tokens are not ambient: exempt.
    if (CHANGES.has(request.method) && request.caller.via === 'session' && !access!.csrfExempt) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !request.csrfToken || !sameSecret(sent, request.csrfToken)) {
        await deny(request, 'ERR_AUTH_CSRF');
      }
    }
  });

  app.addHook('preHandler', async (request) => {
    if (!enforce || !request.caller || !request.access?.scope) return;

    try {
      applyLocation(request, request.access.scope.county, request.caller.county);
      applyLocation(request, request.access.scope.entity, request.caller.role === 'entity' ? request.caller.entity ?? '' : null);
    } catch (error) {
      await deny(request, 'ERR_AUTH_OUT_OF_SCOPE');
      throw error;
    }
  });

  app.addHook('preSerialization', async (request, _reply, payload) => {
    if (!enforce || !needsMasking(request.caller)) return payload;
    if (!request.url.startsWith('/api')) return payload;
    return maskValue(payload, { names: Boolean(request.access?.personal || request.access?.export) });
  });

  app.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload) => {
    const status = reply.statusCode;
    const access = request.access;
    const url = request.routeOptions.url;
    if (url === undefined || !url.startsWith('/api')) return payload;

    if (enforce && status < 300 && needsRecordCheck(access, request.caller) && !request.scope.checked) {
      // The declaration says records are checked one by one; this handler
      // did not. Refuse rather than risk another county's data.
      request.log.error({ route: url }, 'scoped route answered without a record check');
      reply.code(500).header('content-type', 'application/json; charset=utf-8');
      return JSON.stringify(platformError('ERR_CORE_INTERNAL').toJSON());
    }

    const change = CHANGES.has(request.method) && status < 400 && url !== '/api/auth/login';
    const read = request.method === 'GET' && status < 300 && (access?.auditRead || access?.export);
    if (change || read) {
      await audit.append({
        ...auditFacts(request),
        action: `${change ? '' : access?.export ? 'export ' : 'read '}${request.method} ${url}`,
        target: targetOf(request),
        outcome: 'ok',
        detail: { status },
      });
    }
    return payload;
  });

  app.addHook('onResponse', async (request, reply) => {
    request.log.info({
      method: request.method,
      route: request.routeOptions.url ?? 'unmatched',
      status: reply.statusCode,
      ms: Math.round(reply.elapsedTime),
      role: request.caller?.role,
    }, 'request completed');
  });

  app.addHook('onClose', async () => {
    await audit.flush();
  });

  const refreshParams = paramRefresher(ctx);
  app.addHook('onReady', () => refreshParams(true));
  app.addHook('onRequest', () => refreshParams());

  await app.register(async (scope) => authRoutes(scope, ctx), { prefix: '/api/auth' });
  await app.register(async (scope) => auditRoutes(scope, ctx), { prefix: '/api/audit' });
  await app.register(async (scope) => paramVersionRoutes(scope, ctx, refreshParams, options.now), { prefix: '/api' });
}
