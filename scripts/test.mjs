#!/usr/bin/env node
// Runs every test file under test/ with Node's own test runner (tsx loads
// TypeScript). Node 20's runner does not expand globs, so we list the files.
// Arguments narrow the run: `npm test -- medical` runs paths containing it.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

function find(dir) {
  const out = [];
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) out.push(...find(path));
    else if (/\.test\.ts$/.test(entry)) out.push(path);
  }
  return out;
}

// A test that hangs fails after this long instead of stalling the run.
const TIMEOUT_MS = Number(process.env.TEST_TIMEOUT_MS ?? 300_000);

const filters = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const browser = process.env.TEST_BROWSER !== '0';
const files = find('test').filter(
  (f) => (filters.length === 0 || filters.some((x) => f.includes(x))) && (browser || !f.includes('/browser/')),
);
if (files.length === 0) {
  console.error('no test files matched');
  process.exit(1);
}

// Two files at a time (the machine has two cores and most tests wait on a
// database); the browser tests one at a time, after the others.
const CONCURRENCY = Number(process.env.TEST_CONCURRENCY ?? 2);

function run(group, concurrency) {
  if (group.length === 0) return 0;
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, `--test-timeout=${TIMEOUT_MS}`, '--test-reporter=spec', ...group],
    { stdio: 'inherit', env: { NODE_ENV: 'test', ...process.env } },
  );
  return result.status ?? 1;
}

const inBrowser = (f) => f.includes('/browser/');
const status = run(files.filter((f) => !inBrowser(f)), CONCURRENCY) || 0;
const browserStatus = run(files.filter(inBrowser), 1);
process.exit(status || browserStatus);
