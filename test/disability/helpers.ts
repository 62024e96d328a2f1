/** Building blocks for the disability tests: valid synthetic IDs and cards. */
import { residentIdCheckChar } from '../../src/core/identity.ts';

/** A valid resident ID for county, birth date (YYYYMMDD) and sequence. */
export function residentId(county: string, birth: string, seq: number): string {
  const first17 = `${county}${birth}${String(seq).padStart(3, '0')}`;
  return first17 + residentIdCheckChar(first17);
}

/** Category digit 1 视力 … 7 多重, grade 1–4. */
export function card(id: string, category: number, grade: number): string {
  return `${id}${category}${grade}`;
}

export const CLERK = { user: 'clerk1', role: 'disabled_federation' };
