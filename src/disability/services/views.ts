/** What the API answers about register records; masking applied here. */
import { maskName, maskResidentId } from '../../core/identity.ts';
import { CATEGORY_LABELS, HOUSEHOLD_LABELS, type Category, type HouseholdStatus } from '../rules/types.ts';
import type { PersonRow } from '../storage/register.ts';

export const SYNTHETIC_SOURCE = '合成演示数据';

/** 230302********001841: the card keeps area, category and grade. */
export function maskCard(card: string): string {
  return `${maskResidentId(card.slice(0, 18))}${card.slice(18)}`;
}

export function maskAccount(account: string | null): string | null {
  if (!account) return account;
  return `${'*'.repeat(Math.max(0, account.length - 4))}${account.slice(-4)}`;
}

export interface PersonView {
  id: string;
  name: string;
  residentId: string;
  sex: string;
  birthDate: string;
  county: string;
  countyName: string;
  cardNumber: string;
  category: string;
  categoryLabel: string;
  grade: number;
  household: string;
  householdLabel: string;
  bankAccount: string | null;
  deceasedOn: string | null;
  movedAwayOn: string | null;
  synthetic: boolean;
  masked: boolean;
}

export function personView(
  row: PersonRow,
  options: { mask: boolean; household: HouseholdStatus; counties: Readonly<Record<string, string>> },
): PersonView {
  const { mask } = options;
  return {
    id: row.id,
    name: mask ? maskName(row.name) : row.name,
    residentId: mask ? maskResidentId(row.resident_id) : row.resident_id,
    sex: row.sex,
    birthDate: mask ? `${row.birth_date.slice(0, 4)}-**-**` : row.birth_date,
    county: row.county,
    countyName: options.counties[row.county] ?? row.county,
    cardNumber: mask ? maskCard(row.card_number) : row.card_number,
    category: row.category,
    categoryLabel: CATEGORY_LABELS[row.category as Category] ?? row.category,
    grade: row.grade,
    household: options.household,
    householdLabel: HOUSEHOLD_LABELS[options.household],
    bankAccount: mask ? maskAccount(row.bank_account) : row.bank_account,
    deceasedOn: row.deceased_on,
    movedAwayOn: row.moved_away_on,
    synthetic: row.source === SYNTHETIC_SOURCE,
    masked: mask,
  };
}
