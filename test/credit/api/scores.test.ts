/**
 * Every worked score case of ../shared/examples/credit through the API on
 * each database: the entity registered, its records reported one by one,
 * the stored score read back with its points per indicator.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { describeEachDatabase } from '../../helpers/db.ts';
import { loadExamples } from '../examples.ts';
import { entityHeaders, get, OFFICE, post, source, withApp } from './helpers.ts';

const examples = loadExamples();

describeEachDatabase('credit scores through the API', (database) => {
  test('every worked case, stored score as expected', async () => {
    await withApp(database.open, async (app) => {
      for (const c of examples.scores) {
        const on = c.evaluate_on;
        const created = await post(app, '/entities', { ...c.entity, on });
        assert.equal(created.statusCode, 200, created.body);
        for (const r of c.records) {
          const res = await post(app, '/records', { uscc: c.entity.uscc, ...r, ...source(), on });
          assert.equal(res.statusCode, 200, `${c.id}: ${res.body}`);
        }
        const score = await get(app, `/entities/${c.entity.uscc}/score`);
        assert.equal(score.statusCode, 200, score.body);
        const body = score.json() as { score: number; grade: string; category: { label: string }; indicators: Array<{ code: string; points: number }> };
        assert.equal(body.score, c.expected.score, `${c.id} ${c.note}`);
        assert.equal(body.grade, c.expected.grade, c.id);
        assert.equal(body.category.label, c.expected.category, c.id);
        assert.deepEqual(Object.fromEntries(body.indicators.map((x) => [x.code, x.points])), c.expected.points, c.id);
      }
    });
  });

  test('a record reported, re-scored at once; history keeps both results', async () => {
    await withApp(database.open, async (app) => {
      const c = examples.scores.find((s) => s.id === 'cr-04')!;
      await post(app, '/entities', { ...c.entity, on: c.evaluate_on });
      const added = await post(app, '/records', { uscc: c.entity.uscc, ...c.records[0], ...source(), on: c.evaluate_on });
      assert.deepEqual(
        { score: added.json().rescore.score, grade: added.json().rescore.grade, previousGrade: added.json().rescore.previousGrade },
        { score: 740, grade: 'C', previousGrade: 'C' },
      );
      const history = await get(app, `/entities/${c.entity.uscc}/history`);
      assert.deepEqual((history.json() as Array<{ score: number }>).map((h) => h.score), [770, 740]);
      // The same record again (same department and number): no duplicate, no new history.
      const again = await post(app, '/records', { uscc: c.entity.uscc, ...c.records[0], source_department: added.json().record.sourceDepartment, document_number: added.json().record.documentNumber, on: c.evaluate_on });
      assert.equal(again.json().created, false);
      assert.equal(again.json().rescore.changed, false);
      assert.equal((await get(app, `/entities/${c.entity.uscc}/history`)).json().length, 2);
    });
  });

  test('lower-case code, stored once in capitals with a warning', async () => {
    await withApp(database.open, async (app) => {
      const lower = examples.uscc_invalid.find((x) => /lower case/.test(x.why))!.uscc;
      const first = await post(app, '/entities', { uscc: lower, name: '鸡西示例小写有限公司', established: '2019-01-01', on: '2023-06-01' });
      assert.equal(first.statusCode, 200, first.body);
      assert.equal(first.json().entity.uscc, lower.toUpperCase());
      assert.match(first.json().warnings.join(), /小写/);
      const second = await post(app, '/entities', { uscc: lower.toUpperCase(), name: '鸡西示例小写有限公司', established: '2019-01-01', on: '2023-06-01' });
      assert.equal(second.json().created, false);
      const list = await get(app, '/entities');
      assert.equal(list.json().total, 1);
    });
  });

  test('invalid codes of the examples, refused with the reason and not stored', async () => {
    await withApp(database.open, async (app) => {
      for (const { uscc } of examples.uscc_invalid.filter((x) => !/lower case/.test(x.why))) {
        const res = await post(app, '/entities', { uscc, name: '无效代码', established: '2019-01-01', on: '2023-06-01' });
        assert.equal(res.statusCode, 400, uscc);
        assert.equal(res.json().code, 'ERR_CREDIT_USCC_INVALID');
        assert.ok(res.json().problems[0].reason.length > 0);
      }
      assert.equal((await get(app, '/entities')).json().total, 0);
    });
  });

  test('grade changed, measures of the old category ended and the new ones started', async () => {
    await withApp(database.open, async (app) => {
      const c = examples.scores.find((s) => s.id === 'cr-06')!;
      await post(app, '/entities', { ...c.entity, on: c.evaluate_on });
      for (const r of c.records) await post(app, '/records', { uscc: c.entity.uscc, ...r, ...source(), on: c.evaluate_on });
      const measures = (await get(app, `/entities/${c.entity.uscc}/measures`)).json() as Array<{ code: string; category: string; active: boolean; endReason: string | null }>;
      assert.ok(measures.some((m) => m.code === 'procurement_bar' && m.active));
      assert.ok(measures.filter((m) => m.category === 'minor').every((m) => !m.active && /原等级对应措施终止/.test(m.endReason ?? '')));
      const answer = await get(app, `/entities/${c.entity.uscc}/entitlements/government_procurement?on=${c.evaluate_on}`);
      assert.equal(answer.json().allowed, false);
      assert.equal(answer.json().grade, 'E');
      assert.equal(answer.json().article, 'D2 二(三)4');
      // The entity asks about itself: allowed to see the answer.
      const own = await get(app, `/entities/${c.entity.uscc}/entitlements/notification_commitment`, entityHeaders(c.entity.uscc));
      assert.equal(own.statusCode, 200);
      assert.equal(own.json().allowed, false);
    });
  });

  test('no entity of that code, 404 for a department', async () => {
    await withApp(database.open, async (app) => {
      const res = await get(app, '/entities/91230302MA1AAA018C/score', OFFICE);
      assert.equal(res.statusCode, 404);
      assert.equal(res.json().code, 'ERR_CREDIT_ENTITY_NOT_FOUND');
    });
  });
});
