/**
 * Every role against every route: the answer must match the declaration in
 * src/auth/permissions.ts. Routes are collected as Fastify registers them
 * (onRoute), so a route added without a declaration fails here.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import type { FastifyInstance } from 'fastify';

import { accessFor, declarationProblems, roleAllowed } from '../../src/auth/permissions.ts';
import { ROLE_NAMES, type Role } from '../../src/auth/roles.ts';
import type { PlatformContext } from '../../src/platform/context.ts';
import { buildApp } from '../../src/server/app.ts';
import { createTestAccount, sessionHeaders } from '../helpers/auth.ts';
import { describeEachDatabase } from '../helpers/db.ts';

const ENTITY = '91230300MA0MATRIX1';

test('declarations, each consistent', () => {
  assert.deepEqual(declarationProblems(), []);
});

describeEachDatabase('permission matrix', (database) => {
  let ctx: PlatformContext;
  let app: FastifyInstance;
  const accounts = new Map<Role, string>();

  before(async () => {
    ctx = await database.open();
    app = await buildApp(ctx, { serveWeb: false, auth: { enforce: true } });
    await app.ready();
    for (const role of ROLE_NAMES) {
      const account = await createTestAccount(ctx, role, role === 'entity' ? { entity: ENTITY } : {});
      accounts.set(role, account.id);
    }
  });
  after(async () => {
    await app.close();
    await ctx.close();
  });

  function urlFor(url: string, method: string): string {
    const access = accessFor(method, url);
    const entityParam = access?.scope?.entity?.startsWith('params.') ? access.scope.entity.slice('params.'.length) : undefined;
    return url
      .replace(/\*$/, 'x')
      .replace(/:(\w+)/g, (_m, name: string) => (name === entityParam ? ENTITY : name === 'year' ? '2023' : 'x1'));
  }

  test('every route under /api, declared', () => {
    // The collection itself works: core, auth and area routes are in it.
    for (const url of ['/api/health', '/api/auth/login', '/api/auth/users', '/api/audit/verify', '/api/params/:id/versions']) {
      assert.ok(app.registeredRoutes.some((r) => r.url === url), `${url} collected`);
    }
    const missing = app.registeredRoutes
      .filter((r) => r.url.startsWith('/api') && !accessFor(r.method, r.url))
      .map((r) => `${r.method} ${r.url}`);
    assert.deepEqual(missing, [], `declare these in src/auth/permissions.ts: ${missing.join(', ')}`);
  });

  test('outside /api, only GET of static files and the API document', () => {
    const other = app.registeredRoutes.filter((r) => !r.url.startsWith('/api') && r.method !== 'GET' && r.method !== 'OPTIONS');
    assert.deepEqual(other, []);
  });

  test('nobody signed in, every non-public route refused with 401', async () => {
    for (const route of app.registeredRoutes.filter((r) => r.url.startsWith('/api'))) {
      const access = accessFor(route.method, route.url)!;
      const response = await app.inject({ method: route.method as 'GET', url: urlFor(route.url, route.method), ...(route.method === 'GET' ? {} : { payload: {} }) });
      if (access.roles === 'public') {
        assert.ok(![401, 403].includes(response.statusCode), `${route.method} ${route.url} is public but answered ${response.statusCode}`);
      } else {
        assert.equal(response.statusCode, 401, `${route.method} ${route.url} anonymous`);
      }
    }
  });

  test('each role on each route, allowed or 403 exactly as declared', async () => {
    const wrong: string[] = [];
    const sessions = new Map<Role, Awaited<ReturnType<typeof sessionHeaders>>>();
    for (const route of app.registeredRoutes.filter((r) => r.url.startsWith('/api'))) {
      const access = accessFor(route.method, route.url)!;
      for (const role of ROLE_NAMES) {
        // A fresh session for the account routes: logout ends its own.
        if (route.url.startsWith('/api/auth') || !sessions.has(role)) sessions.set(role, await sessionHeaders(app, accounts.get(role)!));
        const headers = sessions.get(role)!;
        const response = await app.inject({
          method: route.method as 'GET',
          url: urlFor(route.url, route.method),
          headers,
          ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { payload: {} }),
        });
        const allowed = roleAllowed(access, role);
        const denied = response.statusCode === 403 && ['ERR_AUTH_FORBIDDEN', 'ERR_AUTH_OUT_OF_SCOPE'].includes(response.json().code);
        if (allowed && (denied || response.statusCode === 401)) wrong.push(`${role} ${route.method} ${route.url}: allowed but ${response.statusCode}`);
        if (!allowed && !denied) wrong.push(`${role} ${route.method} ${route.url}: not allowed but ${response.statusCode}`);
      }
    }
    assert.deepEqual(wrong, []);
  });
});

describeEachDatabase('a route nobody declared', (database) => {
  test('registered without a declaration, denied to every caller', async () => {
    const ctx = await database.open();
    const app = await buildApp(ctx, { serveWeb: false, auth: { enforce: true } });
    app.get('/api/zz-undeclared', async () => ({ secret: true }));
    await app.ready();
    try {
      const account = await createTestAccount(ctx, 'admin');
      const response = await app.inject({ method: 'GET', url: '/api/zz-undeclared', headers: await sessionHeaders(app, account.id) });
      assert.equal(response.statusCode, 403);
      assert.equal(response.json().code, 'ERR_AUTH_ROUTE_UNDECLARED');
    } finally {
      await app.close();
      await ctx.close();
    }
  });
});
