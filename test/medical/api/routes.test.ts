/**
 * The medical routes beyond the worked cases: bad input (400 with ERR_…
 * and problems), masked lists, preview, reversal, bills by person, lists
 * export, fund ledger (D4 §19), templates, OpenAPI presence.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';

import type { FastifyInstance } from 'fastify';

import { readTable } from '../../../src/io/table.ts';
import { buildApp } from '../../../src/server/app.ts';
import { CLAIM_COLUMNS } from '../../../src/medical/services/records.ts';
import { describeEachDatabase } from '../../helpers/db.ts';
import { multipart } from './multipart.ts';

const DIBAO = '230304197705200026';
const WORKER = '230302198503150018';
const INPATIENT = {
  claim_id: 'm11-1', person_id: DIBAO, date: '2023-03-01', kind: 'inpatient', level: '2', place: 'city', referral: 'yes',
  resident_elsewhere: 'no', emergency: 'no', exclusion: '', total: '30000.00', policy_scope: '28000.00', basic_paid: '18000.00', critical_paid: '0.00',
};

describeEachDatabase('medical routes', (db) => {
  let app: FastifyInstance;
  let close: () => Promise<void>;

  test('setup', async () => {
    const ctx = await db.open();
    app = await buildApp(ctx, { serveWeb: false, auth: { enforce: false } });
    close = async () => {
      await app.close();
      await ctx.close();
    };
    for (const person of [
      { person_id: DIBAO, scheme: 'resident', categories: 'dibao:2022-01-01:', name: '张三丰' },
      { person_id: WORKER, scheme: 'employee', employment: 'in_service', account_balance: '500.00' },
    ]) {
      const res = await app.inject({ method: 'POST', url: '/api/medical/persons', payload: person });
      assert.equal(res.statusCode, 200, res.body);
    }
  });

  test('a claim with bad fields, 400 with every problem and nothing stored', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/medical/claims',
      payload: { ...INPATIENT, date: '2023-13-01', total: 'abc', policy_scope: '-5' },
    });
    assert.equal(res.statusCode, 400);
    const body = res.json() as { code: string; problems: Array<{ field: string; value: string; reason: string }> };
    assert.equal(body.code, 'ERR_CORE_INVALID_INPUT');
    assert.deepEqual(body.problems.map((p) => p.field).sort(), ['date', 'policy_scope', 'total']);
    assert.equal((await app.inject({ method: 'GET', url: '/api/medical/bills/m11-1' })).statusCode, 404);

    const missing = await app.inject({ method: 'POST', url: '/api/medical/claims', payload: { claim_id: 'x' } });
    assert.equal(missing.statusCode, 400);
    assert.ok((missing.json() as { problems: unknown[] }).problems.length >= 5);
  });

  test('a claim of an unknown person, 422 naming the field', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/medical/claims', payload: { ...INPATIENT, person_id: '230303195601010011' } });
    assert.equal(res.statusCode, 422);
    assert.equal((res.json() as { code: string }).code, 'ERR_MEDICAL_PERSON_UNKNOWN');
  });

  test('persons listed with IDs and names masked, detail in full', async () => {
    const list = await app.inject({ method: 'GET', url: '/api/medical/persons?category=dibao' });
    const body = list.json() as { total: number; persons: Array<{ person_id: string; name: string }> };
    assert.equal(body.total, 1);
    assert.deepEqual([body.persons[0]!.person_id, body.persons[0]!.name], ['230304********0026', '张**']);
    assert.ok(!list.body.includes(DIBAO));

    const detail = await app.inject({ method: 'GET', url: `/api/medical/persons/${DIBAO}` });
    assert.equal((detail.json() as { person_id: string }).person_id, DIBAO);
  });

  test('preview shows the bill of med-11 and stores nothing; settling then gives the same amounts', async () => {
    // med-11: eligible 28000 − 18000 = 10000, 低保 70% = 7000; cash 5000.
    const preview = await app.inject({ method: 'POST', url: '/api/medical/claims/preview', payload: INPATIENT });
    assert.equal(preview.statusCode, 200, preview.body);
    const shown = preview.json() as Record<string, unknown>;
    assert.deepEqual([shown.assistance, shown.cash_paid, shown.status], ['7000.00', '5000.00', 'preview']);
    assert.ok((shown.steps as unknown[]).length > 0);
    assert.equal((await app.inject({ method: 'GET', url: '/api/medical/bills/m11-1' })).statusCode, 404);

    const settled = await app.inject({ method: 'POST', url: '/api/medical/claims', payload: INPATIENT });
    assert.equal(settled.statusCode, 201);
    assert.equal((settled.json() as { assistance: string }).assistance, '7000.00');
  });

  test('GET bill twice, identical', async () => {
    const a = await app.inject({ method: 'GET', url: '/api/medical/bills/m11-1' });
    const b = await app.inject({ method: 'GET', url: '/api/medical/bills/m11-1' });
    assert.equal(a.statusCode, 200);
    assert.equal(a.body, b.body);
  });

  test('same claim id, other content, 409', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/medical/claims', payload: { ...INPATIENT, total: '30001.00' } });
    assert.equal(res.statusCode, 409);
    assert.equal((res.json() as { code: string }).code, 'ERR_MEDICAL_CLAIM_CONFLICT');
  });

  test('push list of 2023 as JSON and XLSX: med-11 burden 30000 − 18000 = 12000 > 10000', async () => {
    const json = await app.inject({ method: 'GET', url: '/api/medical/push-list?year=2023' });
    assert.deepEqual(json.json(), [{ person_id: DIBAO, year: 2023, burden: '12000.00', county: '230304' }]);

    const xlsx = await app.inject({ method: 'GET', url: '/api/medical/push-list?year=2023&format=xlsx' });
    assert.equal(xlsx.statusCode, 200);
    assert.match(String(xlsx.headers['content-type']), /spreadsheetml/);
    const read = await readTable(xlsx.rawPayload, 'xlsx', [{ name: 'person_id', label: '身份证号' }, { name: 'burden', label: '经基本医保、大病保险报销后个人负担' }]);
    assert.deepEqual(read.rows.map((r) => r.values), [{ person_id: DIBAO, burden: '12000.00' }]);
  });

  test('years with claims, latest first: only 2023 has been settled here', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/medical/years' });
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), [2023]);
  });

  test('fund ledger of 2023: 7000 spent on a 230304 recipient, budget 5000, surplus 1500', async () => {
    // D4 §19: gap 7000 − 5000 = 2000; surplus covers 1500; 500 falls to 230304.
    assert.equal((await app.inject({ method: 'PUT', url: '/api/medical/fund/2023/budgets/230304', payload: { budget: '5000.00' } })).statusCode, 204);
    assert.equal((await app.inject({ method: 'PUT', url: '/api/medical/fund/2023/surplus', payload: { accumulated_surplus: '1500.00' } })).statusCode, 204);
    const res = await app.inject({ method: 'GET', url: '/api/medical/fund/2023' });
    const ledger = res.json() as { spending: Array<{ county: string; spending: string }>; shortfall: Record<string, unknown> };
    assert.deepEqual(ledger.spending.map((s) => [s.county, s.spending]), [['230304', '7000.00']]);
    assert.deepEqual(
      [ledger.shortfall.gap, ledger.shortfall.from_surplus, ledger.shortfall.remaining, ledger.shortfall.by_certifier],
      ['2000.00', '1500.00', '500.00', [{ county: '230304', amount: '500.00' }]],
    );
  });

  test('reversal with a reason, reversing bill stored, assistance leaves the totals and the lists', async () => {
    const bad = await app.inject({ method: 'POST', url: '/api/medical/claims/m11-1/reversal', payload: {} });
    assert.equal(bad.statusCode, 400);

    const res = await app.inject({ method: 'POST', url: '/api/medical/claims/m11-1/reversal', payload: { reason: '医院重复上传' } });
    assert.equal(res.statusCode, 201, res.body);
    const reversal = res.json() as Record<string, string>;
    assert.deepEqual([reversal.kind, reversal.assistance, reversal.reason], ['reversal', '-7000.00', '医院重复上传']);

    const totals = await app.inject({ method: 'GET', url: `/api/medical/persons/${DIBAO}/accumulators/2023` });
    const acc = (totals.json() as { accumulators: Record<string, string> }).accumulators;
    assert.deepEqual([acc.assistance_paid, acc.burden_after_insurance], ['0.00', '0.00']);

    const bills = await app.inject({ method: 'GET', url: `/api/medical/persons/${DIBAO}/bills?year=2023` });
    assert.deepEqual((bills.json() as Array<{ kind: string }>).map((b) => b.kind), ['settlement', 'reversal']);
    assert.deepEqual((await app.inject({ method: 'GET', url: '/api/medical/push-list?year=2023' })).json(), []);
    const ledger = (await app.inject({ method: 'GET', url: '/api/medical/fund/2023' })).json() as { spending: unknown[] };
    assert.deepEqual(ledger.spending, []);

    const twice = await app.inject({ method: 'POST', url: '/api/medical/claims/m11-1/reversal', payload: { reason: '再次冲销' } });
    assert.equal(twice.statusCode, 409);
  });

  test('account credit recorded once, refund beyond the balance refused', async () => {
    const credit = { kind: 'credit', amount: '91.36', date: '2023-03-31', id: 'credit:2023-03' };
    const first = await app.inject({ method: 'POST', url: `/api/medical/persons/${WORKER}/account/movements`, payload: credit });
    assert.deepEqual(first.json(), { outcome: 'recorded', id: 'credit:2023-03', balance: '591.36' });
    const again = await app.inject({ method: 'POST', url: `/api/medical/persons/${WORKER}/account/movements`, payload: credit });
    assert.deepEqual(again.json(), { outcome: 'existing', id: 'credit:2023-03', balance: '591.36' });

    const refund = await app.inject({ method: 'POST', url: `/api/medical/persons/${WORKER}/account/movements`, payload: { kind: 'refund', amount: '600.00', date: '2023-04-01' } });
    assert.equal(refund.statusCode, 422);
    const account = (await app.inject({ method: 'GET', url: `/api/medical/persons/${WORKER}/account` })).json() as { balance: string; movements: Array<{ kind: string }> };
    assert.equal(account.balance, '591.36');
    assert.deepEqual(account.movements.map((m) => m.kind), ['opening', 'credit']);
  });

  test('batch upload with a bad row, 400 naming row, field, value and reason; nothing stored', async () => {
    const csv = Buffer.from(
      'claim_id,person_id,date,kind,level,place,referral,resident_elsewhere,emergency,exclusion,total,policy_scope,basic_paid,critical_paid\n' +
        `u-1,${WORKER},2023-05-01,outpatient,1,city,yes,no,no,,100.00,100.00,0.00,0.00\n` +
        `u-2,${WORKER},2023-05-02,outpatient,1,city,yes,no,no,,100.00,200.00,0.00,0.00\n`,
    );
    const res = await app.inject({ method: 'POST', url: '/api/medical/batches', ...multipart({ claims: { filename: 'c.csv', content: csv } }) });
    assert.equal(res.statusCode, 400);
    const body = res.json() as { code: string; problems: unknown[] };
    assert.equal(body.code, 'ERR_MEDICAL_BATCH_INVALID');
    assert.deepEqual(body.problems, [{ file: 'claims', row: 3, field: 'policy_scope', value: '200.00', reason: '政策范围内费用不能大于总费用' }]);
    assert.equal((await app.inject({ method: 'GET', url: '/api/medical/bills/u-1' })).statusCode, 404);

    const skipped = await app.inject({ method: 'POST', url: '/api/medical/batches', ...multipart({ claims: { filename: 'c.csv', content: csv } }, { skip_invalid: 'true' }) });
    assert.equal(skipped.statusCode, 200);
    const result = skipped.json() as { applied: number; invalid: unknown[]; run_id: string };
    assert.deepEqual([result.applied, result.invalid.length], [1, 1]);
    const run = await app.inject({ method: 'GET', url: `/api/medical/batches/${encodeURIComponent(result.run_id)}` });
    assert.equal((run.json() as { status: string }).status, 'done');
  });

  test('claims template with the Chinese headers of the import format', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/medical/templates/claims?format=xlsx' });
    assert.equal(res.statusCode, 200);
    const read = await readTable(res.rawPayload, 'xlsx', CLAIM_COLUMNS);
    assert.deepEqual(read.problems, [], 'the template reads back as a claims file');
    assert.deepEqual(read.unknownHeaders, []);
  });

  test('every medical route in the OpenAPI document, tagged medical with a Chinese summary', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/docs/json' })).json() as { paths: Record<string, Record<string, { tags?: string[]; summary?: string }>> };
    const operations = Object.entries(doc.paths)
      .filter(([path]) => path.startsWith('/api/medical/'))
      .flatMap(([, ops]) => Object.values(ops));
    assert.ok(operations.length >= 19);
    for (const op of operations) {
      assert.deepEqual(op.tags, ['medical']);
      assert.match(op.summary ?? '', /[\u4e00-\u9fff]/);
    }
  });

  test('watch list of 2023: a 低保边缘 member with a heavy burden, and one for whom 大病保险 started', async () => {
    // D4 §12: monitored categories dibao_marginal and rural_at_risk.
    // 230306196811110049 (dibao_marginal): 30000 − 18000 = 12000 > 10000, heavy.
    // 230321200203030056 (rural_at_risk): 大病保险 paid 500, burden 3500, not heavy.
    const MARGINAL = '230306196811110049';
    const AT_RISK = '230321200203030056';
    for (const person of [
      { person_id: MARGINAL, scheme: 'resident', categories: 'dibao_marginal:2022-06-01:' },
      { person_id: AT_RISK, scheme: 'resident', categories: 'rural_at_risk:2022-01-01:' },
    ]) {
      assert.equal((await app.inject({ method: 'POST', url: '/api/medical/persons', payload: person })).statusCode, 200);
    }
    const claims = [
      { ...INPATIENT, claim_id: 'w-1', person_id: MARGINAL, date: '2023-02-01', total: '30000.00', policy_scope: '30000.00', basic_paid: '18000.00' },
      { ...INPATIENT, claim_id: 'w-2', person_id: AT_RISK, date: '2023-02-01', total: '10000.00', policy_scope: '10000.00', basic_paid: '6000.00', critical_paid: '500.00' },
    ];
    for (const claim of claims) assert.equal((await app.inject({ method: 'POST', url: '/api/medical/claims', payload: claim })).statusCode, 201);

    const res = await app.inject({ method: 'GET', url: '/api/medical/watch-list?year=2023' });
    const rows = (res.json() as Array<Record<string, string>>).map((r) => [r.person_id, r.category, r.reason, r.burden]);
    assert.deepEqual(rows, [
      [MARGINAL, 'dibao_marginal', 'heavy_burden', '12000.00'],
      [AT_RISK, 'rural_at_risk', 'critical_started', '3500.00'],
    ]);
  });

  test('dated enrolments, a member retiring mid-year is settled at the retiree ratio after retirement', async () => {
    // D5 §7(1) level 2: 60% in service, 65% retired; deductible 600 a year.
    // 2023-03-01 in service, 3000: (3000 − 600) × 60% = 1440.
    // 2023-06-10 retired, 500: deductible met, 500 × 65% = 325 (in service 300).
    const RETIRING = '230303195601010011';
    const person = {
      person_id: RETIRING,
      scheme: 'employee',
      enrolments: [
        { scheme: 'employee', employment: 'in_service', from: '2020-01-01', to: '2023-05-31' },
        { scheme: 'employee', employment: 'retired', from: '2023-06-01' },
      ],
    };
    const created = await app.inject({ method: 'POST', url: '/api/medical/persons', payload: person });
    assert.equal(created.statusCode, 200, created.body);
    const outpatient = { ...INPATIENT, person_id: RETIRING, kind: 'outpatient', basic_paid: '0.00' };
    const first = await app.inject({ method: 'POST', url: '/api/medical/claims', payload: { ...outpatient, claim_id: 'r-1', date: '2023-03-01', total: '3000.00', policy_scope: '3000.00' } });
    const second = await app.inject({ method: 'POST', url: '/api/medical/claims', payload: { ...outpatient, claim_id: 'r-2', date: '2023-06-10', total: '500.00', policy_scope: '500.00' } });
    assert.deepEqual([(first.json() as { pooling: string }).pooling, (second.json() as { pooling: string }).pooling], ['1440.00', '325.00']);

    const before = await app.inject({ method: 'POST', url: '/api/medical/claims', payload: { ...outpatient, claim_id: 'r-0', date: '2019-06-01', total: '10.00', policy_scope: '10.00' } });
    assert.equal((before.json() as { code: string }).code, 'ERR_MEDICAL_NOT_ENROLLED');

    const overlapping = await app.inject({
      method: 'POST',
      url: '/api/medical/persons',
      payload: { ...person, enrolments: [person.enrolments[0], { ...person.enrolments[1], from: '2023-05-01' }] },
    });
    assert.equal(overlapping.statusCode, 400);
    assert.match(JSON.stringify(overlapping.json()), /不重叠/);
  });

  test('persons file upload: a bad row refuses it, skip_invalid keeps the good rows', async () => {
    const csv = Buffer.from('身份证号,参保类型,人员类别,救助类别,个人账户余额\n230382199001010011,居民,,低保对象:2023-01-01:,\n230382199001010018,居民,,,\n');
    const refused = await app.inject({ method: 'POST', url: '/api/medical/persons/import', ...multipart({ file: { filename: 'p.csv', content: csv } }) });
    assert.equal(refused.statusCode, 400);
    assert.deepEqual((refused.json() as { problems: Array<{ row: number; field: string }> }).problems.map((p) => [p.row, p.field]), [[3, 'person_id']]);

    const kept = await app.inject({ method: 'POST', url: '/api/medical/persons/import', ...multipart({ file: { filename: 'p.csv', content: csv } }, { skip_invalid: 'true' }) });
    assert.equal(kept.statusCode, 200, kept.body);
    assert.deepEqual([(kept.json() as { created: number }).created, (kept.json() as { invalid: unknown[] }).invalid.length], [1, 1]);
    const person = (await app.inject({ method: 'GET', url: '/api/medical/persons/230382199001010011' })).json() as { categories: Array<{ code: string }> };
    assert.deepEqual(person.categories.map((c) => c.code), ['dibao']);
  });

  test('teardown', async () => {
    await close();
  });
});
