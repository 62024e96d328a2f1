/**
 * Resident identity numbers (公民身份号码, GB 11643-1999): 6-digit address
 * code, 8-digit birth date, 3-digit sequence (odd for men), and an ISO 7064
 * MOD 11-2 check character.
 */
import { isIsoDate } from './dates.ts';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export type IdCheck =
  | { ok: true; birthDate: string; sex: 'male' | 'female'; area: string }
  | { ok: false; reason: string };

export function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

export function checkResidentId(id: string, today?: string): IdCheck {
  if (!/^\d{17}[\dX]$/.test(id)) {
    return { ok: false, reason: '身份证号码应为18位，前17位为数字，末位为数字或X' };
  }

  const birth = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (!isIsoDate(birth) || birth < '1900-01-01' || (today && birth > today)) {
    return { ok: false, reason: `身份证号码中的出生日期 ${birth} 不存在` };
  }
  if (residentIdCheckChar(id.slice(0, 17)) !== id[17]) {
    return { ok: false, reason: '身份证号码校验位错误' };
  }

  return {
    ok: true,
    birthDate: birth,
    sex: Number(id[16]) % 2 === 1 ? 'male' : 'female',
    area: id.slice(0, 6),
  };
}

/** 230302********0018: enough to recognise, not enough to identify. */
export function maskResidentId(id: string): string {
  if (id.length < 10) return '*'.repeat(id.length);
  return `${id.slice(0, 6)}${'*'.repeat(id.length - 10)}${id.slice(-4)}`;
}

/** 张*, 欧阳** : the family name only. */
export function maskName(name: string): string {
  const chars = [...name];
  if (chars.length <= 1) return '*';
  return chars[0] + '*'.repeat(chars.length - 1);
}
