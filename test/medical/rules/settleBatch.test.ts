/** settleBatch: order of settlement, carried state, the caller's input untouched. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { settleBatch, type PersonState } from '../../../src/medical/rules/index.ts';
import { baseline, claim, employee } from './build.ts';

describe('settleBatch', () => {
  const person = employee();

  test('claims out of order: settled by date, ties in input order', () => {
    const claims = [
      claim(person, { claimId: 'late', date: '2023-05-01', level: 1, total: '1000.00' }),
      claim(person, { claimId: 'tie-a', date: '2023-02-01', level: 1, total: '400.00' }),
      claim(person, { claimId: 'tie-b', date: '2023-02-01', level: 1, total: '400.00' }),
    ];
    const { bills } = settleBatch([person], claims, baseline);
    assert.deepEqual(bills.map((b) => b.claimId), ['tie-a', 'tie-b', 'late']);
    // 400 deductible; then 200 deductible + 200 x 70% = 140; then 1000 x 70% = 700
    assert.deepEqual(bills.map((b) => b.pooling), [0, 14_000, 70_000]);
  });

  test('opening states are read, not changed; the result carries the new ones', () => {
    const opening = new Map<string, PersonState>([[person.personId, Object.freeze({ account: 50_000, accumulators: null })]]);
    const { bills, states } = settleBatch([person], [claim(person, { total: '1600.00' })], baseline, { states: opening });
    assert.equal(bills[0]!.accountPaid, 50_000);
    assert.deepEqual(opening.get(person.personId), { account: 50_000, accumulators: null });
    assert.equal(states.get(person.personId)!.account, 0);
  });

  test('only the persons with claims in the batch are in the result states', () => {
    const other = { ...employee(), personId: 'p-other' };
    const opening = new Map<string, PersonState>([[other.personId, { account: 1, accumulators: null }]]);
    const { states } = settleBatch([person, other], [claim(person)], baseline, { states: opening });
    assert.deepEqual([...states.keys()], [person.personId]);
  });

  test('a claim of a person not in the batch, refused', () => {
    const stranger = { ...claim(person), personId: 'nobody' };
    assert.throws(() => settleBatch([person], [stranger], baseline), { code: 'ERR_MEDICAL_PERSON_UNKNOWN' });
  });
});

describe('bill notes', () => {
  test('in layer, then article, then code order, whatever order the rules were loaded in', () => {
    const person = employee();
    // 4000 at a level-1 hospital: (4000 - 600) x 70% = 2380, held to the 2000 annual cap.
    const { bills } = settleBatch([person], [claim(person, { level: 1, total: '4000.00' })], baseline);
    const notes = bills[0]!.notes;
    assert.equal(bills[0]!.pooling, 200_000);
    assert.ok(notes.some((n) => n.code === 'annual_cap_reached'), 'the cap note is there');
    const ARTICLE_RANK = ['D5 §7(1)', 'D5 §10'];
    const pooling = notes.filter((n) => n.layer === 'pooling').map((n) => n.article);
    assert.deepEqual(pooling, [...pooling].sort((a, b) => ARTICLE_RANK.indexOf(a) - ARTICLE_RANK.indexOf(b)));
    const layers = notes.map((n) => ['pooling', 'assistance', 'account'].indexOf(n.layer));
    assert.deepEqual(layers, [...layers].sort((a, b) => a - b));
  });
});
