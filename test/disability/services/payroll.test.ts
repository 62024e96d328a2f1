/**
 * Register → applications → monthly payroll on both databases. Amounts are
 * the shipped placeholders: living 100.00; care 100.00 (grade 1), 80.00 (grade 2).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { createApplication, stepApplication } from '../../../src/disability/services/applications.ts';
import { payrollLines } from '../../../src/disability/services/payrollLines.ts';
import { runPayroll } from '../../../src/disability/services/payroll.ts';
import { addRecord, changeHousehold, registerPerson } from '../../../src/disability/services/register.ts';
import type { PlatformContext } from '../../../src/platform/context.ts';
import { describeEachDatabase } from '../../helpers/db.ts';

const CLERK = { user: 'clerk1', role: 'disabled_federation' };

describeEachDatabase('disability payroll service', (database) => {
  let ctx: PlatformContext;
  let a: string;
  let b: string;

  before(async () => {
    ctx = await database.open();
    // 230302198503150018: 肢体 1级, 低保 family; 230303195601010214: 视力 2级, no status.
    a = (await registerPerson(ctx, { residentId: '230302198503150018', name: '张甲', county: '230302', cardNumber: '23030219850315001841', household: 'dibao', householdFrom: '2023-01-01' }, CLERK)).person.id;
    b = (await registerPerson(ctx, { residentId: '230303195601010214', name: '李乙', county: '230303', cardNumber: '23030319560101021412', household: 'none', householdFrom: '2023-01-01' }, CLERK)).person.id;
    for (const [person, subsidy] of [[a, 'living'], [a, 'care'], [b, 'care']] as const) {
      const app = await createApplication(ctx, { personId: person, subsidy, receivedOn: '2024-03-04' }, CLERK);
      await stepApplication(ctx, app.id, 'review', { on: '2024-03-06' }, CLERK);
      await stepApplication(ctx, app.id, 'approve', { on: '2024-03-08' }, CLERK);
    }
  });
  after(async () => ctx.close());

  test('March 2024, three lines: 100 + 100 for the grade-1 低保 person, 80 for grade 2; 280.00 in all', async () => {
    const summary = await runPayroll(ctx, '2024-03', CLERK);
    assert.equal(summary.amountYuan, '280.00');
    assert.equal(summary.persons, 2);
    assert.deepEqual(summary.totals.map((t) => [t.county, t.countyName, t.amountYuan]), [['230302', '鸡冠区', '200.00'], ['230303', '恒山区', '80.00']]);
    assert.deepEqual(summary.changes, { new: 3, continued: 0, changed: 0, stopped: 0 });
  });

  test('March again, nothing recomputed and the same totals', async () => {
    await changeHousehold(ctx.store.db, a, { status: 'none', from: '2024-03-20' }, CLERK);
    const again = await runPayroll(ctx, '2024-03', CLERK);
    assert.equal(again.rerun, true);
    assert.equal(again.amountYuan, '280.00');
    const lines = await ctx.store.db.selectFrom('disability_payroll_line').select('id').where('month', '=', '2024-03').execute();
    assert.equal(lines.length, 3);
  });

  test('April after leaving 低保 on 03-20: living stopped (not 低保), grant ended; care continues', async () => {
    const summary = await runPayroll(ctx, '2024-04', CLERK);
    assert.equal(summary.amountYuan, '180.00');
    assert.deepEqual(summary.changes, { new: 0, continued: 2, changed: 0, stopped: 1 });

    const { items } = await payrollLines(ctx, '2024-04', { status: 'stopped', limit: 10, offset: 0 }, { mask: true });
    assert.equal(items.length, 1);
    assert.equal(items[0]!.subsidy, 'living');
    assert.equal(items[0]!.previousAmountYuan, '100.00');
    assert.deepEqual(items[0]!.reasons.map((r) => r.code), ['not_dibao']);
    assert.equal(items[0]!.name, '张*');
    assert.equal(items[0]!.residentId, '230302********0018');

    const living = await ctx.store.db.selectFrom('disability_application').selectAll().where('person_id', '=', a).where('subsidy', '=', 'living').executeTakeFirstOrThrow();
    assert.equal(living.status, 'ended');
    assert.equal(living.ended_on, '2024-04-01');
  });

  test('May after the grade-2 person died on 04-15: care stopped as deceased; only 100.00 left', async () => {
    await addRecord(ctx.store.db, b, { kind: 'death', on: '2024-04-15' }, CLERK);
    const summary = await runPayroll(ctx, '2024-05', CLERK);
    assert.equal(summary.amountYuan, '100.00');
    const { items } = await payrollLines(ctx, '2024-05', { status: 'stopped', limit: 10, offset: 0 }, { mask: false });
    assert.deepEqual(items.map((l) => [l.name, l.subsidy, l.reasons[0]!.code]), [['李乙', 'care', 'deceased']]);
  });

  test('June: the April stop is not repeated; only continuing lines', async () => {
    const summary = await runPayroll(ctx, '2024-06', CLERK);
    assert.deepEqual(summary.changes, { new: 0, continued: 1, changed: 0, stopped: 0 });
  });

  test('running an earlier month after later ones, refused', async () => {
    await assert.rejects(runPayroll(ctx, '2024-01', CLERK), (e: { code?: string }) => e.code === 'ERR_DISABILITY_PAYROLL_ORDER');
  });
});
