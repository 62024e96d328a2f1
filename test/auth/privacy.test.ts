import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import type { FastifyInstance } from 'fastify';

import { maskRows, maskValue } from '../../src/auth/privacy.ts';
import type { Caller } from '../../src/auth/roles.ts';
import type { PlatformContext } from '../../src/platform/context.ts';
import { buildApp } from '../../src/server/app.ts';
import { asRole } from '../helpers/auth.ts';
import { describeEachDatabase } from '../helpers/db.ts';

const ID = '230304197705200026';

function caller(role: Caller['role']): Caller {
  return { userId: 'u', username: 'u', role, department: null, county: null, entity: null, via: 'session' };
}

describe('masking personal data', () => {
  test('names and ID numbers in a personal answer, masked for a role without the need', () => {
    const masked = maskValue({ person_id: ID, name: '张三丰', rows: [{ personName: '欧阳娜娜', note: `见 ${ID} 号` }] }, { names: true });
    assert.deepEqual(masked, { person_id: '230304********0026', name: '张**', rows: [{ personName: '欧***', note: '见 230304********0026 号' }] });
  });

  test('an entity code or an 18-digit number failing the ID check, left alone', () => {
    const masked = maskValue({ entity_id: '912303001977052000', amount: '230304197705200027', name: '鸡西某某有限公司' }, { names: false });
    assert.deepEqual(masked, { entity_id: '912303001977052000', amount: '230304197705200027', name: '鸡西某某有限公司' });
  });

  test('an export for 财政, masked; for 医保经办, in full', () => {
    const rows = [{ person_id: ID, name: '张三丰', burden: '1200.00' }];
    assert.deepEqual(maskRows(caller('finance'), rows), [{ person_id: '230304********0026', name: '张**', burden: '1200.00' }]);
    assert.deepEqual(maskRows(caller('medical_office'), rows), rows);
  });
});

describeEachDatabase('personal data over HTTP', (database) => {
  let ctx: PlatformContext;
  let app: FastifyInstance;

  before(async () => {
    ctx = await database.open();
    app = await buildApp(ctx, { serveWeb: false, auth: { enforce: true } });
  });
  after(async () => {
    await app.close();
    await ctx.close();
  });

  test('a person read by 医保经办, the administrator reading the trail sees the ID masked', async () => {
    const clerk = await asRole(app, 'medical_office');
    await app.inject({ method: 'POST', url: '/api/medical/persons', headers: clerk, payload: { person_id: ID, scheme: 'resident', name: '张三丰' } });
    const read = await app.inject({ method: 'GET', url: `/api/medical/persons/${ID}`, headers: clerk });
    assert.equal(read.statusCode, 200);
    assert.equal(read.json().person_id, ID);
    assert.equal(read.json().name, '张三丰');

    const admin = await asRole(app, 'admin');
    const trail = await app.inject({ method: 'GET', url: `/api/audit?action=${encodeURIComponent('read GET /api/medical/persons/:personId')}`, headers: admin });
    assert.equal(trail.statusCode, 200);
    const entries = trail.json() as Array<{ target: string; actor_role: string }>;
    assert.equal(entries.length, 1);
    assert.equal(entries[0]!.actor_role, 'medical_office');
    assert.equal(entries[0]!.target, 'personId=230304********0026');
    assert.ok(!trail.body.includes(ID));
  });
});
