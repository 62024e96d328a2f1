/**
 * A person's situation on a day, from the register's periods: the household
 * status in force, the benefits held, alive and still in the city. Pure.
 */
import { withinInterval, type IsoDate } from '../../core/dates.ts';
import type { BenefitKind, Category, Grade, HouseholdStatus, Situation } from '../rules/types.ts';
import type { BenefitRow, HouseholdRow, PersonRow } from '../storage/register.ts';

/** What the situation needs of a period row. */
export type HouseholdSpan = Pick<HouseholdRow, 'status' | 'valid_from' | 'valid_to'>;
export type BenefitSpan = Pick<BenefitRow, 'kind' | 'valid_from' | 'valid_to'>;

export function householdOn(periods: readonly HouseholdSpan[] | undefined, on: IsoDate): HouseholdStatus {
  if (!periods) return 'none';
  for (let i = periods.length - 1; i >= 0; i -= 1) {
    const p = periods[i]!;
    if (withinInterval(on, p.valid_from, p.valid_to)) return p.status as HouseholdStatus;
  }
  return 'none';
}

export function benefitsOn(periods: readonly BenefitSpan[] | undefined, on: IsoDate): Set<BenefitKind> {
  const held = new Set<BenefitKind>();
  for (const p of periods ?? []) {
    if (withinInterval(on, p.valid_from, p.valid_to)) held.add(p.kind as BenefitKind);
  }
  return held;
}

export function aliveOn(person: Pick<PersonRow, 'deceased_on'>, on: IsoDate): boolean {
  return !person.deceased_on || person.deceased_on > on;
}

export function residentOn(person: Pick<PersonRow, 'moved_away_on'>, on: IsoDate): boolean {
  return !person.moved_away_on || person.moved_away_on > on;
}

export function situationOf(
  person: Pick<PersonRow, 'county' | 'category' | 'grade' | 'deceased_on' | 'moved_away_on'>,
  households: readonly HouseholdSpan[] | undefined,
  benefits: readonly BenefitSpan[] | undefined,
  on: IsoDate,
): Situation {
  return {
    county: person.county,
    category: person.category as Category,
    grade: person.grade as Grade,
    household: householdOn(households, on),
    benefits: benefitsOn(benefits, on),
    alive: aliveOn(person, on),
    resident: residentOn(person, on),
  };
}
