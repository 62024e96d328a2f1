/**
 * 信用 in a real browser, on both databases (D2 鸡政办规〔2022〕16号). The
 * entity is the examples' cr-13 (one 国家公共信用综合评价 良 record: the
 * literal table's 770 + 20 = 790, exactly the B cut-off), its record dated
 * inside the 3-year publicity window of today so the stored result is
 * today's. An officer records one administrative penalty (行政处罚 60 → 30:
 * 760, C) and sees the grade fall; the entity files an objection against
 * it and sees the deadline of 7 working days after receipt; the officer
 * upholds it, the record is corrected and the grade returns to 790 B.
 * Every page visited passes axe.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import type { Page } from 'playwright-core';

import { isWorkingDay } from '../../src/core/calendar.ts';
import { todayInBeijing, type IsoDate } from '../../src/core/dates.ts';
import { loadExamples } from '../credit/examples.ts';
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

const example = loadExamples().scores.find((s) => s.id === 'cr-13')!;
const USCC = example.entity.uscc;
const OFFICE = { 'x-user': 'seed', 'x-role': 'credit_office', 'x-audit-reason': encodeURIComponent('测试数据准备') };

function addDays(date: IsoDate, days: number): IsoDate {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** D2 二(四)2 read with the spec: the day of receipt not counted, then 7 Chinese working days. */
function sevenWorkingDaysAfter(received: IsoDate): IsoDate {
  let day = received;
  for (let counted = 0; counted < 7; ) {
    day = addDays(day, 1);
    if (isWorkingDay(day)) counted += 1;
  }
  return day;
}

/**
 * Open an address inside the running interface (its router follows
 * popstate), so the bundle and the OpenAPI document load once per suite.
 */
async function open(page: Page, url: string) {
  if (!page.url().startsWith(new URL(url).origin)) {
    await page.goto(url);
  } else {
    await page.evaluate((path) => {
      window.history.pushState(null, '', path);
      window.dispatchEvent(new PopStateEvent('popstate'));
    }, url.slice(new URL(url).origin.length));
  }
  await settled(page);
}

async function accessible(page: Page, where: string) {
  await page.mouse.move(0, 0);
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  assert.deepEqual(await seriousViolations(page), [], `${where}: axe found serious or critical violations`);
}

async function choose(page: Page, label: string, option: string | RegExp) {
  await page.getByLabel(label, { exact: true }).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
}

/** The 使用身份 bar; its text fields hand their value on with Enter (or when left). */
async function actAs(page: Page, role: '行业监管部门' | '市场主体（本主体）', user: string) {
  const type = async (label: string, value: string) => {
    const field = page.getByLabel(label, { exact: true });
    await field.fill(value);
    await field.press('Enter');
  };
  await type('账号', user);
  await choose(page, '角色', role);
  if (role === '市场主体（本主体）') await type('本主体统一社会信用代码', USCC);
  else await type('事由', '日常监管');
}

async function scoreCard(page: Page): Promise<string> {
  const card = page.locator('.credit-score-card');
  await card.waitFor();
  return (await card.innerText()).replace(/\s+/g, ' ');
}

describeEachDatabase('web interface: 信用', (db) => {
  let platform: Platform;
  let browser: Browser;
  let page: Page;
  const shots = db.dialect === 'sqlite';
  // axe is slow on a shared 2-core machine: every page once on SQLite, the
  // pages of the three steps again on PostgreSQL.
  const everyPage = db.dialect === 'sqlite';
  const today = todayInBeijing();

  before(async () => {
    assert.ok(chromiumAvailable(), 'Chromium missing: apt-get install -y chromium');
    // Building web/dist blocks the loop; let the PostgreSQL check finish first.
    await letReachabilityCheckFinish();
    platform = await startPlatform(db.dialect, async () => undefined);
    const inject = (url: string, payload: Record<string, unknown>) =>
      platform.app.inject({ method: 'POST', url: `/api/credit${url}`, headers: OFFICE, payload });
    assert.equal((await inject('/entities', { ...example.entity })).statusCode, 200);
    const record = await inject('/records', {
      uscc: USCC,
      indicator: example.records[0]!.indicator,
      decided: addDays(today, -100),
      source_department: '国家公共信用信息中心',
      document_number: '国家评价〔示例〕1号',
    });
    assert.equal(record.statusCode, 200, record.body);
    assert.equal(record.json().rescore.score, 790);
    browser = await openBrowser();
    page = browser.page;
  });

  after(async () => {
    await browser?.close();
    await platform?.close();
  });

  test('an officer records a penalty and sees the grade fall from B to C', async () => {
    await open(page, `${platform.url}/credit/entities`);
    await actAs(page, '行业监管部门', 'wang');
    await page.getByLabel('名称或代码').fill(example.entity.name);
    await page.getByRole('button', { name: /^查\s?询$/ }).click();
    await page.getByRole('link', { name: USCC }).click();
    await page.waitForURL(new RegExp(`/credit/entities/${USCC}$`));
    await settled(page);
    assert.equal(await page.locator('h1').innerText(), '信用档案');

    // 770 (no record: positive indicators start at 0) + 20 national evaluation.
    assert.match(await scoreCard(page), /信用得分 790 \/ 1000 分 信用等级 B级 信用类别 诚信守法/);
    if (everyPage) await accessible(page, 'entity search and profile, grade B');

    const form = page.locator('form[id="credit-record"]');
    await form.getByLabel('来源部门').fill('鸡西市市场监督管理局');
    await form.getByLabel('决定文号').fill('鸡市监罚〔2026〕1号');
    await form.getByLabel('决定日期').fill(today);
    await form.getByRole('button', { name: '报送并重新评价' }).click();
    // 行政处罚 60 → 30 for one penalty: 790 − 30 = 760, below the B cut-off 790.
    await page.locator('.credit-saved').filter({ hasText: '等级由 B级 变为 C级' }).waitFor();
    await page.waitForFunction(() => document.querySelector('.credit-score-card')?.textContent?.includes('760'));
    assert.match(await scoreCard(page), /信用得分 760 \/ 1000 分 信用等级 C级 信用类别 轻微失信/);
    const history = page.getByRole('table', { name: '历次评价得分与等级，最近的在前' });
    assert.match(await history.locator('tbody tr').first().innerText(), /760\s+C级/);
    await accessible(page, 'entity profile after the penalty');
    if (shots) await screenshot(page, 'credit-entity');
  });

  test('the entity files an objection against the penalty and sees its deadline', async () => {
    await open(page, `${platform.url}/credit/me`);
    await actAs(page, '市场主体（本主体）', 'a13');
    await settled(page);
    assert.match(await scoreCard(page), /760 \/ 1000 分 信用等级 C级/);

    await choose(page, '异议所涉记录（不选则对评价结果提出异议）', /行政处罚/);
    await page.getByLabel('异议内容').fill('该处罚决定已被复议撤销，不应计入');
    await page.getByLabel('受理日期').fill(today);
    await page.getByRole('button', { name: '提交异议' }).click();
    const expected = sevenWorkingDaysAfter(today);
    const filed = page.locator('.objection-filed');
    await filed.waitFor();
    assert.match(await filed.innerText(), new RegExp(`办理期限：${expected}`));
    const queue = page.getByRole('table', { name: '异议列表，按办理期限排序' });
    await queue.getByRole('row', { name: new RegExp(expected) }).waitFor();
    assert.match(await queue.locator('tbody tr').first().innerText(), /办理中/);
    await accessible(page, 'own credit page with the objection');
    if (shots) await screenshot(page, 'credit-own');
  });

  test('the officer upholds the objection and the grade returns to B', async () => {
    await open(page, `${platform.url}/credit/objections`);
    await actAs(page, '行业监管部门', 'wang');
    await settled(page);
    const queue = page.getByRole('table', { name: '异议列表，按办理期限排序' });
    await queue.getByRole('button', { name: /展开|Expand/ }).first().click();
    await page.getByLabel(/^办理意见$/).fill('经核实，处罚决定已撤销');
    await page.getByRole('button', { name: '异议成立' }).click();
    await page.getByText(/重新评价 790 分 B级（原 C级）/).waitFor();
    await accessible(page, 'objection queue after upholding');

    await open(page, `${platform.url}/credit/entities/${USCC}`);
    assert.match(await scoreCard(page), /信用得分 790 \/ 1000 分 信用等级 B级 信用类别 诚信守法/);
    const records = page.getByRole('table', { name: '该主体的信用记录' });
    assert.match(await records.getByRole('row', { name: /行政处罚/ }).innerText(), /已更正/);
  });

  test('the other credit pages pass the accessibility check', { skip: !everyPage && 'checked on the SQLite run' }, async () => {
    await open(page, `${platform.url}/credit/sectors?sector=food`);
    const table = page.getByRole('table', { name: '各信用等级主体数' });
    // One entity graded, on the public score: B after the objection.
    assert.match(await table.getByRole('row', { name: /B级/ }).innerText(), /1\s+100\.0%/);
    await accessible(page, 'sectors with the distribution');
    await screenshot(page, 'credit-sectors');

    // The examples' accepted food model: the page then lists its version,
    // offers the assessment form, and counts the entity apart (no points yet).
    const weights = loadExamples().industry_models[0]!.weights;
    const model = await platform.app.inject({
      method: 'POST',
      url: '/api/credit/sectors/food/models',
      headers: OFFICE,
      payload: {
        department: '市市场监督管理局',
        valid_from: today,
        indicators: Object.entries(weights).map(([code, weight]) => ({ code, label: code, source: code === 'public_score' ? 'public_score' : 'supervisory', weight })),
      },
    });
    assert.equal(model.statusCode, 201, model.body);
    await open(page, `${platform.url}/credit/sectors`);
    await open(page, `${platform.url}/credit/sectors?sector=food`);
    assert.match(await table.getByRole('row', { name: /缺少行业指标/ }).innerText(), /1\s+100\.0%/);
    assert.equal(await page.getByRole('heading', { name: '报送行业监管类指标得分（food:v1）' }).count(), 1);
    await accessible(page, 'sectors with a model and the assessment form');
    for (const path of ['/credit/records', '/credit/plans', '/credit/repairs', '/credit/access-log']) {
      await open(page, `${platform.url}${path}`);
      await accessible(page, path);
    }
  });
});
