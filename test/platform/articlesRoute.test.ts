/** GET /api/articles: every document's manifest, or one with ?document=. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import type { FastifyInstance } from 'fastify';

import type { PlatformContext } from '../../src/platform/context.ts';
import { buildApp } from '../../src/server/app.ts';
import { openTestContext } from '../helpers/db.ts';

let ctx: PlatformContext;
let app: FastifyInstance;
before(async () => {
  ctx = await openTestContext('sqlite');
  app = await buildApp(ctx, { serveWeb: false });
});
after(async () => {
  await app.close();
  await ctx.close();
});

test('the five documents of the bulletin, each with its articles; public', async () => {
  const res = await app.inject({ method: 'GET', url: '/api/articles' });
  assert.equal(res.statusCode, 200);
  const documents = (res.json() as Array<{ document: string; articles: unknown[] }>).map((m) => m.document).sort();
  assert.deepEqual(documents, ['D1', 'D2', 'D3', 'D4', 'D5']);
});

test('?document=D3 gives the price plan alone, its sections 1.1 onwards', async () => {
  const res = await app.inject({ method: 'GET', url: '/api/articles?document=D3' });
  const manifests = res.json() as Array<{ document: string; articles: Array<{ article: string }> }>;
  assert.deepEqual(manifests.map((m) => m.document), ['D3']);
  assert.equal(manifests[0]!.articles[0]!.article, 'D3 1.1');
});
