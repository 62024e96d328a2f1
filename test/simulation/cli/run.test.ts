/**
 * `npx jixi simulation run --scenario FILE.yaml --year 2023 --out FILE.xlsx`
 * through the real process, on a SQLite file holding the small
 * demonstration set: the workbook written, the summary printed, the same
 * file run twice stored as one scenario; a bad file refused with its
 * problems and exit code 1.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';

import ExcelJS from 'exceljs';

import { createLogger } from '../../../src/core/logger.ts';
import { seedCreditDemo } from '../../../src/credit/demo/seed.ts';
import { seedMedicalDemo } from '../../../src/medical/demo/seed.ts';
import { openContext, ROOT } from '../../../src/platform/context.ts';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'jixi-sim-cli-'));
const database = `sqlite:${join(dir, 'jixi.db')}`;

function jixi(...args: string[]) {
  return run(process.execPath, [join(ROOT, 'bin', 'jixi.js'), '--db', database, ...args], { cwd: ROOT, env: { ...process.env, LOG_LEVEL: 'silent' } });
}

before(async () => {
  const ctx = await openContext({ databaseUrl: database, logger: createLogger({ level: 'silent' }) });
  await seedMedicalDemo(ctx, { size: 'small' });
  await seedCreditDemo(ctx, { size: 'small' });
  await ctx.close();
  writeFileSync(join(dir, 'cap.yaml'), [
    'name: 门诊统筹年度限额提高到3000元',
    'purpose: 测算基金支出',
    'author: 市医保局',
    'changes:',
    '  - id: medical.d5.art7_1.annual_cap',
    '    value: "3000.00"',
    '    from: 2023-01-01',
    '',
  ].join('\n'));
  writeFileSync(join(dir, 'cutoffs.yaml'), [
    'name: 降低B、C级分数线',
    'purpose: 测算等级分布',
    'author: 市发改委',
    'changes:',
    '  - id: credit.d2.part2_2_2.grade_cutoffs',
    '    from: 2023-01-01',
    '    value:',
    '      - { grade: A, min: 850 }',
    '      - { grade: B, min: 760 }',
    '      - { grade: C, min: 700 }',
    '      - { grade: D, min: 670 }',
    '      - { grade: E, min: 0 }',
    '',
  ].join('\n'));
  writeFileSync(join(dir, 'bad.yaml'), 'name: 缺项\nchanges:\n  - id: medical.d5.art7_1.annual_cap\n    value: many\n');
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('scenario file over 2023, workbook written and the change printed', async () => {
  const out = join(dir, 'cap.xlsx');
  const { stdout } = await jixi('simulation', 'run', '--scenario', join(dir, 'cap.yaml'), '--year', '2023', '--out', out);
  assert.match(stdout, /测算方案：门诊统筹年度限额提高到3000元（2023年，医保）/);
  assert.match(stdout, /医保·职工普通门诊统筹：\d+\.\d\d → \d+\.\d\d/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(out);
  assert.ok(workbook.getWorksheet('成本明细')!.rowCount > 1);
});

test('a credit file with a table value, not saved: grades only rise, the distribution per sector in the workbook', async () => {
  const out = join(dir, 'cutoffs.xlsx');
  const { stdout } = await jixi('simulation', 'run', '--scenario', join(dir, 'cutoffs.yaml'), '--year', '2023', '--out', out, '--no-save');
  assert.match(stdout, /测算方案：降低B、C级分数线（2023年，信用）/);
  assert.match(stdout, /信用：等级上升 [1-9]\d*，等级下降 0/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(out);
  assert.ok(workbook.getWorksheet('信用·分行业等级分布')!.rowCount > 5);
});

test('the same file run again is one scenario with two runs', async () => {
  await jixi('simulation', 'run', '--scenario', join(dir, 'cap.yaml'), '--year', '2023', '--out', join(dir, 'again.xlsx'));
  const ctx = await openContext({ databaseUrl: database, logger: createLogger({ level: 'silent' }) });
  try {
    const scenarios = await ctx.store.db.selectFrom('simulation_scenario').select('id').execute();
    const runs = await ctx.store.db.selectFrom('simulation_run').select('id').execute();
    assert.equal(scenarios.length, 1);
    assert.equal(runs.length, 2);
  } finally {
    await ctx.close();
  }
});

test('a file without purpose and author and with a bad value, refused with each problem, exit code 1', async () => {
  await assert.rejects(jixi('simulation', 'run', '--scenario', join(dir, 'bad.yaml'), '--year', '2023', '--out', join(dir, 'bad.xlsx')), (error: { code: number; stderr: string }) => {
    assert.equal(error.code, 1);
    assert.match(error.stderr, /ERR_SIMULATION_SCENARIO_INVALID/);
    assert.match(error.stderr, /purpose: 请填写测算目的/);
    assert.match(error.stderr, /author: 请填写编制人/);
    assert.match(error.stderr, /changes\[0\]\.value = "many"/);
    return true;
  });
});
