/**
 * The interface's pure functions, without a browser: the menu from the
 * operations offered, a bill line's explanation, the batch error report,
 * the fund chart's options.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { breadcrumbTrail, buildMenu } from '../../web/src/menu.ts';
import { capitalOf, explainLine, BILL_LINES, type BillView } from '../../web/src/pages/medical/bill.ts';
import { annotatedCsv, parseCsv, problemsCsv, safeText } from '../../web/src/pages/medical/errorReport.ts';
import { fundChartOptions, fundRows } from '../../web/src/pages/medical/fundChart.ts';
import type { FundView } from '../../web/src/api/pending.ts';

const routes = [
  { path: '/medical/persons', title: '参保人员', section: 'medical', menu: true, needs: ['GET /api/medical/persons'] },
  { path: '/medical/persons/:id', title: '参保人详情', section: 'medical', needs: ['GET /api/medical/persons/{personId}'], parent: '/medical/persons' },
  { path: '/params', title: '政策参数', section: 'platform', menu: true, needs: ['GET /api/params'] },
];

function offering(endpoints: string[], tags: string[]) {
  return { has: (e: string) => endpoints.includes(e), tags };
}

describe('menu', () => {
  test('a page whose endpoint is missing, left out', () => {
    const menu = buildMenu(routes, offering(['GET /api/params'], ['platform']));
    assert.deepEqual(menu, [{ key: 'platform', title: '政策依据', items: [{ path: '/params', title: '政策参数' }] }]);
  });

  test('the endpoint lands, the department appears', () => {
    const menu = buildMenu(routes, offering(['GET /api/params', 'GET /api/medical/persons'], ['platform', 'medical']));
    assert.deepEqual(menu.map((s) => s.title), ['医保', '政策依据']);
    assert.deepEqual(menu[0]!.items, [{ path: '/medical/persons', title: '参保人员' }]);
  });

  test('a department with routes but no pages, its 接口目录', () => {
    const menu = buildMenu(routes, offering(['GET /api/params'], ['platform', 'credit']));
    assert.deepEqual(menu.find((s) => s.key === 'credit')?.items, [{ path: '/catalog/credit', title: '接口目录' }]);
  });

  test('a detail page, its list in the breadcrumbs', () => {
    assert.deepEqual(breadcrumbTrail(routes, routes[1]!, '医保'), [
      { title: '首页', path: '/' },
      { title: '医保' },
      { title: '参保人员', path: '/medical/persons' },
      { title: '参保人详情' },
    ]);
  });
});

describe('bill lines', () => {
  const bill = {
    claim_id: 'x-1',
    pooling: '1440.00',
    cash_paid: '1260.00',
    account_before: '500.00',
    account_after: '0.00',
    accumulators_before: { pooling_deductible: '0.00', pooling_paid: '0.00' },
    accumulators_after: { pooling_deductible: '600.00', pooling_paid: '1440.00' },
    notes: [{ layer: 'pooling', rule: 'd5.art10.fund_annual_limit', article: 'D5 §10', text: '限额未录入' }],
    steps: [
      { rule: 'd5.art7_1.deductible', article: 'D5 §7(1)', text: '起付线' },
      { rule: 'd5.art8.account_first', article: 'D5 §8', text: '账户' },
      { rule: 'd4.art11_3.tilt', article: 'D4 §11(3)', text: '倾斜' },
      { rule: 'd4.art11.ratio', article: 'D4 §11(2)', text: '比例' },
    ],
  } as unknown as BillView;
  const line = (key: string) => BILL_LINES.find((l) => l.key === key)!;

  test('pooling, its own steps, notes and accumulators before and after', () => {
    const why = explainLine(bill, line('pooling'));
    assert.deepEqual(why.steps.map((s) => s.rule), ['d5.art7_1.deductible']);
    assert.equal(why.notes.length, 1);
    assert.deepEqual(why.accumulators.slice(0, 2).map((a) => [a.key, a.before, a.after]), [
      ['pooling_deductible', '0.00', '600.00'],
      ['pooling_paid', '0.00', '1440.00'],
    ]);
  });

  test('assistance and its tilt part, steps not mixed up (d4.art11 vs d4.art11_3)', () => {
    assert.deepEqual(explainLine(bill, line('assistance')).steps.map((s) => s.rule), ['d4.art11.ratio']);
    assert.deepEqual(explainLine(bill, line('assistance_tilt')).steps.map((s) => s.rule), ['d4.art11_3.tilt']);
  });

  test('account, balance before and after', () => {
    assert.deepEqual(explainLine(bill, line('account_paid')).account, { before: '500.00', after: '0.00' });
  });

  test('capitals: 1260.00 is 壹仟贰佰陆拾元整, 0.00 is 零元整', () => {
    assert.equal(capitalOf('1260.00'), '壹仟贰佰陆拾元整');
    assert.equal(capitalOf('0.00'), '零元整');
  });
});

describe('batch error report', () => {
  const labels = { date: '就诊日期', claim_id: '单据号' };
  const upload = 'claim_id,date,total\r\nm-1,2023-02-01,400.00\r\n"m-2","2023-02-30","5,00"\r\n';

  test('CSV with quotes and commas, read back cell by cell', () => {
    assert.deepEqual(parseCsv(upload)[2], ['m-2', '2023-02-30', '5,00']);
  });

  test('refused row annotated, good row blank, header row 1', () => {
    const out = annotatedCsv(upload, [{ row: 3, field: 'date', value: '2023-02-30', reason: '日期不存在' }], labels);
    assert.ok(out.startsWith('\uFEFF'));
    const rows = parseCsv(out);
    assert.deepEqual(rows[0], ['claim_id', 'date', 'total', '错误说明']);
    assert.equal(rows[1]![3], '');
    assert.equal(rows[2]![3], '就诊日期“2023-02-30”：日期不存在');
  });

  test('a cell that would start a formula, neutralised; a negative number, kept', () => {
    assert.equal(safeText('=HYPERLINK("x")'), '\'=HYPERLINK("x")');
    assert.equal(safeText('-500.00'), '-500.00');
  });

  test('problem list, Chinese file and column names', () => {
    const rows = parseCsv(problemsCsv([{ file: 'claims', row: 3, field: 'date', value: 'x', reason: 'r' }], labels));
    assert.deepEqual(rows, [['文件', '行号', '列', '错误值', '原因'], ['费用单据文件', '3', '就诊日期', 'x', 'r']]);
  });
});

describe('fund chart', () => {
  const ledger: FundView = {
    year: 2023,
    accumulated_surplus: '0.00',
    budgets: [{ county: '230304', name: '滴道区', budget: '5000.00' }],
    spending: [
      { county: '230304', name: '滴道区', spending: '7000.00', recipients: 1 },
      { county: '230302', name: '鸡冠区', spending: '120.50', recipients: 2 },
    ],
    shortfall: { gap: '2000.00', from_surplus: '0.00', remaining: '2000.00', by_certifier: [], articles: ['D4 §19'] },
  };

  test('a county with spending but no budget, budget 0', () => {
    assert.deepEqual(fundRows(ledger), [
      { county: '230302', name: '鸡冠区', budget: 0, spending: 120.5 },
      { county: '230304', name: '滴道区', budget: 5000, spending: 7000 },
    ]);
  });

  test('options, the same data in, the same chart out; decals on', () => {
    const options = fundChartOptions(ledger);
    assert.deepEqual(options, fundChartOptions(structuredClone(ledger)));
    assert.deepEqual(options.xAxis.data, ['鸡冠区', '滴道区']);
    assert.deepEqual(options.series.map((s) => s.data), [[0, 5000], [120.5, 7000]]);
    assert.equal(options.aria.decal.show, true);
  });
});
