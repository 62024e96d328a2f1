/**
 * Who may call which route, and which records they may touch: the one
 * place where access is declared. Every route under /api must appear here;
 * one that does not is denied at run time (ERR_AUTH_ROUTE_UNDECLARED) and
 * fails test/auth/permissionMatrix.test.ts, which calls every route as
 * every role and checks the answer against this table.
 *
 * Keys are `METHOD /full/path/:param` as Fastify registers them. Areas add
 * their own routes in their section below.
 */
import type { Role } from './roles.ts';
import { creditRouteAccess } from '../credit/routes/access.ts';
import { priceRouteAccess } from '../price/routes/access.ts';
import { disabilityRouteAccess } from '../disability/routes/access.ts';

/**
 * Where a request names the county or entity it concerns. `record` means
 * the handler loads records and checks each with `request.scope`; the
 * platform refuses to send a successful answer from such a route when the
 * handler did not (fail closed).
 */
export type ScopeLocation = `params.${string}` | `query.${string}` | `body.${string}` | 'record';

export interface RecordScope {
  /** A county-bound officer sees that county only. */
  county?: ScopeLocation;
  /** A 市场主体 sees only itself. */
  entity?: ScopeLocation;
}

export interface RouteAccess {
  /** `public`: no session needed; `any`: any signed-in caller; or the roles allowed. */
  roles: 'public' | 'any' | readonly Role[];
  scope?: RecordScope;
  /** Reads of credit results or personal records go into the audit trail. */
  auditRead?: boolean;
  /** Returns personal records: names and ID numbers masked for roles without the need. */
  personal?: boolean;
  /** Rows leave the system (CSV/XLSX): masked as above, and the audit trail records who took them. */
  export?: boolean;
  /** State-changing route exempt from the CSRF check (no session exists yet). */
  csrfExempt?: boolean;
  /**
   * Only city-wide callers (no county binding): the route touches records
   * of several counties at once (a file of claims, the fund) and cannot be
   * narrowed to one.
   */
  cityWideOnly?: boolean;
}

/** Which office may add a dated version of a parameter, by the id's domain. */
export const PARAM_EDITORS: Readonly<Record<string, readonly Role[]>> = {
  medical: ['medical_office'],
  credit: ['credit_office'],
  price: ['price_office'],
  disability: ['disabled_federation'],
};

/** Who may build and run scenarios (政策测算). */
const SIMULATION_ROLES: readonly Role[] = ['medical_office', 'credit_office', 'price_office', 'disabled_federation', 'finance'];

export const permissions: Readonly<Record<string, RouteAccess>> = {
  // ── platform: published documents and parameters are public information
  'GET /api/health': { roles: 'public' },
  'GET /api/documents': { roles: 'public' },
  'GET /api/params': { roles: 'public' },
  'GET /api/params/:id': { roles: 'public' },
  'GET /api/articles': { roles: 'public' },
  'GET /api/errors': { roles: 'public' },
  // A new dated version of a parameter: the area's own city-level office
  // (PARAM_EDITORS); checked again per parameter in the handler.
  'POST /api/params/:id/versions': { roles: ['medical_office', 'credit_office', 'price_office', 'disabled_federation'] },

  // ── medical (D4 医疗救助, D5 门诊共济): 医保经办 settles; 民政 and 乡村振兴
  // receive the lists of D4 第十三条; 财政 shares the fund's shortfall (第十九条).
  'POST /api/medical/persons': { roles: ['medical_office'], scope: { county: 'body.county' }, personal: true },
  'POST /api/medical/persons/import': { roles: ['medical_office'], cityWideOnly: true },
  'GET /api/medical/persons': { roles: ['medical_office', 'civil_affairs', 'rural_revitalization'], scope: { county: 'query.county' }, personal: true, auditRead: true },
  'GET /api/medical/persons/:personId': { roles: ['medical_office', 'civil_affairs', 'rural_revitalization'], scope: { county: 'record' }, personal: true, auditRead: true },
  'GET /api/medical/persons/:personId/bills': { roles: ['medical_office'], scope: { county: 'record' }, personal: true, auditRead: true },
  'GET /api/medical/persons/:personId/accumulators/:year': { roles: ['medical_office'], scope: { county: 'record' }, personal: true, auditRead: true },
  'GET /api/medical/persons/:personId/account': { roles: ['medical_office'], scope: { county: 'record' }, personal: true, auditRead: true },
  'POST /api/medical/persons/:personId/account/movements': { roles: ['medical_office'], cityWideOnly: true },
  // D4 §14: recognition as 因病致贫重病患者 with retroactive assistance.
  'POST /api/medical/persons/:personId/retroactive/preview': { roles: ['medical_office'], scope: { county: 'record' }, personal: true },
  'POST /api/medical/persons/:personId/retroactive': { roles: ['medical_office'], scope: { county: 'record' }, personal: true },
  'POST /api/medical/claims': { roles: ['medical_office'], cityWideOnly: true, personal: true },
  'POST /api/medical/claims/preview': { roles: ['medical_office'], cityWideOnly: true, personal: true },
  'POST /api/medical/claims/:claimId/reversal': { roles: ['medical_office'], cityWideOnly: true },
  'GET /api/medical/bills/:claimId': { roles: ['medical_office'], scope: { county: 'record' }, personal: true, auditRead: true },
  'POST /api/medical/batches': { roles: ['medical_office'], cityWideOnly: true },
  'GET /api/medical/batches/:runId': { roles: ['medical_office'], cityWideOnly: true },
  'GET /api/medical/templates/:kind': { roles: 'any' },
  // Only which years hold claims: no record of anyone.
  'GET /api/medical/years': { roles: ['medical_office', 'civil_affairs', 'rural_revitalization', 'finance'] },
  'GET /api/medical/push-list': { roles: ['medical_office', 'civil_affairs', 'rural_revitalization'], scope: { county: 'record' }, personal: true, export: true },
  'GET /api/medical/watch-list': { roles: ['medical_office', 'civil_affairs', 'rural_revitalization'], scope: { county: 'record' }, personal: true, export: true },
  'GET /api/medical/fund/:year': { roles: ['medical_office', 'finance'], scope: { county: 'query.county' } },
  'PUT /api/medical/fund/:year/budgets/:county': { roles: ['medical_office', 'finance'], cityWideOnly: true },
  'PUT /api/medical/fund/:year/surplus': { roles: ['medical_office', 'finance'], cityWideOnly: true },

  // ── credit (D2 信用分级分类监管): declared beside the credit routes, from
  // the same grants the handlers check.
  ...creditRouteAccess,

  // ── price (D3 价格异常波动应急预案): declared beside the price routes.
  ...priceRouteAccess,

  // ── disability (D1 残疾人保障和发展规划): declared beside the disability routes.
  ...disabilityRouteAccess,

  // ── simulation (政策测算): city-wide policy offices and finance weigh a
  // parameter change before it is decided; a run reads every county.
  'GET /api/simulation/areas': { roles: SIMULATION_ROLES, cityWideOnly: true },
  'GET /api/simulation/scenarios': { roles: SIMULATION_ROLES, cityWideOnly: true },
  'POST /api/simulation/scenarios': { roles: SIMULATION_ROLES, cityWideOnly: true },
  'GET /api/simulation/scenarios/:id': { roles: SIMULATION_ROLES, cityWideOnly: true },
  'PUT /api/simulation/scenarios/:id': { roles: SIMULATION_ROLES, cityWideOnly: true },
  'POST /api/simulation/scenarios/:id/runs': { roles: SIMULATION_ROLES, cityWideOnly: true, personal: true },
  'GET /api/simulation/runs': { roles: SIMULATION_ROLES, cityWideOnly: true },
  'GET /api/simulation/runs/:runId': { roles: SIMULATION_ROLES, cityWideOnly: true, personal: true, auditRead: true },
  'GET /api/simulation/runs/:runId/export': { roles: SIMULATION_ROLES, cityWideOnly: true, personal: true, export: true },
  'GET /api/simulation/compare': { roles: SIMULATION_ROLES, cityWideOnly: true },

  // ── accounts and sessions
  'POST /api/auth/login': { roles: 'public', csrfExempt: true },
  'POST /api/auth/logout': { roles: 'any' },
  'GET /api/auth/me': { roles: 'any' },
  'POST /api/auth/password': { roles: 'any' },
  'POST /api/auth/totp/setup': { roles: 'any' },
  'POST /api/auth/totp/confirm': { roles: 'any' },
  'GET /api/auth/roles': { roles: 'any' },
  'GET /api/auth/users': { roles: ['admin'] },
  'POST /api/auth/users': { roles: ['admin'] },
  'PATCH /api/auth/users/:id': { roles: ['admin'] },
  'POST /api/auth/users/:id/password': { roles: ['admin'] },
  'POST /api/auth/users/:id/tokens': { roles: ['admin'] },
  'DELETE /api/auth/tokens/:id': { roles: ['admin'] },

  // ── audit trail
  'GET /api/audit': { roles: ['admin'] },
  'GET /api/audit/verify': { roles: ['admin'] },
};

/** Outside /api only static files and the API document are served: public. */
export function accessFor(method: string, url: string): RouteAccess | undefined {
  const m = method === 'HEAD' ? 'GET' : method;
  const declared = permissions[`${m} ${url}`];
  if (declared) return declared;
  if (!url.startsWith('/api') && (m === 'GET' || m === 'OPTIONS')) return { roles: 'public' };
  return undefined;
}

export function roleAllowed(access: RouteAccess, role: Role | undefined): boolean {
  if (access.roles === 'public') return true;
  if (!role) return false;
  if (access.roles === 'any') return true;
  return access.roles.includes(role);
}

/** Declarations that cannot work: an entity allowed without an entity scope. */
export function declarationProblems(): string[] {
  const problems: string[] = [];
  for (const [key, access] of Object.entries(permissions)) {
    if (!/^(GET|POST|PUT|PATCH|DELETE) \/api\//.test(key)) problems.push(`${key}: key must be "METHOD /api/…"`);
    const roles = access.roles;
    const admitsEntity = roles === 'any' ? false : roles !== 'public' && roles.includes('entity');
    if (admitsEntity && !access.scope?.entity) problems.push(`${key}: admits role entity but declares no entity scope`);
  }
  return problems;
}
