/**
 * The price pages' pure parts, without a browser: the threshold prices and
 * the dashboard's chart options, the IFPA bands, and the CSV inputs.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';

import { ROOT } from '../../src/platform/context.ts';
import { indicesFromCsv, seriesFromCsv } from '../../web/src/pages/price/csvInput.ts';
import { ifpaChartOptions, ifpaRowsWithValue, priceChartOptions, priceRows, thresholdPrice, type PriceChartInput } from '../../web/src/pages/price/priceChart.ts';
import { SHARED_EXAMPLES } from '../helpers/shared.ts';

const EXAMPLES = join(SHARED_EXAMPLES, 'price');

const input: PriceChartInput = {
  itemName: '粳米',
  unit: '元/500克',
  thresholds: { yellow: '2', red: '5' },
  areas: [
    {
      area: 'city',
      name: '全市',
      points: [
        { period: '2022-09-01', label: '2022年9月上旬', average: '2.50', points: 5 },
        { period: '2022-09-11', label: '2022年9月中旬', average: '2.60', points: 5 },
        { period: '2022-09-21', label: '2022年9月下旬', average: '2.58', points: 5 },
      ],
    },
    {
      area: '230321',
      name: '鸡东县',
      points: [
        { period: '2022-09-01', label: '2022年9月上旬', average: '2.40', points: 1 },
        { period: '2022-09-21', label: '2022年9月下旬', average: '2.70', points: 1 },
      ],
    },
  ],
};

describe('R1 threshold prices (D3 1.3)', () => {
  test('previous average times one plus the threshold, in fen, half up', () => {
    // 2.50 x 1.02 = 2.55 exactly; 2.50 x 1.05 = 2.625 -> 2.63; 4.00 x 1.15 = 4.60 (spec: 4.00 -> 4.60 is +15.00%).
    assert.equal(thresholdPrice('2.50', '2'), '2.55');
    assert.equal(thresholdPrice('2.50', '5'), '2.63');
    assert.equal(thresholdPrice('4.00', '15'), '4.60');
    assert.equal(thresholdPrice('2.5x', '2'), null);
  });

  test('one row per period, oldest first, thresholds from the previous city average', () => {
    const rows = priceRows(input);
    assert.deepEqual(
      rows.map((r) => [r.label, r.values.city, r.values['230321'], r.yellow, r.red]),
      [
        ['2022年9月上旬', '2.50', '2.40', null, null],
        // 2.50 x 1.02 = 2.55, 2.50 x 1.05 = 2.625 -> 2.63
        ['2022年9月中旬', '2.60', null, '2.55', '2.63'],
        // 2.60 x 1.02 = 2.652 -> 2.65, 2.60 x 1.05 = 2.73
        ['2022年9月下旬', '2.58', '2.70', '2.65', '2.73'],
      ],
    );
  });
});

describe('price chart options', () => {
  test('a line per area, the thresholds dashed and dotted, described for screen readers', () => {
    const options = priceChartOptions(input);
    assert.equal(options.aria.enabled, true);
    assert.deepEqual(options.xAxis.data, ['2022年9月上旬', '2022年9月中旬', '2022年9月下旬']);
    assert.deepEqual(
      options.series.map((s) => s.name),
      ['全市', '鸡东县', '黄灯阈值（旬环比 ≥ 2%）', '红灯阈值（旬环比 ≥ 5%）'],
    );
    assert.deepEqual(options.series[0]!.data, [2.5, 2.6, 2.58]);
    assert.deepEqual(options.series[1]!.data, [2.4, null, 2.7]);
    assert.deepEqual(options.series[2]!.data, [null, 2.55, 2.65]);
    assert.deepEqual(options.series[3]!.data, [null, 2.63, 2.73]);
    // Not by colour alone: each line has its own symbol, thresholds their own dash.
    assert.notEqual(options.series[0]!.symbol, options.series[1]!.symbol);
    assert.equal(options.series[2]!.lineStyle.type, 'dashed');
    assert.equal(options.series[3]!.lineStyle.type, 'dotted');
    assert.deepEqual(options.legend.data, options.series.map((s) => s.name));
  });

  test('without thresholds (not by 旬, or a category R1 does not cover), only the lines', () => {
    const options = priceChartOptions({ ...input, thresholds: undefined });
    assert.deepEqual(options.series.map((s) => s.name), ['全市', '鸡东县']);
    assert.deepEqual(priceRows({ ...input, thresholds: undefined }).map((r) => r.yellow), [null, null, null]);
  });
});

describe('IFPA chart', () => {
  const rows = [
    { month: '2018-12', cqgr: '', cagr: '', ifpa: '', class: '' },
    { month: '2022-02', cqgr: '0.006919', cagr: '-0.000111', ifpa: '-1.3727', class: 'abnormally_low' },
    { month: '2022-03', cqgr: '0.029983', cagr: '0.006113', ifpa: '3.3418', class: 'abnormally_high' },
  ];

  test('months without an indicator are left out', () => {
    assert.deepEqual(ifpaRowsWithValue(rows).map((r) => r.month), ['2022-02', '2022-03']);
  });

  test('the class bands from the parameter, the axis covering the values', () => {
    const options = ifpaChartOptions(rows, { abnormal: 1, moderate: 0.5 }, 'IFPA');
    const series = options.series[0]!;
    assert.deepEqual(series.data, [-1.3727, 3.3418]);
    // max(1 + 0.5, ceil(3.3418)) = 4; min(-1 - 0.5, floor(-1.3727)) = -2
    assert.equal(options.yAxis.max, 4);
    assert.equal(options.yAxis.min, -2);
    assert.deepEqual(
      series.markArea.data.map(([from, to]) => [from!.name, from!.yAxis, to!.yAxis]),
      [
        ['异常偏高', 1, 4],
        ['中度偏高', 0.5, 1],
        ['正常', -0.5, 0.5],
      ],
    );
    assert.deepEqual(series.markLine.data.map((d) => d.yAxis), [1, 0.5, -0.5]);
  });
});

describe('CSV inputs', () => {
  test('the shared IFPA series: 96 months from 2015-01', () => {
    const series = seriesFromCsv(readFileSync(join(EXAMPLES, 'ifpa_series.csv'), 'utf8'));
    assert.equal(series.length, 96);
    assert.deepEqual(series[0], { month: '2015-01', price: 10.217541 });
  });

  test('the national CPI extract: unpublished food figures are null', () => {
    const months = indicesFromCsv(readFileSync(join(EXAMPLES, 'cpi_national.csv'), 'utf8'));
    assert.deepEqual(months[0], { month: '2020-01', cpi: '5.4', food: null });
    assert.equal(months.length, 60);
  });

  test('Chinese headers read the same; a file without the columns is refused in Chinese', () => {
    assert.deepEqual(indicesFromCsv('\uFEFF指数月,CPI同比,食品价格同比\n2022-07,2.7,6.3\n'), [{ month: '2022-07', cpi: '2.7', food: '6.3' }]);
    assert.throws(() => seriesFromCsv('月份,价格\n2022-01,1\n'), /month、price/);
  });
});
