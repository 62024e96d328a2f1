/**
 * Every worked case of medical/cases.json, settled as a batch and compared
 * field by field with the expected bills, push list and balances.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { formatYuan } from '../../../src/core/money.ts';
import { settleBatch } from '../../../src/medical/rules/index.ts';
import { caseParams, openingStates, readExample, toClaim, toPerson, type MedicalCase } from './examples.ts';

const { cases } = readExample<{ cases: MedicalCase[] }>('cases.json');

describe('medical worked cases (cases.json)', () => {
  test('the file holds the twenty cases', () => {
    assert.equal(cases.length, 20);
  });

  for (const c of cases) {
    test(`${c.id} ${c.title} (${c.articles.join(', ')})`, () => {
      const opening = openingStates(c.persons);
      const result = settleBatch(c.persons.map(toPerson), c.claims.map(toClaim), caseParams(c.parameters), {
        states: opening,
      });

      const bills = result.bills.map((b) => ({
        claim_id: b.claimId,
        person_id: b.personId,
        pooling: formatYuan(b.pooling),
        assistance: formatYuan(b.assistance),
        assistance_tilt: formatYuan(b.assistanceTilt),
        account_paid: formatYuan(b.accountPaid),
        cash_paid: formatYuan(b.cashPaid),
      }));
      assert.deepEqual(bills, c.expected.bills, c.note);

      const push = result.pushList.map((p) => ({ person_id: p.personId, year: p.year }));
      assert.deepEqual(push, c.expected.push_list, 'push list (D4 §13)');

      const balances = Object.fromEntries(
        Object.keys(c.expected.account_balance_after).map((id) => [id, formatYuan((result.states.get(id) ?? opening.get(id)!).account)]),
      );
      assert.deepEqual(balances, c.expected.account_balance_after, 'account balances after');
    });
  }
});
