/**
 * Objections and repair as workflows on each database: deadlines in
 * working days (the examples' cases), overdue flags, and on an upheld
 * objection or approved repair the entity re-scored and the measures of
 * its old grade ended.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { describeEachDatabase } from '../../helpers/db.ts';
import { loadExamples } from '../examples.ts';
import { entityHeaders, get, OFFICE, post, REGULATOR, source, withApp } from './helpers.ts';

const examples = loadExamples();
const cr05 = examples.scores.find((s) => s.id === 'cr-05')!;

async function entityWithTwoPenalties(app: Parameters<typeof post>[0]) {
  await post(app, '/entities', { ...cr05.entity, on: cr05.evaluate_on });
  const ids: string[] = [];
  for (const r of cr05.records) {
    const res = await post(app, '/records', { uscc: cr05.entity.uscc, ...r, ...source(), on: cr05.evaluate_on });
    ids.push(res.json().record.id);
  }
  return ids;
}

describeEachDatabase('credit workflows', (database) => {
  test('objections received on the examples\' dates, deadlines 7 working days later', async () => {
    await withApp(database.open, async (app) => {
      await post(app, '/entities', { ...cr05.entity, on: cr05.evaluate_on });
      for (const [received, deadline] of examples.objection_deadlines_7_working_days.cases.filter(([r]) => r >= '2022-08-03')) {
        const res = await post(app, '/objections', { uscc: cr05.entity.uscc, claim: '评价结果有误', received_on: received }, entityHeaders(cr05.entity.uscc));
        assert.equal(res.statusCode, 201, res.body);
        assert.equal(res.json().deadline, deadline, received);
      }
    });
  });

  test('objection in a year without calendar data, refused with ERR_CORE_CALENDAR_NOT_COVERED', async () => {
    await withApp(database.open, async (app) => {
      await post(app, '/entities', { ...cr05.entity, on: cr05.evaluate_on });
      const res = await post(app, '/objections', { uscc: cr05.entity.uscc, claim: '评价结果有误', received_on: '2099-03-02' }, entityHeaders(cr05.entity.uscc));
      assert.equal(res.statusCode, 422);
      assert.equal(res.json().code, 'ERR_CORE_CALENDAR_NOT_COVERED');
      assert.equal(res.json().details.year, 2099);
    });
  });

  test('objection upheld: record corrected, 710 D back to 740 C, D measures ended, every step recorded', async () => {
    await withApp(database.open, async (app) => {
      const [, second] = await entityWithTwoPenalties(app);
      const filed = await post(app, '/objections', { uscc: cr05.entity.uscc, record_id: second, claim: '第二次处罚已被复议撤销', received_on: '2023-09-28' }, entityHeaders(cr05.entity.uscc));
      assert.equal(filed.json().deadline, '2023-10-13');
      const id = filed.json().id as string;

      // Open on 2023-10-16, past 10-13: overdue.
      const overdue = await get(app, '/objections?overdue=true&on=2023-10-16', REGULATOR);
      assert.deepEqual((overdue.json() as Array<{ id: string }>).map((o) => o.id), [id]);

      const checking = await post(app, `/objections/${id}/actions`, { action: 'start_check', on: '2023-10-09' }, REGULATOR);
      assert.equal(checking.json().objection.state, 'checking');
      const upheld = await post(app, `/objections/${id}/actions`, { action: 'uphold', note: '经比对，处罚已撤销', on: '2023-10-10' }, REGULATOR);
      assert.equal(upheld.statusCode, 200, upheld.body);
      assert.deepEqual(
        { score: upheld.json().rescore.score, grade: upheld.json().rescore.grade, previousGrade: upheld.json().rescore.previousGrade },
        { score: 740, grade: 'C', previousGrade: 'D' },
      );
      assert.deepEqual((upheld.json().objection.events as Array<{ to: string; actor: string }>).map((e) => [e.to, e.actor]), [
        ['received', `ent-${cr05.entity.uscc}`], ['checking', 'reg-1'], ['upheld', 'reg-1'],
      ]);
      assert.equal(upheld.json().objection.overdue, false);

      const records = (await get(app, `/entities/${cr05.entity.uscc}/records`)).json() as Array<{ id: string; status: string }>;
      assert.equal(records.find((r) => r.id === second)!.status, 'corrected');
      const measures = (await get(app, `/entities/${cr05.entity.uscc}/measures`)).json() as Array<{ category: string; active: boolean; endedOn: string | null }>;
      assert.ok(measures.filter((m) => m.category === 'general').every((m) => !m.active && m.endedOn === '2023-10-10'));
      assert.ok(measures.some((m) => m.category === 'minor' && m.active));

      const twice = await post(app, `/objections/${id}/actions`, { action: 'reject', on: '2023-10-11' }, REGULATOR);
      assert.equal(twice.statusCode, 409);
      assert.equal(twice.json().code, 'ERR_CREDIT_WORKFLOW_STEP_INVALID');
    });
  });

  test('repair approved after the shortest publicity: record repaired, re-scored, old measures ended', async () => {
    await withApp(database.open, async (app) => {
      const [first] = await entityWithTwoPenalties(app);
      const applied = await post(app, '/repairs', { record_id: first, applied_on: '2023-06-01', obligations_fulfilled: true, pledge_submitted: true }, entityHeaders(cr05.entity.uscc));
      assert.equal(applied.statusCode, 201, applied.body);
      // 5 working days after Thursday 2023-06-01: 06-08.
      assert.equal(applied.json().deadline, '2023-06-08');
      assert.equal(applied.json().check.eligible, true);
      const approved = await post(app, `/repairs/${applied.json().id}/actions`, { action: 'approve', on: '2023-06-05' }, OFFICE);
      assert.equal(approved.statusCode, 200, approved.body);
      assert.equal(approved.json().rescore.score, 740);
      assert.equal(approved.json().rescore.previousGrade, 'D');
      const answer = await get(app, `/entities/${cr05.entity.uscc}/measures`);
      assert.ok((answer.json() as Array<{ code: string; active: boolean }>).filter((m) => m.code === 'key_attention').every((m) => !m.active));
    });
  });

  test('repair not yet eligible (publicity not served), approval refused with the reason', async () => {
    await withApp(database.open, async (app) => {
      const [, second] = await entityWithTwoPenalties(app);
      // Second penalty decided 2023-01-10: 3 months run to 2023-04-10.
      const applied = await post(app, '/repairs', { record_id: second, applied_on: '2023-03-01', obligations_fulfilled: true, pledge_submitted: false }, entityHeaders(cr05.entity.uscc));
      assert.equal(applied.json().check.eligible, false);
      const refused = await post(app, `/repairs/${applied.json().id}/actions`, { action: 'approve', on: '2023-03-02' }, OFFICE);
      assert.equal(refused.statusCode, 422);
      assert.equal(refused.json().code, 'ERR_CREDIT_REPAIR_NOT_ELIGIBLE');
      assert.deepEqual((refused.json().problems as Array<{ reason: string }>).map((p) => p.reason), ['最短公示期3个月未满，2023-04-10起方可修复', '未提交信用修复承诺书']);
      const overdue = await get(app, '/repairs?overdue=true&on=2023-03-20', OFFICE);
      assert.equal(overdue.json().length, 1);
    });
  });

  test('an entity filing for another entity, refused', async () => {
    await withApp(database.open, async (app) => {
      await post(app, '/entities', { ...cr05.entity, on: cr05.evaluate_on });
      const res = await post(app, '/objections', { uscc: cr05.entity.uscc, claim: 'x', received_on: '2023-06-01' }, entityHeaders('91230302MA1AAA018C'));
      assert.equal(res.statusCode, 403);
    });
  });
});
