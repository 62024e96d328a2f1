/**
 * The interface with the platform's guard on (src/server/security.ts): an
 * anonymous clerk is asked to log in by the one error display, logs in,
 * lands back where they were, and settles a claim — the page echoes the
 * session's anti-forgery token on every change.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import type { Page } from 'playwright-core';

import { createAccount } from '../../src/auth/accounts.ts';
import { applyPersons } from '../../src/medical/services/persons.ts';
import { parsePersonRow } from '../../src/medical/services/records.ts';
import { ROOT } from '../../src/platform/context.ts';
import { describeEachDatabase } from '../helpers/db.ts';
import { chromiumAvailable, openBrowser, screenshot, seriousViolations, settled, startPlatform, type Browser, type Platform } from './harness.ts';
import { SHARED_EXAMPLES } from '../helpers/shared.ts';

const PASSWORD = 'web-test-2026-jixi';

interface Case {
  id: string;
  persons: Record<string, string>[];
  claims: Record<string, string>[];
  expected: { bills: Record<string, string>[] };
}

const med01 = (JSON.parse(readFileSync(join(SHARED_EXAMPLES, 'medical', 'cases.json'), 'utf8')) as { cases: Case[] }).cases.find(
  (c) => c.id === 'med-01',
)!;

describeEachDatabase('web interface: login and a guarded platform', (db) => {
  let platform: Platform;
  let browser: Browser;
  let page: Page;

  before(async () => {
    assert.ok(chromiumAvailable(), 'Chromium missing: apt-get install -y chromium');
    platform = await startPlatform(
      db.dialect,
      async (ctx) => {
        await createAccount(ctx.store.db, { username: 'yibao.web', displayName: '王丽', role: 'medical_office', password: PASSWORD, createdBy: 'test' }, { minLength: 12 });
        const parsed = parsePersonRow(med01.persons[0]!);
        assert.ok(parsed.ok);
        await ctx.store.db.transaction().execute((trx) => applyPersons(trx, [parsed.value]));
      },
      { auth: { enforce: true } },
    );
    browser = await openBrowser();
    page = browser.page;
  });

  after(async () => {
    await browser?.close();
    await platform?.close();
  });

  test('anonymous clerk is sent to log in, comes back, settles a claim with the anti-forgery token', async () => {
    await page.goto(`${platform.url}/medical/persons`);
    await settled(page);
    const notice = page.locator('.error-notice');
    await notice.waitFor();
    assert.match(await notice.innerText(), /请先登录[\s\S]*ERR_AUTH_REQUIRED/);
    await notice.getByRole('link', { name: /登\s?录/ }).click();
    await page.waitForURL(/\/login\?next=%2Fmedical%2Fpersons/);
    await settled(page);
    assert.deepEqual(await seriousViolations(page), [], 'login page: axe');

    await page.getByLabel('用户名').fill('yibao.web');
    await page.getByLabel('密码').fill('wrong-password-1');
    await page.getByRole('button', { name: /登\s?录/ }).click();
    await page.locator('.error-notice').getByText('用户名或密码错误').waitFor();
    if (db.dialect === 'sqlite') await screenshot(page, 'login');

    await page.getByLabel('密码').fill(PASSWORD);
    await page.getByRole('button', { name: /登\s?录/ }).click();
    await page.waitForURL(`${platform.url}/medical/persons`);
    await settled(page);
    assert.match(await page.locator('.app-user').innerText(), /王丽（医保经办）/);
    await page.getByText('共 1 人').waitFor();

    // Preview and confirm are POSTs: refused without the token (ERR_AUTH_CSRF).
    const claim = med01.claims[0]!;
    await page.goto(`${platform.url}/medical/settle`);
    await settled(page);
    await page.getByLabel('单据号').fill(claim.claim_id!);
    await page.getByLabel('身份证号', { exact: true }).fill(claim.person_id!);
    await page.getByLabel('就诊日期').fill(claim.date!);
    await page.getByLabel('就诊日期').press('Enter');
    await page.getByLabel('总费用').fill(claim.total!);
    await page.getByLabel('政策范围内费用').fill(claim.policy_scope!);
    await page.getByRole('button', { name: '预结算' }).click();
    await page.locator('section[aria-labelledby="preview-title"]').waitFor();
    await page.getByRole('button', { name: '确认结算' }).click();
    await page.locator('section[aria-labelledby="settled-title"]').waitFor();
    assert.ok(await page.getByText(`单据 ${claim.claim_id} 已结算，个人现金支付 ${med01.expected.bills[0]!.cash_paid} 元`).isVisible());

    await page.getByRole('button', { name: /退\s?出/ }).click();
    await page.waitForURL(`${platform.url}/login`);
    await page.locator('.app-login').waitFor();
  });
});
