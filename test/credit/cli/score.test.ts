/**
 * `npx jixi credit score --entities FILE --records FILE --on DATE --out FILE`
 * on the worked cases: one row per entity, uscc,score,grade,category and
 * the points of every indicator; a bad file refused with its rows.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

import { readTable } from '../../../src/io/table.ts';
import { loadExamples, ROOT } from '../examples.ts';

const examples = loadExamples();
// Every case is evaluated on the same day, so one run scores them all.
const ON = examples.scores[0]!.evaluate_on;

function jixi(args: string[]) {
  return spawnSync(process.execPath, [join(ROOT, 'bin', 'jixi.js'), ...args], { encoding: 'utf8', env: { ...process.env, LOG_LEVEL: 'silent' } });
}

test('worked cases as files, the expected score, grade, category and points per indicator', async () => {
  assert.ok(examples.scores.every((c) => c.evaluate_on === ON));
  const dir = mkdtempSync(join(tmpdir(), 'credit-cli-'));
  const entities = ['uscc,name,established', ...examples.scores.map((c) => `${c.entity.uscc},${c.entity.name},${c.entity.established}`)];
  const records = ['uscc,indicator,decided,until,status,window_years'];
  for (const c of examples.scores) {
    for (const r of c.records) records.push([c.entity.uscc, r.indicator, r.decided, r.until ?? '', r.status ?? '', r.window_years ?? ''].join(','));
  }
  writeFileSync(join(dir, 'entities.csv'), entities.join('\n'));
  writeFileSync(join(dir, 'records.csv'), records.join('\n'));

  const run = jixi(['credit', 'score', '--entities', join(dir, 'entities.csv'), '--records', join(dir, 'records.csv'), '--on', ON, '--out', join(dir, 'out.csv'), '--no-progress']);
  assert.equal(run.status, 0, run.stderr + run.stdout);

  const indicators = Object.keys(examples.scores[0]!.expected.points);
  const out = await readTable(readFileSync(join(dir, 'out.csv')), 'csv', ['uscc', 'score', 'grade', 'category', ...indicators].map((name) => ({ name })));
  assert.deepEqual(out.problems, []);
  assert.equal(out.rows.length, examples.scores.length);
  for (const c of examples.scores) {
    const row = out.rows.find((r) => r.values.uscc === c.entity.uscc)!.values;
    assert.deepEqual(
      { score: Number(row.score), grade: row.grade, category: row.category },
      { score: c.expected.score, grade: c.expected.grade, category: c.expected.category },
      c.id,
    );
    assert.deepEqual(Object.fromEntries(indicators.map((k) => [k, Number(row[k])])), c.expected.points, c.id);
  }
});

test('a records file with a bad date and an unknown indicator, refused with rows; no output', () => {
  const dir = mkdtempSync(join(tmpdir(), 'credit-cli-'));
  const c = examples.scores[0]!;
  writeFileSync(join(dir, 'entities.csv'), `uscc,name,established\n${c.entity.uscc},${c.entity.name},${c.entity.established}\n`);
  writeFileSync(join(dir, 'records.csv'), `uscc,indicator,decided\n${c.entity.uscc},tax_arrears,2023-02-30\n${c.entity.uscc},flying,2023-01-01\n`);
  const run = jixi(['credit', 'score', '--entities', join(dir, 'entities.csv'), '--records', join(dir, 'records.csv'), '--on', ON, '--out', join(dir, 'out.csv'), '--no-progress']);
  assert.equal(run.status, 1);
  assert.match(run.stderr, /ERR_CREDIT_IMPORT_INVALID/);
  assert.match(run.stderr, /第 2 行 records:decided = "2023-02-30"/);
  assert.match(run.stderr, /第 3 行 records:indicator = "flying"/);
  assert.throws(() => readFileSync(join(dir, 'out.csv')));
});
