/**
 * The price routes (D3 鸡政办规〔2022〕20号) as src/auth/permissions.ts
 * declares routes: which roles may call each, and where a route names the
 * county it concerns.
 *
 * - Changes belong to the price office (市应急指挥部办公室 at the 发改委,
 *   D3 2.2). A county-bound price officer (县(市)区价格主管部门) enters the
 *   prices, patrol reports and incident reports of its own county; routes
 *   that touch every county at once (catalogue, detection, subsidies) are
 *   city-wide only.
 * - Reads of monitoring data: the member units the platform has roles for
 *   (D3 2.3: 发改委, 市场监管, 财政, 民政).
 * - Pure computations and the catalogue: any signed-in caller.
 *
 * Which role may approve, publish or end a warning of a given level is a
 * dated parameter (D3 3.4) the handler checks again; the route admits the
 * holders of every such role.
 */
import type { RouteAccess } from '../../auth/permissions.ts';
import type { Role } from '../../auth/roles.ts';

const P = '/api/price';

const OFFICE: readonly Role[] = ['price_office'];
const READERS: readonly Role[] = ['price_office', 'regulator', 'finance', 'civil_affairs'];
/** 民政 pays 低保 and 特困 subsidies (D3 2.3(5)); 财政 funds them. */
const SUBSIDY_READERS: readonly Role[] = ['price_office', 'civil_affairs', 'finance'];
const SUBSIDY_PAYERS: readonly Role[] = ['price_office', 'civil_affairs'];

/** Those who act on a warning: propose (office), approve (leaders), publish (应急管理局). */
const WARNING_ACTORS: readonly Role[] = ['price_office', 'deputy_mayor', 'mayor', 'emergency_bureau'];
const LEADERS: readonly Role[] = ['deputy_mayor', 'mayor'];
const WARNING_READERS: readonly Role[] = [...READERS, 'deputy_mayor', 'mayor', 'emergency_bureau'];

const office: RouteAccess = { roles: OFFICE, cityWideOnly: true };
const read: RouteAccess = { roles: READERS };
const countyRecords: RouteAccess = { roles: READERS, scope: { county: 'record' } };

export const priceRouteAccess: Readonly<Record<string, RouteAccess>> = {
  // Catalogue and monitoring points (D3 3.1, 3.2.1).
  [`GET ${P}/items`]: { roles: 'any' },
  [`PUT ${P}/items`]: office,
  [`GET ${P}/points`]: { roles: READERS, scope: { county: 'query.county' } },
  [`PUT ${P}/points`]: office,

  // Observations, complaints, patrol reports (D3 3.2, 3.3).
  [`GET ${P}/observations`]: { roles: READERS, scope: { county: 'query.county' } },
  [`POST ${P}/observations`]: { roles: OFFICE, scope: { county: 'record' } },
  [`POST ${P}/observations/import`]: { roles: OFFICE, scope: { county: 'record' } },
  [`POST ${P}/observations/:id/confirm`]: { roles: OFFICE, scope: { county: 'record' } },
  [`POST ${P}/observations/:id/reject`]: { roles: OFFICE, scope: { county: 'record' } },
  [`GET ${P}/averages`]: { roles: READERS, scope: { county: 'query.county' } },
  [`GET ${P}/complaints`]: countyRecords,
  [`POST ${P}/complaints`]: { roles: ['price_office', 'regulator'], cityWideOnly: true },
  [`GET ${P}/panic-reports`]: countyRecords,
  [`POST ${P}/panic-reports`]: { roles: ['price_office', 'regulator'], scope: { county: 'body.county' } },

  // Detection of level-3 proposals (D3 1.3, 3.4(2)) and the indicators.
  [`POST ${P}/detections`]: office,
  [`GET ${P}/detections`]: read,
  [`GET ${P}/detections/:id`]: read,
  [`POST ${P}/indicators/ifpa`]: { roles: 'any' },
  [`POST ${P}/indicators/alps`]: { roles: 'any' },

  // Warnings and their steps (D3 3.4–3.6); the handler checks the role the
  // parameters name for the level (price.d3.art3_4.*).
  [`GET ${P}/warnings`]: { roles: WARNING_READERS },
  [`POST ${P}/warnings`]: office,
  [`GET ${P}/warnings/:id`]: { roles: WARNING_READERS },
  [`POST ${P}/warnings/:id/approve`]: { roles: LEADERS, cityWideOnly: true },
  [`POST ${P}/warnings/:id/reject`]: { roles: LEADERS, cityWideOnly: true },
  [`POST ${P}/warnings/:id/publish`]: { roles: ['emergency_bureau'], cityWideOnly: true },
  [`POST ${P}/warnings/:id/change-level`]: { roles: LEADERS, cityWideOnly: true },
  [`POST ${P}/warnings/:id/terminate`]: { roles: LEADERS, cityWideOnly: true },
  [`GET ${P}/warnings/:id/cap`]: { roles: WARNING_READERS },
  [`GET ${P}/warnings/:id/cap/:identifier`]: { roles: WARNING_READERS },
  [`GET ${P}/warnings/:id/termination-check`]: { roles: WARNING_READERS },
  [`GET ${P}/warnings/:id/tasks`]: { roles: WARNING_READERS, scope: { county: 'record' } },
  [`POST ${P}/warnings/:id/tasks/done`]: { roles: ['price_office', 'regulator'], scope: { county: 'record' } },
  [`GET ${P}/duty`]: { roles: WARNING_READERS },
  [`POST ${P}/duty`]: office,

  // Incident reports and their clocks (D3 4.1): a county's price
  // department enters and reports its own events.
  [`GET ${P}/incidents`]: { roles: WARNING_READERS, scope: { county: 'record' } },
  [`POST ${P}/incidents`]: { roles: OFFICE, scope: { county: 'body.county' } },
  [`GET ${P}/incidents/:id`]: { roles: WARNING_READERS, scope: { county: 'record' } },
  [`PATCH ${P}/incidents/:id`]: { roles: OFFICE, scope: { county: 'record' } },
  [`POST ${P}/incidents/:id/reports`]: { roles: WARNING_ACTORS, scope: { county: 'record' } },

  // Drills (D3 7.1) and the organisation directory (D3 2, 6.1).
  [`GET ${P}/drills`]: { roles: WARNING_READERS },
  [`POST ${P}/drills`]: office,
  [`GET ${P}/directory`]: { roles: 'any' },
  [`PUT ${P}/directory/:id`]: office,
  [`GET ${P}/directory/changes`]: { roles: WARNING_READERS },

  // Temporary price subsidies (D3 2.3(5)–(9), 2.4.1).
  [`POST ${P}/subsidies/decide`]: { roles: 'any' },
  [`PUT ${P}/subsidies/indices`]: office,
  [`GET ${P}/subsidies/indices`]: { roles: SUBSIDY_READERS },
  [`PUT ${P}/subsidies/recipients`]: { roles: SUBSIDY_PAYERS, cityWideOnly: true },
  [`POST ${P}/subsidies/payments/:month`]: { roles: SUBSIDY_PAYERS, cityWideOnly: true },
  [`GET ${P}/subsidies/payments/:month`]: { roles: SUBSIDY_READERS, cityWideOnly: true },
};
