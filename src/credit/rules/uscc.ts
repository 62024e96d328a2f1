/**
 * 统一社会信用代码 (GB 32100-2015), the key of every credit record
 * (D2 二(一)1 “以统一社会信用代码为标识”): 18 characters over
 * 0-9 A-H J-N P-R T U W-Y; position 1 registration department, 2 entity
 * type, 3–8 GB/T 2260 area, 9–17 the organisation code (GB 11714, with its
 * own check character), 18 the check character: weights 3^(i−1) mod 31,
 * check = alphabet[(31 − Σ mod 31) mod 31].
 */
import type { RuleDeclaration } from '../../core/params/articles.ts';
import { areaName, checkAreaCode } from './gbt2260.ts';

export const usccRule: RuleDeclaration = {
  id: 'd2.part2_1_1.uscc_check',
  articles: ['D2 二(一)1'],
  title: '统一社会信用代码校验（GB 32100-2015）',
};

export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const VALUE = new Map([...USCC_ALPHABET].map((c, i) => [c, i]));
const WEIGHTS = Array.from({ length: 17 }, (_, i) => 3 ** i % 31);
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

export interface RegistrationCodes {
  [department: string]: { label: string; types: Record<string, string> };
}

export interface UsccOptions {
  registration: RegistrationCodes;
  unknownArea: 'warn' | 'refuse';
  lowerCase: 'normalise' | 'refuse';
  /** Answers already given for a code (an import checks each code once). */
  cache?: Map<string, UsccCheck>;
}

export type UsccCheck =
  | {
      ok: true;
      uscc: string;
      department: string;
      entityType: string;
      area: string;
      areaName?: string;
      warnings: string[];
    }
  | { ok: false; reasons: string[] };

export function usccCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += VALUE.get(first17[i]!)! * WEIGHTS[i]!;
  return USCC_ALPHABET[(31 - (sum % 31)) % 31]!;
}

/** GB 11714 check character of an 8-character organisation code body. */
export function organisationCheckCharacter(body: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i += 1) {
    const c = body.charCodeAt(i);
    const value = c <= 57 ? c - 48 : c - 55;
    sum += value * ORG_WEIGHTS[i]!;
  }
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

export function checkUscc(input: string, options: UsccOptions): UsccCheck {
  const cached = options.cache?.get(input);
  if (cached) return cached;

  const result = checkUsccOnce(input, options);
  if (options.cache && options.cache.size < 2_000_000) options.cache.set(input, result);
  return result;
}

function checkUsccOnce(input: string, options: UsccOptions): UsccCheck {
  const warnings: string[] = [];
  let code = input.trim();

  if (code.length !== 18) {
    return { ok: false, reasons: [`统一社会信用代码应为18位，实为${code.length}位`] };
  }
  if (/[a-z]/.test(code)) {
    if (options.lowerCase === 'refuse') {
      return { ok: false, reasons: ['统一社会信用代码应使用大写字母'] };
    }
    code = code.toUpperCase();
    warnings.push('统一社会信用代码含小写字母，已按标准转换为大写');
  }
  const bad = [...code].filter((c) => !VALUE.has(c));
  if (bad.length) {
    return { ok: false, reasons: [`含有代码字符集以外的字符：${[...new Set(bad)].join('、')}（不使用 I、O、Z、S、V）`] };
  }

  const reasons: string[] = [];
  const department = options.registration[code[0]!];
  if (!department) {
    reasons.push(`第1位登记管理部门代码“${code[0]}”不存在`);
  } else if (!department.types[code[1]!]) {
    reasons.push(`第2位机构类别代码“${code[1]}”不属于登记管理部门“${department.label}”`);
  }

  const area = code.slice(2, 8);
  const areaCheck = checkAreaCode(area);
  if (areaCheck === 'unknown_province') {
    reasons.push(`第3–8位行政区划码“${area}”不是 GB/T 2260 的省级代码`);
  } else if (areaCheck === 'unknown_county') {
    const text = `第3–8位行政区划码“${area}”不在现行 GB/T 2260 代码表中（可能为撤并前的旧代码）`;
    if (options.unknownArea === 'refuse') reasons.push(text);
    else warnings.push(text);
  }

  const org = code.slice(8, 17);
  if (!/^[0-9A-Z]{8}[0-9X]$/.test(org) || organisationCheckCharacter(org.slice(0, 8)) !== org[8]) {
    reasons.push(`第9–17位组织机构代码“${org}”校验位错误（GB 11714）`);
  }
  const check = usccCheckCharacter(code);
  if (check !== code[17]) {
    reasons.push(`第18位校验码应为“${check}”，实为“${code[17]}”`);
  }
  if (reasons.length) return { ok: false, reasons };

  const name = areaName(area);
  return {
    ok: true,
    uscc: code,
    department: department!.label,
    entityType: department!.types[code[1]!]!,
    area,
    ...(name ? { areaName: name } : {}),
    warnings,
  };
}
