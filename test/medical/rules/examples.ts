/**
 * Reads the worked cases of ../shared/examples/medical as they are and turns
 * their import format (README there) into the rules' types.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { yuan } from '../../../src/core/money.ts';
import { loadParams, ROOT } from './registry.ts';
import {
  CATEGORY_CODES,
  MedicalParams,
  PARAM,
  type CategoryCode,
  type CategorySpan,
  type Claim,
  type Person,
  type PersonState,
} from '../../../src/medical/rules/index.ts';
import { SHARED_EXAMPLES } from '../../helpers/shared.ts';

export const EXAMPLES = join(SHARED_EXAMPLES, 'medical');

export function readExample<T>(name: string): T {
  return JSON.parse(readFileSync(join(EXAMPLES, name), 'utf8')) as T;
}

export interface CasePerson {
  person_id: string;
  scheme: 'employee' | 'resident';
  employment: string;
  categories: string;
  account_balance: string;
}

export type CaseClaim = Record<string, string>;

export interface CaseBill {
  claim_id: string;
  person_id: string;
  pooling: string;
  assistance: string;
  assistance_tilt: string;
  account_paid: string;
  cash_paid: string;
}

export interface MedicalCase {
  id: string;
  title: string;
  articles: string[];
  parameters: { income_last_year: string };
  persons: CasePerson[];
  claims: CaseClaim[];
  expected: {
    bills: CaseBill[];
    push_list: Array<{ person_id: string; year: number }>;
    account_balance_after: Record<string, string>;
  };
  note: string;
}

export function toPerson(row: CasePerson): Person {
  return {
    personId: row.person_id,
    scheme: row.scheme,
    employment: row.employment === '' ? null : (row.employment as Person['employment']),
    categories: parseCategories(row.categories),
  };
}

function parseCategories(text: string): CategorySpan[] {
  if (text.trim() === '') return [];
  return text.split(';').map((part) => {
    const [code, from, to] = part.split(':');
    if (!CATEGORY_CODES.includes(code as CategoryCode)) throw new Error(`unknown category ${code}`);
    return { code: code as CategoryCode, from: from || null, to: to || null };
  });
}

export function toClaim(row: CaseClaim): Claim {
  return {
    claimId: row.claim_id!,
    personId: row.person_id!,
    date: row.date!,
    kind: row.kind as Claim['kind'],
    level: Number(row.level) as Claim['level'],
    place: row.place as Claim['place'],
    referral: row.referral === 'yes',
    residentElsewhere: row.resident_elsewhere === 'yes',
    emergency: row.emergency === 'yes',
    exclusion: row.exclusion === '' ? null : (row.exclusion as Claim['exclusion']),
    total: yuan(row.total!),
    policyScope: yuan(row.policy_scope!),
    basicPaid: yuan(row.basic_paid!),
    criticalPaid: yuan(row.critical_paid!),
  };
}

export function openingStates(rows: CasePerson[]): Map<string, PersonState> {
  return new Map(rows.map((row) => [row.person_id, { account: yuan(row.account_balance), accumulators: null }]));
}

/** The registry's parameters with the case's income_last_year (D4 §11(3)). */
export function caseParams(parameters: { income_last_year: string }): MedicalParams {
  return MedicalParams.fromRegistry(loadParams(), [
    { id: PARAM.incomeLastYear, value: parameters.income_last_year, label: 'case input' },
  ]);
}
