/**
 * D4 §12 (with §13's first sentence): monitored persons, 低保边缘家庭成员
 * and 农村易返贫致贫人口, whose yearly burden after insurance stays heavy,
 * and monitored persons for whom 大病保险 started, are watched. The bulletin
 * gives no amount for "heavy"; heavy_burden_threshold carries a default.
 */
import { withinInterval, type IsoDate } from '../../../core/dates.ts';
import type { RuleDeclaration } from '../../../core/params/articles.ts';
import type { MonitoringParams } from '../params.ts';
import type { CategoryCode, Person, WatchListEntry, YearAccumulators } from '../types.ts';

export const watchListRule: RuleDeclaration = {
  id: 'd4.art12.watch_list',
  articles: ['D4 §12', 'D4 §13'],
  title: '重点监测低保边缘家庭成员和农村易返贫致贫人口',
};

export function watchedCategory(person: Person, date: IsoDate, m: MonitoringParams): CategoryCode | null {
  for (const span of person.categories) {
    if (m.watchCategories.has(span.code) && withinInterval(date, span.from, span.to)) return span.code;
  }
  return null;
}

/** Entries this claim starts: each reason once per person and year. */
export function watchEntries(
  person: Person,
  claimId: string,
  date: IsoDate,
  before: YearAccumulators,
  after: YearAccumulators,
  m: MonitoringParams,
): WatchListEntry[] {
  if (person.categories.length === 0) return [];

  const category = watchedCategory(person, date, m);
  if (!category) return [];

  const entries: WatchListEntry[] = [];
  const base = { personId: person.personId, year: after.year, category, claimId };
  if (before.burdenAfterInsurance <= m.heavyBurden && after.burdenAfterInsurance > m.heavyBurden) {
    entries.push({ ...base, reason: 'heavy_burden' });
  }
  if ((before.criticalPaid ?? 0) === 0 && (after.criticalPaid ?? 0) > 0) {
    entries.push({ ...base, reason: 'critical_started' });
  }
  return entries;
}
