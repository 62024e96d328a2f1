/**
 * Hand-offs to civil affairs and rural revitalisation (D4 §12–§13), read
 * from the stored year-to-date totals so a reversal takes a person off as
 * surely as a settlement puts them on.
 *
 * - Push list (D4 §13): every insured person whose burden after basic
 *   insurance and 大病保险 for the year exceeds the threshold.
 * - Watch list (D4 §12): members of the monitored categories whose burden
 *   stays heavy, and monitored persons for whom 大病保险 started.
 */
import { withinInterval } from '../../core/dates.ts';
import type { Fen } from '../../core/money.ts';
import type { ParamRegistry } from '../../core/params/registry.ts';
import type { PlatformContext } from '../../platform/context.ts';
import { PARAM } from '../rules/params.ts';
import type { CategoryCode } from '../rules/types.ts';
import { loadPeople } from '../storage/persons.ts';

export interface PushRow {
  personId: string;
  year: number;
  burden: Fen;
  county: string;
}

export interface WatchRow extends PushRow {
  category: CategoryCode;
  reason: 'heavy_burden' | 'critical_started';
  criticalPaid: Fen;
}

/** Parameters of a year are those in force on its last day. */
function yearEnd(year: number): string {
  return `${year}-12-31`;
}

export async function pushList(
  ctx: PlatformContext,
  year: number,
  options: { personIds?: readonly string[]; params?: ParamRegistry } = {},
): Promise<PushRow[]> {
  const threshold = (options.params ?? ctx.params).at<Fen>(PARAM.pushThreshold, yearEnd(year));
  if (!threshold) return [];

  let query = ctx.store.db
    .selectFrom('medical_accumulator as a')
    .innerJoin('medical_person as p', 'p.person_id', 'a.person_id')
    .select(['a.person_id', 'a.year', 'a.burden_after_insurance', 'p.county'])
    .where('a.year', '=', year)
    .where('a.burden_after_insurance', '>', threshold.value);
  if (options.personIds) {
    if (options.personIds.length === 0) return [];
    query = query.where('a.person_id', 'in', [...options.personIds]);
  }
  const rows = await query.orderBy('a.person_id').execute();
  return rows.map((r) => ({ personId: r.person_id, year: Number(r.year), burden: Number(r.burden_after_insurance), county: r.county }));
}

export async function watchList(
  ctx: PlatformContext,
  year: number,
  options: { params?: ParamRegistry } = {},
): Promise<WatchRow[]> {
  const params = options.params ?? ctx.params;
  const categories = params.at<string[]>(PARAM.watchCategories, yearEnd(year));
  const heavy = params.at<Fen>(PARAM.heavyBurden, yearEnd(year));
  if (!categories || !heavy || categories.value.length === 0) return [];

  const rows = await ctx.store.db
    .selectFrom('medical_accumulator as a')
    .innerJoin('medical_category as c', 'c.person_id', 'a.person_id')
    .select(['a.person_id', 'a.burden_after_insurance', 'a.critical_paid'])
    .where('a.year', '=', year)
    .where('c.code', 'in', categories.value)
    .where((eb) => eb.or([eb('a.burden_after_insurance', '>', heavy.value), eb('a.critical_paid', '>', 0)]))
    .distinct()
    .orderBy('a.person_id')
    .execute();

  const people = await loadPeople(ctx.store.db, rows.map((r) => r.person_id));
  const result: WatchRow[] = [];
  for (const row of rows) {
    const person = people.get(row.person_id)!;
    // Monitored during the year: a category span that overlaps it.
    const span = person.categories.find(
      (c) => categories.value.includes(c.code) && withinInterval(`${year}-01-01`, null, c.to) && withinInterval(yearEnd(year), c.from, null),
    );
    if (!span) continue;
    const burden = Number(row.burden_after_insurance);
    const criticalPaid = Number(row.critical_paid);
    result.push({
      personId: row.person_id,
      year,
      burden,
      county: person.county,
      category: span.code,
      reason: burden > heavy.value ? 'heavy_burden' : 'critical_started',
      criticalPaid,
    });
  }
  return result;
}
