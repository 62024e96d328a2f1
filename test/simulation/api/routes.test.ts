/**
 * /api/simulation as an officer uses it, with sessions and permissions
 * enforced: a scenario refused with every problem listed, a scenario
 * saved, run, read back, exported and compared; personal ids masked for a
 * role without the need; a county-bound clerk kept out.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';

import { seedMedicalDemo } from '../../../src/medical/demo/seed.ts';
import type { PlatformContext } from '../../../src/platform/context.ts';
import { buildApp } from '../../../src/server/app.ts';
import { asRole, type AuthHeaders } from '../../helpers/auth.ts';
import { describeEachDatabase } from '../../helpers/db.ts';
import { letReachabilityCheckFinish } from '../pause.ts';

const CAP = { id: 'medical.d5.art7_1.annual_cap', value: '3000.00', from: '2023-01-01' };

describeEachDatabase('simulation API', (db) => {
  let ctx: PlatformContext;
  let app: FastifyInstance;
  let officer: AuthHeaders;

  before(async () => {
    await letReachabilityCheckFinish();
    ctx = await db.open();
    await seedMedicalDemo(ctx, { size: 'small' });
    app = await buildApp(ctx, { serveWeb: false, auth: { enforce: true } });
    await app.ready();
    officer = await asRole(app, 'medical_office', { ctx });
  });
  after(async () => {
    await app?.close();
    await ctx?.close();
  });

  test('the four areas are runnable, each with the years it holds data for', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/simulation/areas', headers: officer });
    assert.equal(response.statusCode, 200);
    const areas = response.json() as Array<{ area: string; runnable: boolean; years: number[] }>;
    assert.deepEqual(areas.map((a) => [a.area, a.runnable]), [['medical', true], ['disability', true], ['credit', true], ['price', true]]);
    // Only the medical demonstration set is loaded here.
    assert.ok(areas[0]!.years.includes(2023));
    assert.deepEqual(areas.slice(1).map((a) => a.years), [[], [], []]);
  });

  test('scenario with an unknown parameter, a bad value and reversed dates, 422 with every problem and nothing stored', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/simulation/scenarios',
      headers: officer,
      payload: {
        name: '有误的方案',
        purpose: '测试',
        author: '测试',
        changes: [
          { id: 'medical.d5.art7_1.no_such_cap', value: '1.00' },
          { id: 'medical.d5.art7_1.annual_cap', value: 'lots' },
          { id: 'medical.d4.art9.annual_cap', value: '40000.00', from: '2023-06-01', to: '2023-01-01' },
        ],
      },
    });
    assert.equal(response.statusCode, 422);
    const body = response.json();
    assert.equal(body.code, 'ERR_SIMULATION_SCENARIO_INVALID');
    assert.deepEqual(body.problems.map((p: { field: string }) => p.field), ['changes[0].id', 'changes[1].value', 'changes[2].to']);
    const list = await app.inject({ method: 'GET', url: '/api/simulation/scenarios', headers: officer });
    assert.deepEqual(list.json(), []);
  });

  test('saved, run, read back, exported, compared', async () => {
    const created = await app.inject({
      method: 'POST',
      url: '/api/simulation/scenarios',
      headers: officer,
      payload: { name: '门诊统筹限额3000元', purpose: '测算基金支出', author: '市医保局待遇科', changes: [CAP] },
    });
    assert.equal(created.statusCode, 200, created.body);
    const scenario = created.json();
    assert.equal(scenario.author, '市医保局待遇科');

    const ran = await app.inject({ method: 'POST', url: `/api/simulation/scenarios/${scenario.id}/runs`, headers: officer, payload: { year: 2023 } });
    assert.equal(ran.statusCode, 200, ran.body);
    const result = ran.json();
    assert.deepEqual(result.areas, ['medical']);
    assert.equal(result.totals.delta, result.totals.scenario - result.totals.baseline);
    assert.equal(result.parameters[0].number, '鸡政办规〔2022〕22号');
    assert.ok(result.lines.every((l: { articles: string[] }) => l.articles.length > 0), 'every line cites its articles');

    const read = await app.inject({ method: 'GET', url: `/api/simulation/runs/${result.runId}`, headers: officer });
    assert.deepEqual(read.json().totals, result.totals);
    const detail = await app.inject({ method: 'GET', url: `/api/simulation/scenarios/${scenario.id}`, headers: officer });
    assert.deepEqual(detail.json().runs.map((r: { id: string }) => r.id), [result.runId]);

    const exported = await app.inject({ method: 'GET', url: `/api/simulation/runs/${result.runId}/export`, headers: officer });
    assert.equal(exported.statusCode, 200);
    assert.match(String(exported.headers['content-type']), /spreadsheetml/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    assert.equal(workbook.getWorksheet('方案')!.getCell('B2').value, '门诊统筹限额3000元');

    // Run again on unchanged data: the same figures, and the two compare.
    const again = (await app.inject({ method: 'POST', url: `/api/simulation/scenarios/${scenario.id}/runs`, headers: officer, payload: { year: 2023 } })).json();
    assert.notEqual(again.runId, result.runId);
    const compared = await app.inject({ method: 'GET', url: `/api/simulation/compare?runs=${result.runId},${again.runId}`, headers: officer });
    assert.equal(compared.statusCode, 200);
    assert.equal(compared.json().baselineConsistent, true);
    assert.deepEqual(compared.json().rows[0].scenarios, [result.totals.scenario, result.totals.scenario]);
  });

  test('finance sees the result with resident ids masked; a county clerk is refused', async () => {
    const finance = await asRole(app, 'finance', { ctx });
    const created = await app.inject({
      method: 'POST',
      url: '/api/simulation/scenarios',
      headers: finance,
      payload: { name: '财政测算', purpose: '预算', author: '市财政局', changes: [CAP] },
    });
    const ran = await app.inject({ method: 'POST', url: `/api/simulation/scenarios/${created.json().id}/runs`, headers: finance, payload: { year: 2023 } });
    assert.equal(ran.statusCode, 200);
    const changed = ran.json().results[0].detail.changed as Array<{ personId: string }>;
    assert.ok(changed.length > 0);
    for (const p of changed) assert.match(p.personId, /\*{8}/, 'masked');

    const clerk = await asRole(app, 'medical_office', { ctx, county: '230302' });
    const refused = await app.inject({ method: 'GET', url: '/api/simulation/scenarios', headers: clerk });
    assert.equal(refused.statusCode, 403);
  });
});
