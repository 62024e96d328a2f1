/** Register-wide parameters the services read: the counties of the city. */
import type { IsoDate } from '../../core/dates.ts';
import type { ParamRegistry } from '../../core/params/registry.ts';
import { fail } from './fail.ts';

export const COUNTIES_PARAM = 'disability.d1.s3_6_1.counties';
export const CITY_PARAM = 'disability.d1.s3_6_1.city_code';

export function counties(params: ParamRegistry, on: IsoDate): Record<string, string> {
  const found = params.at<Record<string, string>>(COUNTIES_PARAM, on);
  if (!found) fail('ERR_DISABILITY_PARAM_MISSING', { details: { id: COUNTIES_PARAM, on } });
  return found.value;
}

export function cityCode(params: ParamRegistry, on: IsoDate): string {
  const found = params.at<string>(CITY_PARAM, on);
  if (!found) fail('ERR_DISABILITY_PARAM_MISSING', { details: { id: CITY_PARAM, on } });
  return found.value;
}

/** A county code, or a county's name as offices write it, to the code. */
export function countyCode(text: string, table: Readonly<Record<string, string>>): string {
  const t = text.trim();
  if (table[t]) return t;
  for (const [code, name] of Object.entries(table)) if (name === t) return code;
  return t;
}
