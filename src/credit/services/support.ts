/** What every credit service shares: parameters on a date, clocks, JSON. */
import { createHash, randomUUID } from 'node:crypto';

import type { IsoDate } from '../../core/dates.ts';
import type { ParamRegistry } from '../../core/params/registry.ts';
import { fail } from '../../errorCatalog.ts';
import {
  PARAM,
  ParamMissing,
  scoringParams,
  TableInvalid,
  type ScoringParams,
} from '../rules/params.ts';
import type { IndicatorTable } from '../rules/types.ts';
import type { RegistrationCodes, UsccOptions } from '../rules/uscc.ts';

/** Convert the rules' parameter failures into catalogued errors. */
export function withParams<T>(compute: () => T): T {
  try {
    return compute();
  } catch (error) {
    if (error instanceof ParamMissing) {
      fail('ERR_CREDIT_PARAM_MISSING', { details: { id: error.id, on: error.on } });
    }
    if (error instanceof TableInvalid) {
      fail('ERR_CREDIT_INDICATOR_TABLE_INVALID', { problems: error.problems });
    }
    throw error;
  }
}

export function paramValue<T>(registry: ParamRegistry, id: string, on: IsoDate): T {
  const found = registry.at<T>(id, on);
  if (!found) fail('ERR_CREDIT_PARAM_MISSING', { details: { id, on } });
  return found.value;
}

export function scoringParamsOn(registry: ParamRegistry, on: IsoDate, table?: IndicatorTable): ScoringParams {
  return withParams(() => scoringParams(registry, on, table));
}

export function usccOptions(registry: ParamRegistry, on: IsoDate): UsccOptions {
  return {
    registration: paramValue<RegistrationCodes>(registry, PARAM.usccRegistrationCodes, on),
    unknownArea: paramValue<'warn' | 'refuse'>(registry, PARAM.usccUnknownArea, on),
    lowerCase: paramValue<'normalise' | 'refuse'>(registry, PARAM.usccLowerCase, on),
    cache: new Map(),
  };
}

export function nowIso(): string {
  return new Date().toISOString();
}

export function newId(prefix: string): string {
  return `${prefix}-${randomUUID()}`;
}

export function hashId(prefix: string, parts: readonly (string | null | undefined)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part ?? '').update('\u0000');
  return `${prefix}-${hash.digest('hex').slice(0, 24)}`;
}

export function parseJson<T>(text: string | null | undefined, fallback: T): T {
  if (!text) return fallback;
  return JSON.parse(text) as T;
}
