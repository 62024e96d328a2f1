/**
 * 按比例就业 (D1 三(二)1) and the 专栏4 item 1 duty: city-level party and
 * government bodies with 50 or more posts, and public institutions with 67
 * or more (schools and kindergartens excepted), that do not meet the
 * employment ratio must employ at least one disabled person by 2025; a
 * disabled persons' federation at county level or above must have 15% or
 * more disabled staff. Pure: an employer and the parameters in, a finding out.
 */
import type { IsoDate } from '../../core/dates.ts';
import type { FieldProblem } from '../../core/errors.ts';
import { formatPercent, roundHalfUp, type BasisPoints } from '../../core/money.ts';
import type { RuleDeclaration } from '../../core/params/articles.ts';
import type { ParamRegistry } from '../../core/params/registry.ts';

export const quotaEmploymentRule: RuleDeclaration = {
  id: 'd1.box4_1.quota_employment',
  articles: ['D1 专栏4 1', 'D1 三(二)1'],
  title: '党政机关、事业单位按比例安排残疾人就业：未达比例的2025年前至少安排1名',
};

export const federationShareRule: RuleDeclaration = {
  id: 'd1.box4_1.federation_disabled_share',
  articles: ['D1 专栏4 1'],
  title: '县级及以上残联机关干部队伍中残疾人不少于15%',
};

export const EMPLOYER_KINDS = ['party_government', 'public_institution', 'federation', 'enterprise', 'other'] as const;
export type EmployerKind = (typeof EMPLOYER_KINDS)[number];

export const EMPLOYER_KIND_LABELS: Readonly<Record<EmployerKind, string>> = {
  party_government: '党政机关',
  public_institution: '事业单位',
  federation: '残联机关',
  enterprise: '企业',
  other: '其他用人单位',
};

export const LEVELS = ['province', 'city', 'county', 'township'] as const;
export type Level = (typeof LEVELS)[number];

export interface Employer {
  id: string;
  name: string;
  kind: EmployerKind;
  /** school, kindergarten, or empty: which public institutions are excepted. */
  institutionType: string | null;
  level: Level;
  county: string | null;
  /** 编制数: decides whether 专栏4 1 covers the body. */
  posts: number | null;
  /** 在职职工总数: the base of the ratio. */
  staff: number;
  disabledEmployees: number;
  /** Of them, holders of a grade 1–2 card. */
  severeDisabledEmployees: number;
}

export interface QuotaParameters {
  ratio: BasisPoints;
  severeCountsDouble: boolean;
  partyMinPosts: number;
  partyLevels: readonly string[];
  institutionMinPosts: number;
  institutionLevels: readonly string[];
  excludedInstitutionTypes: readonly string[];
  minimumDisabled: number;
  deadline: IsoDate;
  federationShare: BasisPoints;
  federationLevels: readonly string[];
}

export function quotaParameters(params: ParamRegistry, on: IsoDate): QuotaParameters | undefined {
  const get = <T>(id: string) => params.at<T>(`disability.d1.${id}`, on)?.value;
  const value = {
    ratio: get<number>('s3_2_1.quota_ratio'),
    severeCountsDouble: get<boolean>('s3_2_1.severe_counts_double'),
    partyMinPosts: get<number>('box4_1.party_government_min_posts'),
    partyLevels: get<string[]>('box4_1.party_government_levels'),
    institutionMinPosts: get<number>('box4_1.public_institution_min_posts'),
    institutionLevels: get<string[]>('box4_1.public_institution_levels'),
    excludedInstitutionTypes: get<string[]>('box4_1.excluded_institution_kinds'),
    minimumDisabled: get<number>('box4_1.minimum_disabled_staff'),
    deadline: get<string>('box4_1.deadline'),
    federationShare: get<number>('box4_1.federation_min_share'),
    federationLevels: get<string[]>('box4_1.federation_levels'),
  };
  if (Object.values(value).some((v) => v === undefined)) return undefined;
  return value as QuotaParameters;
}

export type QuotaStatus = 'met' | 'short' | 'not_in_scope';

export interface QuotaFinding {
  employerId: string;
  name: string;
  kind: EmployerKind;
  level: Level;
  county: string | null;
  /** Which duty of 专栏4 1 applies: one post, the federation share, or none. */
  duty: 'one_post' | 'federation_share' | 'none';
  status: QuotaStatus;
  /** Disabled employees as the ratio counts them (grade 1–2 twice, if so set). */
  counted: number;
  /** Employees the ratio asks for, rounded half up. */
  required: number;
  meetsRatio: boolean;
  /** Disabled persons still to employ for the applicable duty. */
  shortfall: number;
  deadline: IsoDate | null;
  reasons: string[];
  rule: string;
  articles: string[];
}

export function checkEmployerInput(e: Partial<Employer>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!e.id?.trim()) problems.push({ field: 'id', reason: '单位代码不能为空' });
  if (!e.name?.trim()) problems.push({ field: 'name', reason: '单位名称不能为空' });
  if (!EMPLOYER_KINDS.includes(e.kind as EmployerKind)) {
    problems.push({ field: 'kind', value: e.kind, reason: '单位类型应为 party_government、public_institution、federation、enterprise 或 other' });
  }
  if (!LEVELS.includes(e.level as Level)) {
    problems.push({ field: 'level', value: e.level, reason: '层级应为 province、city、county 或 township' });
  }
  for (const field of ['staff', 'disabledEmployees', 'severeDisabledEmployees'] as const) {
    const v = e[field];
    if (!Number.isInteger(v) || (v as number) < 0) problems.push({ field, value: v, reason: '应为非负整数' });
  }
  if (e.posts !== null && e.posts !== undefined && (!Number.isInteger(e.posts) || e.posts < 0)) {
    problems.push({ field: 'posts', value: e.posts, reason: '编制数应为非负整数' });
  }
  if ((e.kind === 'party_government' || e.kind === 'public_institution') && (e.posts === null || e.posts === undefined)) {
    problems.push({ field: 'posts', reason: '党政机关、事业单位须填写编制数' });
  }
  if (Number.isInteger(e.severeDisabledEmployees) && Number.isInteger(e.disabledEmployees)
    && (e.severeDisabledEmployees as number) > (e.disabledEmployees as number)) {
    problems.push({ field: 'severeDisabledEmployees', value: e.severeDisabledEmployees, reason: '一、二级残疾职工数不能多于残疾职工总数' });
  }
  return problems;
}

function inOnePostScope(e: Employer, p: QuotaParameters): { inScope: boolean; why: string } {
  if (e.kind === 'party_government') {
    if (!p.partyLevels.includes(e.level)) return { inScope: false, why: '非市级党政机关' };
    if ((e.posts ?? 0) < p.partyMinPosts) return { inScope: false, why: `编制${e.posts}人，少于${p.partyMinPosts}人` };
    return { inScope: true, why: `市级党政机关，编制${e.posts}人（${p.partyMinPosts}人以上）` };
  }
  if (e.kind === 'public_institution') {
    if (e.institutionType && p.excludedInstitutionTypes.includes(e.institutionType)) {
      return { inScope: false, why: '中小学、幼儿园除外' };
    }
    if (!p.institutionLevels.includes(e.level)) return { inScope: false, why: '层级不在适用范围' };
    if ((e.posts ?? 0) < p.institutionMinPosts) return { inScope: false, why: `编制${e.posts}人，少于${p.institutionMinPosts}人` };
    return { inScope: true, why: `事业单位，编制${e.posts}人（${p.institutionMinPosts}人以上）` };
  }
  return { inScope: false, why: '不属于专栏4第1项所列党政机关、事业单位' };
}

export function checkEmployer(e: Employer, p: QuotaParameters): QuotaFinding {
  const counted = e.disabledEmployees + (p.severeCountsDouble ? e.severeDisabledEmployees : 0);
  const required = roundHalfUp(e.staff * p.ratio, 10_000);
  const meetsRatio = counted * 10_000 >= e.staff * p.ratio;
  const common = {
    employerId: e.id,
    name: e.name,
    kind: e.kind,
    level: e.level,
    county: e.county,
    counted,
    required,
    meetsRatio,
  };
  const ratioText = `按比例计${counted}人，规定比例${formatPercent(p.ratio)}对应${required}人（在职${e.staff}人）`;

  if (e.kind === 'federation' && p.federationLevels.includes(e.level)) {
    const needed = Math.ceil((e.staff * p.federationShare) / 10_000);
    const met = e.disabledEmployees * 10_000 >= e.staff * p.federationShare;
    return {
      ...common,
      duty: 'federation_share',
      status: met ? 'met' : 'short',
      shortfall: met ? 0 : needed - e.disabledEmployees,
      deadline: null,
      reasons: [`残联机关干部${e.staff}人中残疾人${e.disabledEmployees}人，要求不少于${formatPercent(p.federationShare)}（${needed}人）`],
      rule: federationShareRule.id,
      articles: ['D1 专栏4 1'],
    };
  }

  const scope = inOnePostScope(e, p);
  if (!scope.inScope) {
    return {
      ...common,
      duty: 'none',
      status: 'not_in_scope',
      shortfall: 0,
      deadline: null,
      reasons: [scope.why, ratioText],
      rule: quotaEmploymentRule.id,
      articles: ['D1 专栏4 1', 'D1 三(二)1'],
    };
  }

  const short = !meetsRatio && e.disabledEmployees < p.minimumDisabled;
  return {
    ...common,
    duty: 'one_post',
    status: short ? 'short' : 'met',
    shortfall: short ? p.minimumDisabled - e.disabledEmployees : 0,
    deadline: p.deadline,
    reasons: [
      scope.why,
      ratioText,
      meetsRatio
        ? '已达到规定比例'
        : short
          ? `未达到规定比例，须在${p.deadline}前至少安排${p.minimumDisabled}名残疾人`
          : `未达到规定比例，但已安排${e.disabledEmployees}名残疾人，本项要求已满足`,
    ],
    rule: quotaEmploymentRule.id,
    articles: ['D1 专栏4 1', 'D1 三(二)1'],
  };
}
