/**
 * Who may call each /api/disability route, in the shape of
 * src/auth/permissions.ts. That file is the one place access is declared;
 * this table is the disability section, to be spread into it
 * (`...disabilityRouteAccess`). test/disability/routes/access.test.ts
 * checks every registered route of the area appears here.
 *
 * 残联 (disabled_federation) keeps the register, decides applications and
 * runs the payroll; 民政 (civil_affairs) reads it (低保 and 特困 come from
 * them) and enters the 低保 inclusion figure; 财政 (finance) reads the
 * payroll. Indicators and evaluations are aggregates without personal data,
 * readable by any signed-in caller whatever their county; a route that
 * names a county (query, body or path) is narrowed to a county-bound
 * caller's own, and one reaching a person by id checks the person's county
 * (`record`). Routes whose answers carry names are `personal` (masked for
 * roles outside PERSONAL_DATA_ROLES) and their reads are audited.
 */
import type { RouteAccess } from '../../auth/permissions.ts';
import type { Role } from '../../auth/roles.ts';

const FEDERATION: readonly Role[] = ['disabled_federation'];
const FEDERATION_CIVIL: readonly Role[] = ['disabled_federation', 'civil_affairs'];
const FEDERATION_FINANCE: readonly Role[] = ['disabled_federation', 'finance'];

const P = '/api/disability';

export const disabilityRouteAccess: Readonly<Record<string, RouteAccess>> = {
  [`GET ${P}/counties`]: { roles: 'any' },
  [`POST ${P}/cards/check`]: { roles: 'any' },
  [`GET ${P}/templates/:kind`]: { roles: 'any' },

  [`GET ${P}/persons`]: { roles: FEDERATION_CIVIL, scope: { county: 'query.county' }, personal: true, auditRead: true },
  [`POST ${P}/persons`]: { roles: FEDERATION, scope: { county: 'body.county' }, personal: true },
  [`GET ${P}/persons/:personId`]: { roles: FEDERATION_CIVIL, scope: { county: 'record' }, personal: true, auditRead: true },
  [`POST ${P}/persons/:personId/household`]: { roles: FEDERATION_CIVIL, scope: { county: 'record' }, personal: true },
  [`POST ${P}/persons/:personId/benefits`]: { roles: FEDERATION_CIVIL, scope: { county: 'record' } },
  [`POST ${P}/persons/:personId/benefits/:kind/end`]: { roles: FEDERATION_CIVIL, scope: { county: 'record' } },
  [`POST ${P}/persons/:personId/records`]: { roles: FEDERATION, scope: { county: 'record' } },
  [`GET ${P}/persons/:personId/eligibility`]: { roles: FEDERATION_CIVIL, scope: { county: 'record' }, auditRead: true },
  [`GET ${P}/persons/:personId/care-services`]: { roles: FEDERATION_CIVIL, scope: { county: 'record' }, auditRead: true },
  [`GET ${P}/persons/:personId/payments`]: { roles: FEDERATION_FINANCE, scope: { county: 'record' }, personal: true, auditRead: true },
  [`POST ${P}/imports/register`]: { roles: FEDERATION, cityWideOnly: true },
  [`POST ${P}/imports/records`]: { roles: FEDERATION, cityWideOnly: true },

  [`GET ${P}/applications`]: { roles: FEDERATION_CIVIL, scope: { county: 'query.county' }, personal: true, auditRead: true },
  [`POST ${P}/applications`]: { roles: FEDERATION, scope: { county: 'record' } },
  [`GET ${P}/applications/:applicationId`]: { roles: FEDERATION_CIVIL, scope: { county: 'record' }, auditRead: true },
  [`POST ${P}/applications/:applicationId/review`]: { roles: FEDERATION, scope: { county: 'record' } },
  [`POST ${P}/applications/:applicationId/approve`]: { roles: FEDERATION, scope: { county: 'record' } },
  [`POST ${P}/applications/:applicationId/refuse`]: { roles: FEDERATION, scope: { county: 'record' } },
  [`POST ${P}/applications/:applicationId/end`]: { roles: FEDERATION, scope: { county: 'record' } },

  [`GET ${P}/payroll`]: { roles: FEDERATION_FINANCE },
  [`POST ${P}/payroll/:month/run`]: { roles: FEDERATION, cityWideOnly: true },
  [`GET ${P}/payroll/:month`]: { roles: FEDERATION_FINANCE },
  [`GET ${P}/payroll/:month/lines`]: { roles: FEDERATION_FINANCE, scope: { county: 'query.county' }, personal: true, auditRead: true },
  [`GET ${P}/payroll/:month/export`]: { roles: FEDERATION_FINANCE, scope: { county: 'query.county' }, personal: true, export: true },

  [`GET ${P}/indicators`]: { roles: 'any' },
  [`GET ${P}/indicators/alarms`]: { roles: 'any' },
  [`GET ${P}/indicators/entries`]: { roles: 'any' },
  [`POST ${P}/indicators/entries`]: { roles: FEDERATION_CIVIL, scope: { county: 'body.county' } },
  [`GET ${P}/evaluations/:kind`]: { roles: 'any' },
  [`GET ${P}/evaluations/:kind/export`]: { roles: 'any' },

  [`GET ${P}/employers/quota-check`]: { roles: FEDERATION, scope: { county: 'query.county' } },
  [`POST ${P}/employers`]: { roles: FEDERATION, scope: { county: 'body.county' } },
  [`POST ${P}/employers/import`]: { roles: FEDERATION, cityWideOnly: true },
  [`GET ${P}/welfare-posts`]: { roles: FEDERATION_FINANCE, scope: { county: 'query.county' } },
  [`PUT ${P}/welfare-posts/:year/:county`]: { roles: FEDERATION, scope: { county: 'params.county' } },

  [`GET ${P}/care-services/:service`]: { roles: FEDERATION_CIVIL, scope: { county: 'query.county' }, personal: true, auditRead: true },
};
