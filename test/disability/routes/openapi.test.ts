/**
 * Every /api/disability route: a JSON schema with tags ['disability'] and a
 * Chinese summary in the OpenAPI document, and an access declaration in
 * src/disability/routes/access.ts (the area's section of src/auth/permissions.ts).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import type { FastifyInstance } from 'fastify';

import { disabilityRouteAccess } from '../../../src/disability/routes/access.ts';
import { openTestContext } from '../../helpers/db.ts';
import type { PlatformContext } from '../../../src/platform/context.ts';
import { buildApp } from '../../../src/server/app.ts';

let ctx: PlatformContext;
let app: FastifyInstance;

before(async () => {
  ctx = await openTestContext('sqlite');
  app = await buildApp(ctx, { serveWeb: false, auth: { enforce: false } });
  await app.ready();
});
after(async () => {
  await app.close();
  await ctx.close();
});

test('every disability route, declared in the access table, and nothing stale there', () => {
  const registered = app.registeredRoutes
    .filter((r) => r.url.startsWith('/api/disability') && r.method !== 'HEAD')
    .map((r) => `${r.method} ${r.url}`);
  const declared = Object.keys(disabilityRouteAccess);
  assert.deepEqual(registered.filter((k) => !declared.includes(k)), []);
  assert.deepEqual(declared.filter((k) => !registered.includes(k)), []);
});

test('every disability operation in /docs/json, tagged disability with a Chinese summary', async () => {
  const doc = (await app.inject({ method: 'GET', url: '/docs/json' })).json() as {
    paths: Record<string, Record<string, { tags?: string[]; summary?: string }>>;
  };
  const operations = Object.entries(doc.paths)
    .filter(([path]) => path.startsWith('/api/disability'))
    .flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ key: `${method} ${path}`, op })));
  assert.equal(operations.length, Object.keys(disabilityRouteAccess).length);
  for (const { key, op } of operations) {
    assert.deepEqual(op.tags, ['disability'], key);
    assert.match(op.summary ?? '', /[\u4e00-\u9fff]/, key);
  }
});
