/**
 * Names and resident ID numbers leave the server only for the roles whose
 * work needs them (PERSONAL_DATA_ROLES). For everyone else a route that
 * returns personal records (`personal: true` in permissions.ts) has its
 * name fields masked, and any resident ID number in any answer is masked
 * wherever it appears. Exports use `maskRows` before writing a file.
 */
import { checkResidentId, maskName, maskResidentId } from '../core/identity.ts';
import { PERSONAL_DATA_ROLES, type Caller } from './roles.ts';

/** Fields that hold a person's name in the areas' records and answers. */
export const NAME_FIELDS: ReadonlySet<string> = new Set([
  'name', 'personName', 'person_name', 'fullName', 'full_name', 'applicantName', 'applicant_name',
  'guardianName', 'guardian_name', 'patientName', 'patient_name', '姓名',
]);

const ID_IN_TEXT = /(?<![0-9A-Za-z])(\d{17}[\dXx])(?![0-9A-Za-z])/g;

/** Keys that hold entity codes (统一社会信用代码), which are not personal data. */
function isEntityKey(key: string): boolean {
  return /entity|uscc|credit_?code|creditCode|org/i.test(key);
}

export function needsMasking(caller: Caller | null): boolean {
  return !caller || !PERSONAL_DATA_ROLES.has(caller.role);
}

export function maskIdsInText(text: string): string {
  return text.replace(ID_IN_TEXT, (id) => (checkResidentId(id.toUpperCase()).ok ? maskResidentId(id) : id));
}

/** A masked deep copy of an answer. */
export function maskValue(value: unknown, options: { names: boolean }, key = '', depth = 0): unknown {
  if (depth > 12) return value;
  if (typeof value === 'string') {
    if (options.names && NAME_FIELDS.has(key)) return maskName(value);
    return isEntityKey(key) ? value : maskIdsInText(value);
  }
  if (Array.isArray(value)) return value.map((v) => maskValue(v, options, key, depth + 1));
  if (value && typeof value === 'object' && !(value instanceof Date) && !Buffer.isBuffer(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = maskValue(v, options, k, depth + 1);
    return out;
  }
  return value;
}

/** Rows for an export, masked for the caller. */
export function maskRows<T extends Record<string, unknown>>(caller: Caller | null, rows: readonly T[]): T[] {
  if (!needsMasking(caller)) return [...rows];
  return rows.map((r) => maskValue(r, { names: true }) as T);
}
