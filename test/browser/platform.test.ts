/**
 * The shell and the 政策参数 pages in a real browser, on both databases:
 * menu driven by the OpenAPI document, breadcrumbs, server-side filters,
 * the one error display, keyboard use, and axe on every page.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import type { Page } from 'playwright-core';

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

interface ParamJson {
  id: string;
  label: string;
  unit: string;
  citation: { document: string; number: string; article: string };
  versions: { from: string; to?: string; raw: unknown }[];
}

async function accessible(page: Page, where: string) {
  const violations = await seriousViolations(page);
  assert.deepEqual(violations, [], `${where}: axe found serious or critical violations`);
}

describeEachDatabase('web interface: shell and 政策参数', (db) => {
  let platform: Platform;
  let browser: Browser;
  let page: Page;
  const shots = db.dialect === 'sqlite';

  before(async () => {
    assert.ok(chromiumAvailable(), 'Chromium missing: apt-get install -y chromium');
    platform = await startPlatform(db.dialect);
    browser = await openBrowser();
    page = browser.page;
  });

  after(async () => {
    await browser?.close();
    await platform?.close();
  });

  test('home page, menu from the OpenAPI document and the documents listed', async () => {
    await page.goto(`${platform.url}/`);
    await settled(page);

    assert.equal(await page.locator('h1').innerText(), '首页');
    assert.equal(await page.title(), '首页 - 鸡西市政策执行平台');
    const nav = page.getByRole('navigation', { name: '主菜单' });
    for (const item of ['政策依据', '政策参数', '条款对照', '政策文件', '错误代码']) {
      assert.equal(await nav.getByRole('menuitem', { name: item, exact: true }).count(), 1, `menu item ${item}`);
    }
    // 鸡政办规〔2022〕22号 is D5 in params/documents.yaml.
    assert.ok(await page.getByRole('cell', { name: '鸡政办规〔2022〕22号', exact: true }).isVisible());
    await accessible(page, 'home');
    if (shots) await screenshot(page, 'home');
  });

  test('skip link and menu by keyboard, focus on the page title', async () => {
    await page.goto(`${platform.url}/`);
    await settled(page);

    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), '跳到主要内容');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'main-content');

    await page.getByRole('menuitem', { name: '错误代码', exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(`${platform.url}/errors`);
    await settled(page);
    assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1');
    assert.equal(await page.locator('h1').innerText(), '错误代码');
  });

  test('parameter list filtered by document on the server, with breadcrumbs', async () => {
    const all = (await (await fetch(`${platform.url}/api/params`)).json()) as ParamJson[];
    const d5 = all.filter((p) => p.citation.document === 'D5');
    assert.ok(d5.length > 0, 'D5 has parameters');

    await page.goto(`${platform.url}/params`);
    await settled(page);
    assert.ok(await page.getByText(`共 ${all.length} 项`, { exact: true }).isVisible());
    const crumbs = await page.getByRole('navigation', { name: '当前位置' }).innerText();
    assert.match(crumbs, /首页\s*\/\s*政策依据\s*\/\s*政策参数/);
    await accessible(page, 'params');
    if (shots) await screenshot(page, 'params');

    const request = page.waitForRequest((r) => r.url().includes('/api/params?') && r.url().includes('document=D5'));
    await page.getByLabel('政策文件').click();
    await page.locator('.ant-select-item-option', { hasText: '鸡政办规〔2022〕22号' }).click();
    await request;
    await settled(page);
    assert.ok(await page.getByText(`共 ${d5.length} 项`, { exact: true }).isVisible());
    assert.match(page.url(), /document=D5/);
  });

  test('parameter page: citation, every version, the value in force on a date and the error for none', async () => {
    const all = (await (await fetch(`${platform.url}/api/params?document=D5`)).json()) as ParamJson[];
    const param = all.find((p) => p.unit === 'yuan' && p.versions.length > 0);
    assert.ok(param, 'a D5 parameter in yuan');
    const first = param.versions[0]!;

    await page.goto(`${platform.url}/params?document=D5&q=${encodeURIComponent(param.id)}`);
    await settled(page);
    await page.getByRole('link', { name: param.label, exact: true }).click();
    await page.waitForURL(`${platform.url}/params/${encodeURIComponent(param.id)}`);
    await settled(page);

    assert.equal(await page.locator('h2').first().innerText(), param.label);
    assert.ok(await page.getByText(`${param.citation.number} ${param.citation.article}`).first().isVisible());
    const versions = page.getByRole('table').filter({ has: page.getByText('各时期取值') });
    assert.equal(await versions.locator('tbody tr').count(), param.versions.length);
    assert.ok(await versions.getByText(`${String(first.raw)} 元`).first().isVisible());

    // The first day of the first version: that version is in force.
    await page.getByLabel('日期').fill(first.from);
    await page.getByLabel('日期').press('Enter');
    await page.getByRole('button', { name: '查 询' }).click();
    await page.locator('.param-answer').waitFor();
    assert.match(await page.locator('.param-answer').innerText(), new RegExp(`生效取值\\s*${String(first.raw)} 元`));
    await accessible(page, 'param detail');
    if (shots) await screenshot(page, 'param-detail');

    // The day before: nothing in force, shown by the one error display.
    await page.getByLabel('日期').fill('2000-01-01');
    await page.getByLabel('日期').press('Enter');
    await page.getByRole('button', { name: '查 询' }).click();
    const alert = page.locator('.error-notice');
    await alert.waitFor();
    const text = await alert.innerText();
    assert.match(text, /该日期没有生效的政策规定/);
    assert.match(text, /ERR_CORE_PARAM_NOT_IN_FORCE/);
    assert.equal(await alert.getAttribute('role'), 'alert');
  });

  test('articles, documents and error codes pages pass axe', async () => {
    for (const [path, title, shot] of [
      ['/articles', '条款对照', 'articles'],
      ['/documents', '政策文件', 'documents'],
      ['/errors', '错误代码', 'errors'],
    ] as const) {
      await page.goto(`${platform.url}${path}`);
      await settled(page);
      assert.equal(await page.locator('h1').innerText(), title);
      await accessible(page, path);
      if (shots) await screenshot(page, shot);
    }

    await page.goto(`${platform.url}/errors?q=PARAM`);
    await settled(page);
    assert.ok(await page.getByRole('cell', { name: 'ERR_CORE_PARAM_UNKNOWN' }).isVisible());
    assert.equal(await page.getByRole('cell', { name: 'ERR_CORE_INTERNAL' }).count(), 0);
  });

  test('search finds parameters; an unknown address says so', async () => {
    await page.goto(`${platform.url}/`);
    await settled(page);
    const box = page.getByRole('searchbox', { name: /搜索参保人员/ });
    await box.fill('起付');
    await box.press('Enter');
    await page.waitForURL(/\/search\?q=/);
    await settled(page);
    const expected = (await (await fetch(`${platform.url}/api/params?q=${encodeURIComponent('起付')}`)).json()) as ParamJson[];
    assert.ok(expected.length > 0);
    assert.equal(await page.locator('.search-params .ant-list-item').count(), expected.length);
    await accessible(page, 'search');

    await page.goto(`${platform.url}/no/such/page`);
    await settled(page);
    assert.equal(await page.locator('h1').innerText(), '页面不存在');
    await accessible(page, '404');
  });
});
