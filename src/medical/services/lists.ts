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
import type { MonitoringParams } from '../rules/params.ts';
import type { CategoryCode } from '../rules/types.ts';
import { loadPeople } from '../storage/persons.ts';
import { medicalParams } from './engine.ts';

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

/** D4 §12–§13 parameters of the year; null when D4 was not in force. */
function monitoring(registry: ParamRegistry, year: number): MonitoringParams | null {
  return medicalParams(registry).on(yearEnd(year)).monitoring;
}

export async function pushList(
  ctx: PlatformContext,
  year: number,
  options: { personIds?: readonly string[]; params?: ParamRegistry } = {},
): Promise<PushRow[]> {
  const m = monitoring(options.params ?? ctx.params, year);
  if (!m) return [];

  let query = ctx.store.db
    .selectFrom('medical_accumulator as a')
    .innerJoin('medical_person as p', 'p.person_id', 'a.person_id')
    .select(['a.person_id', 'a.year', 'a.burden_after_insurance', 'p.county'])
    .where('a.year', '=', year)
    .where('a.burden_after_insurance', '>', m.pushThreshold);
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
  const m = monitoring(options.params ?? ctx.params, year);
  if (!m || m.watchCategories.size === 0) return [];
  const categories = [...m.watchCategories];

  const rows = await ctx.store.db
    .selectFrom('medical_accumulator as a')
    .innerJoin('medical_category as c', 'c.person_id', 'a.person_id')
    .select(['a.person_id', 'a.burden_after_insurance', 'a.critical_paid'])
    .where('a.year', '=', year)
    .where('c.code', 'in', categories)
    .where((eb) => eb.or([eb('a.burden_after_insurance', '>', m.heavyBurden), eb('a.critical_paid', '>', 0)]))
    .distinct()
    .orderBy('a.person_id')
    .execute();

  const people = await loadPeople(ctx.store.db, rows.map((r) => r.person_id));
  const result: WatchRow[] = [];
  for (const row of rows) {
    const person = people.get(row.person_id)!;
    // Monitored during the year: a category span that overlaps it.
    const span = person.categories.find(
      (c) => m.watchCategories.has(c.code) && withinInterval(`${year}-01-01`, null, c.to) && withinInterval(yearEnd(year), c.from, null),
    );
    if (!span) continue;
    const base = {
      personId: row.person_id,
      year,
      burden: Number(row.burden_after_insurance),
      criticalPaid: Number(row.critical_paid),
      county: person.county,
      category: span.code,
    };
    // One row per reason, as the rules' watch entries (D4 §12, §13).
    if (base.burden > m.heavyBurden) result.push({ ...base, reason: 'heavy_burden' });
    if (base.criticalPaid > 0) result.push({ ...base, reason: 'critical_started' });
  }
  return result;
}
