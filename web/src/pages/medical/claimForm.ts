/**
 * The claim form's values and their checks, in the import format of
 * ../shared/examples/README.md (the API's claim body). Pure.
 */
import type { RequestOf } from '../../api/client.ts';
import { checkResidentId } from '../../identity.ts';
import { parseYuan } from '../../money.ts';

export type ClaimBody = RequestOf<'/api/medical/claims/preview'>;

export interface ClaimFormValues {
  claim_id: string;
  person_id: string;
  date: string;
  kind: string;
  level: string;
  place: string;
  referral: string;
  resident_elsewhere: string;
  emergency: string;
  primary_first_visit?: string;
  exclusion?: string;
  total: string;
  policy_scope: string;
  basic_paid: string;
  critical_paid: string;
}

export const CLAIM_FIELDS = [
  'claim_id', 'person_id', 'date', 'kind', 'level', 'place', 'referral', 'resident_elsewhere',
  'emergency', 'primary_first_visit', 'exclusion', 'total', 'policy_scope', 'basic_paid', 'critical_paid',
] as const;

/** Why an identity number is not acceptable, or undefined. */
export function personIdProblem(value: string | undefined): string | undefined {
  const text = (value ?? '').trim().toUpperCase();
  if (!text) return '请输入参保人身份证号';
  const check = checkResidentId(text);
  return check.ok ? undefined : check.reason;
}

/** Why a yuan amount is not acceptable, or undefined. */
export function amountProblem(value: string | undefined, name: string): string | undefined {
  const text = (value ?? '').trim();
  if (!text) return `请输入${name}`;
  const fen = parseYuan(text);
  if (fen === undefined) return `${name}应为元金额，最多两位小数，如 3200.00`;
  if (fen < 0) return `${name}不能为负数`;
  return undefined;
}

/** Cross-field checks the bill relies on: parts never exceed the whole. */
export function claimProblems(values: Partial<ClaimFormValues>): { field: keyof ClaimFormValues; reason: string }[] {
  const problems: { field: keyof ClaimFormValues; reason: string }[] = [];
  const fen = (v?: string) => parseYuan((v ?? '').trim());
  const total = fen(values.total);
  const scope = fen(values.policy_scope);
  const basic = fen(values.basic_paid) ?? 0;
  const critical = fen(values.critical_paid) ?? 0;
  if (total !== undefined && scope !== undefined && scope > total) {
    problems.push({ field: 'policy_scope', reason: '政策范围内费用不能超过总费用' });
  }
  if (scope !== undefined && basic + critical > scope) {
    problems.push({ field: 'basic_paid', reason: '基本医保与大病保险支付合计不能超过政策范围内费用' });
  }
  return problems;
}

export function claimBody(values: ClaimFormValues): ClaimBody {
  return {
    claim_id: values.claim_id.trim(),
    person_id: values.person_id.trim().toUpperCase(),
    date: values.date,
    kind: values.kind,
    level: values.level,
    place: values.place,
    referral: values.referral,
    resident_elsewhere: values.resident_elsewhere,
    emergency: values.emergency,
    exclusion: values.exclusion ?? '',
    total: values.total.trim(),
    policy_scope: values.policy_scope.trim(),
    basic_paid: values.basic_paid.trim(),
    critical_paid: values.critical_paid.trim(),
    ...(values.primary_first_visit ? { primary_first_visit: values.primary_first_visit } : {}),
  };
}
