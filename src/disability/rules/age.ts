/** Age in whole years on a day (周岁), from ISO dates. */
import type { IsoDate } from '../../core/dates.ts';

export function ageOn(birthDate: IsoDate, on: IsoDate): number {
  const years = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return on.slice(5) < birthDate.slice(5) ? years - 1 : years;
}
