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

const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=1', `--test-timeout=${TIMEOUT_MS}`, '--test-reporter=spec', ...files],
  { stdio: 'inherit', env: { NODE_ENV: 'test', ...process.env } },
);
process.exit(result.status ?? 1);
