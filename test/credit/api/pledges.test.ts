/**
 * Pledges made in approvals (D2 二(一)2): recorded, verified once; a pledge
 * not kept becomes a 违反承诺 record and the entity is re-scored. A record's
 * status changed by its department re-scores too.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { describeEachDatabase } from '../../helpers/db.ts';
import { loadExamples } from '../examples.ts';
import { get, post, REGULATOR, source, withApp } from './helpers.ts';

const c = loadExamples().scores.find((s) => s.id === 'cr-01')!;

describeEachDatabase('credit pledges and record status', (database) => {
  test('告知承诺 not kept, 违反承诺 record, 770 -> 740; verifying twice refused', async () => {
    await withApp(database.open, async (app) => {
      await post(app, '/entities', { ...c.entity, on: c.evaluate_on });
      const pledge = await post(app, '/pledges', {
        uscc: c.entity.uscc, pledge_type: 'notification_commitment', approval_number: '鸡审批〔2023〕88号',
        department: '市营商环境建设监督局', pledged_on: '2023-02-01', due_on: '2023-05-01', on: c.evaluate_on,
      }, REGULATOR);
      assert.equal(pledge.statusCode, 200, pledge.body);
      assert.equal(pledge.json().kept, null);

      const broken = await post(app, `/pledges/${pledge.json().id}/verify`, { kept: false, verified_on: '2023-05-10', on: c.evaluate_on }, REGULATOR);
      assert.equal(broken.statusCode, 200, broken.body);
      assert.equal(broken.json().pledge.kept, 0);
      assert.equal(broken.json().rescore.score, 740);

      const records = (await get(app, `/entities/${c.entity.uscc}/records`)).json() as Array<{ indicator: string; kind: string; documentNumber: string }>;
      assert.deepEqual(records.map((r) => [r.indicator, r.kind, r.documentNumber]), [['broken_pledge_or_false_complaint', 'broken_pledge', '鸡审批〔2023〕88号']]);

      const twice = await post(app, `/pledges/${pledge.json().id}/verify`, { kept: true, verified_on: '2023-05-11' }, REGULATOR);
      assert.equal(twice.statusCode, 409);
    });
  });

  test('a record marked expired by its department, no longer counted: 740 -> 770', async () => {
    await withApp(database.open, async (app) => {
      await post(app, '/entities', { ...c.entity, on: c.evaluate_on });
      const added = await post(app, '/records', { uscc: c.entity.uscc, indicator: 'tax_arrears', decided: '2023-01-01', ...source(), on: c.evaluate_on }, REGULATOR);
      assert.equal(added.json().rescore.score, 740);
      const patched = await app.inject({ method: 'PATCH', url: `/api/credit/records/${added.json().record.id}`, headers: REGULATOR, payload: { status: 'expired', reason: '欠税已缴清', on: c.evaluate_on } });
      assert.equal(patched.statusCode, 200, patched.body);
      assert.equal(patched.json().record.status, 'expired');
      assert.equal(patched.json().rescore.score, 770);
    });
  });

  test('a record from a caller without the right role, refused', async () => {
    await withApp(database.open, async (app) => {
      await post(app, '/entities', { ...c.entity, on: c.evaluate_on });
      const res = await post(app, '/records', { uscc: c.entity.uscc, indicator: 'tax_arrears', decided: '2023-01-01', ...source() }, { 'x-user': 'f', 'x-role': 'finance' });
      assert.equal(res.statusCode, 403);
      assert.equal(res.json().code, 'ERR_CREDIT_ACCESS_DENIED');
    });
  });
});
