/**
 * A level-3 warning through the API on each database, as D3 3.4–3.6 and
 * 5.3 run it: proposed by the office, approved by the deputy mayor (not by
 * the office), published by the emergency bureau, raised to level 2 on the
 * province's document by the mayor, terminated on the province's lifting;
 * its tasks, late ones flagged, and the summaries and evaluation after it.
 * Then an incident's clocks, a drill, and a directory change.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import type { FastifyInstance } from 'fastify';

import type { PlatformContext } from '../../src/platform/context.ts';
import { buildApp } from '../../src/server/app.ts';
import { describeEachDatabase } from '../helpers/db.ts';
import { assertValidCap } from './capSchema.ts';

const as = (role: string, user = role) => ({ 'x-user': user, 'x-role': role });
const office = as('price_office', 'wang');
const province = { number: '黑政办发〔2022〕99号', title: '关于发布市场价格异常波动二级预警的通知', date: '2022-09-17', issuer: '黑龙江省人民政府' };

describeEachDatabase('price warnings API', (database) => {
  let ctx: PlatformContext;
  let app: FastifyInstance;
  let id: string;
  before(async () => {
    ctx = await database.open();
    app = await buildApp(ctx, { serveWeb: false, auth: { enforce: false } });
    await app.inject({
      method: 'PUT', url: '/api/price/items', headers: office,
      payload: { items: [{ id: 'rice', name: '粳米', category: 'grain', unit: '元/500克', specification: '一级' }] },
    });
  });
  after(async () => {
    await app.close();
    await ctx.close();
  });

  test('level 3: proposed with a reason, approved by the deputy mayor only, published with a CAP identifier', async () => {
    let res = await app.inject({
      method: 'POST', url: '/api/price/warnings', headers: office,
      payload: { level: 3, title: '粳米价格异常上涨', items: ['rice'], areas: ['230302'], related: ['230321'], note: 'R1 粳米旬环比 +2.00%', at: '2022-09-15T09:00' },
    });
    assert.equal(res.statusCode, 200, res.body);
    const proposed = res.json();
    id = proposed.id;
    assert.equal(proposed.state, 'proposed');
    assert.deepEqual(proposed.next, { action: 'approve', role: 'deputy_mayor' });
    assert.deepEqual(proposed.areaNames, ['鸡冠区']);

    // D3 3.4(2): 经市政府分管领导批准 — the office cannot approve its own proposal.
    res = await app.inject({ method: 'POST', url: `/api/price/warnings/${id}/approve`, headers: office, payload: { at: '2022-09-15T10:00' } });
    assert.equal(res.statusCode, 403);
    assert.equal(res.json().code, 'ERR_PRICE_ROLE_FORBIDDEN');
    res = await app.inject({ method: 'POST', url: `/api/price/warnings/${id}/publish`, headers: as('emergency_bureau'), payload: { at: '2022-09-15T10:00' } });
    assert.equal(res.statusCode, 409, 'not approved yet');
    res = await app.inject({ method: 'POST', url: `/api/price/warnings/${id}/approve`, headers: as('deputy_mayor'), payload: { at: '2022-09-15T10:00', version: 1 } });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().state, 'approved');

    // A stale version is refused.
    res = await app.inject({ method: 'POST', url: `/api/price/warnings/${id}/publish`, headers: as('emergency_bureau'), payload: { at: '2022-09-15T11:00', version: 1 } });
    assert.equal(res.json().code, 'ERR_PRICE_WARNING_STALE');
    res = await app.inject({ method: 'POST', url: `/api/price/warnings/${id}/publish`, headers: as('emergency_bureau'), payload: { at: '2022-09-15T11:00' } });
    assert.equal(res.statusCode, 200, res.body);
    const published = res.json();
    assert.equal(published.state, 'published');
    assert.equal(published.publishedAt, '2022-09-15T11:00:00+08:00');
    // 230300 city code + 00000000 unit codes, Beijing time of sending, sequence 1.
    assert.equal(published.events.at(-1).capIdentifier, '23030000000000_20220915110000_1');
  });

  test('tasks as of 2022-09-16 13:00: county reports before 12:00, the weekly round, the duty roster; late ones flagged', async () => {
    // The affected county reports on the 15th at 11:50 (before 12:00) and on the 16th at 12:30 (after).
    for (const [key, doneAt] of [[`${id}|report|230302|2022-09-15`, '2022-09-15T11:50'], [`${id}|report|230302|2022-09-16`, '2022-09-16T12:30']]) {
      const res = await app.inject({ method: 'POST', url: `/api/price/warnings/${id}/tasks/done`, headers: office, payload: { key, doneAt } });
      assert.equal(res.statusCode, 200, res.body);
    }
    // The roster of the 16th entered the evening before; the 15th has none.
    let res = await app.inject({
      method: 'POST', url: '/api/price/duty', headers: office,
      payload: { enteredAt: '2022-09-15T18:00', entries: [{ date: '2022-09-16', kind: 'monitor', person: '值班员甲', phone: '13800000001' }, { date: '2022-09-16', kind: 'technical', person: '值班员乙', phone: '13800000002' }] },
    });
    assert.equal(res.statusCode, 200, res.body);

    res = await app.inject({ method: 'GET', url: `/api/price/warnings/${id}/tasks?asOf=2022-09-16T13:00` });
    assert.equal(res.statusCode, 200, res.body);
    const list = res.json();
    const rows = list.tasks.map((t: { kind: string; owner: string; due: string; status: string }) => [t.kind, t.owner, t.due, t.status]);
    // Published Thursday 2022-09-15 11:00, level 3:
    // - affected 230302 reports daily before 12:00 (3.1.3(2)): 15th met, 16th late;
    // - related 230321 weekly (3.5.1(3)③), week Mon 12th – Sun 18th, due Monday 00:00;
    // - the weekly round (3.5.1(3)①) likewise;
    // - the roster is due when the day starts (the 15th: at publication).
    assert.deepEqual(rows, [
      ['duty_roster', 'office', '2022-09-15T11:00:00+08:00', 'overdue'],
      ['county_report', 'county:230302', '2022-09-15T12:00:00+08:00', 'met'],
      ['duty_roster', 'office', '2022-09-16T00:00:00+08:00', 'met'],
      ['county_report', 'county:230302', '2022-09-16T12:00:00+08:00', 'late'],
      ['county_report', 'county:230321', '2022-09-19T00:00:00+08:00', 'open'],
      ['monitoring_round', 'ndrc', '2022-09-19T00:00:00+08:00', 'open'],
    ]);
    assert.equal(list.late, 2);
    assert.equal(list.tasks.find((t: { owner: string }) => t.owner === 'ndrc').ownerLabel, '市发改委');
    assert.equal(list.tasks.find((t: { owner: string }) => t.owner === 'county:230302').ownerLabel, '鸡冠区价格主管部门');

    res = await app.inject({ method: 'POST', url: `/api/price/warnings/${id}/tasks/done`, headers: office, payload: { key: 'nope' } });
    assert.equal(res.json().code, 'ERR_PRICE_TASK_UNKNOWN');
  });

  test('raised to level 2 only with the province document, by the mayor; terminated on its lifting', async () => {
    let res = await app.inject({ method: 'POST', url: `/api/price/warnings/${id}/change-level`, headers: as('mayor'), payload: { level: 2, at: '2022-09-17T10:00' } });
    assert.equal(res.json().code, 'ERR_PRICE_DOCUMENT_REQUIRED');
    // 3 → 2 needs the approver of level 2 (市政府主要领导, 3.4(1)).
    res = await app.inject({ method: 'POST', url: `/api/price/warnings/${id}/change-level`, headers: as('deputy_mayor'), payload: { level: 2, document: province, at: '2022-09-17T10:00' } });
    assert.equal(res.json().code, 'ERR_PRICE_ROLE_FORBIDDEN');
    res = await app.inject({ method: 'POST', url: `/api/price/warnings/${id}/change-level`, headers: as('mayor'), payload: { level: 2, document: province, at: '2022-09-17T10:00' } });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().level, 2);
    assert.equal(res.json().events.at(-1).capIdentifier, '23030000000000_20220917100000_1');

    res = await app.inject({ method: 'POST', url: `/api/price/warnings/${id}/terminate`, headers: as('mayor'), payload: { at: '2022-09-20T10:00' } });
    assert.equal(res.json().code, 'ERR_PRICE_DOCUMENT_REQUIRED', 'level 2 ends when the province lifts it (3.6(1))');
    res = await app.inject({
      method: 'POST', url: `/api/price/warnings/${id}/terminate`, headers: as('mayor'),
      payload: { at: '2022-09-20T10:00', document: { ...province, number: '黑政办发〔2022〕101号', date: '2022-09-20', title: '解除' } },
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().state, 'terminated');
    assert.equal(res.json().next, null);

    res = await app.inject({ method: 'GET', url: `/api/price/warnings/${id}/tasks?asOf=2022-10-01T08:00` });
    const after = res.json().tasks.filter((t: { kind: string }) => t.kind === 'summary' || t.kind === 'evaluation')
      .map((t: { kind: string; ownerLabel: string; due: string; status: string }) => [t.kind, t.ownerLabel, t.due, t.status]);
    // D3 5.3, calendar days from 2022-09-20: summaries by the end of 09-30, evaluation by the end of 10-10.
    assert.deepEqual(after, [
      ['summary', '市发改委', '2022-10-01T00:00:00+08:00', 'overdue'],
      ['summary', '市市场监管局', '2022-10-01T00:00:00+08:00', 'overdue'],
      ['evaluation', '市应急指挥部办公室', '2022-10-11T00:00:00+08:00', 'open'],
    ]);
    // Level 2 from 09-17: the related county now reports daily before 12:00 (3.5.2(3)③).
    const related = res.json().tasks.filter((t: { owner: string; periodStart: string }) => t.owner === 'county:230321' && t.periodStart === '2022-09-18');
    assert.equal(related.length, 1);
    assert.equal(related[0].due, '2022-09-18T12:00:00+08:00');
    // No task after termination at 09-20 10:00 (the noon report of the 20th is not owed).
    assert.ok(!res.json().tasks.some((t: { kind: string; periodStart: string }) => t.kind === 'county_report' && t.periodStart === '2022-09-20'));
  });

  test('CAP export: Alert, Update, Cancel, each valid CAP 1.2 naming the earlier ones', async () => {
    let res = await app.inject({ method: 'GET', url: `/api/price/warnings/${id}/cap` });
    assert.equal(res.statusCode, 200, res.body);
    const messages = res.json();
    assert.deepEqual(messages.map((m: { msgType: string; identifier: string; level: number }) => [m.msgType, m.identifier, m.level]), [
      ['Alert', '23030000000000_20220915110000_1', 3],
      ['Update', '23030000000000_20220917100000_1', 2],
      ['Cancel', '23030000000000_20220920100000_1', 2],
    ]);
    for (const m of messages) await assertValidCap(m.xml, `${m.identifier}.xml`);
    assert.match(messages[1].xml, /<references>23030000000000,23030000000000_20220915110000_1,2022-09-15T11:00:00\+08:00<\/references>/);
    assert.match(messages[1].xml, /依据黑龙江省人民政府黑政办发〔2022〕99号/);

    res = await app.inject({ method: 'GET', url: `/api/price/warnings/${id}/cap/23030000000000_20220920100000_1` });
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /^application\/cap\+xml/);
    assert.equal(res.body, messages[2].xml);
  });

  test('3.6(2): a level-3 warning published 2022-11-02 is proposed for ending after two clear weeks', async () => {
    let res = await app.inject({ method: 'POST', url: '/api/price/warnings', headers: office, payload: { level: 3, title: '粳米', items: ['rice'], areas: ['230302'], note: 'R5', at: '2022-11-02T09:00' } });
    const w = res.json().id;
    await app.inject({ method: 'POST', url: `/api/price/warnings/${w}/approve`, headers: as('deputy_mayor'), payload: { at: '2022-11-02T10:00' } });
    res = await app.inject({ method: 'POST', url: `/api/price/warnings/${w}/publish`, headers: as('emergency_bureau'), payload: { at: '2022-11-02T11:00' } });
    assert.equal(res.json().state, 'published');
    // Baseline: the 4 weeks before the week of publication (10-03 … 10-30), 40
    // complaints, 10 a week. Week 11-07 … 11-13: 12 complaints (not below
    // 12) but the detection run of 11-10 finds nothing (R5 needs twice the
    // mean); week 11-14 … 11-20: no run, 11 complaints (< 12).
    const complaints = [['2022-10-03', 10], ['2022-10-10', 10], ['2022-10-17', 10], ['2022-10-24', 10], ['2022-11-08', 12], ['2022-11-15', 11]]
      .map(([date, count]) => ({ itemId: 'rice', county: '230302', date, count }));
    complaints.push({ itemId: 'rice', county: '230321', date: '2022-11-15', count: 50 });
    res = await app.inject({ method: 'POST', url: '/api/price/complaints', headers: office, payload: { complaints } });
    assert.equal(res.statusCode, 200, res.body);
    res = await app.inject({ method: 'POST', url: '/api/price/detections', headers: office, payload: { asOf: '2022-11-10' } });
    assert.equal(res.statusCode, 200, res.body);

    res = await app.inject({ method: 'GET', url: `/api/price/warnings/${w}/termination-check?asOf=2022-11-21` });
    assert.equal(res.statusCode, 200, res.body);
    const check = res.json();
    assert.equal(check.outcome, 'propose', res.body);
    assert.deepEqual([check.baseline, check.limit], [10, 12]);
    // Another county's 50 complaints are outside the warning's area.
    assert.deepEqual(check.periods.map((p: { start: string; fluctuation: boolean | null; complaints: number; clear: boolean }) => [p.start, p.fluctuation, p.complaints, p.clear]), [
      ['2022-11-07', false, 12, true],
      ['2022-11-14', null, 11, true],
    ]);
    res = await app.inject({ method: 'GET', url: `/api/price/warnings/${w}/termination-check?asOf=2022-11-20` });
    assert.equal(res.json().outcome, 'not_yet', 'the second week is not complete before 11-21');
  });

  test('levels 2 and 1 are entered only with the province document', async () => {
    let res = await app.inject({ method: 'POST', url: '/api/price/warnings', headers: office, payload: { level: 1, title: '省一级预警', items: ['rice'], areas: [] } });
    assert.equal(res.json().code, 'ERR_PRICE_DOCUMENT_REQUIRED');
    res = await app.inject({ method: 'POST', url: '/api/price/warnings', headers: office, payload: { level: 1, title: '省一级预警', items: ['rice'], areas: [], document: province } });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json().next, { action: 'approve', role: 'mayor' });
    res = await app.inject({ method: 'POST', url: '/api/price/warnings', headers: office, payload: { level: 3, title: 'x', items: ['pork'], areas: ['999999'], note: 'y' } });
    assert.equal(res.statusCode, 400);
  });

  test('incident level 3 found 09:00: each clock of D3 4.1 with its owner, met or missed', async () => {
    let res = await app.inject({ method: 'POST', url: '/api/price/incidents', headers: office, payload: { level: 3, discoveredAt: '2022-09-15T09:00', county: '230302', place: '鸡冠区某农贸市场' } });
    assert.equal(res.statusCode, 200, res.body);
    const incident = res.json();
    assert.deepEqual(incident.missingContent, ['信息来源', '事件性质', '影响范围', '事件发展趋势', '已经采取的措施']);
    for (const [step, owner, at] of [
      ['monitor_to_county', 'monitor', '2022-09-15T09:40'],
      ['county_to_city', 'county_price', '2022-09-15T09:50'],
      ['phone_city_duty', 'county_gov', '2022-09-15T10:05'],
      ['phone_city_duty', 'office', '2022-09-15T10:15'],
    ]) {
      res = await app.inject({ method: 'POST', url: `/api/price/incidents/${incident.id}/reports`, headers: office, payload: { step, owner, at } });
      assert.equal(res.statusCode, 200, res.body);
    }
    res = await app.inject({ method: 'POST', url: `/api/price/incidents/${incident.id}/reports`, headers: office, payload: { step: 'brief_province', owner: 'office' } });
    assert.equal(res.json().code, 'ERR_PRICE_INCIDENT_STEP_UNKNOWN', 'a 较大 event has no brief report');

    res = await app.inject({ method: 'GET', url: `/api/price/incidents/${incident.id}?asOf=2022-09-15T11:00` });
    const clocks = res.json().clocks.map((c: { step: string; owner: string; deadline: string | null; status: string; minutesLate: number | null }) => [c.step, c.owner, c.deadline?.slice(11, 16) ?? null, c.status, c.minutesLate]);
    // Monitor within 1 h of 09:00; the county at once after receipt (09:40);
    // phone within 20 min and writing within 1 h of the county's report (09:50);
    // the province by phone within 30 min and in writing within 2 h of the
    // city duty offices' receipt (the earliest phone report, 10:05).
    assert.deepEqual(clocks, [
      ['monitor_to_county', 'monitor', '10:00', 'met', null],
      ['county_to_city', 'county_price', null, 'done', null],
      ['phone_city_duty', 'county_gov', '10:10', 'met', null],
      ['phone_city_duty', 'office', '10:10', 'missed', 5],
      ['written_city_duty', 'county_gov', '10:50', 'overdue', 10],
      ['written_city_duty', 'office', '10:50', 'overdue', 10],
      ['phone_province', 'city_party_office', '10:35', 'overdue', 25],
      ['phone_province', 'city_gov_duty', '10:35', 'overdue', 25],
      ['written_province', 'city_party_office', '12:05', 'pending', null],
      ['written_province', 'city_gov_duty', '12:05', 'pending', null],
      ['circular_province_price', 'office', null, 'pending', null],
    ]);
    assert.equal(res.json().missed, 5);
    assert.equal(res.json().clocks[0].ownerLabel, '市场价格监测人员');
  });

  test('drills: the next comprehensive one due 3 years after the last; directory change logged', async () => {
    let res = await app.inject({ method: 'GET', url: '/api/price/drills?asOf=2024-01-01' });
    assert.deepEqual(res.json().next, { lastComprehensive: null, basis: '2022-08-23', due: '2025-08-23', overdue: false, daysLeft: 600, article: 'D3 7.1' });
    res = await app.inject({ method: 'POST', url: '/api/price/drills', headers: office, payload: { date: '2023-06-10', kind: 'comprehensive' } });
    assert.equal(res.statusCode, 200, res.body);
    res = await app.inject({ method: 'GET', url: '/api/price/drills?asOf=2026-07-01' });
    assert.equal(res.json().next.due, '2026-06-10');
    assert.equal(res.json().next.overdue, true);

    res = await app.inject({ method: 'GET', url: '/api/price/directory?kind=working_group' });
    assert.equal(res.json().length, 8);
    assert.deepEqual(res.json().map((g: { name: string }) => g.name), ['物资保障组', '资金保障组', '社会救助组', '数据保障组', '治安秩序保障组', '市场秩序监督检查组', '政策综合组', '监测预警组']);
    res = await app.inject({ method: 'PUT', url: '/api/price/directory/ndrc', headers: office, payload: { kind: 'member_unit', name: '市发改委', data: { phone: '0467-0000000' }, reason: '联络电话变更' } });
    assert.equal(res.statusCode, 200, res.body);
    res = await app.inject({ method: 'GET', url: '/api/price/directory/changes?entryId=ndrc' });
    assert.equal(res.json().length, 1);
    assert.equal(res.json()[0].reason, '联络电话变更');
    assert.equal(res.json()[0].after.data.phone, '0467-0000000');
    assert.ok(res.json()[0].before.data.duty);
  });
});
