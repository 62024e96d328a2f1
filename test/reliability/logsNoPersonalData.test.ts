/**
 * No names or ID numbers in the logs: a settlement request (and its
 * repeats and mistakes) in a child process with the real logger at level
 * debug; every byte it writes to stdout is searched.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';

const ROOT = join(import.meta.dirname, '..', '..');
// A valid resident ID (check character computed by GB 11643) and a name.
const PERSON = '230304197705200026';
const NAME = '张三丰';

test('a settlement request and its errors, the logs hold neither the ID number nor the name', () => {
  const child = spawnSync(process.execPath, ['--import', 'tsx', 'test/reliability/fixtures/logProbe.ts', PERSON, NAME], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'debug' },
    timeout: 120_000,
  });
  assert.equal(child.status, 0, child.stderr);

  const statuses = JSON.parse(child.stderr.trim().split('\n').at(-1)!) as number[];
  // Registered, settled, the same bill again, refused input, found, found
  // nothing, refused role, refused date.
  assert.equal(statuses[0], 200);
  assert.ok([200, 201].includes(statuses[1]!), `settled: ${statuses[1]}`);
  assert.equal(statuses[3], 400);
  assert.equal(statuses[6], 403);

  const log = child.stdout;
  assert.ok(log.split('\n').filter(Boolean).length >= 8, 'the probe wrote its request logs');
  assert.ok(!log.includes(PERSON), 'an ID number in the log');
  assert.ok(!log.includes(PERSON.slice(6, 14) + PERSON.slice(14)), 'the birth date and sequence of the ID in the log');
  assert.ok(!log.includes(NAME), 'a name in the log');
  assert.ok(!log.includes(encodeURIComponent(NAME)), 'an encoded name in the log');
});
