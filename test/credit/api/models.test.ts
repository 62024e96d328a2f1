/**
 * Sectors and industry models (D2 二(二)2, 二(三)): the eighteen sectors on
 * the public score until a model is defined; the examples' two models, one
 * accepted and one refused with the reason.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { describeEachDatabase } from '../../helpers/db.ts';
import { loadExamples } from '../examples.ts';
import { get, post, REGULATOR, source, withApp } from './helpers.ts';

const examples = loadExamples();

function modelBody(weights: Record<string, number>) {
  return {
    department: '市市场监督管理局',
    document_number: '鸡市监发〔2022〕30号',
    valid_from: '2022-12-01',
    indicators: Object.entries(weights).map(([code, weight]) => ({
      code, label: code, source: code === 'public_score' ? 'public_score' : 'supervisory', weight,
    })),
    on: '2023-06-01',
  };
}

describeEachDatabase('credit sectors and industry models', (database) => {
  test('eighteen sectors, all on the public score, target of 16 not yet met', async () => {
    await withApp(database.open, async (app) => {
      const res = await get(app, '/sectors?on=2023-06-01', REGULATOR);
      assert.equal(res.statusCode, 200);
      assert.equal(res.json().sectors.length, 18);
      assert.ok((res.json().sectors as Array<{ evaluation: string }>).every((x) => x.evaluation === 'public_score'));
      assert.equal(res.json().target.met, false);
    });
  });

  for (const example of examples.industry_models) {
    test(`model ${JSON.stringify(example.weights)}, ${example.valid ? 'accepted' : 'refused with the reason'}`, async () => {
      await withApp(database.open, async (app) => {
        const res = await post(app, '/sectors/food/models', modelBody(example.weights), REGULATOR);
        if (example.valid) {
          assert.equal(res.statusCode, 201, res.body);
          assert.equal(res.json().model.id, 'food:v1');
          const sectors = (await get(app, '/sectors', REGULATOR)).json().sectors as Array<{ code: string; evaluation: string }>;
          assert.equal(sectors.find((x) => x.code === 'food')!.evaluation, 'industry_model');
        } else {
          assert.equal(res.statusCode, 422);
          assert.equal(res.json().code, 'ERR_CREDIT_MODEL_REFUSED');
          assert.match(JSON.stringify(res.json().problems), /低于全部指标平均权重/);
          assert.equal((await get(app, '/sectors/food/models', REGULATOR)).json().length, 0);
        }
      });
    });
  }

  test('industry result: public 770 at 50 % = 385, plus 250 and 150 assessed, 785 C', async () => {
    await withApp(database.open, async (app) => {
      const c = examples.scores.find((s) => s.id === 'cr-01')!;
      await post(app, '/entities', { ...c.entity, on: c.evaluate_on });
      await post(app, '/sectors/food/models', modelBody(examples.industry_models[0]!.weights), REGULATOR);
      const missing = await get(app, `/entities/${c.entity.uscc}/industry/food?on=2023-06-01`, REGULATOR);
      assert.equal(missing.json().outcome, 'needs_input');
      assert.deepEqual(missing.json().missing, ['sector_inspections', 'complaints']);
      for (const [indicator, points] of [['sector_inspections', 250], ['complaints', 150]] as const) {
        const r = await post(app, '/assessments', { uscc: c.entity.uscc, sector: 'food', indicator, points, assessed_on: '2023-05-01', department: '市市场监督管理局', document_number: source().document_number }, REGULATOR);
        assert.equal(r.statusCode, 200, r.body);
      }
      const res = await get(app, `/entities/${c.entity.uscc}/industry/food?on=2023-06-01`, REGULATOR);
      assert.equal(res.json().score, 785);
      assert.equal(res.json().grade, 'C');
      const other = await get(app, `/entities/${c.entity.uscc}/industry/taxi?on=2023-06-01`, REGULATOR);
      assert.equal(other.json().evaluation, 'public_score');
      assert.equal(other.json().score, 770);
    });
  });
  test('grade distribution: cr-01 770 C, cr-04 740 C, cr-06 590 E on the public score; with a model, unassessed entities counted apart', async () => {
    await withApp(database.open, async (app) => {
      const on = '2023-06-01';
      for (const id of ['cr-01', 'cr-04', 'cr-06']) {
        const c = examples.scores.find((s) => s.id === id)!;
        await post(app, '/entities', { ...c.entity, on });
        for (const r of c.records) await post(app, '/records', { uscc: c.entity.uscc, ...r, ...source(), on });
        await post(app, `/entities/${c.entity.uscc}/rescore`, { on });
      }

      const res = await get(app, `/sectors/food/distribution?on=${on}`, REGULATOR);
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().evaluation, 'public_score');
      assert.equal(res.json().total, 3);
      const counts = Object.fromEntries((res.json().grades as Array<{ grade: string; count: number }>).map((g) => [g.grade, g.count]));
      assert.deepEqual(counts, { A: 0, B: 0, C: 2, D: 0, E: 1 });
      assert.equal((res.json().grades as Array<{ grade: string; category: string }>)[4]!.category, '严重失信');

      // Food model (examples' first): public 50 %; cr-01 assessed 250 + 150
      // → 770 × 500 / 1000 = 385 + 400 = 785, C; the other two lack points.
      await post(app, '/sectors/food/models', modelBody(examples.industry_models[0]!.weights), REGULATOR);
      const uscc = examples.scores.find((s) => s.id === 'cr-01')!.entity.uscc;
      for (const [indicator, points] of [['sector_inspections', 250], ['complaints', 150]] as const) {
        await post(app, '/assessments', { uscc, sector: 'food', indicator, points, assessed_on: '2023-05-01', department: '市市场监督管理局', document_number: source().document_number }, REGULATOR);
      }
      const modelled = (await get(app, `/sectors/food/distribution?on=${on}`, REGULATOR)).json();
      assert.equal(modelled.evaluation, 'industry_model');
      assert.equal(modelled.modelId, 'food:v1');
      assert.equal(modelled.needsInput, 2);
      assert.equal((modelled.grades as Array<{ grade: string; count: number }>).find((g) => g.grade === 'C')!.count, 1);

      const denied = await get(app, `/sectors/food/distribution?on=${on}`, { 'x-user': 'f-1', 'x-role': 'finance', 'x-audit-reason': 'x' });
      assert.equal(denied.statusCode, 403);
      const noPurpose = await get(app, `/sectors/food/distribution?on=${on}`, { 'x-user': 'reg-1', 'x-role': 'regulator' });
      assert.equal(noPurpose.json().code, 'ERR_CREDIT_PURPOSE_REQUIRED');
    });
  });
});
