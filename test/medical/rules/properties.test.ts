/**
 * Properties of the one-stop settlement over random persons and claims
 * (fast-check): amounts add up, nothing pays beyond the policy scope, caps
 * and deductibles hold in any order, and a year settled in several batches
 * gives the same bills as one.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import fc from 'fast-check';

import {
  CATEGORY_CODES,
  settleBatch,
  settleClaim,
  type Bill,
  type Claim,
  type Person,
  type PersonState,
} from '../../../src/medical/rules/index.ts';
import { baseline } from './build.ts';

const a2023 = baseline.on('2023-06-01').assistance!;
const p2023 = baseline.on('2023-06-01').pooling!;
const maxAssistanceDeductible = Math.max(...CATEGORY_CODES.map((c) => a2023.deductibleOf[c]));

const personArb = (id: string): fc.Arbitrary<Person> =>
  fc.record({
    personId: fc.constant(id),
    scheme: fc.constantFrom('employee' as const, 'resident' as const),
    employment: fc.constantFrom('in_service' as const, 'retired' as const, 'flexible' as const),
    categories: fc.array(
      fc.record({
        code: fc.constantFrom(...CATEGORY_CODES),
        from: fc.constantFrom(null, '2022-01-01', '2023-04-01'),
        to: fc.constantFrom(null, '2023-08-31'),
      }),
      { maxLength: 2 },
    ),
  }).map((p) => (p.scheme === 'resident' ? { ...p, employment: null } : p));

const dateArb = (years: readonly number[]) =>
  fc
    .record({ year: fc.constantFrom(...years), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 28 }) })
    .map(({ year, month, day }) => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);

const amountsArb = fc
  .record({
    total: fc.integer({ min: 0, max: 8_000_000 }),
    scopeShare: fc.integer({ min: 0, max: 100 }),
    basicShare: fc.integer({ min: 0, max: 100 }),
    criticalShare: fc.integer({ min: 0, max: 100 }),
  })
  .map(({ total, scopeShare, basicShare, criticalShare }) => {
    const policyScope = Math.floor((total * scopeShare) / 100);
    const basicPaid = Math.floor((policyScope * basicShare) / 100);
    const criticalPaid = Math.floor(((policyScope - basicPaid) * criticalShare) / 100);
    return { total, policyScope, basicPaid, criticalPaid };
  });

const claimArb = (personIds: readonly string[], years: readonly number[]) =>
  fc
    .record({
      personId: fc.constantFrom(...personIds),
      date: dateArb(years),
      kind: fc.constantFrom('outpatient' as const, 'chronic' as const, 'inpatient' as const),
      level: fc.constantFrom(1 as const, 2 as const, 3 as const),
      place: fc.constantFrom('city' as const, 'province' as const, 'outside' as const),
      referral: fc.boolean(),
      residentElsewhere: fc.boolean(),
      emergency: fc.boolean(),
      exclusion: fc.constantFrom(null, null, null, 'work_injury' as const, 'wellness' as const),
      primaryFirstVisit: fc.boolean(),
      amounts: amountsArb,
    })
    .map(({ amounts, ...rest }) => ({ ...rest, ...amounts }));

const IDS = ['p1', 'p2', 'p3'] as const;

function worldArb(years: readonly number[], maxClaims = 40) {
  return fc.record({
    persons: fc.tuple(personArb('p1'), personArb('p2'), personArb('p3')),
    accounts: fc.tuple(...IDS.map(() => fc.integer({ min: 0, max: 500_000 }))),
    claims: fc
      .array(claimArb(IDS, years), { maxLength: maxClaims })
      .map((cs) => cs.map((c, i): Claim => ({ claimId: `c${i}`, ...c }))),
  });
}

function openingStates(accounts: readonly number[]): Map<string, PersonState> {
  return new Map(IDS.map((id, i) => [id, { account: accounts[i]!, accumulators: null }]));
}

const RUNS = { numRuns: 150 };

describe('one-stop settlement properties', () => {
  test('amounts add up: basic + critical + pooling + assistance + account + cash = total, none negative', () => {
    fc.assert(
      fc.property(worldArb([2022, 2023, 2024]), ({ persons, accounts, claims }) => {
        const { bills } = settleBatch(persons, claims, baseline, { states: openingStates(accounts) });
        for (const b of bills) {
          const parts = [b.basicPaid, b.criticalPaid, b.pooling, b.assistance, b.accountPaid, b.cashPaid];
          assert.ok(parts.every((x) => Number.isSafeInteger(x) && x >= 0), b.claimId);
          assert.equal(parts.reduce((s, x) => s + x, 0), b.total, b.claimId);
          assert.ok(b.assistanceTilt >= 0 && b.assistanceTilt <= b.assistance, b.claimId);
          assert.equal(b.accountAfter, b.accountBefore - b.accountPaid);
        }
      }),
      RUNS,
    );
  });

  test('no bill pays more than its policy-scope amount from insurance, assistance and account', () => {
    fc.assert(
      fc.property(worldArb([2022, 2023, 2024]), ({ persons, accounts, claims }) => {
        const { bills } = settleBatch(persons, claims, baseline, { states: openingStates(accounts) });
        for (const b of bills) {
          assert.ok(b.basicPaid + b.criticalPaid + b.pooling + b.assistance + b.accountPaid <= b.policyScope, b.claimId);
          assert.ok(b.cashPaid >= b.total - b.policyScope, b.claimId);
        }
      }),
      RUNS,
    );
  });

  test('within a year, settled in any order, annual caps and deductibles hold per person', () => {
    fc.assert(
      fc.property(
        worldArb([2023], 30).chain((world) =>
          fc.shuffledSubarray(world.claims, { minLength: world.claims.length }).map((order) => ({ ...world, order })),
        ),
        ({ persons, accounts, order }) => {
          const states = openingStates(accounts);
          const byId = new Map(persons.map((p) => [p.personId, p]));
          const paid = new Map<string, { pooling: number; assistance: number }>();
          for (const c of order) {
            const bill = settleClaim(byId.get(c.personId)!, c, states.get(c.personId)!, baseline);
            states.set(c.personId, { account: bill.accountAfter, accumulators: bill.accumulatorsAfter });
            const sums = paid.get(c.personId) ?? { pooling: 0, assistance: 0 };
            sums.pooling += bill.pooling;
            sums.assistance += bill.assistance;
            paid.set(c.personId, sums);
          }
          for (const [id, sums] of paid) {
            const acc = states.get(id)!.accumulators!;
            assert.ok(sums.pooling <= p2023.annualCap, `${id} pooling ${sums.pooling}`);
            assert.ok(sums.assistance <= a2023.annualCap, `${id} assistance ${sums.assistance}`);
            assert.ok(acc.poolingDeductible <= p2023.deductible);
            assert.ok(acc.assistanceDeductible <= maxAssistanceDeductible);
            assert.equal(acc.poolingPaid, sums.pooling);
            assert.equal(acc.assistancePaid, sums.assistance);
          }
        },
      ),
      RUNS,
    );
  });

  test('across years, shuffled input to a batch: caps hold per person and year', () => {
    fc.assert(
      fc.property(
        worldArb([2023, 2024]).chain((world) =>
          fc.shuffledSubarray(world.claims, { minLength: world.claims.length }).map((claims) => ({ ...world, claims })),
        ),
        ({ persons, accounts, claims }) => {
          const { bills } = settleBatch(persons, claims, baseline, { states: openingStates(accounts) });
          const sums = new Map<string, { pooling: number; assistance: number }>();
          for (const b of bills) {
            const key = `${b.personId}|${b.date.slice(0, 4)}`;
            const s = sums.get(key) ?? { pooling: 0, assistance: 0 };
            s.pooling += b.pooling;
            s.assistance += b.assistance;
            sums.set(key, s);
          }
          for (const [key, s] of sums) {
            assert.ok(s.pooling <= p2023.annualCap, key);
            assert.ok(s.assistance <= a2023.annualCap, key);
          }
        },
      ),
      RUNS,
    );
  });

  test("a year's claims in several batches, carrying the states, give the same bills as one batch", () => {
    fc.assert(
      fc.property(
        worldArb([2023], 40).chain((world) =>
          fc.array(fc.integer({ min: 0, max: world.claims.length }), { maxLength: 4 }).map((cuts) => ({ ...world, cuts })),
        ),
        ({ persons, accounts, claims, cuts }) => {
          const ordered = [...claims].sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
          const whole = settleBatch(persons, ordered, baseline, { states: openingStates(accounts) });

          const bounds = [0, ...[...new Set(cuts)].sort((x, y) => x - y), ordered.length];
          const states = openingStates(accounts);
          const pieces: Bill[] = [];
          const pushed: string[] = [];
          for (let i = 0; i + 1 < bounds.length; i += 1) {
            const part = settleBatch(persons, ordered.slice(bounds[i], bounds[i + 1]), baseline, { states });
            pieces.push(...part.bills);
            pushed.push(...part.pushList.map((p) => `${p.personId}|${p.year}|${p.claimId}`));
            for (const [id, state] of part.states) states.set(id, state);
          }

          assert.deepEqual(pieces, whole.bills);
          assert.deepEqual(pushed, whole.pushList.map((p) => `${p.personId}|${p.year}|${p.claimId}`));
          const wholeStates = openingStates(accounts);
          for (const [id, state] of whole.states) wholeStates.set(id, state);
          assert.deepEqual(states, wholeStates);
        },
      ),
      RUNS,
    );
  });
});
