/**
 * The import format of persons and claims (../shared/examples/README.md):
 * canonical columns with Chinese header aliases, and the checks every row
 * passes before anything is stored. Files and HTTP bodies share them, so a
 * clerk sees the same reasons whichever way the data came in.
 */
import { createHash } from 'node:crypto';

import { isIsoDate, type IsoDate } from '../../core/dates.ts';
import type { FieldProblem } from '../../core/errors.ts';
import { checkResidentId } from '../../core/identity.ts';
import { parseYuan, type Fen } from '../../core/money.ts';
import type { ColumnSpec } from '../../io/table.ts';
import {
  CATEGORY_CODES,
  type CategoryCode,
  type CategorySpan,
  type Claim,
  type ClaimKind,
  type Employment,
  type Exclusion,
  type Place,
  type Scheme,
} from '../rules/types.ts';

/** Jixi's county-level divisions (GB/T 2260); 230300 is the city itself (市本级). */
export const JIXI_COUNTIES: Readonly<Record<string, string>> = {
  '230300': '鸡西市本级',
  '230302': '鸡冠区',
  '230303': '恒山区',
  '230304': '滴道区',
  '230305': '梨树区',
  '230306': '城子河区',
  '230307': '麻山区',
  '230321': '鸡东县',
  '230381': '虎林市',
  '230382': '密山市',
};
export const CITY_COUNTY = '230300';

export const PERSON_COLUMNS: readonly ColumnSpec[] = [
  { name: 'person_id', label: '身份证号', aliases: ['公民身份号码', '身份证号码', '证件号码'] },
  { name: 'scheme', label: '参保类型', aliases: ['险种', '参保险种'] },
  { name: 'employment', label: '人员类别', aliases: ['职工类别', '在职退休'], required: false },
  { name: 'categories', label: '救助类别', aliases: ['救助身份'], required: false },
  { name: 'account_balance', label: '个人账户余额', aliases: ['账户余额'], required: false },
  { name: 'county', label: '认定地区', aliases: ['区县', '认定县区'], required: false },
  { name: 'name', label: '姓名', required: false },
];

export const CLAIM_COLUMNS: readonly ColumnSpec[] = [
  { name: 'claim_id', label: '单据号', aliases: ['结算单号', '就诊流水号'] },
  { name: 'person_id', label: '身份证号', aliases: ['公民身份号码', '身份证号码', '证件号码'] },
  { name: 'date', label: '就诊日期', aliases: ['结算日期', '出院日期'] },
  { name: 'kind', label: '就诊类型', aliases: ['医疗类别'] },
  { name: 'level', label: '医院等级', aliases: ['医疗机构等级', '定点机构等级'] },
  { name: 'place', label: '就医地', aliases: ['就医地点'] },
  { name: 'referral', label: '按规定转诊', aliases: ['转诊备案', '转诊'] },
  { name: 'resident_elsewhere', label: '异地居住备案', aliases: ['异地居住'] },
  { name: 'emergency', label: '急诊抢救', aliases: ['急诊'] },
  { name: 'exclusion', label: '不予支付情形', aliases: ['除外情形'], required: false },
  { name: 'total', label: '总费用', aliases: ['医疗总费用', '费用总额'] },
  { name: 'policy_scope', label: '政策范围内费用', aliases: ['政策范围内金额'] },
  { name: 'basic_paid', label: '基本医保支付', aliases: ['基本医疗保险支付', '统筹支付'] },
  { name: 'critical_paid', label: '大病保险支付', aliases: ['大病支付'] },
  { name: 'primary_first_visit', label: '基层首诊', aliases: ['基层首诊转诊'], required: false },
];

/** Values accepted for each code, the canonical spelling first. */
const SCHEMES: Record<string, Scheme> = {
  employee: 'employee', 职工: 'employee', 职工医保: 'employee', 职工基本医疗保险: 'employee',
  resident: 'resident', 居民: 'resident', 城乡居民: 'resident', 城乡居民医保: 'resident',
};
const EMPLOYMENTS: Record<string, Employment> = {
  in_service: 'in_service', 在职: 'in_service',
  retired: 'retired', 退休: 'retired',
  flexible: 'flexible', 灵活就业: 'flexible', 单建统筹: 'flexible', 单建统筹灵活就业: 'flexible',
};
const CATEGORY_NAMES: Record<string, CategoryCode> = {
  特困人员: 'tekun', 低保对象: 'dibao', 孤儿: 'orphan', 事实无人抚养儿童: 'unsupported_child',
  返贫致贫人口: 'returned_poverty', 低保边缘家庭成员: 'dibao_marginal',
  农村易返贫致贫人口: 'rural_at_risk', 因病致贫重病患者: 'illness_poverty',
};
const KINDS: Record<string, ClaimKind> = {
  outpatient: 'outpatient', 普通门诊: 'outpatient', 门诊: 'outpatient',
  chronic: 'chronic', 门诊慢特病: 'chronic', 慢特病: 'chronic',
  inpatient: 'inpatient', 住院: 'inpatient',
};
const LEVELS: Record<string, 1 | 2 | 3> = {
  '1': 1, 一级: 1, 一级及以下: 1, 基层: 1,
  '2': 2, 二级: 2,
  '3': 3, 三级: 3,
};
const PLACES: Record<string, Place> = {
  city: 'city', 市内: 'city', 市域内: 'city', 本市: 'city',
  province: 'province', 省内: 'province', 省内市外: 'province',
  outside: 'outside', 省外: 'outside',
};
const EXCLUSIONS: Record<string, Exclusion> = {
  work_injury: 'work_injury', 工伤: 'work_injury',
  third_party: 'third_party', 第三人负担: 'third_party', 第三人: 'third_party',
  public_health: 'public_health', 公共卫生: 'public_health',
  abroad: 'abroad', 境外就医: 'abroad', 境外: 'abroad',
  wellness: 'wellness', 健身养生体检: 'wellness', 体检: 'wellness', 养生保健: 'wellness',
};
const BOOLEANS: Record<string, boolean> = {
  yes: true, y: true, true: true, '1': true, 是: true,
  no: false, n: false, false: false, '0': false, 否: false,
};

export interface PersonRecord {
  personId: string;
  name: string | null;
  birthDate: IsoDate;
  sex: 'male' | 'female';
  scheme: Scheme;
  employment: Employment | null;
  categories: CategorySpan[];
  county: string;
  /** Opening balance of the personal account; null when no account (D5 §4). */
  accountBalance: Fen | null;
  /**
   * Scheme and employment over time, when given with dates (a member who
   * retires, D5 §4); otherwise `scheme`/`employment` hold without end.
   */
  enrolments?: Array<{ scheme: Scheme; employment: Employment | null; from: IsoDate | null; to: IsoDate | null }>;
}

export interface EnrolmentInput {
  scheme?: unknown;
  employment?: unknown;
  from?: unknown;
  to?: unknown;
}

/**
 * Dated enrolments (HTTP only): each a scheme with its employment, in date
 * order without overlap; the last one gives `scheme` and `employment`.
 */
export function parseEnrolments(list: readonly EnrolmentInput[]): Parsed<NonNullable<PersonRecord['enrolments']>> {
  const problems: FieldProblem[] = [];
  const spans: NonNullable<PersonRecord['enrolments']> = [];
  list.forEach((e, i) => {
    const field = `enrolments/${i}`;
    const scheme = SCHEMES[String(e.scheme ?? '')];
    const employmentText = String(e.employment ?? '');
    const employment = employmentText === '' ? null : EMPLOYMENTS[employmentText];
    const from = e.from === undefined || e.from === null || e.from === '' ? null : String(e.from);
    const to = e.to === undefined || e.to === null || e.to === '' ? null : String(e.to);
    if (!scheme) problems.push({ field: `${field}/scheme`, value: e.scheme, reason: '参保类型应为 employee 或 resident' });
    if (employment === undefined || (scheme === 'employee') !== (employment !== null)) {
      problems.push({ field: `${field}/employment`, value: e.employment, reason: '职工医保须填人员类别（in_service、retired、flexible），城乡居民不填' });
    }
    if ((from && !isIsoDate(from)) || (to && !isIsoDate(to)) || (from && to && to < from)) {
      problems.push({ field, value: `${from ?? ''}:${to ?? ''}`, reason: '起止日期应为 YYYY-MM-DD，且终止不早于起始' });
    }
    const previous = spans.at(-1);
    if (previous && (!previous.to || !from || from <= previous.to)) {
      problems.push({ field, value: from, reason: '参保期间应按时间先后排列且不重叠' });
    }
    if (scheme && employment !== undefined) spans.push({ scheme, employment, from, to });
  });
  if (list.length === 0) problems.push({ field: 'enrolments', reason: '至少应有一段参保期间' });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: spans };
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; problems: FieldProblem[] };

class RowChecker {
  readonly problems: FieldProblem[] = [];
  private readonly row: number | undefined;
  private readonly values: Record<string, string | undefined>;

  constructor(values: Record<string, string | undefined>, row: number | undefined) {
    this.values = values;
    this.row = row;
  }

  text(field: string): string {
    return (this.values[field] ?? '').trim();
  }

  problem(field: string, value: unknown, reason: string): void {
    this.problems.push({ ...(this.row !== undefined ? { row: this.row } : {}), field, value, reason });
  }

  required(field: string, label: string): string | undefined {
    const value = this.text(field);
    if (value === '') {
      this.problem(field, value, `${label}不能为空`);
      return undefined;
    }
    return value;
  }

  code<T>(field: string, label: string, table: Record<string, T>, optional = false): T | undefined {
    const value = this.text(field);
    if (value === '' && optional) return undefined;
    const found = table[value] ?? table[value.toLowerCase()];
    if (found === undefined) {
      const allowed = [...new Set(Object.keys(table).filter((k) => /^[a-z_0-9]+$/.test(k)))].join('、');
      this.problem(field, value, value === '' ? `${label}不能为空` : `${label}“${value}”无效，应为 ${allowed} 之一`);
    }
    return found;
  }

  flag(field: string, label: string): boolean | undefined {
    const value = this.text(field);
    const found = BOOLEANS[value.toLowerCase()];
    if (found === undefined) this.problem(field, value, `${label}应为 yes 或 no（是/否）`);
    return found;
  }

  date(field: string, label: string): IsoDate | undefined {
    const value = this.text(field);
    if (!isIsoDate(value)) {
      this.problem(field, value, value === '' ? `${label}不能为空` : `${label}“${value}”不是存在的日期（格式 YYYY-MM-DD）`);
      return undefined;
    }
    return value;
  }

  money(field: string, label: string, optional = false): Fen | undefined {
    const value = this.text(field).replace(/,/g, '');
    if (value === '' && optional) return undefined;
    const fen = parseYuan(value);
    if (fen === undefined) {
      this.problem(field, this.text(field), value === '' ? `${label}不能为空` : `${label}应为金额（元，最多两位小数）`);
      return undefined;
    }
    if (fen < 0) {
      this.problem(field, this.text(field), `${label}不能为负数`);
      return undefined;
    }
    return fen;
  }

  residentId(field: string): { id: string; birthDate: IsoDate; sex: 'male' | 'female'; area: string } | undefined {
    const value = this.text(field).toUpperCase();
    const check = checkResidentId(value);
    if (!check.ok) {
      this.problem(field, value, value === '' ? '身份证号不能为空' : check.reason);
      return undefined;
    }
    return { id: value, birthDate: check.birthDate, sex: check.sex, area: check.area };
  }
}

/** Parse "dibao:2022-01-01:;tekun:2021-01-01:2023-12-31" (open ends empty). */
function parseCategories(check: RowChecker, field: string): CategorySpan[] {
  const text = check.text(field);
  if (text === '') return [];

  const spans: CategorySpan[] = [];
  for (const part of text.split(/[;；]/).map((p) => p.trim()).filter(Boolean)) {
    const [rawCode = '', from = '', to = '', ...rest] = part.split(/[:：]/).map((p) => p.trim());
    const code = (CATEGORY_CODES as readonly string[]).includes(rawCode)
      ? (rawCode as CategoryCode)
      : CATEGORY_NAMES[rawCode];
    if (!code) {
      check.problem(field, part, `救助类别“${rawCode}”无效，应为 ${CATEGORY_CODES.join('、')} 之一`);
      continue;
    }
    if (rest.length > 0 || (from && !isIsoDate(from)) || (to && !isIsoDate(to))) {
      check.problem(field, part, '救助类别应写作 类别:起始日期:终止日期（日期为 YYYY-MM-DD，可留空）');
      continue;
    }
    if (from && to && to < from) {
      check.problem(field, part, '救助类别的终止日期早于起始日期');
      continue;
    }
    spans.push({ code, from: from || null, to: to || null });
  }
  return spans;
}

export function parsePersonRow(values: Record<string, string | undefined>, row?: number): Parsed<PersonRecord> {
  const check = new RowChecker(values, row);

  const id = check.residentId('person_id');
  const scheme = check.code('scheme', '参保类型', SCHEMES);
  const employment = check.code('employment', '人员类别', EMPLOYMENTS, true) ?? null;
  const categories = parseCategories(check, 'categories');
  const balance = check.money('account_balance', '个人账户余额', true);
  let county = check.text('county');

  // D5 §3, §4: employment belongs to the employee scheme; residents have none.
  if (scheme === 'employee' && employment === null) {
    check.problem('employment', check.text('employment'), '职工医保参保人员应填写人员类别（in_service、retired、flexible）');
  }
  if (scheme === 'resident' && employment !== null) {
    check.problem('employment', check.text('employment'), '城乡居民医保参保人员不填写人员类别');
  }
  // D5 §4: residents and 单建统筹 members have no personal account.
  const hasAccount = scheme === 'employee' && employment !== 'flexible';
  if (!hasAccount && balance !== undefined && balance > 0) {
    check.problem('account_balance', check.text('account_balance'), '城乡居民和单建统筹灵活就业人员没有个人账户，余额应为空或 0');
  }
  if (county !== '' && !(county in JIXI_COUNTIES)) {
    check.problem('county', county, `认定地区应为鸡西市的区县代码（${Object.keys(JIXI_COUNTIES).join('、')}）`);
  }
  if (county === '' && id) county = id.area in JIXI_COUNTIES ? id.area : CITY_COUNTY;

  if (check.problems.length > 0 || !id || !scheme) return { ok: false, problems: check.problems };
  const name = check.text('name');
  return {
    ok: true,
    value: {
      personId: id.id,
      name: name === '' ? null : name,
      birthDate: id.birthDate,
      sex: id.sex,
      scheme,
      employment,
      categories,
      county,
      accountBalance: hasAccount ? (balance ?? 0) : null,
    },
  };
}

const CLAIM_ID = /^[A-Za-z0-9][A-Za-z0-9_.:\-/]{0,63}$/;

export function parseClaimRow(values: Record<string, string | undefined>, row?: number): Parsed<Claim> {
  const check = new RowChecker(values, row);

  const claimId = check.required('claim_id', '单据号');
  if (claimId !== undefined && !CLAIM_ID.test(claimId)) {
    check.problem('claim_id', claimId, '单据号只能由字母、数字及 _ . : - / 组成，最长 64 位');
  }
  const person = check.residentId('person_id');
  const date = check.date('date', '就诊日期');
  const kind = check.code('kind', '就诊类型', KINDS);
  const level = check.code('level', '医院等级', LEVELS);
  const place = check.code('place', '就医地', PLACES);
  const referral = check.flag('referral', '按规定转诊');
  const residentElsewhere = check.flag('resident_elsewhere', '异地居住备案');
  const emergency = check.flag('emergency', '急诊抢救');
  const exclusion = check.code('exclusion', '不予支付情形', EXCLUSIONS, true) ?? null;
  const total = check.money('total', '总费用');
  const policyScope = check.money('policy_scope', '政策范围内费用');
  const basicPaid = check.money('basic_paid', '基本医保支付');
  const criticalPaid = check.money('critical_paid', '大病保险支付');
  const primaryFirstVisit = check.text('primary_first_visit') === '' ? undefined : check.flag('primary_first_visit', '基层首诊');

  if (total !== undefined && policyScope !== undefined && policyScope > total) {
    check.problem('policy_scope', check.text('policy_scope'), '政策范围内费用不能大于总费用');
  }
  // D4 §8: assistance works on the policy-scope self-pay left after the two
  // insurance layers, so those layers cannot pay more than the policy scope.
  if (policyScope !== undefined && basicPaid !== undefined && criticalPaid !== undefined && basicPaid + criticalPaid > policyScope) {
    check.problem('basic_paid', check.text('basic_paid'), '基本医保与大病保险支付之和不能大于政策范围内费用');
  }

  if (check.problems.length > 0) return { ok: false, problems: check.problems };
  const claim: Claim = {
    claimId: claimId!,
    personId: person!.id,
    date: date!,
    kind: kind!,
    level: level!,
    place: place!,
    referral: referral!,
    residentElsewhere: residentElsewhere!,
    emergency: emergency!,
    exclusion,
    total: total!,
    policyScope: policyScope!,
    basicPaid: basicPaid!,
    criticalPaid: criticalPaid!,
    ...(primaryFirstVisit !== undefined ? { primaryFirstVisit } : {}),
  };
  return { ok: true, value: claim };
}

/** The claim's fields in one fixed order: the basis of its content hash. */
export function canonicalClaimJson(claim: Claim): string {
  return JSON.stringify({
    claimId: claim.claimId,
    personId: claim.personId,
    date: claim.date,
    kind: claim.kind,
    level: claim.level,
    place: claim.place,
    referral: claim.referral,
    residentElsewhere: claim.residentElsewhere,
    emergency: claim.emergency,
    exclusion: claim.exclusion,
    total: claim.total,
    policyScope: claim.policyScope,
    basicPaid: claim.basicPaid,
    criticalPaid: claim.criticalPaid,
    primaryFirstVisit: claim.primaryFirstVisit ?? false,
  });
}

export function claimContentHash(claim: Claim): string {
  return createHash('sha256').update(canonicalClaimJson(claim)).digest('hex');
}
