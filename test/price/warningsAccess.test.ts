/**
 * The warnings area with the platform's guard on (sessions, enforce): who
 * may take which step, and a county-bound price officer kept to its own
 * county's incidents, reports and tasks.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import type { FastifyInstance } from 'fastify';

import type { PlatformContext } from '../../src/platform/context.ts';
import { buildApp } from '../../src/server/app.ts';
import { asRole, type AuthHeaders } from '../helpers/auth.ts';
import { describeEachDatabase } from '../helpers/db.ts';

describeEachDatabase('price warnings, guarded', (database) => {
  let ctx: PlatformContext;
  let app: FastifyInstance;
  let office: AuthHeaders;
  let jiguan: AuthHeaders;
  let deputy: AuthHeaders;
  let bureau: AuthHeaders;
  let id: string;

  before(async () => {
    ctx = await database.open();
    app = await buildApp(ctx, { serveWeb: false, auth: { enforce: true } });
    await app.ready();
    office = await asRole(app, 'price_office', { ctx });
    jiguan = await asRole(app, 'price_office', { ctx, county: '230302' });
    deputy = await asRole(app, 'deputy_mayor', { ctx });
    bureau = await asRole(app, 'emergency_bureau', { ctx });
    await app.inject({ method: 'PUT', url: '/api/price/items', headers: office, payload: { items: [{ id: 'rice', name: '粳米', category: 'grain', unit: '元/500克', specification: '一级' }] } });
    const res = await app.inject({ method: 'POST', url: '/api/price/warnings', headers: office, payload: { level: 3, title: '粳米', items: ['rice'], areas: ['230302', '230321'], note: 'R1', at: '2022-09-15T09:00' } });
    assert.equal(res.statusCode, 200, res.body);
    id = res.json().id;
  });
  after(async () => {
    await app.close();
    await ctx.close();
  });

  test('a county-bound officer cannot propose (city-wide); the deputy mayor approves; only the emergency bureau publishes', async () => {
    let res = await app.inject({ method: 'POST', url: '/api/price/warnings', headers: jiguan, payload: { level: 3, title: 'x', items: ['rice'], areas: [], note: 'y' } });
    assert.equal(res.json().code, 'ERR_AUTH_OUT_OF_SCOPE');
    res = await app.inject({ method: 'POST', url: `/api/price/warnings/${id}/approve`, headers: deputy, payload: { at: '2022-09-15T10:00' } });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().events.at(-1).byRole, 'deputy_mayor');
    res = await app.inject({ method: 'POST', url: `/api/price/warnings/${id}/publish`, headers: deputy, payload: { at: '2022-09-15T11:00' } });
    assert.equal(res.json().code, 'ERR_AUTH_FORBIDDEN');
    res = await app.inject({ method: 'POST', url: `/api/price/warnings/${id}/publish`, headers: bureau, payload: { at: '2022-09-15T11:00' } });
    assert.equal(res.json().state, 'published');
  });

  test('3.2.1: a temporary point designated for the warning is listed on it; units must be member units of the directory', async () => {
    let res = await app.inject({ method: 'PUT', url: '/api/price/points', headers: office, payload: { points: [{ id: 'tmp1', name: '临时监测点（某超市）', county: '230302', kind: 'temporary', warningId: id }] } });
    assert.equal(res.statusCode, 200, res.body);
    res = await app.inject({ method: 'GET', url: `/api/price/warnings/${id}`, headers: deputy });
    assert.deepEqual(res.json().temporaryPoints, [{ id: 'tmp1', name: '临时监测点（某超市）', county: '230302' }]);
    res = await app.inject({ method: 'POST', url: '/api/price/warnings', headers: office, payload: { level: 3, title: 'x', items: ['rice'], areas: [], note: 'y', units: ['ndrc', 'nope'] } });
    assert.equal(res.statusCode, 400);
    assert.deepEqual(res.json().problems.map((p: { field: string }) => p.field), ['units[1]']);
  });

  test('6.1: a contact change keeps the duties, is logged with before and after, and is the office\'s to make', async () => {
    let res = await app.inject({ method: 'PUT', url: '/api/price/directory/samr', headers: deputy, payload: { kind: 'member_unit', name: '市市场监管局', data: { phone: '12315' }, reason: 'x' } });
    assert.equal(res.json().code, 'ERR_AUTH_FORBIDDEN');
    res = await app.inject({ method: 'PUT', url: '/api/price/directory/samr', headers: office, payload: { kind: 'member_unit', name: '市市场监管局', data: { phone: '0467-12315', contact: '值班室' }, reason: '报备联络电话' } });
    assert.equal(res.statusCode, 200, res.body);
    assert.match(String(res.json().data.duty), /受理消费者投诉举报/);
    assert.equal(res.json().data.phone, '0467-12315');
    res = await app.inject({ method: 'PUT', url: '/api/price/directory/samr', headers: office, payload: { kind: 'member_unit', name: '市市场监管局', data: { contact: null }, reason: '取消联系人' } });
    assert.equal(res.json().data.contact, undefined);
    res = await app.inject({ method: 'GET', url: '/api/price/directory/changes?entryId=samr', headers: deputy });
    assert.deepEqual(res.json().map((c: { reason: string }) => c.reason).sort(), ['取消联系人', '报备联络电话']);
  });

  test('a county-bound officer sees and marks only its own county tasks', async () => {
    let res = await app.inject({ method: 'GET', url: `/api/price/warnings/${id}/tasks?asOf=2022-09-15T13:00`, headers: jiguan });
    const owners = [...new Set(res.json().tasks.map((t: { owner: string }) => t.owner))];
    // Its own county's report, plus the city-level tasks (round, roster) that name no county.
    assert.deepEqual(owners.sort(), ['county:230302', 'ndrc', 'office']);
    res = await app.inject({ method: 'POST', url: `/api/price/warnings/${id}/tasks/done`, headers: jiguan, payload: { key: `${id}|report|230321|2022-09-15`, doneAt: '2022-09-15T11:30' } });
    assert.equal(res.json().code, 'ERR_AUTH_OUT_OF_SCOPE');
    res = await app.inject({ method: 'POST', url: `/api/price/warnings/${id}/tasks/done`, headers: jiguan, payload: { key: `${id}|report|230302|2022-09-15`, doneAt: '2022-09-15T11:30' } });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().status, 'met');
  });

  test('incidents: a county officer enters its own (county filled in), never another county\'s, and lists only its own', async () => {
    let res = await app.inject({ method: 'POST', url: '/api/price/incidents', headers: office, payload: { level: 3, discoveredAt: '2022-09-15T09:00', county: '230321' } });
    const other = res.json().id;
    res = await app.inject({ method: 'POST', url: '/api/price/incidents', headers: jiguan, payload: { level: 3, discoveredAt: '2022-09-15T09:00', county: '230321' } });
    assert.equal(res.json().code, 'ERR_AUTH_OUT_OF_SCOPE');
    res = await app.inject({ method: 'POST', url: '/api/price/incidents', headers: jiguan, payload: { level: 3, discoveredAt: '2022-09-15T09:00' } });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().county, '230302');
    res = await app.inject({ method: 'GET', url: '/api/price/incidents', headers: jiguan });
    assert.deepEqual(res.json().map((i: { county: string }) => i.county), ['230302']);
    res = await app.inject({ method: 'GET', url: `/api/price/incidents/${other}`, headers: jiguan });
    assert.equal(res.json().code, 'ERR_AUTH_OUT_OF_SCOPE');
    res = await app.inject({ method: 'POST', url: `/api/price/incidents/${other}/reports`, headers: jiguan, payload: { step: 'monitor_to_county', owner: 'monitor', at: '2022-09-15T09:30' } });
    assert.equal(res.json().code, 'ERR_AUTH_OUT_OF_SCOPE');
  });
});
