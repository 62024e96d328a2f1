/**
 * The scenario through the API: register a person with a grade-2
 * card in a 低保 family, approve both subsidies, run the month, find them on
 * the payroll; change the household status and see the living subsidy stop
 * the next month. Amounts: the shipped placeholders (living 100.00, care
 * grade 2 80.00). Callers by the temporary x-user / x-role headers.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import type { FastifyInstance } from 'fastify';

import type { PlatformContext } from '../../../src/platform/context.ts';
import { buildApp } from '../../../src/server/app.ts';
import { describeEachDatabase } from '../../helpers/db.ts';

const CLERK = { 'x-user': 'wang.clerk', 'x-role': 'disabled_federation' };
const VIEWER = { 'x-user': 'zhao.viewer', 'x-role': 'price_office' };

describeEachDatabase('disability API scenario', (database) => {
  let ctx: PlatformContext;
  let app: FastifyInstance;
  let personId: string;

  before(async () => {
    ctx = await database.open();
    app = await buildApp(ctx, { serveWeb: false, auth: { enforce: false } });
    await app.ready();
  });
  after(async () => {
    await app.close();
    await ctx.close();
  });

  const post = (url: string, payload: unknown, headers: Record<string, string> = CLERK) =>
    app.inject({ method: 'POST', url: `/api/disability${url}`, payload: payload as object, headers });
  const get = (url: string, headers: Record<string, string> = CLERK) => app.inject({ method: 'GET', url: `/api/disability${url}`, headers });

  test('grade-2 card in a 低保 family, registered: category and grade from the card', async () => {
    const response = await post('/persons', {
      residentId: '230303195601010214',
      name: '李乙',
      county: '230303',
      cardNumber: '23030319560101021412',
      household: 'dibao',
      householdFrom: '2024-01-01',
      bankAccount: '6228480010001234',
    });
    assert.equal(response.statusCode, 201, response.body);
    const { person } = response.json();
    assert.equal(person.categoryLabel, '视力');
    assert.equal(person.grade, 2);
    assert.equal(person.household, 'dibao');
    personId = person.id;
  });

  test('both subsidies applied for, reviewed and approved in March 2024', async () => {
    for (const subsidy of ['living', 'care']) {
      const created = await post('/applications', { personId, subsidy, receivedOn: '2024-03-04' });
      assert.equal(created.statusCode, 201, created.body);
      const id = created.json().id;
      const reviewed = await post(`/applications/${id}/review`, { on: '2024-03-06' });
      assert.equal(reviewed.json().status, 'reviewed');
      assert.equal(reviewed.json().review.outcome, 'eligible');
      const approved = await post(`/applications/${id}/approve`, { on: '2024-03-08', note: '材料齐全' });
      assert.equal(approved.statusCode, 200, approved.body);
      assert.equal(approved.json().status, 'approved');
      assert.deepEqual(approved.json().events.map((e: { action: string }) => e.action), ['receive', 'review', 'approve']);
    }
  });

  test('March payroll: the person on it, 100.00 living + 80.00 care = 180.00', async () => {
    const run = await post('/payroll/2024-03/run', {});
    assert.equal(run.statusCode, 200, run.body);
    assert.equal(run.json().amountYuan, '180.00');
    assert.deepEqual(run.json().totals.map((t: { countyName: string; amountYuan: string }) => [t.countyName, t.amountYuan]), [['恒山区', '180.00']]);

    const lines = await get('/payroll/2024-03/lines');
    const mine = lines.json().items.filter((l: { personId: string }) => l.personId === personId);
    assert.deepEqual(mine.map((l: { subsidy: string; status: string; amountYuan: string; name: string }) => [l.subsidy, l.status, l.amountYuan, l.name]), [
      ['care', 'paid', '80.00', '李乙'],
      ['living', 'paid', '100.00', '李乙'],
    ]);
  });

  test('March run again: unchanged, flagged as a re-run', async () => {
    const again = await post('/payroll/2024-03/run', {});
    assert.equal(again.json().rerun, true);
    assert.equal(again.json().amountYuan, '180.00');
  });

  test('household leaves 低保 on 2024-03-20; April: living stopped (not 低保), care still 80.00', async () => {
    const changed = await post(`/persons/${personId}/household`, { status: 'none', from: '2024-03-20' });
    assert.equal(changed.statusCode, 200, changed.body);
    assert.equal(changed.json().outcome, 'changed');

    const run = await post('/payroll/2024-04/run', {});
    assert.equal(run.json().amountYuan, '80.00');
    assert.equal(run.json().changes.stopped, 1);

    const stopped = await get('/payroll/2024-04/lines?status=stopped');
    const line = stopped.json().items[0];
    assert.equal(line.personId, personId);
    assert.equal(line.subsidy, 'living');
    assert.equal(line.previousAmountYuan, '100.00');
    assert.equal(line.reasons[0].code, 'not_dibao');
    assert.equal(line.reasons[0].article, 'D1 三(一)5');
  });

  test('the payment file of March, a CSV with the person and 180.00 in two lines', async () => {
    const file = await get('/payroll/2024-03/export?format=csv');
    assert.equal(file.statusCode, 200);
    const text = file.body.replace(/^\uFEFF/, '');
    assert.match(text.split('\n')[0]!, /姓名,身份证号,残疾人证号,发放账户,补贴项目,金额（元）/);
    assert.equal(text.split('\n').filter((l) => l.includes('230303195601010214')).length, 2);
    assert.ok(text.includes('6228480010001234'));
  });

  test('a role without the need sees the register masked', async () => {
    const list = await get('/persons', VIEWER);
    const item = list.json().items[0];
    assert.equal(item.name, '李*');
    assert.equal(item.residentId, '230303********0214');
    assert.equal(item.masked, true);
    const file = await get('/payroll/2024-03/export?format=csv', VIEWER);
    assert.ok(!file.body.includes('230303195601010214'));
  });

  test('a change without a named caller, refused with 401', async () => {
    const response = await app.inject({ method: 'POST', url: `/api/disability/persons/${personId}/household`, payload: { status: 'dibao', from: '2024-06-01' } });
    assert.equal(response.statusCode, 401);
    assert.equal(response.json().code, 'ERR_DISABILITY_CALLER_REQUIRED');
  });

  test("the person's payments, month by month", async () => {
    const response = await get(`/persons/${personId}/payments`);
    assert.deepEqual(response.json().map((l: { month: string; subsidy: string; status: string }) => `${l.month} ${l.subsidy} ${l.status}`), [
      '2024-03 care paid', '2024-03 living paid', '2024-04 care paid', '2024-04 living stopped',
    ]);
  });
});
