/**
 * D4 §6: assistance by category of recipient. A person may hold several
 * categories at a date; the reading multi_category_reading = most_favourable
 * settles under the one with the highest ratio, then the lowest deductible
 * (ranks precomputed in the snapshot), and never pays twice for one cost.
 */
import { withinInterval, type IsoDate } from '../../../core/dates.ts';
import type { RuleDeclaration } from '../../../core/params/articles.ts';
import type { AssistanceParams } from '../params.ts';
import type { CategoryCode, Person } from '../types.ts';

export const categoriesRule: RuleDeclaration = {
  id: 'd4.art6.categories',
  articles: ['D4 §6'],
  title: '救助对象类别；多重身份按最有利类别救助',
};

export const CATEGORY_NAMES: Readonly<Record<CategoryCode, string>> = {
  tekun: '特困人员',
  dibao: '低保对象',
  orphan: '孤儿',
  unsupported_child: '事实无人抚养儿童',
  returned_poverty: '返贫致贫人口',
  dibao_marginal: '低保边缘家庭成员',
  rural_at_risk: '纳入监测范围的农村易返贫致贫人口',
  illness_poverty: '因病致贫重病患者',
};

export function holdsCategory(person: Pick<Person, 'categories'>, code: CategoryCode, date: IsoDate): boolean {
  for (const span of person.categories) {
    if (span.code === code && withinInterval(date, span.from, span.to)) return true;
  }
  return false;
}

export function heldCategories(person: Pick<Person, 'categories'>, date: IsoDate): CategoryCode[] {
  const held: CategoryCode[] = [];
  for (const span of person.categories) {
    if (withinInterval(date, span.from, span.to) && !held.includes(span.code)) held.push(span.code);
  }
  return held;
}

/** The most favourable category held on `date`, or null if none. */
export function bestCategory(
  person: Person,
  date: IsoDate,
  a: AssistanceParams,
): CategoryCode | null {
  let best: CategoryCode | null = null;
  for (const span of person.categories) {
    if (!withinInterval(date, span.from, span.to)) continue;
    if (best === null || a.rankOf[span.code] < a.rankOf[best]) best = span.code;
  }
  return best;
}

export function holdsAnyCategory(person: Person, date: IsoDate): boolean {
  for (const span of person.categories) {
    if (withinInterval(date, span.from, span.to)) return true;
  }
  return false;
}
