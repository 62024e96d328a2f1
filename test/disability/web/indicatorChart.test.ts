/**
 * The dashboard chart's options (web/src/pages/disability/indicatorChart.ts)
 * as a pure function of the monitoring answers: a percent indicator's path
 * in basis points shown as percent, a count indicator's cumulative path,
 * no-data years left as gaps, a county's own line, and the 属性 in words.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { indicatorChartOptions, indicatorSeries, type Monitoring } from '../../../web/src/pages/disability/indicatorChart.ts';

function tracked(id: string, fields: Record<string, unknown>) {
  return { id, number: 0, label: id, kind: 'binding', measure: 'percent', source: 'register', target: '100', path: [], value: null, status: 'no_data', ...fields };
}

/**
 * 专栏1 4 困难残疾人生活补贴覆盖率, binding, 100% every year: the path is
 * 10000 bp each year. 专栏1 11 无障碍改造 3871 homes by 2025, binding; a
 * path rising to it (here 800, 1600 …). 2021 has no data for coverage.
 */
function answer(year: number, coverage: string | null, homes: number): Monitoring {
  const path = [2021, 2022, 2023, 2024, 2025].map((y) => ({ year: y, milestone: 10000 }));
  const homesPath = [2021, 2022, 2023, 2024, 2025].map((y, k) => ({ year: y, milestone: k === 4 ? 3871 : 800 * (k + 1) }));
  const living = tracked('living_coverage', { number: 4, label: '困难残疾人生活补贴覆盖率(%)', path, value: coverage, status: coverage === null ? 'no_data' : 'met' });
  const homeRow = tracked('home_modifications', { number: 11, label: '残疾人家庭无障碍改造数(户)', measure: 'count', target: '3871', path: homesPath, value: String(homes), status: 'on_track' });
  return {
    year,
    asOf: `${year}-12-31`,
    city: { county: '230300', name: '鸡西市', indicators: [living, homeRow] },
    counties: [{ county: '230303', name: '恒山区', indicators: [{ ...living, value: '50.00', status: 'off_track' }] }],
  } as Monitoring;
}

const answers = [answer(2023, '100.00', 2400), answer(2021, null, 790), answer(2022, '98.50', 1610)];

test('coverage in percent, years in order, a no-data year left as a gap', () => {
  const series = indicatorSeries(answers, 'living_coverage')!;
  assert.deepEqual(series.points, [
    { year: 2021, milestone: 100, value: null, status: 'no_data' },
    { year: 2022, milestone: 100, value: 98.5, status: 'met' },
    { year: 2023, milestone: 100, value: 100, status: 'met' },
  ]);
  assert.equal(series.unit, '%');
  assert.equal(series.target, 100);
});

test('homes modified: a count path in 户, the 2025 target as a marked line', () => {
  const series = indicatorSeries(answers, 'home_modifications')!;
  assert.deepEqual(series.points.map((p) => [p.year, p.milestone, p.value]), [[2021, 800, 790], [2022, 1600, 1610], [2023, 2400, 2400]]);
  assert.equal(series.unit, '户');
  const options = indicatorChartOptions(series);
  assert.equal(options.title.text, '指标11 残疾人家庭无障碍改造数(户)（约束性）');
  assert.deepEqual(options.xAxis.data, ['2021', '2022', '2023']);
  const [path, actual] = options.series;
  assert.equal(path!.name, '达标路径');
  assert.deepEqual(path!.data, [800, 1600, 2400]);
  assert.deepEqual((path as { markLine?: { data: unknown[] } }).markLine?.data, [{ yAxis: 3871 }]);
  assert.equal(actual!.name, '实际值');
  assert.deepEqual(actual!.data, [790, 1610, 2400]);
});

test('not by colour alone: path dashed with square marks, actual solid with circles; aria and decals on', () => {
  const options = indicatorChartOptions(indicatorSeries(answers, 'living_coverage')!);
  assert.deepEqual(options.aria, { enabled: true, decal: { show: true } });
  const [path, actual] = options.series as Array<{ lineStyle: { type: string }; symbol: string }>;
  assert.deepEqual([path!.lineStyle.type, path!.symbol], ['dashed', 'rect']);
  assert.deepEqual([actual!.lineStyle.type, actual!.symbol], ['solid', 'circle']);
});

test('a county: its own values; an indicator nobody answered: no series', () => {
  const county = indicatorSeries(answers, 'living_coverage', '230303')!;
  assert.deepEqual(county.points.map((p) => p.value), [50, 50, 50]);
  assert.equal(indicatorSeries(answers, 'training'), undefined);
});
