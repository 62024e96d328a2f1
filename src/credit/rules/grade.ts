/**
 * Grades and categories. D2 二(二)2: A ≥ 850；790 ≤ B < 850；730 ≤ C < 790；
 * 670 ≤ D < 730；E < 670. D2 二(二)1: 诚信守法 (A, B), 轻微失信 (C),
 * 一般失信 (D), 严重失信 (E).
 */
import type { RuleDeclaration } from '../../core/params/articles.ts';
import type { Category, Grade, GradeCutoff } from './types.ts';

export const gradeRule: RuleDeclaration = {
  id: 'd2.part2_2_2.grade',
  articles: ['D2 二(二)2', 'D2 附件'],
  title: '按分数线确定信用等级',
};

export const categoryRule: RuleDeclaration = {
  id: 'd2.part2_2_1.category',
  articles: ['D2 二(二)1'],
  title: '信用等级对应四类监管类别',
};

/** The grade of `score`; cut-offs sorted from the highest minimum down. */
export function gradeOf(score: number, cutoffs: readonly GradeCutoff[]): Grade {
  for (const cutoff of cutoffs) {
    if (score >= cutoff.min) return cutoff.grade;
  }
  return cutoffs[cutoffs.length - 1]!.grade;
}

export function categoryOf(grade: Grade, categories: Record<Grade, Category>): Category {
  return categories[grade];
}
