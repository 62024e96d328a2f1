/**
 * Parameter changes: a new dated version, by the area's own city-level
 * office only, never in the past, with the deciding document; the registry
 * in use answers with it from its date on, and GET /api/params shows it.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import type { FastifyInstance } from 'fastify';

import type { PlatformContext } from '../../src/platform/context.ts';
import { buildApp } from '../../src/server/app.ts';
import { asRole } from '../helpers/auth.ts';
import { describeEachDatabase } from '../helpers/db.ts';

const PARAM = 'medical.d5.art7_1.deductible';
// Beijing 2027-03-01 10:00; "today" for the rule against editing the past.
const NOW = new Date('2027-03-01T02:00:00Z');

describeEachDatabase('parameter versions', (database) => {
  let ctx: PlatformContext;
  let app: FastifyInstance;

  before(async () => {
    ctx = await database.open();
    app = await buildApp(ctx, { serveWeb: false, auth: { enforce: true, now: () => NOW } });
    await app.ready();
  });
  after(async () => {
    await app.close();
    await ctx.close();
  });

  const post = async (headers: Record<string, string>, body: Record<string, unknown>, id = PARAM) =>
    app.inject({ method: 'POST', url: `/api/params/${id}/versions`, headers, payload: body });

  test('医保经办 adds a version from next month, in force from then, shown with its document', async () => {
    const before = ctx.params.at(PARAM, '2027-04-01')!.value;
    const response = await post(await asRole(app, 'medical_office'), { from: '2027-04-01', value: '1000.00', decidedByDocument: '鸡医保发〔2027〕3号', reason: '年度调整' });
    assert.equal(response.statusCode, 201, response.body);

    assert.equal(ctx.params.at(PARAM, '2027-04-01')!.value, 100_000);
    assert.equal(ctx.params.at(PARAM, '2027-03-31')!.value, before);
    const listed = await app.inject({ method: 'GET', url: `/api/params/${PARAM}?on=2027-04-01` });
    assert.equal(listed.json().inForce.raw, '1000.00');
    assert.match(listed.json().inForce.override, /鸡医保发〔2027〕3号/);

    await app.audit.flush();
    const entry = await ctx.store.db.selectFrom('audit_log').selectAll().where('action', '=', 'params.version.add').executeTakeFirstOrThrow();
    assert.equal(entry.reason, '年度调整');
    assert.equal(entry.actor_role, 'medical_office');
  });

  test('a version dated yesterday, refused: the past is not edited', async () => {
    const response = await post(await asRole(app, 'medical_office'), { from: '2027-02-28', value: '900.00', decidedByDocument: '鸡医保发〔2027〕4号' });
    assert.equal(response.statusCode, 422);
    assert.equal(response.json().code, 'ERR_AUTH_PARAM_PAST');
  });

  test('a second version for the same day, a conflict', async () => {
    const response = await post(await asRole(app, 'medical_office'), { from: '2027-04-01', value: '800.00', decidedByDocument: '鸡医保发〔2027〕5号' });
    assert.equal(response.statusCode, 409);
  });

  test('another area\'s office, a county clerk or the administrator, refused', async () => {
    const body = { from: '2027-05-01', value: '700.00', decidedByDocument: 'x号' };
    const price = await post(await asRole(app, 'price_office'), body);
    assert.equal(price.json().code, 'ERR_AUTH_PARAM_ROLE');
    const county = await post(await asRole(app, 'medical_office', { county: '230302' }), body);
    assert.equal(county.json().code, 'ERR_AUTH_PARAM_ROLE');
    const admin = await post(await asRole(app, 'admin'), body);
    assert.equal(admin.statusCode, 403);
  });

  test('a value the unit cannot hold, refused and nothing stored', async () => {
    const response = await post(await asRole(app, 'medical_office'), { from: '2027-06-01', value: 'abc', decidedByDocument: 'y号' });
    assert.equal(response.statusCode, 400);
    const rows = await ctx.store.db.selectFrom('param_version').select('id').execute();
    assert.equal(rows.length, 1);
  });

  test('a second process on the same database, sees the stored version at start', async () => {
    const other = await buildApp(ctx, { serveWeb: false, auth: { enforce: true } });
    ctx.params = (await import('../../src/platform/context.ts')).loadParams();
    await other.ready();
    try {
      assert.equal(ctx.params.at(PARAM, '2027-04-01')!.value, 100_000);
    } finally {
      await other.close();
    }
  });
});
