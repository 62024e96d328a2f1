/**
 * Every worked case of ../shared/examples/medical/cases.json through the
 * batch command: persons and claims written as CSV, settled, and the bill
 * file, the push list and the final account balances compared with the
 * case as it is: all through the command function on each database, and
 * three through the real `node bin/jixi.js` process on an in-memory store.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';

import { formatYuan } from '../../../src/core/money.ts';
import { readTableFile } from '../../../src/io/table.ts';
import { ROOT } from '../../../src/platform/context.ts';
import { runSettleCommand } from '../../../src/medical/commands/settle.ts';
import { BILL_COLUMNS, PUSH_LIST_COLUMNS } from '../../../src/medical/services/views.ts';
import { describeEachDatabase } from '../../helpers/db.ts';
import { caseCsv, expectedColumns, loadCases, paramArgs, tempDir, type ExampleCase } from '../services/cases.ts';

const run = promisify(execFile);

async function writeCase(c: ExampleCase) {
  const dir = tempDir(c.id);
  const files = await caseCsv(c);
  const paths = {
    persons: join(dir, 'persons.csv'),
    claims: join(dir, 'claims.csv'),
    out: join(dir, 'bills.csv'),
    pushList: join(dir, 'push.csv'),
  };
  writeFileSync(paths.persons, files.persons);
  writeFileSync(paths.claims, files.claims);
  return paths;
}

async function readOutputs(paths: { out: string; pushList: string }) {
  const bills = await readTableFile(paths.out, BILL_COLUMNS);
  const push = await readTableFile(paths.pushList, PUSH_LIST_COLUMNS);
  return {
    bills: bills.rows.map((r) => r.values),
    push: push.rows.map((r) => ({ person_id: r.values.person_id!, year: Number(r.values.year) })),
  };
}

function assertBills(c: ExampleCase, bills: Array<Record<string, string>>) {
  assert.equal(bills.length, c.expected.bills.length, `${c.id}: number of bills`);
  const byClaim = new Map(bills.map((b) => [b.claim_id, b]));
  for (const expected of c.expected.bills) {
    const got = byClaim.get(expected.claim_id!);
    assert.ok(got, `${c.id}: bill of ${expected.claim_id}`);
    assert.deepEqual(expectedColumns(got), expectedColumns(expected), `${c.id} ${expected.claim_id}: ${c.note ?? c.title}`);
  }
}

/** A person's balance after the run: the last bill's account_after. */
function balancesFromBills(c: ExampleCase, bills: Array<Record<string, string>>) {
  const result: Record<string, string> = {};
  for (const id of Object.keys(c.expected.account_balance_after)) {
    const own = bills.filter((b) => b.person_id === id);
    result[id] = own.at(-1)?.account_after ?? '0.00';
  }
  return result;
}

const cases = loadCases();

describeEachDatabase('jixi medical settle, worked cases', (db) => {
  for (const c of cases) {
    test(`${c.id} ${c.title}, bills, push list and balances as worked`, async () => {
      const ctx = await db.open();
      try {
        const paths = await writeCase(c);
        await runSettleCommand(ctx, { ...paths, param: paramArgs(c), progress: false, quiet: true });

        const out = await readOutputs(paths);
        assertBills(c, out.bills);
        assert.deepEqual(out.push, c.expected.push_list, `${c.id}: push list`);

        const balances: Record<string, string> = {};
        for (const id of Object.keys(c.expected.account_balance_after)) {
          const account = await ctx.store.db.selectFrom('medical_account').select('balance').where('person_id', '=', id).executeTakeFirst();
          balances[id] = formatYuan(account ? Number(account.balance) : 0);
        }
        assert.deepEqual(balances, c.expected.account_balance_after, `${c.id}: balances`);
      } finally {
        await ctx.close();
      }
    });
  }
});

// A process costs seconds; the function above already covers every case,
// so the real process runs the cases that use each payer: pooling and the
// account (med-01), assistance with tilt and the push list (med-17), and
// pooling, assistance and the account together (med-20).
const SPAWNED = ['med-01', 'med-17', 'med-20'];

test('node bin/jixi.js medical settle --db :memory:, pooling, tilt and account cases as worked', async () => {
  const pending = cases.filter((c) => SPAWNED.includes(c.id));
  assert.equal(pending.length, SPAWNED.length);
  const worker = async () => {
    for (let c = pending.shift(); c; c = pending.shift()) {
      const paths = await writeCase(c);
      await run(process.execPath, [
        join(ROOT, 'bin', 'jixi.js'), 'medical', 'settle',
        '--persons', paths.persons, '--claims', paths.claims,
        '--out', paths.out, '--push-list', paths.pushList,
        '--db', ':memory:', '--no-progress',
        ...paramArgs(c).flatMap((p) => ['--param', p]),
      ], { cwd: ROOT, env: { ...process.env, LOG_LEVEL: 'silent' } });

      const out = await readOutputs(paths);
      assertBills(c, out.bills);
      assert.deepEqual(out.push, c.expected.push_list, `${c.id}: push list`);
      assert.deepEqual(balancesFromBills(c, out.bills), c.expected.account_balance_after, `${c.id}: balances`);
    }
  };
  await Promise.all([worker(), worker()]);
});
