/**
 * The credit routes as src/auth/permissions.ts declares routes: which
 * roles may call each, and where the entity a request concerns is named
 * (a 市场主体 reaches only its own). The roles come from the same grants
 * the handlers check (src/credit/rules/access.ts), so the two cannot drift.
 */
import type { RouteAccess } from '../../auth/permissions.ts';
import type { Role } from '../../auth/roles.ts';
import { permissionsOf, type Permission } from '../rules/access.ts';

const ALL: readonly Role[] = [
  'credit_office', 'regulator', 'admin', 'entity', 'finance', 'medical_office',
  'civil_affairs', 'rural_revitalization', 'price_office', 'disabled_federation',
];

function holders(permission: Permission, withEntity = false): Role[] {
  return ALL.filter((r) => permissionsOf(r).includes(permission) || (withEntity && r === 'entity'));
}

const P = '/api/credit';
const result = (depth: Permission, entity: RouteAccess['scope']): RouteAccess => ({ roles: holders(depth, true), scope: entity, auditRead: true });
const byUscc = { entity: 'params.uscc' } as const;
const caseRoles = [...new Set([...holders('workflow.decide'), ...holders('workflow.file')])];

export const creditRouteAccess: Readonly<Record<string, RouteAccess>> = {
  [`GET ${P}/indicators`]: { roles: 'public' },
  [`POST ${P}/uscc/check`]: { roles: 'any' },
  [`POST ${P}/entities`]: { roles: holders('entity.write') },
  [`GET ${P}/entities`]: { roles: holders('record.read') },
  [`GET ${P}/entities/:uscc`]: { roles: [...new Set([...holders('result.summary'), 'entity' as const])], scope: byUscc },
  [`POST ${P}/records`]: { roles: holders('record.write') },
  [`PATCH ${P}/records/:id`]: { roles: holders('record.write') },
  [`GET ${P}/entities/:uscc/records`]: result('result.read', byUscc),
  [`POST ${P}/import/entities`]: { roles: holders('entity.write') },
  [`POST ${P}/import/records`]: { roles: holders('record.write') },
  [`POST ${P}/pledges`]: { roles: holders('record.write') },
  [`POST ${P}/pledges/:id/verify`]: { roles: holders('record.write') },
  [`GET ${P}/entities/:uscc/pledges`]: result('result.read', byUscc),
  [`GET ${P}/entities/:uscc/score`]: result('result.read', byUscc),
  [`GET ${P}/entities/:uscc/history`]: result('result.read', byUscc),
  [`POST ${P}/entities/:uscc/rescore`]: { roles: holders('record.write') },
  [`GET ${P}/entities/:uscc/measures`]: result('result.read', byUscc),
  [`GET ${P}/entities/:uscc/entitlements/:action`]: result('result.summary', byUscc),
  [`GET ${P}/sectors`]: { roles: 'any' },
  [`GET ${P}/sectors/:code/distribution`]: { roles: holders('result.read'), auditRead: true },
  [`POST ${P}/sectors/:code/models`]: { roles: holders('model.write') },
  [`GET ${P}/sectors/:code/models`]: { roles: 'any' },
  [`POST ${P}/assessments`]: { roles: holders('record.write') },
  [`GET ${P}/entities/:uscc/industry/:sector`]: result('result.read', byUscc),
  [`POST ${P}/inspectors`]: { roles: holders('plan.write') },
  [`GET ${P}/inspectors`]: { roles: holders('plan.read') },
  [`POST ${P}/plans`]: { roles: holders('plan.write') },
  [`GET ${P}/plans`]: { roles: holders('plan.read') },
  [`GET ${P}/plans/:id`]: { roles: holders('plan.read'), auditRead: true },
  [`GET ${P}/plans/:id/export`]: { roles: holders('plan.read'), export: true },
  [`POST ${P}/objections`]: { roles: caseRoles, scope: { entity: 'body.uscc' } },
  [`GET ${P}/objections`]: { roles: caseRoles, scope: { entity: 'query.uscc' } },
  [`GET ${P}/objections/:id`]: { roles: caseRoles, scope: { entity: 'record' } },
  [`POST ${P}/objections/:id/actions`]: { roles: caseRoles, scope: { entity: 'record' } },
  [`POST ${P}/repairs`]: { roles: caseRoles, scope: { entity: 'record' } },
  [`GET ${P}/repairs`]: { roles: caseRoles, scope: { entity: 'query.uscc' } },
  [`GET ${P}/repairs/:id`]: { roles: caseRoles, scope: { entity: 'record' } },
  [`POST ${P}/repairs/:id/actions`]: { roles: caseRoles, scope: { entity: 'record' } },
  [`GET ${P}/access-log`]: { roles: [...holders('access_log.read'), 'entity'], scope: { entity: 'query.uscc' }, auditRead: true },
};
