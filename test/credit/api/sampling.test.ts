/**
 * The worked sampling case through the API: 40 A, 100 B, 50 C, 20 D and
 * 5 E entities (graded by their records), a 10 % base ratio, drawn
 * 2/5/5/4/5; the same seed draws the same plan; conflicts of interest are
 * avoided; the list exports as CSV and XLSX.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { readTable } from '../../../src/io/table.ts';
import { describeEachDatabase } from '../../helpers/db.ts';
import { loadExamples, syntheticUscc } from '../examples.ts';
import { post, REGULATOR, withApp } from './helpers.ts';

const example = loadExamples().inspection_sampling;
const ON = '2023-06-01';

// Records that put an entity established 2018 in each grade (scores as in the worked cases):
// A 850 (red list + national 良, cr-12), B 790 (national 良, cr-13), C 770 (none, cr-01),
// D 710 (two penalties, cr-05), E 590 (serious list + key persons, cr-06).
const GRADE_RECORDS: Record<string, string[]> = {
  A: ['red_list', 'national_evaluation_good'],
  B: ['national_evaluation_good'],
  C: [],
  D: ['administrative_penalty', 'administrative_penalty'],
  E: ['serious_dishonesty_list', 'key_persons'],
};

async function population(app: Parameters<typeof post>[0]) {
  const entities = ['uscc,name,established'];
  const records = ['uscc,indicator,decided,source_department,document_number'];
  const byGrade: Record<string, string[]> = {};
  let n = 0;
  for (const [grade, count] of Object.entries(example.population)) {
    byGrade[grade] = [];
    for (let i = 0; i < count; i += 1) {
      const uscc = syntheticUscc(1000 + n);
      n += 1;
      byGrade[grade]!.push(uscc);
      entities.push(`${uscc},合成主体${n},2018-04-01`);
      GRADE_RECORDS[grade]!.forEach((indicator, k) => records.push(`${uscc},${indicator},2023-0${k + 1}-01,测试部门,测〔2023〕${n}-${k}号`));
    }
  }
  const b64 = (lines: string[]) => Buffer.from(lines.join('\n')).toString('base64');
  assert.equal((await post(app, '/import/entities', { format: 'csv', content_base64: b64(entities), on: ON })).statusCode, 200);
  const r = await post(app, '/import/records', { format: 'csv', content_base64: b64(records), on: ON });
  assert.equal(r.statusCode, 200, r.body);
  return byGrade;
}

describeEachDatabase('credit inspection plans', (database) => {
  test(`base ${example.base_ratio_percent} %, drawn ${JSON.stringify(example.expected_sample)}, reproducible from the seed`, async () => {
    await withApp(database.open, async (app) => {
      const byGrade = await population(app);
      for (let i = 1; i <= 4; i += 1) {
        await post(app, '/inspectors', { id: `insp-${i}`, name: `检查员${i}`, department: '市市场监督管理局', conflicts: i === 1 ? byGrade.E : [] }, REGULATOR);
      }
      const body = { sector: 'food', period_from: '2023-07-01', period_to: '2023-09-30', base_ratio_percent: example.base_ratio_percent, seed: 'food-2023Q3', on: ON };
      const first = await post(app, '/plans', body, REGULATOR);
      assert.equal(first.statusCode, 201, first.body);
      const plan = first.json() as { id: string; grades: Array<{ grade: string; drawn: number; population: number }>; targets: Array<{ uscc: string; grade: string; inspectors: string[] }> };
      assert.deepEqual(Object.fromEntries(plan.grades.map((g) => [g.grade, g.drawn])), example.expected_sample, example.note);
      assert.deepEqual(Object.fromEntries(plan.grades.map((g) => [g.grade, g.population])), example.population);
      for (const t of plan.targets) {
        assert.ok(byGrade[t.grade]!.includes(t.uscc), 'drawn from its grade');
        assert.equal(t.inspectors.length, 2);
        if (t.grade === 'E') assert.ok(!t.inspectors.includes('insp-1'), 'conflict of interest avoided');
      }

      const again = (await post(app, '/plans', body, REGULATOR)).json() as typeof plan;
      assert.notEqual(again.id, plan.id);
      assert.deepEqual(again.targets, plan.targets, 'same seed and population, same plan');

      const csv = await app.inject({ method: 'GET', url: `/api/credit/plans/${plan.id}/export?format=csv`, headers: REGULATOR });
      assert.equal(csv.statusCode, 200);
      const rows = await readTable(csv.rawPayload, 'csv', [{ name: 'uscc', label: '统一社会信用代码' }, { name: 'grade', label: '信用等级' }, { name: 'seed', label: '随机种子' }]);
      assert.equal(rows.rows.length, plan.targets.length);
      assert.equal(rows.rows[0]!.values.seed, 'food-2023Q3');
      const xlsx = await app.inject({ method: 'GET', url: `/api/credit/plans/${plan.id}/export?format=xlsx`, headers: REGULATOR });
      const sheet = await readTable(xlsx.rawPayload, 'xlsx', [{ name: 'uscc', label: '统一社会信用代码' }]);
      assert.deepEqual(sheet.rows.map((r) => r.values.uscc), plan.targets.map((t) => t.uscc));
    });
  });
});
