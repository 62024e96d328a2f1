/**
 * The countable duties over stored figures: the 专栏4 1 quota check over the
 * employer register, public-welfare posts (D1 三(二)2), and the lists of
 * persons a care service (D1 三(一)3) is for.
 */
import type { Kysely } from 'kysely';

import { isIsoDate, todayInBeijing, type IsoDate } from '../../core/dates.ts';
import type { FieldProblem } from '../../core/errors.ts';
import { formatYuan, parseYuan } from '../../core/money.ts';
import type { Database } from '../../db/schema.ts';
import type { PlatformContext } from '../../platform/context.ts';
import { ageOn } from '../rules/age.ts';
import { careParameters, sunshineHome, tekunCare } from '../rules/careServices.ts';
import { checkEmployer, checkEmployerInput, quotaParameters, type Employer, type QuotaFinding } from '../rules/quota.ts';
import { checkWelfarePosts, welfarePostLimits, type WelfarePostCheck } from '../rules/welfarePosts.ts';
import type { Category, Grade } from '../rules/types.ts';
import type { Actor } from './caller.ts';
import { fail } from './fail.ts';
import { cityCode, counties } from './params.ts';
import { aliveOn, householdOn, residentOn } from './situation.ts';
import { groupByPerson, type HouseholdRow } from '../storage/register.ts';
import { personView, type PersonView } from './views.ts';

type Db = Kysely<Database>;

// ── employers and the quota ─────────────────────────────────────────────

/** Insert or update one employer; true when something changed. */
export async function upsertEmployer(db: Db, e: Employer, asOf: IsoDate, actor: Actor): Promise<boolean> {
  const values = {
    name: e.name,
    kind: e.kind,
    institution_type: e.institutionType,
    level: e.level,
    county: e.county,
    posts: e.posts,
    staff: e.staff,
    disabled_employees: e.disabledEmployees,
    severe_disabled_employees: e.severeDisabledEmployees,
    as_of: asOf,
  };
  const existing = await db.selectFrom('disability_employer').selectAll().where('id', '=', e.id).executeTakeFirst();
  const stamp = { updated_at: new Date().toISOString(), updated_by: actor.user };
  if (!existing) {
    await db.insertInto('disability_employer').values({ id: e.id, ...values, ...stamp }).execute();
    return true;
  }
  const same = (Object.keys(values) as (keyof typeof values)[]).every((k) => existing[k] === values[k]);
  if (same) return false;
  await db.updateTable('disability_employer').set({ ...values, ...stamp }).where('id', '=', e.id).execute();
  return true;
}

export async function saveEmployer(ctx: PlatformContext, e: Employer, asOf: string | undefined, actor: Actor): Promise<QuotaFinding> {
  const problems: FieldProblem[] = checkEmployerInput(e);
  const date = asOf ?? todayInBeijing();
  if (!isIsoDate(date)) problems.push({ field: 'asOf', value: asOf, reason: '统计日期应为 YYYY-MM-DD' });
  if (e.county && !counties(ctx.params, date)[e.county]) problems.push({ field: 'county', value: e.county, reason: '县(市)区代码不在鸡西市范围内' });
  if (problems.length) fail('ERR_CORE_INVALID_INPUT', { problems });

  await upsertEmployer(ctx.store.db, e, date, actor);
  const p = quotaParameters(ctx.params, date);
  if (!p) fail('ERR_DISABILITY_PARAM_MISSING', { details: { id: 'disability.d1.box4_1.*', on: date } });
  return checkEmployer(e, p);
}

export interface QuotaReport {
  on: IsoDate;
  deadline: IsoDate;
  employers: number;
  short: number;
  met: number;
  notInScope: number;
  findings: QuotaFinding[];
}

export async function quotaCheck(ctx: PlatformContext, query: { on?: string; county?: string; status?: string }): Promise<QuotaReport> {
  const on = query.on ?? todayInBeijing();
  if (!isIsoDate(on)) fail('ERR_CORE_INVALID_INPUT', { problems: [{ field: 'on', value: on, reason: '日期应为 YYYY-MM-DD' }] });
  const p = quotaParameters(ctx.params, on);
  if (!p) fail('ERR_DISABILITY_PARAM_MISSING', { details: { id: 'disability.d1.box4_1.*', on } });

  let select = ctx.store.db.selectFrom('disability_employer').selectAll();
  if (query.county) select = select.where('county', '=', query.county);
  const rows = await select.orderBy('id').execute();
  const all = rows.map((r) => checkEmployer({
    id: r.id,
    name: r.name,
    kind: r.kind as Employer['kind'],
    institutionType: r.institution_type,
    level: r.level as Employer['level'],
    county: r.county,
    posts: r.posts,
    staff: r.staff,
    disabledEmployees: r.disabled_employees,
    severeDisabledEmployees: r.severe_disabled_employees,
  }, p));
  const findings = query.status ? all.filter((f) => f.status === query.status) : all;
  // Those who fall short first, then by code.
  findings.sort((a, b) => (a.status === b.status ? a.employerId.localeCompare(b.employerId) : a.status === 'short' ? -1 : b.status === 'short' ? 1 : 0));
  return {
    on,
    deadline: p.deadline,
    employers: all.length,
    short: all.filter((f) => f.status === 'short').length,
    met: all.filter((f) => f.status === 'met').length,
    notInScope: all.filter((f) => f.status === 'not_in_scope').length,
    findings,
  };
}

// ── public-welfare posts ────────────────────────────────────────────────

export interface WelfarePostsInput {
  year: number;
  county: string;
  totalPosts: number;
  disabledPosts: number;
  fundTotalYuan: string;
  fundForDisabledPostsYuan: string;
}

export interface WelfarePostsView {
  year: number;
  county: string;
  countyName: string;
  totalPosts: number;
  disabledPosts: number;
  fundTotalYuan: string;
  fundForDisabledPostsYuan: string;
  enteredBy: string | null;
  enteredAt: string | null;
  check: WelfarePostCheck;
}

export async function saveWelfarePosts(ctx: PlatformContext, input: WelfarePostsInput, actor: Actor): Promise<WelfarePostsView> {
  const problems: FieldProblem[] = [];
  const table = counties(ctx.params, `${input.year}-12-31`);
  const city = cityCode(ctx.params, `${input.year}-12-31`);
  if (!Number.isInteger(input.year) || input.year < 2021 || input.year > 2035) problems.push({ field: 'year', value: input.year, reason: '年度应在2021至2035之间' });
  if (input.county !== city && !table[input.county]) problems.push({ field: 'county', value: input.county, reason: '应为鸡西市（230300）或其县(市)区代码' });
  for (const f of ['totalPosts', 'disabledPosts'] as const) {
    if (!Number.isInteger(input[f]) || input[f] < 0) problems.push({ field: f, value: input[f], reason: '应为非负整数' });
  }
  if (input.disabledPosts > input.totalPosts) problems.push({ field: 'disabledPosts', value: input.disabledPosts, reason: '残疾人岗位数不能多于开发总量' });
  const fundTotal = parseYuan(input.fundTotalYuan);
  const fundFor = parseYuan(input.fundForDisabledPostsYuan);
  if (fundTotal === undefined || fundTotal < 0) problems.push({ field: 'fundTotalYuan', value: input.fundTotalYuan, reason: '金额应为元，最多两位小数' });
  if (fundFor === undefined || fundFor < 0) problems.push({ field: 'fundForDisabledPostsYuan', value: input.fundForDisabledPostsYuan, reason: '金额应为元，最多两位小数' });
  if (problems.length) fail('ERR_CORE_INVALID_INPUT', { problems });

  const id = `${input.year}:${input.county}`;
  const values = {
    year: input.year,
    county: input.county,
    total_posts: input.totalPosts,
    disabled_posts: input.disabledPosts,
    fund_total: fundTotal!,
    fund_for_disabled_posts: fundFor!,
    entered_by: actor.user,
    entered_at: new Date().toISOString(),
  };
  await ctx.store.db.insertInto('disability_welfare_posts').values({ id, ...values })
    .onConflict((oc) => oc.column('id').doUpdateSet(values)).execute();
  return (await welfarePosts(ctx, { year: input.year, county: input.county }))[0]!;
}

/** Stored figures with their check; the city line sums the counties when it has no entry of its own. */
export async function welfarePosts(ctx: PlatformContext, query: { year: number; county?: string }): Promise<WelfarePostsView[]> {
  const on = `${query.year}-12-31`;
  const limits = welfarePostLimits(ctx.params, on);
  if (!limits) fail('ERR_DISABILITY_PARAM_MISSING', { details: { id: 'disability.d1.s3_2_2.*', on } });
  const table = counties(ctx.params, on);
  const city = cityCode(ctx.params, on);

  const rows = await ctx.store.db.selectFrom('disability_welfare_posts').selectAll().where('year', '=', query.year).orderBy('county').execute();
  const views: WelfarePostsView[] = rows.map((r) => {
    const figures = { totalPosts: r.total_posts, disabledPosts: r.disabled_posts, fundTotal: Number(r.fund_total), fundForDisabledPosts: Number(r.fund_for_disabled_posts) };
    return {
      year: r.year,
      county: r.county,
      countyName: r.county === city ? '鸡西市' : (table[r.county] ?? r.county),
      totalPosts: r.total_posts,
      disabledPosts: r.disabled_posts,
      fundTotalYuan: formatYuan(figures.fundTotal),
      fundForDisabledPostsYuan: formatYuan(figures.fundForDisabledPosts),
      enteredBy: r.entered_by,
      enteredAt: r.entered_at,
      check: checkWelfarePosts(figures, limits),
    };
  });

  if (!rows.some((r) => r.county === city) && rows.length > 0) {
    const sum = { totalPosts: 0, disabledPosts: 0, fundTotal: 0, fundForDisabledPosts: 0 };
    for (const r of rows) {
      sum.totalPosts += r.total_posts;
      sum.disabledPosts += r.disabled_posts;
      sum.fundTotal += Number(r.fund_total);
      sum.fundForDisabledPosts += Number(r.fund_for_disabled_posts);
    }
    views.unshift({
      year: query.year, county: city, countyName: '鸡西市（各县区合计）',
      totalPosts: sum.totalPosts, disabledPosts: sum.disabledPosts,
      fundTotalYuan: formatYuan(sum.fundTotal), fundForDisabledPostsYuan: formatYuan(sum.fundForDisabledPosts),
      enteredBy: null, enteredAt: null, check: checkWelfarePosts(sum, limits),
    });
  }
  return query.county ? views.filter((v) => v.county === query.county) : views;
}

// ── care services (D1 三(一)3) ──────────────────────────────────────────

export type CareService = 'sunshine_home' | 'tekun_care';

export async function careList(
  ctx: PlatformContext,
  query: { service: CareService; on: IsoDate; county?: string | undefined; limit: number; offset: number },
  options: { mask: boolean },
): Promise<{ on: IsoDate; total: number; items: Array<PersonView & { age: number; reasons: string[] }> }> {
  const p = careParameters(ctx.params, query.on);
  if (!p) fail('ERR_DISABILITY_PARAM_MISSING', { details: { id: 'disability.d1.s3_1_3.*', on: query.on } });

  let select = ctx.store.db.selectFrom('disability_person').selectAll();
  if (query.county) select = select.where('county', '=', query.county);
  const persons = await select.orderBy('county').orderBy('id').execute();
  const households = groupByPerson(await ctx.store.db.selectFrom('disability_household_period').selectAll()
    .where('valid_from', '<=', query.on)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', query.on)]))
    .execute() as HouseholdRow[]);

  const decide = query.service === 'sunshine_home' ? sunshineHome : tekunCare;
  const eligible = [];
  for (const person of persons) {
    const household = householdOn(households.get(person.id), query.on);
    const answer = decide({
      birthDate: person.birth_date,
      category: person.category as Category,
      grade: person.grade as Grade,
      household,
      alive: aliveOn(person, query.on),
      resident: residentOn(person, query.on),
    }, p, query.on);
    if (answer.eligible) eligible.push({ person, household, reasons: answer.reasons });
  }

  const table = counties(ctx.params, query.on);
  const page = eligible.slice(query.offset, query.offset + query.limit);
  return {
    on: query.on,
    total: eligible.length,
    items: page.map(({ person, household, reasons }) => ({
      ...personView(person, { mask: options.mask, household, counties: table }),
      age: ageOn(person.birth_date, query.on),
      reasons,
    })),
  };
}
