/**
 * The medical pages in a real browser, on both databases, with the worked
 * cases of ../shared/examples/medical/cases.json as they are: a clerk
 * settles a claim from the form, prints the bill and reverses it; uploads a
 * batch with one bad row, fixes it from the error report and uploads again;
 * finds persons, reads the lists and the fund. Every page passes axe.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import type { Page } from 'playwright-core';

import { maskResidentId } from '../../src/core/identity.ts';
import { ROOT } from '../../src/platform/context.ts';
import { describeEachDatabase, type TestDatabase } from '../helpers/db.ts';
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

interface Case {
  id: string;
  persons: Record<string, string>[];
  claims: Record<string, string>[];
  expected: { bills: Record<string, string>[]; push_list: { person_id: string; year: number }[] };
}

const cases = (JSON.parse(readFileSync(join(SHARED_EXAMPLES, 'medical', 'cases.json'), 'utf8')) as { cases: Case[] }).cases;
const example = (id: string) => {
  const found = cases.find((c) => c.id === id);
  assert.ok(found, `example ${id}`);
  return found;
};

const CLAIM_HEADER = [
  'claim_id', 'person_id', 'date', 'kind', 'level', 'place', 'referral', 'resident_elsewhere',
  'emergency', 'exclusion', 'total', 'policy_scope', 'basic_paid', 'critical_paid',
];
const PERSON_HEADER = ['person_id', 'scheme', 'employment', 'categories', 'account_balance'];

function csv(header: string[], rows: Record<string, string>[]): string {
  return [header.join(','), ...rows.map((r) => header.map((h) => r[h] ?? '').join(','))].join('\n') + '\n';
}

async function post(platform: Platform, path: string, body: unknown): Promise<{ status: number; json: unknown }> {
  const response = await fetch(`${platform.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: await response.json() };
}

async function getJson(platform: Platform, path: string): Promise<{ status: number; json: unknown }> {
  const response = await fetch(`${platform.url}${path}`);
  return { status: response.status, json: await response.json() };
}

async function accessible(page: Page, where: string) {
  assert.deepEqual(await seriousViolations(page), [], `${where}: axe found serious or critical violations`);
}

async function amount(page: Page, scope: string, key: string): Promise<string> {
  return (await page.locator(`${scope} [data-amount="${key}"]`).first().innerText()).trim();
}

describeEachDatabase('web interface: medical pages', (db: TestDatabase) => {
  let browser: Browser;
  let page: Page;
  const shots = db.dialect === 'sqlite';

  before(async () => {
    assert.ok(chromiumAvailable(), 'Chromium missing: apt-get install -y chromium');
    browser = await openBrowser();
    page = browser.page;
  });

  after(async () => {
    await browser?.close();
  });

  test('a clerk settles a claim from the form, prints the bill and reverses it', async () => {
    // med-01: (3000-600) x 60% = 1440 pooled; the account pays 500; cash 1060 + 200 out of scope.
    const med = example('med-01');
    const platform = await startPlatform(db.dialect);
    try {
      const person = med.persons[0]!;
      assert.equal((await post(platform, '/api/medical/persons', { ...person, name: '张三' })).status, 200);
      const claim = med.claims[0]!;
      const want = med.expected.bills[0]!;

      await page.goto(`${platform.url}/medical/settle`);
      await settled(page);
      assert.equal(await page.locator('h1').innerText(), '结算');

      // Inline validation, in Chinese, before anything is sent.
      await page.getByLabel('身份证号', { exact: true }).fill('230302198503150019');
      await page.getByRole('button', { name: '预结算' }).click();
      await page.getByText('请输入单据号').waitFor();
      assert.ok(await page.getByText('身份证号码校验位错误').isVisible());
      assert.ok(await page.getByText('请输入总费用').isVisible());
      await accessible(page, 'settle with errors');
      if (shots) await screenshot(page, 'settle-validation');

      await page.getByLabel('单据号').fill(claim.claim_id!);
      await page.getByLabel('身份证号', { exact: true }).fill(claim.person_id!);
      await page.getByText('参保人：张三').waitFor();
      await page.getByLabel('就诊日期').fill(claim.date!);
      await page.getByLabel('就诊日期').press('Enter');
      await page.getByLabel('总费用').fill(claim.total!);
      await page.getByLabel('政策范围内费用').fill(claim.policy_scope!);
      await page.getByLabel('基本医保支付').fill(claim.basic_paid!);
      await page.getByLabel('大病保险支付').fill(claim.critical_paid!);
      await page.getByRole('button', { name: '预结算' }).click();

      const preview = 'section[aria-labelledby="preview-title"]';
      await page.locator(preview).waitFor();
      for (const key of ['pooling', 'assistance', 'assistance_tilt', 'account_paid', 'cash_paid']) {
        assert.equal(await amount(page, preview, key), want[key], key);
      }
      // Preview stores nothing.
      assert.deepEqual((await getJson(platform, `/api/medical/persons/${claim.person_id}/bills`)).json, []);

      // The pooling amount opens into its rules, parameters and accumulators:
      // the deductible goes from 0.00 to 600.00 (D5 §7(1)).
      const poolingRow = page.locator(`${preview} tr`, { has: page.locator('[data-amount="pooling"]') });
      await poolingRow.getByRole('button', { name: '展开行' }).click();
      const detail = page.locator(`${preview} .line-detail[data-line="pooling"]`);
      await detail.waitFor();
      const text = await detail.innerText();
      assert.match(text, /D5 §7\(1\)/);
      assert.match(text, /medical\.d5\.art7_1\.deductible/);
      assert.match(text, /门诊统筹起付线已累计\s+0\.00\s+600\.00/);
      assert.match(text, /门诊统筹已支付\s+0\.00\s+1440\.00/);
      await accessible(page, 'settle preview');
      if (shots) await screenshot(page, 'settle-preview');

      await page.getByRole('button', { name: '确认结算' }).click();
      await page.locator('section[aria-labelledby="settled-title"]').waitFor();
      assert.ok(await page.getByText(`单据 ${claim.claim_id} 已结算，个人现金支付 ${want.cash_paid} 元`).isVisible());

      // The printable bill: heading, figures and capitals, the articles.
      await page.getByRole('link', { name: '打印一单制结算单' }).click();
      await page.waitForURL(`${platform.url}/medical/bills/${claim.claim_id}`);
      await settled(page);
      const sheet = page.locator('.bill-sheet');
      assert.equal(await sheet.locator('h2').innerText(), '鸡西市医疗保障“一站式”结算单');
      const cash = sheet.locator('tr[data-line="cash_paid"]');
      assert.equal((await cash.locator('td.bill-figure').innerText()).trim(), '1260.00');
      // 1260.00 yuan: 壹仟 贰佰 陆拾 元整.
      assert.equal((await cash.locator('td.capital').innerText()).trim(), '壹仟贰佰陆拾元整');
      assert.equal((await sheet.locator('tr[data-line="pooling"] td.capital').innerText()).trim(), '壹仟肆佰肆拾元整');
      assert.match(await sheet.locator('.bill-articles').innerText(), /鸡政办规〔2022〕22号 D5 §7\(1\)/);
      // The person's name arrives with a second request after the bill.
      await sheet.getByText('张三').first().waitFor();
      assert.match(await sheet.innerText(), /张三/);
      await accessible(page, 'bill');
      if (shots) await screenshot(page, 'bill');

      await page.emulateMedia({ media: 'print' });
      assert.equal(await page.locator('.app-sider').isVisible(), false, 'menu hidden on paper');
      assert.equal(await page.getByRole('button', { name: '打印结算单' }).isVisible(), false, 'toolbar hidden on paper');
      if (shots) await screenshot(page, 'bill-print');
      const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
      const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
      assert.equal(pages.length, 1, 'the bill prints on one A4 page');
      await page.emulateMedia({ media: 'screen' });

      // Reversal needs a reason; then the bill says so and the account is paid back.
      await page.getByRole('button', { name: /冲\s?销/ }).click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      await dialog.getByRole('button', { name: '确认冲销' }).click();
      await dialog.getByText('请填写冲销原因').waitFor();
      await accessible(page, 'reversal dialog');
      await dialog.getByLabel('冲销原因').fill('医院退费后重新开具单据');
      await dialog.getByRole('button', { name: '确认冲销' }).click();
      await page.locator('.bill-stamp').waitFor();
      assert.match(await page.locator('.bill-stamp').innerText(), /已冲销\s*冲销原因：医院退费后重新开具单据/);
      assert.equal(await page.getByRole('button', { name: /^冲\s?销$/ }).count(), 0);

      await page.getByRole('link', { name: '查看参保人' }).click();
      await page.waitForURL(`${platform.url}/medical/persons/${claim.person_id}`);
      await settled(page);
      // 500.00 opening, -500.00 paid, +500.00 given back by the reversal.
      assert.match(await page.getByText('当前余额').innerText(), /500\.00 元/);
      const billRow = page.locator('tr', { has: page.getByRole('link', { name: claim.claim_id! }) }).last();
      assert.match(await billRow.innerText(), /已冲销/);
      await accessible(page, 'person');
      if (shots) await screenshot(page, 'person');
    } finally {
      await platform.close();
    }
  });

  test('a batch with one bad row is refused whole, fixed from the error report and settled', async () => {
    // med-04: three visits, the deductible fills in date order: 0, 150, 600 pooled.
    const med = example('med-04');
    const platform = await startPlatform(db.dialect);
    try {
      const bad = med.claims.map((c, i) => (i === 1 ? { ...c, date: '2023-02-30' } : c));
      const personsCsv = csv(PERSON_HEADER, med.persons);

      await page.goto(`${platform.url}/medical/batch`);
      await settled(page);

      const template = page.waitForEvent('download');
      await page.getByRole('button', { name: '费用单据模板（CSV）' }).click();
      const templateFile = await template;
      assert.equal(templateFile.suggestedFilename(), '费用单据导入模板.csv');
      assert.match(readFileSync((await templateFile.path())!, 'utf8'), /单据号/);

      await page.setInputFiles('#batch-persons', { name: 'persons.csv', mimeType: 'text/csv', buffer: Buffer.from(personsCsv) });
      await page.setInputFiles('#batch-claims', { name: 'claims.csv', mimeType: 'text/csv', buffer: Buffer.from(csv(CLAIM_HEADER, bad)) });
      await page.getByRole('button', { name: '上传并结算' }).click();

      const notice = page.locator('.error-notice').first();
      await notice.waitFor();
      const noticeText = await notice.innerText();
      assert.match(noticeText, /ERR_MEDICAL_BATCH_INVALID/);
      // Row 3 of the file (header = row 1) is the second claim.
      const problem = notice.locator('.error-problems tbody tr').first();
      assert.match(await problem.innerText(), /^3\s+就诊日期\s+2023-02-30\s+/);
      assert.equal((await getJson(platform, `/api/medical/persons/${med.persons[0]!.person_id}`)).status, 404, 'nothing stored');
      await accessible(page, 'batch refused');
      if (shots) await screenshot(page, 'batch-refused');

      const report = page.waitForEvent('download');
      await page.getByRole('button', { name: '下载标注错误的费用单据文件（CSV）' }).click();
      const reportFile = await report;
      const annotated = readFileSync((await reportFile.path())!, 'utf8');
      const lines = annotated.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
      assert.match(lines[0]!, /,错误说明$/);
      assert.match(lines[2]!, /^m04-2,.*2023-02-30.*就诊日期“2023-02-30”：/);
      assert.match(lines[1]!, /,$/, 'a good row carries no error');

      // The clerk corrects the date in the report itself and uploads it.
      const fixed = annotated.replace('2023-02-30', med.claims[1]!.date!);
      await page.setInputFiles('#batch-claims', { name: 'claims-fixed.csv', mimeType: 'text/csv', buffer: Buffer.from(fixed) });
      await page.getByRole('button', { name: '上传并结算' }).click();
      const result = page.locator('section[aria-labelledby="result-title"]');
      await result.waitFor();
      assert.match(await result.locator('.batch-result').innerText(), /本批 3 张单据：新结算 3 张，已结算过 0 张/);
      for (const want of med.expected.bills) {
        const row = result.locator('tbody tr', { has: page.getByRole('cell', { name: want.claim_id, exact: true }) });
        const cells = (await row.locator('td').allInnerTexts()).map((t) => t.trim());
        // The list masks the identity number; the downloaded file does not.
        assert.deepEqual(cells, [want.claim_id, maskResidentId(want.person_id!), want.pooling, want.assistance, want.assistance_tilt, want.account_paid, want.cash_paid]);
      }
      await accessible(page, 'batch settled');
      if (shots) await screenshot(page, 'batch-settled');

      const bills = page.waitForEvent('download');
      await page.getByRole('button', { name: '下载结算单（Excel）' }).click();
      const billsFile = await bills;
      assert.match(billsFile.suggestedFilename(), /^结算单-.*\.xlsx$/);
      assert.equal(readFileSync((await billsFile.path())!).subarray(0, 2).toString('latin1'), 'PK');

      // Uploading the same file again settles nothing twice.
      await page.getByRole('button', { name: '上传并结算' }).click();
      await page.getByText('本批 3 张单据：新结算 0 张，已结算过 3 张').waitFor();
    } finally {
      await platform.close();
    }
  });

  test('persons found by identity number, masked in the list; push list and fund ledger', async () => {
    // med-11: 低保 inpatient, eligible 28000-18000 = 10000 x 70% = 7000 assistance.
    const med = example('med-11');
    const other = example('med-01').persons[0]!;
    const platform = await startPlatform(db.dialect);
    try {
      const person = med.persons[0]!;
      const want = med.expected.bills[0]!;
      assert.equal((await post(platform, '/api/medical/persons', { ...person, name: '李四' })).status, 200);
      assert.equal((await post(platform, '/api/medical/persons', { ...other, name: '张三' })).status, 200);
      assert.equal((await post(platform, '/api/medical/claims', med.claims[0])).status, 201);

      await page.goto(`${platform.url}/medical/persons`);
      await settled(page);
      await page.getByLabel('身份证号', { exact: true }).fill('2303');
      await page.getByRole('button', { name: /查\s?询/ }).click();
      await page.getByText('共 2 人').waitFor();
      const table = await page.locator('.ant-table-tbody').innerText();
      assert.ok(table.includes('230304********0026') && table.includes('李*'), 'masked id and name');
      assert.ok(!table.includes(person.person_id!) && !table.includes('李四'), 'no full id or name in the list');
      await accessible(page, 'persons');
      if (shots) await screenshot(page, 'persons');

      await page.getByLabel('身份证号', { exact: true }).fill(person.person_id!);
      await page.getByRole('button', { name: /查\s?询/ }).click();
      await page.waitForURL(`${platform.url}/medical/persons/${person.person_id}`);
      await settled(page);
      assert.equal(await page.locator('h2').first().innerText(), '李四');
      const body = await page.locator('main').innerText();
      assert.match(body, /城乡居民医保/);
      assert.match(body, /低保对象（2022-01-01 至 今）/);
      assert.match(body, /没有个人账户/);
      assert.match(body, /医疗救助已支付\s+7000\.00 元/);

      await page.goto(`${platform.url}/medical/lists?year=2023`);
      await settled(page);
      const pushed = med.expected.push_list.map((p) => p.person_id);
      assert.deepEqual(pushed, [person.person_id]);
      assert.ok(await page.getByRole('link', { name: '查看参保人 230304********0026' }).isVisible());
      const exported = page.waitForEvent('download');
      await page.getByRole('button', { name: '导出 Excel' }).click();
      assert.equal((await exported).suggestedFilename(), '推送名单-2023.xlsx');
      await accessible(page, 'push list');
      if (shots) await screenshot(page, 'lists');
      await page.getByRole('tab', { name: '重点监测名单' }).click();
      await settled(page);
      await accessible(page, 'watch list');

      // The fund: 滴道区 (230304) certified the recipient; budget 5000.00
      // against 7000.00 spent is 2000.00 over.
      await page.goto(`${platform.url}/medical/fund?year=2023`);
      await settled(page);
      const form = page.locator('form[id="budget"]');
      await form.getByLabel('区县').click();
      await page.locator('.ant-select-item-option', { hasText: '滴道区' }).click();
      await form.getByLabel('预算（元）').fill('5000.00');
      await form.getByRole('button', { name: /保\s?存/ }).click();
      await page.getByText('已设定 2023 年滴道区预算 5000.00 元').waitFor();
      await settled(page);
      const row = page.locator('.fund-table tbody tr', { hasText: '滴道区' });
      assert.deepEqual(
        (await row.locator('td').allInnerTexts()).map((t) => t.trim()),
        ['滴道区', '5000.00', want.assistance, '1', '超出预算 2000.00 元'],
      );
      assert.ok(await page.locator('.chart svg').count() > 0, 'the chart is drawn');
      await accessible(page, 'fund');
      if (shots) await screenshot(page, 'fund');
    } finally {
      await platform.close();
    }
  });

  test('依申请救助 (D4 §14) from the person page: preview, then apply', async () => {
    // A resident without categories, two claims settled with no assistance;
    // recognised as 因病致贫重病患者 on 2024-03-15. 2023 deductible 5000:
    // b (25000 - 15000 = 10000 eligible) (10000 - 5000) x 60% = 3000;
    // c (3000 - 1500 = 1500) 1500 x 60% = 900; 3900 in all.
    const platform = await startPlatform(db.dialect);
    try {
      const personId = '230306196811110049';
      assert.equal((await post(platform, '/api/medical/persons', { person_id: personId, scheme: 'resident', name: '王五' })).status, 200);
      for (const [id, date, kind, scope, basic] of [
        ['rb', '2023-06-10', 'inpatient', '25000.00', '15000.00'],
        ['rc', '2023-11-20', 'chronic', '3000.00', '1500.00'],
      ] as const) {
        const claim = {
          claim_id: id, person_id: personId, date, kind, level: '2', place: 'city', referral: 'yes', resident_elsewhere: 'no',
          emergency: 'no', exclusion: '', total: scope, policy_scope: scope, basic_paid: basic, critical_paid: '0.00',
        };
        assert.equal((await post(platform, '/api/medical/claims', claim)).status, 201);
      }

      await page.goto(`${platform.url}/medical/persons/${personId}`);
      await settled(page);
      await page.getByLabel('申请日期').fill('2024-03-15');
      await page.getByLabel('认定文书').fill('城子河区认定书〔2024〕3号');
      await page.getByRole('button', { name: '预览追溯救助' }).click();
      await page.getByText('预览（尚未办理）').waitFor();
      assert.match(await page.getByRole('status').filter({ hasText: '追溯期' }).innerText(), /2023-03-15 至 2024-03-15.*3900\.00 元/s);
      await accessible(page, 'person with retroactive preview');
      const previewed = (await getJson(platform, `/api/medical/persons/${personId}/bills?year=2023`)).json as Array<{ kind: string }>;
      assert.equal(previewed.filter((b) => b.kind === 'retroactive').length, 0, 'a preview stores nothing');

      await page.getByRole('button', { name: /^办\s?理$/ }).click();
      await page.getByText(/^已办理/).waitFor();
      await settled(page);
      const bills = (await getJson(platform, `/api/medical/persons/${personId}/bills?year=2023`)).json as Array<{ kind: string; assistance: string }>;
      assert.deepEqual(bills.filter((b) => b.kind === 'retroactive').map((b) => b.assistance), ['3000.00', '900.00']);
      await page.getByText('依申请追溯救助').first().waitFor();
    } finally {
      await platform.close();
    }
  });
});
