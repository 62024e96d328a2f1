/**
 * The 残联 pages (鸡政规〔2022〕8号) in a real browser, with the guard on, on
 * both databases: an officer signs in, registers a person with a grade-2
 * card in a 低保 family (a mistyped card refused inline first), approves
 * both subsidies, runs March 2024 and finds the person on the payroll;
 * changes the household status and sees the living subsidy stop in April;
 * opens the dashboard and sees the binding indicators. Every page passes axe.
 *
 * Amounts are the shipped parameters the API scenario test uses: living
 * subsidy 100.00 a month (低保 family), care subsidy 80.00 a month (grade
 * 2); March pays 100.00 + 80.00 = 180.00. The household leaves 低保 on
 * 2024-03-20, after March's reference date, so April pays care only (80.00)
 * and lists living as stopped, reason 不是低保家庭.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import type { Locator, Page } from 'playwright-core';

import { createAccount } from '../../src/auth/accounts.ts';
import { describeEachDatabase } from '../helpers/db.ts';
import { card, residentId } from '../disability/helpers.ts';
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

const PASSWORD = 'canlian-web-2026';
const ID = residentId('230303', '19560101', 21);
/** Category 1 视力, grade 2. */
const CARD = card(ID, 1, 2);

async function accessible(page: Page, where: string) {
  await page.mouse.move(0, 0);
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  assert.deepEqual(await seriousViolations(page), [], `${where}: axe found serious or critical violations`);
}

async function choose(page: Page, within: Locator, field: string, option: string) {
  await within.getByLabel(field, { exact: true }).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: new RegExp(`^${option}$`) }).click();
}

describeEachDatabase('web interface: 残联 pages', (db) => {
  let platform: Platform;
  let browser: Browser;
  let page: Page;
  let personUrl: string;
  const shots = db.dialect === 'sqlite';

  before(async () => {
    assert.ok(chromiumAvailable(), 'Chromium missing: apt-get install -y chromium');
    platform = await startPlatform(
      db.dialect,
      async (ctx) => {
        await createAccount(ctx.store.db, { username: 'canlian.web', displayName: '刘芳', role: 'disabled_federation', password: PASSWORD, createdBy: 'test' }, { minLength: 12 });
      },
      { auth: { enforce: true } },
    );
    browser = await openBrowser();
    page = browser.page;

    await page.goto(`${platform.url}/login?next=%2Fdisability%2Fpersons`);
    await settled(page);
    await page.getByLabel('用户名').fill('canlian.web');
    await page.getByLabel('密码').fill(PASSWORD);
    await page.getByRole('button', { name: /登\s?录/ }).click();
    await page.waitForURL(`${platform.url}/disability/persons`);
  });

  after(async () => {
    await browser?.close();
    await platform?.close();
  });

  test('an officer registers a grade-2 card holder in a 低保 family, the card checked as typed', async () => {
    await settled(page);
    assert.equal(await page.locator('h1').innerText(), '残疾人名册');
    await page.getByText('名册中尚无人员').waitFor();
    await accessible(page, 'register, empty');

    await page.getByRole('button', { name: '登记残疾人' }).click();
    await page.waitForURL(/\/disability\/persons\/new$/);
    await settled(page);
    const form = page.locator('#disability-register');
    await form.waitFor({ timeout: 30_000 });
    await form.getByLabel('身份证号').fill(ID);
    await form.getByLabel('姓名').fill('李乙');
    await choose(page, form, '县区', '恒山区');
    // Grade digit 5 does not exist (1–4): said under the field at once.
    await form.getByLabel('残疾人证号').fill(`${ID}15`);
    await form.getByLabel('残疾人证号').blur();
    await page.getByText('残疾等级代码“5”不存在（应为1至4级）').waitFor();
    await accessible(page, 'register form, card refused');

    await form.getByLabel('残疾人证号').fill(CARD);
    const derived = page.locator('.card-derived');
    await derived.getByText('视力').waitFor();
    assert.match(await derived.innerText(), /残疾类别\s+视力\s+残疾等级\s+2 级\s+出生日期\s+1956-01-01/);
    await choose(page, form, '家庭类别', '低保');
    await form.getByLabel('家庭类别起始日期').fill('2024-01-01');
    await form.getByLabel('发放账户').fill('6228480010001234');
    if (shots) await screenshot(page, 'disability-register');
    await form.getByRole('button', { name: /^登\s?记$/ }).click();

    await page.waitForURL(/\/disability\/persons\/[^/]+\?registered=1$/);
    personUrl = page.url().replace(/\?.*$/, '');
    await settled(page);
    await page.getByText('已登记：李乙').waitFor();
    assert.match(await page.locator('.person-summary').innerText(), /恒山区[\s\S]*视力[\s\S]*2 级[\s\S]*低保/);
  });

  test('both subsidies received, reviewed and approved on 2024-03-04', async () => {
    await page.getByLabel('资格判断与办理日期').fill('2024-03-04');
    await settled(page);
    for (const title of ['困难残疾人生活补贴', '重度残疾人护理补贴']) {
      const panel = page.locator('section.subsidy').filter({ has: page.getByRole('heading', { name: title }) });
      await panel.getByText('符合条件', { exact: true }).waitFor();
      await panel.getByRole('button', { name: `受理申请：${title}`, exact: true }).click();
      await panel.getByRole('button', { name: `审核：${title}`, exact: true }).click();
      await panel.getByRole('button', { name: `批准：${title}`, exact: true }).click();
      await panel.getByRole('button', { name: `终止：${title}`, exact: true }).waitFor();
      assert.match(await panel.locator('.applications-table tbody').innerText(), /^2024-03-04\s+本地\s+已批准\s+2024-03-04\s+2024-03-04\s+—/);
    }
    assert.match(await page.getByText(/两项合计每月/).innerText(), /180\.00/);
    await accessible(page, 'person page, both approved');
    if (shots) await screenshot(page, 'disability-person');
  });

  test('March 2024 run: the person on the payroll, 100.00 + 80.00', async () => {
    await page.goto(`${platform.url}/disability/payroll`);
    await settled(page);
    await page.getByLabel('发放月份').fill('2024-03');
    await page.getByRole('button', { name: /生\s?成/ }).click();
    await page.getByText('2024-03 发放名册已生成：1 人 180.00 元').waitFor();
    await settled(page);
    const lines = page.locator('.payroll-lines tbody tr').filter({ hasText: '李乙' });
    await lines.first().waitFor();
    const texts = (await lines.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim()).sort();
    assert.equal(texts.length, 2);
    assert.match(texts[0]!, /李乙 230303195601010214 恒山区 困难残疾人生活补贴 发放 100\.00 新增/);
    assert.match(texts[1]!, /李乙 230303195601010214 恒山区 重度残疾人护理补贴 发放 80\.00 新增/);
    assert.match(await page.locator('.county-totals tbody').innerText(), /恒山区\s+1\s+100\.00\s+1\s+80\.00\s+180\.00/);
    await accessible(page, 'payroll, March');
    if (shots) await screenshot(page, 'disability-payroll');

    const file = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出 CSV' }).click();
    assert.equal((await file).suggestedFilename(), '两项补贴发放名册-2024-03.csv');
  });

  test('the household leaves 低保 on 2024-03-20: April pays care only, living stopped with its reason', async () => {
    await page.goto(personUrl);
    await settled(page);
    const change = page.locator('#household-change');
    await choose(page, change, '新的家庭类别', '无');
    await change.getByLabel('自', { exact: true }).fill('2024-03-20');
    await page.getByRole('button', { name: '变更家庭类别' }).click();
    await page.getByText('家庭类别自 2024-03-20 起为“无”').waitFor();
    await page.locator('.household-table tbody tr').nth(1).waitFor();
    assert.match(await page.locator('.household-table tbody').innerText(), /低保\s+2024-01-01\s+2024-03-19[\s\S]*无\s+2024-03-20\s+至今/);

    await page.goto(`${platform.url}/disability/payroll`);
    await settled(page);
    await page.getByLabel('发放月份').fill('2024-04');
    await page.getByRole('button', { name: /生\s?成/ }).click();
    await page.getByText('2024-04 发放名册已生成：1 人 80.00 元').waitFor();
    await settled(page);
    const stopped = page.locator('.payroll-lines tbody tr').filter({ hasText: '停发' });
    await stopped.first().waitFor();
    const text = (await stopped.innerText()).replace(/\s+/g, ' ');
    assert.match(text, /李乙 .* 困难残疾人生活补贴 停发 .*不是低保家庭/);
    const paid = (await page.locator('.payroll-lines tbody tr').filter({ hasText: '护理补贴' }).innerText()).replace(/\s+/g, ' ');
    assert.match(paid, /重度残疾人护理补贴 发放 80\.00 续发/);
  });

  test('the dashboard marks the six binding indicators in words', async () => {
    await page.goto(`${platform.url}/disability/indicators?year=2024`);
    await settled(page);
    await page.locator('.indicator-table tbody tr').nth(10).waitFor();
    const rows = await page.locator('.indicator-table tbody tr').allInnerTexts();
    assert.equal(rows.length, 11);
    const binding = rows.filter((r) => r.includes('约束性')).map((r) => Number(r.trim().split(/\s+/)[0]));
    // 专栏1: 3 低保, 4 生活补贴, 5 护理补贴, 9 康复, 10 辅具, 11 无障碍改造 are 约束性.
    assert.deepEqual(binding, [3, 4, 5, 9, 10, 11]);
    assert.equal(rows.filter((r) => r.includes('预期性')).length, 5);
    await page.locator('.indicator-alarms').waitFor();
    await page.locator('.indicator-path tbody tr').nth(4).waitFor();
    await accessible(page, 'indicators');
    if (shots) await screenshot(page, 'disability-indicators');
  });

  test('the quota check answers over an empty employer register', async () => {
    await page.goto(`${platform.url}/disability/quota?on=2024-06-30`);
    await settled(page);
    assert.match(await page.locator('.quota-summary').innerText(), /核查单位\s+0[\s\S]*未达到\s+0/);
    await page.getByText('用人单位名册为空或没有符合条件的单位').waitFor();
    await accessible(page, 'quota check');
  });
});
