/**
 * 政策测算 in a real browser, on both databases, over the small
 * demonstration set: an officer builds a scenario (a refused one first,
 * with its problems shown), runs it over 2023, reads the chart and the
 * totals against the API, and exports the workbook; then the same for the
 * disability subsidies, choosing the year, reading the area's chart and
 * its month-by-month table; and a credit scenario editing a table-valued
 * parameter (the grade cut-offs) from the value in force. Every page
 * passes axe.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';

import { formatYuan } from '../../src/core/money.ts';
import { seedCreditDemo } from '../../src/credit/demo/seed.ts';
import { seedDisabilityDemo } from '../../src/disability/demo/seed.ts';
import { seedMedicalDemo } from '../../src/medical/demo/seed.ts';
import { describeEachDatabase } from '../helpers/db.ts';
import { letReachabilityCheckFinish } from '../simulation/pause.ts';
import {
  chromiumAvailable,
  openBrowser,
  screenshot,
  seriousViolations,
  settled,
  startPlatform,
  type Browser,
  type Platform,
} from './harness.ts';

async function accessible(page: Page, where: string) {
  // The pointer still rests on the button just clicked; axe judges the
  // page at rest, not a hover colour.
  await page.mouse.move(0, 0);
  // Let entrance animations (an alert fading in) finish: mid-fade colours fail contrast.
  // Endless ones (a loading spinner) never finish and are not waited for.
  await page.waitForFunction(() =>
    document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity), undefined, { timeout: 15_000 })
    // Still moving after that: judge it as it is; axe's verdict is the assertion.
    .catch(() => {});
  assert.deepEqual(await seriousViolations(page), [], `${where}: axe found serious or critical violations`);
}

async function chooseParameter(page: Page, index: number, text: string) {
  const select = page.getByRole('combobox', { name: `第 ${index} 项参数` });
  await select.click();
  await select.fill(text);
  await page.locator('.ant-select-item-option', { hasText: text }).first().click();
  // Choosing fills in the value in force; wait for it before typing over it.
  const value = page.getByLabel(`第 ${index} 项取值`);
  await page.waitForFunction((el) => (el as HTMLInputElement).value !== '', await value.elementHandle(), { timeout: 60_000 });
}

describeEachDatabase('web interface: 政策测算', (db) => {
  let platform: Platform;
  let browser: Browser;
  let page: Page;
  const shots = db.dialect === 'sqlite';

  before(async () => {
    assert.ok(chromiumAvailable(), 'Chromium missing: apt-get install -y chromium');
    await letReachabilityCheckFinish();
    platform = await startPlatform(db.dialect, async (ctx) => {
      await seedMedicalDemo(ctx, { size: 'small' });
      await seedDisabilityDemo(ctx, { size: 'small' });
      await seedCreditDemo(ctx, { size: 'small' });
    });
    browser = await openBrowser();
    page = browser.page;
  });

  after(async () => {
    await browser?.close();
    await platform?.close();
  });

  test('a scenario with a bad value is refused and its problem shown; nothing saved', async () => {
    await page.goto(`${platform.url}/simulation`);
    await settled(page);
    assert.equal(await page.locator('h1').innerText(), '测算方案');
    const nav = page.getByRole('navigation', { name: '主菜单' });
    assert.equal(await nav.getByRole('menuitem', { name: '测算方案', exact: true }).count(), 1);

    await page.getByLabel('方案名称').fill('有误的方案');
    await page.getByLabel('编制人').fill('市医保局待遇科');
    await page.getByLabel('测算目的').fill('检查错误提示');
    await chooseParameter(page, 1, '普通门诊统筹年度最高支付限额');
    await page.getByLabel('第 1 项取值').fill('三千');
    await page.getByRole('button', { name: '保存方案' }).click();

    const alert = page.getByRole('alert').filter({ hasText: 'ERR_SIMULATION_SCENARIO_INVALID' });
    await alert.waitFor();
    assert.match(await alert.innerText(), /取值不符合参数单位/);
    const saved = await (await fetch(`${platform.url}/api/simulation/scenarios`)).json();
    assert.deepEqual(saved, []);
    await accessible(page, 'simulation form with error');
  });

  test('build, run, read the chart, export', async () => {
    await page.goto(`${platform.url}/simulation`);
    await settled(page);
    await page.getByLabel('方案名称').fill('门诊统筹年度限额提高到3000元');
    await page.getByLabel('编制人').fill('市医保局待遇科');
    await page.getByLabel('测算目的').fill('按基金运行情况测算提高普通门诊统筹限额的支出（22号 第十六条）');
    await chooseParameter(page, 1, '普通门诊统筹年度最高支付限额');
    await page.getByLabel('第 1 项取值').fill('3000.00');
    await page.getByLabel('第 1 项起始日期').fill('2023-01-01');
    await page.getByRole('button', { name: '保存方案' }).click();

    await page.waitForURL(/\/simulation\/scenarios\//);
    await settled(page);
    assert.equal(await page.getByRole('heading', { level: 2, name: '门诊统筹年度限额提高到3000元' }).count(), 1);
    assert.ok(await page.getByRole('cell', { name: 'medical.d5.art7_1.annual_cap' }).isVisible());
    await accessible(page, 'scenario page');
    if (shots) await screenshot(page, 'simulation-scenario');

    await page.getByRole('button', { name: '开始测算' }).click();
    await page.waitForURL(/\/simulation\/runs\//);
    await settled(page);
    const runId = page.url().split('/').at(-1)!;
    const result = await (await fetch(`${platform.url}/api/simulation/runs/${runId}`)).json();

    // The totals on the page are the API's, in yuan.
    const totals = page.locator('.simulation-totals');
    assert.match(await totals.innerText(), new RegExp(`基线合计\\s*${formatYuan(result.totals.baseline)} 元`));
    assert.equal(await page.locator('.simulation-delta').innerText(), `${formatYuan(result.totals.delta)} 元`);
    assert.ok(result.totals.delta > 0, 'raising the cap costs something on the demonstration data');

    // The chart is drawn (SVG bars) and describes its series to screen
    // readers (ECharts aria); its figures are in the table beside it.
    const section = page.locator('section', { has: page.getByRole('heading', { level: 2, name: '分县区成本' }) });
    const chart = section.locator('.chart');
    await chart.locator('svg').waitFor();
    const described = (await chart.getAttribute('aria-label')) ?? '';
    assert.match(described, /基线/);
    assert.match(described, new RegExp(result.byCounty[0].title));
    const bars = await chart.locator('svg path').count();
    assert.ok(bars > result.byCounty.length, `one bar per county and run (${bars} paths drawn)`);
    const county = result.byCounty[0];
    const row = page.getByRole('table', { name: '分县区成本' }).getByRole('row', { name: new RegExp(county.title) });
    assert.match(await row.innerText(), new RegExp(formatYuan(county.delta)));
    await accessible(page, 'run page');
    if (shots) await screenshot(page, 'simulation-result');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 XLSX' }).click()]);
    assert.match(download.suggestedFilename(), /^政策测算-门诊统筹年度限额提高到3000元-2023\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await download.path());
    assert.ok(workbook.getWorksheet('医保·人员'));
    const summary = workbook.getWorksheet('汇总')!;
    assert.equal(Math.round(Number(summary.getCell('E2').value) * 100), result.totals.delta);
  });
  test('disability: living subsidy 130 yuan from July, run over 2023 chosen by the officer, area chart and months read, exported', async () => {
    await page.goto(`${platform.url}/simulation`);
    await settled(page);
    await page.getByLabel('方案名称').fill('生活补贴提高到130元');
    await page.getByLabel('编制人').fill('市残联');
    await page.getByLabel('测算目的').fill('困难残疾人生活补贴标准动态调整（8号 三(一)5）');
    await chooseParameter(page, 1, '困难残疾人生活补贴月标准');
    await page.getByLabel('第 1 项取值').fill('130.00');
    await page.getByLabel('第 1 项起始日期').fill('2023-07-01');
    await page.getByRole('button', { name: '保存方案' }).click();
    await page.waitForURL(/\/simulation\/scenarios\//);
    await settled(page);

    // The years offered are those the register has payrolls for.
    const year = page.getByRole('combobox', { name: '测算年度' });
    await year.click();
    await page.locator('.ant-select-item-option', { hasText: '2023 年' }).click();
    await page.getByRole('button', { name: '开始测算' }).click();
    await page.waitForURL(/\/simulation\/runs\//);
    await settled(page);
    const runId = page.url().split('/').at(-1)!;
    const result = await (await fetch(`${platform.url}/api/simulation/runs/${runId}`)).json();
    assert.equal(result.year, 2023);
    assert.deepEqual(result.areas, ['disability']);
    assert.equal(await page.locator('.simulation-delta').innerText(), `${formatYuan(result.totals.delta)} 元`);
    assert.ok(result.totals.delta > 0);

    const section = page.locator('section', { has: page.getByRole('heading', { level: 2, name: '残联：受益与受损' }) });
    const chart = section.locator('.chart');
    await chart.locator('svg').waitFor();
    assert.match((await chart.getAttribute('aria-label')) ?? '', /受益/);
    const area = result.results[0];
    assert.match(await section.innerText(), new RegExp(`受益 ${area.distribution.gainers}，受损 0`));
    // The month-by-month table: July is the first month at the new standard.
    const months = section.getByRole('table', { name: '残联：逐月发放（两项补贴）' });
    const july = area.tables[0].rows.find((r: { month: string }) => r.month === '2023-07');
    const row = months.getByRole('row', { name: /2023-07/ });
    assert.match(await row.innerText(), new RegExp(formatYuan(july.scenario)));
    assert.ok(july.scenario > july.baseline);
    await accessible(page, 'disability run page');
    if (shots) await screenshot(page, 'simulation-disability');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 XLSX' }).click()]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await download.path());
    assert.ok(workbook.getWorksheet('残联·逐月发放'));
    assert.ok(workbook.getWorksheet('残联·人员'));
  });
  test('credit: the grade cut-offs edited from the value in force, the grade distribution per sector read', async () => {
    await page.goto(`${platform.url}/simulation`);
    await settled(page);
    await page.getByLabel('方案名称').fill('降低B、C级分数线');
    await page.getByLabel('编制人').fill('市发改委信用科');
    await page.getByLabel('测算目的').fill('测算调整等级分数线后各行业的等级分布（D2 二(二)2）');
    await chooseParameter(page, 1, '公共信用综合评价等级分数线');
    const value = page.getByLabel('第 1 项取值');
    const current = await value.inputValue();
    assert.match(current, /"grade":"B","min":790/, 'the value in force is offered to edit');
    await value.fill(current.replace('"min":790', '"min":760').replace('"min":730', '"min":700'));
    await page.getByLabel('第 1 项起始日期').fill('2023-01-01');
    await page.getByRole('button', { name: '保存方案' }).click();
    await page.waitForURL(/\/simulation\/scenarios\//);
    await settled(page);

    await page.getByRole('button', { name: '开始测算' }).click();
    await page.waitForURL(/\/simulation\/runs\//);
    await settled(page);
    const runId = page.url().split('/').at(-1)!;
    const result = await (await fetch(`${platform.url}/api/simulation/runs/${runId}`)).json();
    assert.deepEqual(result.areas, ['credit']);
    const area = result.results[0];

    const section = page.locator('section', { has: page.getByRole('heading', { level: 2, name: '信用：等级上升与下降' }) });
    await section.locator('.chart svg').waitFor();
    assert.match(await section.innerText(), new RegExp(`上升 ${area.distribution.gainers}，下降 0`));
    const table = area.tables[0];
    const grades = section.getByRole('table', { name: table.title });
    const b = table.rows.find((r: { grade: string; sector: string }) => r.grade === 'B' && r.sector.startsWith('公共信用'));
    assert.ok(b.scenario > b.baseline, 'more entities in B');
    // The public sector's rows come first, A to E: B is the second.
    const bRow = grades.getByRole('row').filter({ hasText: b.sector }).nth(1);
    assert.deepEqual((await bRow.getByRole('cell').allInnerTexts()).slice(1, 4), ['B', String(b.baseline), String(b.scenario)]);
    await accessible(page, 'credit run page');
  });
});
