/**
 * The credit pages' chart options, without a browser: pure functions of
 * the API's answers (web/src/pages/credit/charts.ts).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import {
  breakdownChartOptions,
  breakdownRows,
  distributionChartOptions,
  distributionRows,
  historyChartOptions,
  historyPoints,
  type DistributionView,
  type HistoryView,
  type ScoreView,
} from '../../web/src/pages/credit/charts.ts';
import { modelProblemFields } from '../../web/src/pages/credit/modelForm.ts';

// cr-04 of the examples, cut to three indicators: one penalty takes 行政处罚
// from 60 to 30; 经营年限 earned (30 of 30); 红名单 not earned (0 of 60).
const score: ScoreView = {
  score: 740,
  grade: 'C',
  indicators: [
    { code: 'operating_years', label: '经营年限', group: 'basic', max: 30, points: 30, records: [], reason: '经营满3年' },
    { code: 'administrative_penalty', label: '行政处罚', group: 'operation', max: 60, points: 30, records: ['rec-1'], reason: '行政处罚1次' },
    { code: 'red_list', label: '红名单', group: 'operation', max: 60, points: 0, records: [], reason: '未列入' },
  ],
};

describe('credit breakdown chart', () => {
  test('points and points not earned per indicator, stacked, in the table order', () => {
    const rows = breakdownRows(score);
    assert.deepEqual(rows.map((r) => [r.label, r.points, r.lost]), [['经营年限', 30, 0], ['行政处罚', 30, 30], ['红名单', 0, 60]]);
    assert.deepEqual(rows[1]!.records, ['rec-1']);

    const options = breakdownChartOptions(score);
    assert.deepEqual(options.yAxis.data, ['经营年限', '行政处罚', '红名单']);
    assert.deepEqual(options.series.map((s) => [s.name, s.stack, s.data]), [['得分', 'points', [30, 30, 0]], ['未得分', 'points', [0, 30, 60]]]);
    assert.equal(options.aria.decal.show, true);
    assert.match(options.title.text, /共 740 分，满分 1000 分/);
  });
});

describe('credit history chart', () => {
  // Newest first as the API may answer; two results the same day keep the
  // order they were computed in.
  const history: HistoryView = [
    { evaluatedOn: '2026-12-05', score: 790, grade: 'B', reason: '异议成立', computedAt: '2026-12-05T03:00:00Z' },
    { evaluatedOn: '2026-12-05', score: 760, grade: 'C', reason: '新增记录', computedAt: '2026-12-05T02:00:00Z' },
    { evaluatedOn: '2026-08-27', score: 790, grade: 'B', reason: '新增记录', computedAt: '2026-08-27T02:00:00Z' },
  ];
  const cutoffs = [{ grade: 'A', min: 850 }, { grade: 'B', min: 790 }, { grade: 'C', min: 730 }, { grade: 'D', min: 670 }, { grade: 'E', min: 0 }];

  test('oldest first; the A–D cut-offs as dashed lines; E has none', () => {
    assert.deepEqual(historyPoints(history).map((p) => `${p.on} ${p.score}${p.grade}`), ['2026-08-27 790B', '2026-12-05 760C', '2026-12-05 790B']);
    const options = historyChartOptions(history, cutoffs);
    assert.deepEqual(options.series[0]!.data, [790, 760, 790]);
    assert.deepEqual(options.series.slice(1).map((s) => s.name), ['A级线 850', 'B级线 790', 'C级线 730', 'D级线 670']);
    assert.deepEqual(options.series[2]!.data, [790, 790, 790]);
    assert.equal(options.xAxis.data[2], '2026-12-05（第3次）');
  });
});

describe('credit grade distribution chart', () => {
  const view: DistributionView = {
    sector: 'food', label: '食品监管', on: '2023-06-01', total: 3, needsInput: 2, evaluation: 'industry_model',
    grades: [{ grade: 'A', category: '诚信守法', count: 0 }, { grade: 'B', category: '诚信守法', count: 0 }, { grade: 'C', category: '轻微失信', count: 1 }, { grade: 'D', category: '一般失信', count: 0 }, { grade: 'E', category: '严重失信', count: 0 }],
  };

  test('A–E with their categories, then the entities lacking industry points; shares of the total', () => {
    // 1 of 3 = 33.3 %, 2 of 3 = 66.7 %.
    assert.deepEqual(distributionRows(view).map((r) => [r.label, r.count, r.share]), [
      ['A级 诚信守法', 0, '0.0%'], ['B级 诚信守法', 0, '0.0%'], ['C级 轻微失信', 1, '33.3%'], ['D级 一般失信', 0, '0.0%'], ['E级 严重失信', 0, '0.0%'], ['缺少行业指标', 2, '66.7%'],
    ]);
    const options = distributionChartOptions(view);
    assert.deepEqual(options.series[0]!.data, [0, 0, 1, 0, 0, 2]);
    assert.equal(options.xAxis.data.length, 6);
    assert.match(options.title.text, /食品监管：信用等级分布（2023-06-01）/);
  });

  test('no graded entity: shares shown as a dash, not a division by zero', () => {
    const empty = { ...view, total: 0, needsInput: 0, grades: view.grades!.map((g) => ({ ...g, count: 0 })) };
    assert.deepEqual(distributionRows(empty).map((r) => r.share), ['—', '—', '—', '—', '—']);
  });
});

describe('credit model editor', () => {
  test("a refused model's problems land under the row they name, by index or by the public score's code", () => {
    // The examples' refused model: public 0.2 against a mean of 1/3.
    const problems = [
      { field: 'indicators.public_score.weight', reason: '公共信用综合评价指标权重 20.00% 低于全部指标平均权重 33.33%' },
      { field: 'indicators.public_score.points', reason: '分值 200 分低于平均' },
      { field: 'indicators[2].code', reason: '指标代码重复' },
      { field: 'indicators', reason: '各指标权重合计应为100%' },
    ];
    assert.deepEqual(modelProblemFields(problems, ['sector_inspections', 'public_score', 'complaints']), [
      { name: ['indicators', 1, 'weight'], errors: [problems[0]!.reason, problems[1]!.reason] },
      { name: ['indicators', 2, 'code'], errors: ['指标代码重复'] },
    ]);
  });
});
