/**
 * The price pages (鸡政办规〔2022〕20号) in a real browser, on both
 * databases: an officer imports a week of observations from the offices'
 * form (a refused file first, fixed from its error report), rejects a held
 * price, runs the detection and reads the level-3 proposal (rule, item,
 * points, values), reads the dashboard with its thresholds, computes IFPA
 * from the shared example series, and decides the subsidy months of the
 * real national CPI. Every page passes axe.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import type { Page } from 'playwright-core';

import { ROOT } from '../../src/platform/context.ts';
import { describeEachDatabase } from '../helpers/db.ts';
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
import { SHARED_EXAMPLES } from '../helpers/shared.ts';

const EXAMPLES = join(SHARED_EXAMPLES, 'price');
const office = { 'x-user': 'wang', 'x-role': 'price_office' };

async function accessible(page: Page, where: string) {
  // The pointer rests on the button just clicked; axe judges the page at
  // rest: nothing loading, entrance animations ended (mid-fade colours fail
  // contrast). Left out: antd's click wave and the spinner of a button
  // that has stopped loading, which can linger in their leave motion on a
  // loaded machine.
  await page.mouse.move(0, 0);
  await page.waitForFunction(() => !document.querySelector('.ant-btn-loading, .ant-spin-spinning, .state-loading'));
  const running = () =>
    page.evaluate(() =>
      document
        .getAnimations()
        .filter((a) => a.playState === 'running')
        .map((a) => ((a.effect as KeyframeEffect | null)?.target as Element | null) ?? null)
        .filter((el) => !el?.closest('.ant-wave') && !el?.classList.contains('ant-wave') && !(el?.closest('.ant-btn') && !el.closest('.ant-btn-loading')))
        .map((el) => el?.className ?? '?'),
    );
  for (let i = 0; i < 100 && (await running()).length > 0; i += 1) await page.waitForTimeout(100);
  assert.deepEqual(await running(), [], `${where}: animations still running`);
  assert.deepEqual(await seriousViolations(page), [], `${where}: axe found serious or critical violations`);
}

async function put(platform: Platform, path: string, body: unknown): Promise<void> {
  const response = await fetch(`${platform.url}${path}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', ...office },
    body: JSON.stringify(body),
  });
  assert.equal(response.status, 200, await response.text());
}

const POINTS = [
  { id: 'p1', name: '鸡冠农贸市场', county: '230302', kind: 'market' },
  { id: 'p2', name: '中心大市场', county: '230302', kind: 'market' },
  { id: 'p3', name: '比优特超市', county: '230302', kind: 'supermarket' },
  { id: 'p4', name: '鸡东县农贸市场', county: '230321', kind: 'market' },
  { id: 'p5', name: '虎林市农贸市场', county: '230381', kind: 'market' },
];

/**
 * A week, 2022-09-08 to 09-14, at five points: 粳米 at 2.50 in 上旬 (8–10)
 * and 2.60 in 中旬 (11–14). R1 on the city: (2.60 − 2.50) / 2.50 = +4.00%,
 * at or above grain's yellow 2% and below its red 5%, so level 3 is
 * proposed (yellow). p1 on 09-14 was typed 26.00: above the plausible 10.00,
 * held for confirmation.
 */
function weekCsv(): string {
  const rows = ['监测点,日期,项目,规格等级,单位,本期均价,上期均价,变动幅度,备注'];
  for (let day = 8; day <= 14; day += 1) {
    const date = `2022-09-${String(day).padStart(2, '0')}`;
    for (const p of POINTS) {
      const price = day <= 10 ? '2.50' : p.id === 'p1' && day === 14 ? '26.00' : '2.60';
      rows.push(`${p.id},${date},粳米,一级,元/500克,${price},,,`);
    }
  }
  return rows.join('\n') + '\n';
}

describeEachDatabase('web interface: price pages', (db) => {
  let platform: Platform;
  let browser: Browser;
  let page: Page;
  const shots = db.dialect === 'sqlite';

  before(async () => {
    assert.ok(chromiumAvailable(), 'Chromium missing: apt-get install -y chromium');
    platform = await startPlatform(db.dialect);
    await put(platform, '/api/price/items', {
      items: [{ id: 'rice', name: '粳米', category: 'grain', unit: '元/500克', specification: '一级', plausibleMin: '1.00', plausibleMax: '10.00' }],
    });
    await put(platform, '/api/price/points', { points: POINTS });
    // Subsidy recipients by number, group, residence and county only (no names): test/price/api.test.ts's list.
    await put(platform, '/api/price/subsidies/recipients', {
      recipients: [
        { id: 'a1', group: 'dibao', residence: 'urban', county: '230302', from: '2022-01' },
        { id: 'a2', group: 'tekun', residence: 'rural', county: '230321', from: '2022-01' },
        { id: 'a3', group: 'youfu', residence: 'rural', county: '230381', from: '2022-01' },
      ],
    });
    browser = await openBrowser();
    page = browser.page;
    // Two cores shared by several test runs: allow a slow machine.
    page.setDefaultTimeout(30_000);
  });

  after(async () => {
    await browser?.close();
    await platform?.close();
  });

  test('an officer imports a week of observations, fixes a refused row, rejects a held price and enters the right one by hand', async () => {
    await page.goto(`${platform.url}/price/observations`);
    await settled(page);
    assert.equal(await page.locator('h1').innerText(), '监测数据');
    await page.getByLabel('经办人账号').fill('wang');

    // Row 4 of the file (header = 1) carries a unit the catalogue does not know.
    const good = weekCsv();
    const bad = good.replace('p3,2022-09-08,粳米,一级,元/500克', 'p3,2022-09-08,粳米,一级,元/斤');
    await page.setInputFiles('#import-file', { name: '粳米-第37周.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
    await page.getByRole('button', { name: '上传导入' }).click();
    const notice = page.locator('.error-notice').first();
    await notice.waitFor();
    const problem = notice.locator('.error-problems tbody tr').first();
    assert.match(await problem.innerText(), /^4\s+单位\s+元\/斤\s+/);
    const stored = await (await fetch(`${platform.url}/api/price/observations?limit=10`)).json();
    assert.deepEqual(stored, [], 'a refused file stores nothing');
    await accessible(page, 'import refused');
    if (shots) await screenshot(page, 'price-import-refused');

    const report = page.waitForEvent('download');
    await page.getByRole('button', { name: '下载标注错误的报表（CSV）' }).click();
    const annotated = readFileSync((await (await report).path())!, 'utf8').replace(/^\uFEFF/, '');
    const lines = annotated.trim().split(/\r?\n/);
    assert.match(lines[0]!, /,错误说明$/);
    assert.match(lines[3]!, /^p3,2022-09-08,.*元\/斤.*单位“元\/斤”：/);

    // The clerk corrects the unit in the report itself and uploads it.
    const fixed = annotated.replace('元/斤', '元/500克');
    await page.setInputFiles('#import-file', { name: '粳米-第37周-改.csv', mimeType: 'text/csv', buffer: Buffer.from(fixed) });
    await page.getByRole('button', { name: '上传导入' }).click();
    // 7 days x 5 points = 35 rows, all stored, one held (26.00 > 10.00).
    await page.getByText('本次 35 行：保存 35 条，其中待核实 1 条').waitFor();
    const held = page.locator('.held-table tbody tr');
    await held.filter({ hasText: '26.00' }).waitFor();
    assert.match(await held.first().innerText(), /2022-09-14\s+鸡冠农贸市场\s+粳米\s+26\.00/);
    await accessible(page, 'imported');
    if (shots) await screenshot(page, 'price-observations');

    await page.getByRole('button', { name: '作废 鸡冠农贸市场 粳米 26.00 元' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: '确认作废' }).click();
    await dialog.getByText('请填写作废原因').waitFor();
    await dialog.getByLabel('作废原因').fill('录入错误，应为 2.60 元');
    await dialog.getByRole('button', { name: '确认作废' }).click();
    await page.getByText('鸡冠农贸市场2022-09-14 粳米 26.00 元已作废').waitFor();
    await page.getByText('没有待核实的报价').waitFor();

    // The right price by hand, after the form's own checks.
    const entry = page.locator('form[id="price-entry"]');
    await entry.getByRole('button', { name: '保存报价' }).click();
    await entry.getByText('请选择监测点').waitFor();
    assert.ok(await entry.getByText('请填写本期均价').isVisible());
    await entry.getByLabel('监测点').click();
    await page.locator('.ant-select-item-option', { hasText: '鸡冠农贸市场' }).click();
    await entry.getByLabel('项目').click();
    await page.locator('.ant-select-item-option', { hasText: '粳米（元/500克）' }).click();
    await entry.getByLabel('日期').fill('2022-09-14');
    await entry.getByLabel('本期均价（元）').fill('2.6');
    await entry.getByRole('button', { name: '保存报价' }).click();
    await page.locator('.entry-saved', { hasText: '已保存' }).waitFor();
  });

  test('the detection proposes level 3 and names rule, item, points and values', async () => {
    await page.goto(`${platform.url}/price/proposals`);
    await settled(page);
    await page.getByLabel('经办人账号').fill('wang');
    await page.getByLabel('检测日期').fill('2022-09-14');
    await page.getByRole('button', { name: '运行检测' }).click();
    const detail = page.locator('.detection-detail');
    await detail.getByText('2022-09-14 检测结果').waitFor();
    await detail.locator('.findings-table').waitFor();
    assert.match(await detail.innerText(), /提出三级预警建议/);
    const r1 = detail.locator('.findings-table tbody tr', { hasText: 'R1 旬环比涨幅' }).first();
    const text = await r1.innerText();
    assert.match(text, /D3 1\.3/);
    assert.match(text, /粳米/);
    assert.match(text, /全市均价/);
    assert.match(text, /黄灯/);
    assert.match(text, /p1、p2、p3、p4、p5/);
    assert.match(text, /旬环比 4\.00%/);

    // By keyboard: the row's expand control takes Enter.
    await r1.getByRole('button', { name: '展开行' }).focus();
    await page.keyboard.press('Enter');
    const values = detail.locator('.finding-areas[data-rule="R1"]');
    await values.waitFor();
    const shown = await values.innerText();
    assert.match(shown, /全市（满足条件）/);
    assert.match(shown, /上期均价（元）\s*2\.50/);
    assert.match(shown, /本期均价（元）\s*2\.60/);
    assert.match(shown, /涨幅（%）\s*4\.00/);
    assert.match(shown, /黄灯阈值（%）\s*2\.00/);
    await accessible(page, 'proposal');
    if (shots) await screenshot(page, 'price-proposal');
  });

  test('the officer proposes the warning, the deputy mayor approves, it is published with its tasks and CAP, then terminated', async () => {
    await page.goto(`${platform.url}/price/proposals`);
    await settled(page);
    await page.getByRole('button', { name: '查看 2022-09-14 的检测结果' }).click();
    const detail = page.locator('.detection-detail');
    await detail.locator('.propose-warning').waitFor();
    assert.equal(await detail.getByLabel('预警标题').inputValue(), '粳米价格异常波动三级预警');
    await detail.getByRole('button', { name: '提出预警建议，报分管副市长批准' }).click();
    await page.waitForURL(/\/price\/warnings\/[^/]+$/);
    await settled(page);
    const summary = page.locator('.warning-summary');
    await summary.getByText('已提出建议').waitFor();
    assert.match(await summary.innerText(), /批准（须由市政府分管副市长办理）/);
    // The price office may not approve its own proposal: the page says who must.
    assert.match(await page.locator('.role-hint').innerText(), /须由市政府分管副市长办理/);

    const act = async (role: string, step: string) => {
      await page.getByLabel('角色').click();
      await page.locator('.ant-select-item-option', { hasText: role }).click();
      // The role shown as chosen before acting: a click while the list was
      // still opening once left the previous role in place.
      await page.locator('.operator-bar').getByTitle(role, { exact: true }).waitFor();
      // antd spaces out two-character button labels (批 准).
      await page.getByRole('button', { name: new RegExp(`^${[...step].join('\\s?')}$`) }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('button', { name: `确认${step}` }).click();
      await page.locator('.step-done', { hasText: `已${step}` }).waitFor();
      await dialog.waitFor({ state: 'hidden' });
    };
    await act('市政府分管副市长', '批准');
    await summary.getByText('已批准').waitFor();
    await act('市应急管理局（应急指挥中心）', '发布');
    await summary.getByText('已发布').waitFor();

    // Level 3: weekly fixed-point monitoring, county reports, the duty roster, each with owner and due time.
    const tasks = page.locator('.tasks-table tbody tr.ant-table-row');
    await tasks.first().waitFor();
    const kinds = new Set((await page.locator('.tasks-table tbody tr.ant-table-row td:first-child').allInnerTexts()).map((t) => t.trim()));
    assert.ok(kinds.has('值班安排'), [...kinds].join(','));
    assert.ok((await tasks.first().innerText()).includes('市应急指挥部办公室'));
    const events = await page.locator('.events-table tbody tr.ant-table-row').allInnerTexts();
    assert.equal(events.length, 3);
    assert.match(events[1]!, /批准[\s\S]*已提出建议 → 已批准[\s\S]*（市政府分管副市长）/);

    const cap = page.locator('.cap-table tbody tr.ant-table-row');
    await cap.first().waitFor();
    const alert = await cap.first().innerText();
    assert.match(alert, /发布（Alert）/);
    const identifier = /230300\d*_\d{14}_\d+/.exec(alert)?.[0];
    assert.ok(identifier, alert);
    const xmlFile = page.waitForEvent('download');
    await page.getByRole('button', { name: `下载 CAP 报文 ${identifier}` }).click();
    const xml = readFileSync((await (await xmlFile).path())!, 'utf8');
    assert.match(xml, /<alert xmlns="urn:oasis:names:tc:emergency:cap:1\.2">/);
    assert.match(xml, new RegExp(`<identifier>${identifier}</identifier>`));
    assert.match(xml, /<msgType>Alert<\/msgType>/);
    assert.match(xml, /<severity>Moderate<\/severity>/);
    // D3 3.2.2: today's monitoring officer on the duty roster.
    const duty = page.locator('form[id="duty"]');
    await duty.getByLabel('值班人员').fill('王强');
    await duty.getByLabel('移动值班电话').fill('13800000000');
    await duty.getByRole('button', { name: '登记值班' }).click();
    await page.locator('.duty-saved', { hasText: '专职监测人员' }).waitFor();
    await page.locator('.duty-table tbody tr.ant-table-row', { hasText: '王强' }).waitFor();
    // Today's roster task now lacks only the technician.
    const roster = page.locator('.tasks-table tbody tr.ant-table-row', { hasText: '值班安排' }).first();
    await roster.filter({ hasNotText: '专职监测人员 1 名' }).waitFor();
    assert.match(await roster.innerText(), /技术保障人员 1 名/);
    await accessible(page, 'warning published');
    if (shots) await screenshot(page, 'price-warning');

    await act('市政府分管副市长', '终止');
    await summary.getByText('已终止').waitFor();
    await page.locator('.cap-table tbody tr.ant-table-row', { hasText: '解除（Cancel）' }).waitFor();
    assert.equal(await page.getByRole('button', { name: /^终\s?止$/ }).count(), 0);

    await page.goto(`${platform.url}/price/warnings?all=1`);
    await settled(page);
    assert.match(await page.locator('.warnings-table tbody tr.ant-table-row').first().innerText(), /粳米价格异常波动三级预警\s+三级（较大）\s+已终止/);
    await accessible(page, 'warnings');

    await page.goto(`${platform.url}/price/directory`);
    await settled(page);
    assert.ok((await page.locator('.directory-table tbody tr.ant-table-row').count()) >= 18, 'the member units of D3 2.3');
    assert.match(await page.locator('main').innerText(), /市市场监管局/);
    // D3 6.1: a change of contact is reported and logged.
    await page.getByRole('button', { name: '修改 市发改委', exact: true }).click();
    const edit = page.getByRole('dialog');
    await edit.getByLabel('联系人').fill('价格监测科');
    await edit.getByLabel('联系电话').fill('0467-2000000');
    await edit.getByRole('button', { name: '保存并记入变更记录' }).click();
    await edit.getByText('请填写变更原因').waitFor();
    await edit.getByLabel('变更原因').fill('科室调整');
    await edit.getByRole('button', { name: '保存并记入变更记录' }).click();
    const change = page.locator('.changes-table tbody tr.ant-table-row').first();
    await change.waitFor();
    assert.match(await change.innerText(), /市发改委\s+wang\s+科室调整\s+联系人：— → 价格监测科；联系电话：— → 0467-2000000/);
    await accessible(page, 'directory');
    if (shots) await screenshot(page, 'price-directory');
  });

  test('the dashboard draws the lines with the thresholds, and IFPA of the example series', async () => {
    await page.goto(`${platform.url}/price?item=rice&from=2022-08-25&to=2022-09-14`);
    await settled(page);
    await page.locator('.price-table tbody tr.ant-table-row').nth(1).waitFor();
    await page.locator('.chart svg').first().waitFor();
    const rows = await page.locator('.price-table tbody tr.ant-table-row').allInnerTexts();
    // 全市, 鸡冠区, 鸡东县, 虎林市; thresholds 2.50 x 1.02 = 2.55 and 2.50 x 1.05 = 2.625 -> 2.63.
    assert.deepEqual(
      rows.map((r) => r.split(/\t|\n/).map((c) => c.trim()).filter(Boolean)),
      [
        ['2022年9月上旬', '2.50', '2.50', '2.50', '2.50', '—', '—'],
        ['2022年9月中旬', '2.60', '2.60', '2.60', '2.60', '2.55', '2.63'],
      ],
    );
    assert.match(await page.locator('main').innerText(), /黄灯 2%，红灯 5%/);

    const series = readFileSync(join(EXAMPLES, 'ifpa_series.csv'));
    await page.setInputFiles('#ifpa-file', { name: 'ifpa_series.csv', mimeType: 'text/csv', buffer: series });
    await page.locator('.ifpa-table').waitFor();
    // The table opens on the latest year, 2022: the shared example's expected values to four decimals.
    const expected = readFileSync(join(EXAMPLES, 'ifpa_expected_2022.csv'), 'utf8').trim().split(/\r?\n/).slice(1).map((l) => l.split(','));
    const table = page.locator('.ifpa-table');
    for (const [month, , , ifpa] of expected) {
      const row = table.locator('tbody tr', { has: page.getByRole('cell', { name: month!, exact: true }) });
      const cells = (await row.locator('td').allInnerTexts()).map((c) => c.trim());
      assert.equal(cells[3], ifpa, `IFPA ${month}`);
    }
    await accessible(page, 'dashboard');
    if (shots) await screenshot(page, 'price-dashboard');
  });

  test('the subsidy months of the real national CPI with a payment list, the catalogue, an incident\'s report clocks', async () => {
    await page.goto(`${platform.url}/price/subsidies?from=2021-01&to=2023-12`);
    await settled(page);
    await page.getByLabel('经办人账号').fill('wang');
    await page.setInputFiles('#indices-file', { name: 'cpi_national.csv', mimeType: 'text/csv', buffer: readFileSync(join(EXAMPLES, 'cpi_national.csv')) });
    // spec/price.md: the national triggers of 2021–2023, all on food prices.
    await page.getByText('共 36 个月，启动 5 个月：2022-07、2022-08、2022-09、2022-10、2023-01').waitFor();
    const july = page.locator('.months-table tbody tr', { has: page.getByRole('cell', { name: '2022-07', exact: true }) });
    const cells = (await july.locator('td').allInnerTexts()).map((c) => c.trim()).filter(Boolean);
    // 700 x 6.3% = 44.1 -> 44; 450 x 6.3% = 28.35 -> 28 (dated 低保 standards of params/d3-price/subsidies.yaml).
    assert.ok(cells.includes('启动（食品价格同比）'), cells.join(' | '));
    assert.ok(cells.includes('44.00') && cells.includes('28.00') && cells.includes('2022-08'), cells.join(' | '));

    // Index month 2022-09 (food +8.8%), paid in 2022-10: a1 urban 700 x 8.8% = 61.6 -> 62, a2 rural 450 x 8.8% = 39.6 -> 40
    // (civil affairs 102.00); a3 rural 40 (veterans affairs).
    await page.getByLabel('指数月', { exact: true }).last().click();
    await page.locator('.ant-select-item-option', { hasText: '2022-09' }).click();
    await page.getByRole('button', { name: '编制发放清单' }).click();
    await page.locator('.departments-table').waitFor();
    const departments = await page.locator('.departments-table tbody tr.ant-table-row').allInnerTexts();
    assert.deepEqual(departments.map((r) => r.split(/\t|\n/).map((c) => c.trim()).filter(Boolean)), [['民政部门', '2', '102.00'], ['退役军人事务部门', '1', '40.00']]);
    assert.match(await page.locator('.payment-summary').innerText(), /发放月\s+2022-10[\s\S]*合计（元）\s+142\.00/);
    await accessible(page, 'subsidies');
    if (shots) await screenshot(page, 'price-subsidies');

    await page.goto(`${platform.url}/price/catalogue`);
    await settled(page);
    await page.locator('.points-table tbody tr.ant-table-row').nth(4).waitFor();
    assert.equal(await page.locator('.points-table tbody tr.ant-table-row').count(), 5);
    await accessible(page, 'catalogue');

    // D3 4.1: a 较大 event found at 09:00 — the monitoring officer owes the county a report by 10:00.
    await page.goto(`${platform.url}/price/incidents`);
    await settled(page);
    await page.getByLabel('发现时间（北京时间）').fill('2022-09-14T09:00');
    await page.locator('form[id="incident"]').getByLabel('县(市)区').click();
    await page.locator('.ant-select-item-option', { hasText: '鸡冠区' }).click();
    await page.getByLabel('地点', { exact: true }).fill('鸡冠农贸市场');
    await page.getByRole('button', { name: '登记并计算报告时限' }).click();
    const clocks = page.locator('.incident-detail .clocks-table tbody tr.ant-table-row');
    await clocks.first().waitFor();
    assert.match(await clocks.first().innerText(), /2022\/9\/14 10:00:00（60 分钟）/);
    // D3 7.1: with no comprehensive drill on record the next one is due.
    assert.match(await page.locator('.drill-next').innerText(), /上次综合演练\s+无记录/);
    await accessible(page, 'incidents');
    if (shots) await screenshot(page, 'price-incidents');

    // D3 3.3 (R5): the day's 12315 count, and a patrol's report (R6).
    await page.goto(`${platform.url}/price/signals`);
    await settled(page);
    const complaint = page.locator('form[id="complaint"]');
    await complaint.getByLabel('品种').click();
    await page.locator('.ant-select-item-option', { hasText: '粳米' }).click();
    await complaint.getByLabel('县(市)区').click();
    await page.locator('.ant-select-item-option', { hasText: '鸡冠区' }).first().click();
    await complaint.getByLabel('日期').fill('2022-09-14');
    await complaint.getByLabel('件数').fill('12');
    await complaint.getByRole('button', { name: '录入件数' }).click();
    await page.getByText('已录入 2022-09-14 鸡冠区粳米投诉举报 12 件').waitFor();
    await page.locator('.complaints-table tbody tr.ant-table-row', { hasText: '12' }).waitFor();
    await accessible(page, 'signals');
  });
});
