/**
 * The price API on each database: catalogue, a form upload, detection
 * naming rule, item, points and values, subsidy decisions on the real CPI
 * series and a payment list per department, and the OpenAPI document.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import type { FastifyInstance } from 'fastify';

import type { PlatformContext } from '../../src/platform/context.ts';
import { buildApp } from '../../src/server/app.ts';
import { describeEachDatabase } from '../helpers/db.ts';
import { exampleCsv } from './examples.ts';

const office = { 'x-user': 'wang', 'x-role': 'price_office' };

describeEachDatabase('price API', (database) => {
  let ctx: PlatformContext;
  let app: FastifyInstance;
  before(async () => {
    ctx = await database.open();
    app = await buildApp(ctx, { serveWeb: false, auth: { enforce: false } });
  });
  after(async () => {
    await app.close();
    await ctx.close();
  });

  test('writing without x-user and x-role is refused with 401', async () => {
    const res = await app.inject({ method: 'PUT', url: '/api/price/items', payload: { items: [] } });
    assert.equal(res.statusCode, 401);
    assert.equal(res.json().code, 'ERR_PRICE_CALLER_MISSING');
  });

  test('catalogue and points, then a form upload for three points, then R1 fires on the city', async () => {
    let res = await app.inject({
      method: 'PUT', url: '/api/price/items', headers: office,
      payload: { items: [{ id: 'rice', name: '粳米', category: 'grain', unit: '元/500克', specification: '一级' }] },
    });
    assert.equal(res.statusCode, 200);
    res = await app.inject({
      method: 'PUT', url: '/api/price/points', headers: office,
      payload: { points: ['p1', 'p2', 'p3'].map((id) => ({ id, name: `监测点${id}`, county: '230302', kind: 'market' })) },
    });
    assert.equal(res.statusCode, 200);

    for (const [date, price, previous, change] of [['2022-09-05', '2.50', '', ''], ['2022-09-12', '2.55', '2.50', '2.00']] as const) {
      for (const point of ['p1', 'p2', 'p3']) {
        const csv = `项目,规格等级,单位,本期均价,上期均价,变动幅度,备注\n粳米,一级,元/500克,${price},${previous},${change},\n`;
        res = await app.inject({
          method: 'POST', url: '/api/price/observations/import', headers: office,
          payload: { file: { name: 'form.csv', contentBase64: Buffer.from(csv).toString('base64') }, point, date },
        });
        assert.equal(res.statusCode, 200, res.body);
        assert.equal(res.json().stored, 1);
      }
    }

    res = await app.inject({ method: 'POST', url: '/api/price/detections', headers: office, payload: { asOf: '2022-09-15' } });
    assert.equal(res.statusCode, 200);
    const detection = res.json();
    assert.equal(detection.proposes, true);
    const r1 = detection.findings.find((f: { rule: string }) => f.rule === 'R1');
    assert.equal(r1.itemId, 'rice');
    assert.deepEqual(r1.points, ['p1', 'p2', 'p3']);
    assert.equal(r1.areas[0].values.changePercent, '2.00');

    res = await app.inject({ method: 'GET', url: `/api/price/detections/${detection.id}` });
    assert.equal(res.json().findings[0].ruleId, 'd3.art1_3.r1_ten_day_change');

    res = await app.inject({ method: 'GET', url: '/api/price/averages?itemId=rice&from=2022-09-01&to=2022-09-20&by=xun' });
    assert.deepEqual(res.json().map((p: { average: string; points: number }) => [p.average, p.points]), [['2.50', 3], ['2.55', 3]]);
  });

  test('a detection as of a date that does not exist (month 13, 29 February 2023), 400 naming asOf', async () => {
    for (const asOf of ['2024-13-01', '2023-02-29']) {
      const res = await app.inject({ method: 'POST', url: '/api/price/detections', headers: office, payload: { asOf } });
      assert.equal(res.statusCode, 400, res.body);
      assert.equal(res.json().problems[0].field, 'body/asOf');
    }
  });

  test('a bad upload is refused with a report naming row, column, value and reason', async () => {
    const csv = '项目,规格等级,单位,本期均价,上期均价,变动幅度,备注\n粳米,一级,元/斤,2.55,2.50,2.00,\n';
    const res = await app.inject({
      method: 'POST', url: '/api/price/observations/import', headers: office,
      payload: { file: { name: 'form.csv', contentBase64: Buffer.from(csv).toString('base64') }, point: 'p1', date: '2022-09-13' },
    });
    assert.equal(res.statusCode, 422);
    assert.deepEqual(res.json().problems.map((p: { row: number; field: string; value: string }) => [p.row, p.field, p.value]), [[2, 'unit', '元/斤']]);
  });

  test('subsidy decisions on the real national CPI: the five trigger months of 2021–2023', async () => {
    const months = exampleCsv('cpi_national.csv')
      .filter((r) => r.month! >= '2021-01' && r.month! <= '2023-12')
      .map((r) => ({ month: r.month, cpi: r.cpi_yoy_percent || null, food: r.food_cpi_yoy_percent || null }));
    let res = await app.inject({ method: 'PUT', url: '/api/price/subsidies/indices', headers: office, payload: { months, source: 'NBS' } });
    assert.equal(res.statusCode, 200);
    res = await app.inject({ method: 'GET', url: '/api/price/subsidies/indices?from=2021-01&to=2023-12' });
    const triggered = res.json().filter((d: { trigger: string | null }) => d.trigger).map((d: { indexMonth: string }) => d.indexMonth);
    assert.deepEqual(triggered, ['2022-07', '2022-08', '2022-09', '2022-10', '2023-01']);
    const july = res.json().find((d: { indexMonth: string }) => d.indexMonth === '2022-07');
    assert.equal(july.urbanYuan, '44.00');
    assert.equal(july.ruralYuan, '28.00');
    assert.equal(july.paymentMonth, '2022-08');
  });

  test('payment list for index month 2022-09 per paying department', async () => {
    let res = await app.inject({
      method: 'PUT', url: '/api/price/subsidies/recipients', headers: office,
      payload: {
        recipients: [
          { id: 'a1', group: 'dibao', residence: 'urban', county: '230302', from: '2022-01' },
          { id: 'a2', group: 'tekun', residence: 'rural', county: '230321', from: '2022-01' },
          { id: 'a3', group: 'youfu', residence: 'rural', county: '230381', from: '2022-01' },
          { id: 'a4', group: 'dibao', residence: 'urban', county: '230302', from: '2022-01', to: '2022-09' },
        ],
      },
    });
    assert.equal(res.statusCode, 200);
    res = await app.inject({ method: 'POST', url: '/api/price/subsidies/payments/2022-09', headers: office });
    assert.equal(res.statusCode, 200);
    const run = res.json();
    // paid 2022-10 at 8.8%: a1 urban 62, a2 rural 40 (civil affairs, 102); a3 rural 40 (veterans); a4 ended 2022-09
    assert.equal(run.paymentMonth, '2022-10');
    assert.deepEqual(run.departments.map((d: { payer: string; totalYuan: string }) => [d.payer, d.totalYuan]), [['civil_affairs', '102.00'], ['veterans_affairs', '40.00']]);
    res = await app.inject({ method: 'POST', url: '/api/price/subsidies/payments/2022-09', headers: office });
    res = await app.inject({ method: 'GET', url: '/api/price/subsidies/payments/2022-09?payer=civil_affairs' });
    assert.deepEqual(res.json().map((l: { recipient_id: string; amount_yuan: string }) => [l.recipient_id, l.amount_yuan]), [['a1', '62.00'], ['a2', '40.00']]);
    res = await app.inject({ method: 'POST', url: '/api/price/subsidies/payments/2022-11', headers: office });
    assert.equal(res.json().triggered, false);
  });

  test('every price route is in the OpenAPI document with the price tag and a Chinese summary', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/docs/json' })).json();
    const ops = Object.entries(doc.paths as Record<string, Record<string, { tags?: string[]; summary?: string }>>)
      .filter(([path]) => path.startsWith('/api/price'))
      .flatMap(([path, methods]) => Object.entries(methods).map(([m, op]) => ({ path, m, op })));
    assert.ok(ops.length >= 20, `only ${ops.length} price operations`);
    for (const { path, m, op } of ops) {
      assert.deepEqual(op.tags, ['price'], `${m} ${path}`);
      assert.match(op.summary ?? '', /[\u4e00-\u9fff]/, `${m} ${path}`);
    }
  });
});
