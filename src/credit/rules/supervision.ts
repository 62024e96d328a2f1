/**
 * Classified supervision (D2 二(三)1–4): the measures of each category, and
 * the yes/no answer to “may this entity use 告知承诺 / bid in procurement /
 * receive fiscal funds?” with the grade and the rule applied.
 */
import type { RuleDeclaration } from '../../core/params/articles.ts';
import type { Category, CategoryCode, Grade } from './types.ts';

export const measuresRule: RuleDeclaration = {
  id: 'd2.part2_3.measures',
  articles: ['D2 二(三)1', 'D2 二(三)2', 'D2 二(三)3', 'D2 二(三)4'],
  title: '各监管类别适用的分级分类监管措施',
};

export const entitlementRule: RuleDeclaration = {
  id: 'd2.part2_3_4.entitlement',
  articles: ['D2 二(三)1', 'D2 二(三)4'],
  title: '能否适用告知承诺等便利措施、参加政府采购和招投标、获得财政性资金',
};

export const sectorsRule: RuleDeclaration = {
  id: 'd2.part2_3.sectors',
  articles: ['D2 二(三)'],
  title: '十八个率先推行信用分级分类监管的行业领域',
};

export const sectorTargetRule: RuleDeclaration = {
  id: 'd2.part1_3.sector_target',
  articles: ['D2 一(三)'],
  title: '2022年底不少于16个行业领域采用信用分级分类监管',
};

export interface Measure {
  code: string;
  label: string;
  article: string;
}

export type MeasureTable = Record<CategoryCode, Measure[]>;

export interface Entitlement {
  label: string;
  allowed: CategoryCode[];
  article: string;
}

export type EntitlementTable = Record<string, Entitlement>;

export function measuresFor(category: CategoryCode, table: MeasureTable): Measure[] {
  return table[category] ?? [];
}

export interface EntitlementAnswer {
  action: string;
  label: string;
  allowed: boolean;
  grade: Grade;
  category: Category;
  rule: string;
  article: string;
  /** Chinese sentence for the approving clerk. */
  reason: string;
}

export type EntitlementDecision =
  | { outcome: 'decided'; answer: EntitlementAnswer }
  | { outcome: 'unknown_action'; action: string; known: string[] };

export function entitlement(
  action: string,
  grade: Grade,
  category: Category,
  table: EntitlementTable,
): EntitlementDecision {
  const entry = table[action];
  if (!entry) return { outcome: 'unknown_action', action, known: Object.keys(table) };

  const allowed = entry.allowed.includes(category.code);
  const reason = allowed
    ? `该主体信用等级为${grade}级（${category.label}类），可以${entry.label}（${entry.article}）`
    : `该主体信用等级为${grade}级（${category.label}类），依${entry.article}不得${entry.label}`;
  return {
    outcome: 'decided',
    answer: { action, label: entry.label, allowed, grade, category, rule: entitlementRule.id, article: entry.article, reason },
  };
}

export interface SectorDefinition {
  code: string;
  label: string;
  department: string;
}

export interface SectorTarget {
  minSectors: number;
  by: string;
  running: number;
  met: boolean;
  reason: string;
}

/**
 * D2 一(三): by the end of 2022 at least 16 sectors use classified
 * supervision. A sector counts as running once it has an active model or
 * an inspection plan graded on the public score.
 */
export function sectorTarget(running: number, target: { min_sectors: number; by: string }): SectorTarget {
  const met = running >= target.min_sectors;
  return {
    minSectors: target.min_sectors,
    by: target.by,
    running,
    met,
    reason: met
      ? `已有${running}个行业领域实施信用分级分类监管，达到不少于${target.min_sectors}个的目标（D2 一(三)）`
      : `已有${running}个行业领域实施信用分级分类监管，尚差${target.min_sectors - running}个（目标：${target.by}前不少于${target.min_sectors}个，D2 一(三)）`,
  };
}
