/**
 * d1.s3_1_5.payroll_month on hand-made registers. Amounts: the shipped
 * placeholders (living 100.00; care 100.00 grade 1, 80.00 grade 2).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { payrollMonth, referenceDate, type PayrollPerson, type PreviousLine } from '../../src/disability/rules/payrollMonth.ts';
import { subsidyParameters } from '../../src/disability/rules/subsidyParameters.ts';
import type { Situation } from '../../src/disability/rules/types.ts';
import { loadParams } from '../../src/platform/context.ts';

const MONTH = '2024-05';
const REF = referenceDate(MONTH, 'first_day_of_month');

function params(overrides: Parameters<ReturnType<typeof loadParams>['withOverrides']>[0] = []) {
  const registry = loadParams().withOverrides(overrides);
  return (county: string) => {
    const r = subsidyParameters(registry, county, REF);
    assert.ok(r.ok);
    return r.value;
  };
}

function person(id: string, county: string, s: Partial<Situation>, grants: PayrollPerson['grants']): PayrollPerson {
  return {
    personId: id,
    county,
    situation: {
      county, category: 'physical', grade: 1, household: 'dibao', benefits: new Set(), alive: true, resident: true, ...s,
    },
    grants,
  };
}

const both = (id: string, approvedOn = '2024-01-10') => [
  { applicationId: `${id}-l`, subsidy: 'living' as const, approvedOn, endedOn: null },
  { applicationId: `${id}-c`, subsidy: 'care' as const, approvedOn, endedOn: null },
];

describe('d1.s3_1_5.payroll_month', () => {
  test('低保 grade 1 and grade 2 not 低保, first month: 200.00 and 80.00, totals per county', () => {
    const result = payrollMonth({
      month: MONTH,
      referenceDate: REF,
      persons: [person('a', '230302', {}, both('a')), person('b', '230381', { grade: 2, household: 'none' }, both('b'))],
      previous: new Map(),
      paramsFor: params(),
    });

    const paid = result.lines.filter((l) => l.status === 'paid').map((l) => [l.personId, l.subsidy, l.amount, l.change]);
    assert.deepEqual(paid, [['a', 'living', 10000, 'new'], ['a', 'care', 10000, 'new'], ['b', 'care', 8000, 'new']]);
    assert.deepEqual(result.totals.map((t) => [t.county, t.persons, t.amount, t.living.persons, t.care.persons]), [
      ['230302', 1, 20000, 1, 1],
      ['230381', 1, 8000, 0, 1],
    ]);
    assert.equal(result.grandTotal.amount, 28000);
    assert.equal(result.grandTotal.persons, 2);
  });

  test('household left 低保 after last month, living stopped with reason, care continues, grant ends', () => {
    const previous = new Map<string, PreviousLine>([
      ['a:living', { county: '230302', amount: 10000, status: 'paid' }],
      ['a:care', { county: '230302', amount: 10000, status: 'paid' }],
    ]);
    const result = payrollMonth({
      month: MONTH, referenceDate: REF, previous, paramsFor: params(),
      persons: [person('a', '230302', { household: 'none' }, both('a'))],
    });

    const living = result.lines.find((l) => l.subsidy === 'living')!;
    assert.equal(living.status, 'stopped');
    assert.equal(living.previousAmount, 10000);
    assert.deepEqual(living.reasons.map((r) => r.code), ['not_dibao']);
    assert.equal(result.lines.find((l) => l.subsidy === 'care')!.change, 'continued');
    assert.deepEqual(result.endedGrants, [{ applicationId: 'a-l', endedOn: REF, reasons: ['not_dibao'] }]);
    assert.equal(result.totals[0]!.living.stopped, 1);
  });

  test('died last month, both stopped as deceased', () => {
    const previous = new Map<string, PreviousLine>([
      ['a:living', { county: '230302', amount: 10000, status: 'paid' }],
      ['a:care', { county: '230302', amount: 10000, status: 'paid' }],
    ]);
    const result = payrollMonth({
      month: MONTH, referenceDate: REF, previous, paramsFor: params(),
      persons: [person('a', '230302', { alive: false }, both('a'))],
    });
    assert.deepEqual(result.lines.map((l) => [l.subsidy, l.status, l.reasons.map((r) => r.code).join()]), [
      ['living', 'stopped', 'deceased'],
      ['care', 'stopped', 'deceased'],
    ]);
    assert.equal(result.grandTotal.amount, 0);
  });

  test('approved this month with payment from the following month, nothing yet', () => {
    const result = payrollMonth({
      month: MONTH, referenceDate: REF, previous: new Map(),
      paramsFor: params([{ id: 'disability.d1.s3_1_5.payment_start', value: 'month_after_approval' }]),
      persons: [person('a', '230302', {}, both('a', '2024-05-20'))],
    });
    assert.deepEqual(result.lines, []);
  });

  test('standard raised from this month, continuing line marked changed with the old amount', () => {
    const previous = new Map<string, PreviousLine>([['a:care', { county: '230302', amount: 10000, status: 'paid' }]]);
    const result = payrollMonth({
      month: MONTH, referenceDate: REF, previous,
      paramsFor: params([{ id: 'disability.d1.s3_1_5.care_monthly_grade_1', value: '120', from: '2024-05-01' }]),
      persons: [person('a', '230302', { household: 'none' }, [both('a')[1]!])],
    });
    assert.deepEqual(result.lines.map((l) => [l.change, l.amount, l.previousAmount]), [['changed', 12000, 10000]]);
  });

  test('paid last month but gone from the register, stopped as no longer registered', () => {
    const previous = new Map<string, PreviousLine>([['z:care', { county: '230303', amount: 8000, status: 'paid' }]]);
    const result = payrollMonth({ month: MONTH, referenceDate: REF, previous, paramsFor: params(), persons: [] });
    assert.deepEqual(result.lines.map((l) => [l.personId, l.county, l.status, l.reasons[0]!.code]), [['z', '230303', 'stopped', 'no_grant']]);
  });

  test('same input twice, the same payroll', () => {
    const input = () => ({
      month: MONTH, referenceDate: REF, previous: new Map<string, PreviousLine>(), paramsFor: params(),
      persons: [person('a', '230302', {}, both('a'))],
    });
    assert.deepEqual(payrollMonth(input()), payrollMonth(input()));
  });
});
