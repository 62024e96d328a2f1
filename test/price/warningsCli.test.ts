/**
 * `npx jixi price warnings …`, `incident`, `drill` against a SQLite file a
 * published level-3 warning was stored in through the services.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { createLogger } from '../../src/core/logger.ts';
import { openContext } from '../../src/platform/context.ts';
import { upsertItems } from '../../src/price/services/catalogue.ts';
import { proposeWarning, stepWarning } from '../../src/price/services/warnings.ts';
import { assertValidCap } from './capSchema.ts';

const dir = mkdtempSync(join(tmpdir(), 'jixi-price-warnings-'));
const db = `sqlite:${join(dir, 'price.db')}`;
let id = '';

function jixi(...args: string[]) {
  const result = spawnSync(process.execPath, ['bin/jixi.js', '--db', db, ...args], { encoding: 'utf8', env: { ...process.env, LOG_LEVEL: 'silent' } });
  assert.equal(result.status, 0, result.stderr);
  return result.stdout;
}

describe('npx jixi price warnings …', () => {
  before(async () => {
    const ctx = await openContext({ databaseUrl: db, logger: createLogger({ level: 'silent' }) });
    await upsertItems(ctx, [{ id: 'rice', name: '粳米', category: 'grain', unit: '元/500克', specification: '一级' }]);
    const w = await proposeWarning(ctx, { level: 3, title: '粳米价格异常上涨', items: ['rice'], areas: ['230302'], note: 'R1', at: '2022-09-15T09:00' }, { user: 'wang', role: 'price_office' });
    id = w.id;
    await stepWarning(ctx, id, 'approve', { at: '2022-09-15T10:00' }, { user: 'li', role: 'deputy_mayor' });
    await stepWarning(ctx, id, 'publish', { at: '2022-09-15T11:00' }, { user: 'zhao', role: 'emergency_bureau' });
    await ctx.close();
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('warnings list names the state and who acts next', () => {
    assert.match(jixi('price', 'warnings', 'list'), new RegExp(`${id}  较大（三级）  已发布  粳米价格异常上涨（鸡冠区）`));
  });

  test('warnings tasks --late: the two noon reports and two rosters not made by 2022-09-16 13:00', () => {
    const out = join(dir, 'tasks.csv');
    const text = jixi('price', 'warnings', 'tasks', id, '--as-of', '2022-09-16T13:00', '--late', '--out', out);
    // Five tasks (two rosters, two noon reports, the weekly round); nothing
    // done: the rosters of the 15th (due at publication 11:00) and
    // 16th (due 00:00), the affected county's reports due 12:00 on each day.
    assert.match(text, /任务 5 项，逾期 4 项/);
    const lines = readFileSync(out, 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    assert.equal(lines[0], '截止时间,状态,责任单位,任务,完成时间,条款,缺少,任务编号');
    assert.equal(lines.length, 5);
    assert.match(lines[2]!, /^2022-09-15T12:00:00\+08:00,overdue,鸡冠区价格主管部门,/);
  });

  test('warnings cap --out-dir writes the Alert as valid CAP 1.2', async () => {
    const out = join(dir, 'cap');
    assert.match(jixi('price', 'warnings', 'cap', id, '--out-dir', out), /23030000000000_20220915110000_1（Alert）/);
    const files = readdirSync(out);
    assert.deepEqual(files, ['23030000000000_20220915110000_1.xml']);
    await assertValidCap(readFileSync(join(out, files[0]!), 'utf8'));
  });

  test('drill: never drilled, due three years after the plan took effect', () => {
    assert.match(jixi('price', 'drill', '--as-of', '2024-01-01'), /下次最迟 2025-08-23，还有 600 天/);
  });
});
