/** Small builders for rule tests: a claim or person with only what matters set. */
import { yuan } from '../../../src/core/money.ts';
import type { ParamOverride } from '../../../src/core/params/types.ts';
import {
  initialState,
  MedicalParams,
  settleClaim,
  type Bill,
  type CategoryCode,
  type Claim,
  type Person,
  type PersonState,
} from '../../../src/medical/rules/index.ts';
import { loadParams } from './registry.ts';

export const baseline = new MedicalParams(loadParams());

export function withParams(overrides: ParamOverride[]): MedicalParams {
  return MedicalParams.fromRegistry(loadParams(), overrides);
}

export function employee(employment: Person['employment'] = 'in_service', categories: Person['categories'] = []): Person {
  return { personId: 'p-employee', scheme: 'employee', employment, categories };
}

export function resident(...codes: CategoryCode[]): Person {
  return {
    personId: 'p-resident',
    scheme: 'resident',
    employment: null,
    categories: codes.map((code) => ({ code, from: '2020-01-01', to: null })),
  };
}

/** Amounts in yuan text; a city, referred, level-2 claim of 2023-03-01 by default. */
export function claim(
  person: Person,
  fields: Partial<Omit<Claim, 'total' | 'policyScope' | 'basicPaid' | 'criticalPaid'>> & {
    total?: string;
    scope?: string;
    basic?: string;
    critical?: string;
  } = {},
): Claim {
  const { total, scope, basic, critical, ...rest } = fields;
  const policyScope = yuan(scope ?? total ?? '1000.00');
  return {
    claimId: 'c-1',
    personId: person.personId,
    date: '2023-03-01',
    kind: 'outpatient',
    level: 2,
    place: 'city',
    referral: true,
    residentElsewhere: false,
    emergency: false,
    exclusion: null,
    total: total ? yuan(total) : policyScope,
    policyScope,
    basicPaid: yuan(basic ?? '0.00'),
    criticalPaid: yuan(critical ?? '0.00'),
    ...rest,
  };
}

/** Settle claims one after the other, carrying the state. */
export function settleInOrder(
  person: Person,
  claims: Claim[],
  params: MedicalParams = baseline,
  start: PersonState = initialState(),
  explain = false,
): Bill[] {
  let state = start;
  return claims.map((c) => {
    const bill = settleClaim(person, c, state, params, { explain });
    state = { account: bill.accountAfter, accumulators: bill.accumulatorsAfter };
    return bill;
  });
}
