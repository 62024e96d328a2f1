/**
 * Every case of medical/accounts_premiums_fund.json: account credits and the
 * retirees' top-up (D5 §4), premium subsidies (D4 §7), the fund shortfall
 * (D4 §19) and a retroactive settlement (D4 §14).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { formatYuan, yuan } from '../../../src/core/money.ts';
import {
  accountCredit,
  fundShortfall,
  MedicalParams,
  PARAM,
  premiumSubsidy,
  retireeTopUp,
  settleRetroactive,
  type CategoryCode,
  type Claim,
  type Employment,
  type Person,
  type RetroactiveClaim,
} from '../../../src/medical/rules/index.ts';
import { loadParams } from './registry.ts';
import { readExample } from './examples.ts';

interface CreditCase {
  id: string;
  employment: Employment;
  contribution_base_monthly?: string;
  month?: string;
  credit?: string;
  retires_on?: string;
  credits_by_month?: Record<string, string>;
  year?: number;
  average_pension_2022_monthly?: string;
  top_up?: string;
  note?: string;
}

interface File {
  credits: CreditCase[];
  premium_subsidies: {
    individual_contribution_yuan: string;
    cases: Array<{ category: CategoryCode; date: string; subsidy: string; note?: string }>;
  };
  fund_ledger: {
    year: number;
    budget: Record<string, string>;
    spending_by_certifier: Record<string, string>;
    accumulated_surplus: string;
    expected: { gap: string; from_surplus: string; remaining: string; remaining_by_certifier: Record<string, string> };
    note: string;
  };
  retroactive: {
    id: string;
    application_date: string;
    category: CategoryCode;
    claims: Array<{ claim_id: string; date: string; kind: Claim['kind']; eligible: string; assistance: string; why: string }>;
    income_last_year: string;
  };
}

const file = readExample<File>('accounts_premiums_fund.json');
const registry = loadParams();
const fen = (text: string | undefined) => yuan(text!);

describe('personal-account credits (D5 §4)', () => {
  const params = new MedicalParams(registry);

  for (const c of file.credits.filter((x) => x.credit !== undefined)) {
    test(`${c.id} ${c.employment} ${c.month}, credit ${c.credit}`, () => {
      const decision = accountCredit(
        {
          employment: c.employment,
          month: c.month!,
          ...(c.contribution_base_monthly ? { contributionBase: fen(c.contribution_base_monthly) } : {}),
        },
        params,
      );
      assert.equal(decision.outcome, 'decided');
      assert.equal(decision.outcome === 'decided' && formatYuan(decision.result.credit), c.credit);
    });
  }

  for (const c of file.credits.filter((x) => x.credits_by_month !== undefined)) {
    test(`${c.id} retires on ${c.retires_on}, ${c.note}`, () => {
      for (const [month, expected] of Object.entries(c.credits_by_month!)) {
        const decision = accountCredit(
          {
            employment: c.employment,
            month,
            contributionBase: fen(c.contribution_base_monthly),
            retiredOn: c.retires_on!,
          },
          params,
        );
        assert.equal(decision.outcome === 'decided' && formatYuan(decision.result.credit), expected, month);
      }
    });
  }

  for (const c of file.credits.filter((x) => x.top_up !== undefined)) {
    test(`${c.id} top-up once the 2022 average pension is ${c.average_pension_2022_monthly}: ${c.top_up}`, () => {
      const published = MedicalParams.fromRegistry(registry, [
        { id: PARAM.averagePension2022, value: c.average_pension_2022_monthly!, label: 'case input' },
      ]);
      const decision = retireeTopUp({ monthsCredited: 12, asOf: `${c.year}-12-31` }, published);
      assert.equal(decision.outcome === 'decided' && formatYuan(decision.result.topUp), c.top_up);
    });

    test(`${c.id} before the 2022 average pension is entered, no top-up`, () => {
      const decision = retireeTopUp({ monthsCredited: 12, asOf: `${c.year}-12-31` }, params);
      assert.equal(decision.outcome, 'needs_input');
      assert.deepEqual(decision.outcome === 'needs_input' && decision.missing, [PARAM.averagePension2022]);
    });
  }
});

describe('resident premium subsidies (D4 §7)', () => {
  const { individual_contribution_yuan: contribution, cases } = file.premium_subsidies;
  const params = MedicalParams.fromRegistry(registry, [
    { id: PARAM.contribution, value: contribution, label: 'case input' },
  ]);

  for (const c of cases) {
    test(`${c.category} on ${c.date}, subsidy ${c.subsidy}`, () => {
      const person: Pick<Person, 'scheme' | 'categories'> = {
        scheme: 'resident',
        categories: [{ code: c.category, from: '2020-01-01', to: null }],
      };
      const decision = premiumSubsidy(person, c.date, params);
      const subsidy = decision.outcome === 'decided' ? decision.result.subsidy : 0;
      assert.equal(formatYuan(subsidy), c.subsidy, c.note);
      if (subsidy === 0) assert.equal(decision.outcome, 'not_eligible');
    });
  }
});

describe('fund shortfall (D4 §19)', () => {
  const c = file.fund_ledger;

  test(`${c.year}: gap, surplus, remaining by certifier`, () => {
    const decision = fundShortfall(
      {
        year: c.year,
        budget: Object.fromEntries(Object.entries(c.budget).map(([k, v]) => [k, fen(v)])),
        spendingByCertifier: Object.fromEntries(Object.entries(c.spending_by_certifier).map(([k, v]) => [k, fen(v)])),
        accumulatedSurplus: fen(c.accumulated_surplus),
      },
      new MedicalParams(registry),
    );
    assert.equal(decision.outcome, 'decided');
    if (decision.outcome !== 'decided') return;

    const ledger = decision.result;
    assert.equal(formatYuan(ledger.gap), c.expected.gap);
    assert.equal(formatYuan(ledger.fromSurplus), c.expected.from_surplus);
    assert.equal(formatYuan(ledger.remaining), c.expected.remaining);
    assert.deepEqual(
      Object.fromEntries(Object.entries(ledger.remainingByCertifier).map(([k, v]) => [k, formatYuan(v)])),
      c.expected.remaining_by_certifier,
      c.note,
    );
  });
});

describe('retroactive settlement (D4 §14)', () => {
  const c = file.retroactive;

  test(`${c.id}: application ${c.application_date}, claims of the 12 months before`, () => {
    const params = MedicalParams.fromRegistry(registry, [
      { id: PARAM.incomeLastYear, value: c.income_last_year, label: 'case input' },
    ]);
    const person: Person = { personId: 'retro-01', scheme: 'resident', employment: null, categories: [] };
    const claims: Claim[] = c.claims.map((x) => ({
      claimId: x.claim_id,
      personId: person.personId,
      date: x.date,
      kind: x.kind,
      level: 2,
      place: 'city',
      referral: true,
      residentElsewhere: false,
      emergency: false,
      exclusion: null,
      total: fen(x.eligible),
      policyScope: fen(x.eligible),
      basicPaid: 0,
      criticalPaid: 0,
    }));

    const decision = settleRetroactive(person, { date: c.application_date, category: c.category }, claims, params);
    assert.equal(decision.outcome, 'decided');
    if (decision.outcome !== 'decided') return;

    const results: RetroactiveClaim[] = decision.result.claims;
    const byId = new Map(results.map((r) => [r.claimId, r]));
    for (const expected of c.claims) {
      const got = byId.get(expected.claim_id)!;
      assert.equal(formatYuan(got.assistance), expected.assistance, `${expected.claim_id}: ${expected.why}`);
    }
    assert.equal(byId.get('r-1')!.outcome, 'outside_window');
    assert.equal(byId.get('r-2')!.outcome, 'no_rule_in_force');
  });
});
