/**
 * The disability section of src/auth/permissions.ts: each role gets the
 * answer its declaration promises, and a county-bound officer reaches only
 * their county's persons and entries. (That every route is declared, and
 * nothing stale, is test/disability/routes/openapi.test.ts.) The permission
 * matrix (test/auth/permissionMatrix.test.ts) covers all areas at once;
 * this one keeps the disability part checkable on its own.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import type { FastifyInstance } from 'fastify';

import { accessFor, permissions, roleAllowed } from '../../../src/auth/permissions.ts';
import { ROLE_NAMES, type Role } from '../../../src/auth/roles.ts';
import { disabilityRouteAccess } from '../../../src/disability/routes/access.ts';
import type { PlatformContext } from '../../../src/platform/context.ts';
import { buildApp } from '../../../src/server/app.ts';
import { asRole, createTestAccount, sessionHeaders } from '../../helpers/auth.ts';
import { describeEachDatabase } from '../../helpers/db.ts';
import { card, residentId } from '../helpers.ts';

const P = '/api/disability';

test('the disability table is spread into permissions.ts as it is', () => {
  for (const [key, access] of Object.entries(disabilityRouteAccess)) {
    assert.equal(permissions[key], access, key);
  }
});

test('routes returning persons are personal and audited; changes are the federation’s or civil affairs’', () => {
  const withNames = ['GET /persons', 'POST /persons', 'GET /persons/:personId', 'POST /persons/:personId/household', 'GET /persons/:personId/payments', 'GET /payroll/:month/lines', 'GET /payroll/:month/export', 'GET /care-services/:service'];
  for (const route of withNames) {
    const [method, path] = route.split(' ');
    const access = disabilityRouteAccess[`${method} ${P}${path}`]!;
    assert.ok(access.personal, `${route} personal`);
    if (method === 'GET') assert.ok(access.auditRead || access.export, `${route} audited`);
  }
  for (const [key, access] of Object.entries(disabilityRouteAccess)) {
    if (key.startsWith('GET ') || key === `POST ${P}/cards/check`) continue;
    assert.ok(access.roles !== 'any' && access.roles !== 'public', `${key} needs a role`);
    assert.ok(access.roles.includes('disabled_federation'), `${key} open to 残联`);
    assert.ok(access.roles.every((r) => ['disabled_federation', 'civil_affairs'].includes(r)), `${key}: only 残联 and 民政 change the register`);
  }
});

describeEachDatabase('disability routes and their declarations', (database) => {
  let ctx: PlatformContext;
  let app: FastifyInstance;
  const accounts = new Map<Role, string>();
  let hengshanPerson: string;

  before(async () => {
    ctx = await database.open();
    app = await buildApp(ctx, { serveWeb: false, auth: { enforce: true } });
    await app.ready();
    for (const role of ROLE_NAMES) {
      const account = await createTestAccount(ctx, role, role === 'entity' ? { entity: '91230300MA0MATRIX1' } : {});
      accounts.set(role, account.id);
    }
    const id = residentId('230303', '19600202', 31);
    const created = await app.inject({
      method: 'POST', url: `${P}/persons`, headers: await asRole(app, 'disabled_federation'),
      payload: { residentId: id, name: '孙丙', county: '230303', cardNumber: card(id, 4, 2), household: 'dibao', householdFrom: '2024-01-01' },
    });
    assert.equal(created.statusCode, 201, created.body);
    hengshanPerson = created.json().person.id;
  });
  after(async () => {
    await app.close();
    await ctx.close();
  });

  const mine = () => app.registeredRoutes.filter((r) => r.url.startsWith(`${P}/`));

  test('each role on each route, allowed or 403 exactly as declared', async () => {
    const wrong: string[] = [];
    for (const route of mine()) {
      const access = accessFor(route.method, route.url)!;
      const url = route.url.replace(/:(\w+)/g, (_m, name: string) => (name === 'year' ? '2023' : name === 'month' ? '2024-03' : 'x1'));
      for (const role of ROLE_NAMES) {
        const response = await app.inject({
          method: route.method as 'GET', url, headers: await sessionHeaders(app, accounts.get(role)!),
          ...(route.method === 'GET' ? {} : { payload: {} }),
        });
        const allowed = roleAllowed(access, role);
        const denied = response.statusCode === 403 && response.json().code === 'ERR_AUTH_FORBIDDEN';
        if (allowed && (denied || response.statusCode === 401)) wrong.push(`${role} ${route.method} ${route.url}: allowed but ${response.statusCode}`);
        if (!allowed && !denied) wrong.push(`${role} ${route.method} ${route.url}: not allowed but ${response.statusCode}`);
      }
    }
    assert.deepEqual(wrong, []);
  });

  test('an officer of 鸡冠区 (230302): the 恒山区 person refused, lists narrowed to 鸡冠区', async () => {
    const jiguan = await asRole(app, 'disabled_federation', { county: '230302', ctx });

    const person = await app.inject({ method: 'GET', url: `${P}/persons/${hengshanPerson}`, headers: jiguan });
    assert.equal(person.statusCode, 403);
    assert.equal(person.json().code, 'ERR_AUTH_OUT_OF_SCOPE');

    const household = await app.inject({ method: 'POST', url: `${P}/persons/${hengshanPerson}/household`, headers: jiguan, payload: { status: 'none', from: '2024-06-01' } });
    assert.equal(household.statusCode, 403);

    const asked = await app.inject({ method: 'GET', url: `${P}/persons?county=230303`, headers: jiguan });
    assert.equal(asked.statusCode, 403, 'naming another county is refused');

    const own = await app.inject({ method: 'GET', url: `${P}/persons`, headers: jiguan });
    assert.equal(own.statusCode, 200, own.body);
    assert.equal(own.json().total, 0, 'the 恒山区 person is not in 鸡冠区’s list');

    const posts = await app.inject({ method: 'PUT', url: `${P}/welfare-posts/2023/230303`, headers: jiguan, payload: { totalPosts: 10, disabledPosts: 1, fundTotalYuan: '100.00', fundForDisabledPostsYuan: '10.00' } });
    assert.equal(posts.statusCode, 403, 'another county’s welfare posts');

    const run = await app.inject({ method: 'POST', url: `${P}/payroll/2024-03/run`, headers: jiguan, payload: {} });
    assert.equal(run.statusCode, 403, 'the payroll covers every county: city-wide callers only');
  });

  test('finance reads payroll lines with names and ID numbers masked', async () => {
    const officer = await asRole(app, 'disabled_federation', { ctx });
    const id = hengshanPerson;
    for (const subsidy of ['living', 'care']) {
      const created = await app.inject({ method: 'POST', url: `${P}/applications`, headers: officer, payload: { personId: id, subsidy, receivedOn: '2024-03-04' } });
      assert.equal(created.statusCode, 201, created.body);
      const reviewed = await app.inject({ method: 'POST', url: `${P}/applications/${created.json().id}/review`, headers: officer, payload: { on: '2024-03-06' } });
      assert.equal(reviewed.statusCode, 200, reviewed.body);
      const approved = await app.inject({ method: 'POST', url: `${P}/applications/${created.json().id}/approve`, headers: officer, payload: { on: '2024-03-08' } });
      assert.equal(approved.statusCode, 200, approved.body);
    }
    const run = await app.inject({ method: 'POST', url: `${P}/payroll/2024-05/run`, headers: officer, payload: {} });
    assert.equal(run.statusCode, 200, run.body);

    const finance = await asRole(app, 'finance', { ctx });
    const lines = await app.inject({ method: 'GET', url: `${P}/payroll/2024-05/lines`, headers: finance });
    assert.equal(lines.statusCode, 200, lines.body);
    const names = lines.json().items.map((l: { name: string; residentId: string }) => [l.name, l.residentId.includes('*')]);
    assert.deepEqual(names, [['孙*', true], ['孙*', true]]);
  });
});
