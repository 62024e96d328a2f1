/**
 * Industry credit models (行业信用评价, D2 二(二)2): a department builds its
 * model on the public score — “要将公共信用综合评价结果作为重要指标纳入行业
 * 信用评价指标体系，公共信用综合评价指标的权重和分值不得低于平均值” — adds
 * its own supervisory indicators and sets its own grade cut-offs (“不同信用
 * 等级的评价标准和方法，由开展行业信用评价的部门自行设定”).
 */
import type { FieldProblem } from '../../core/errors.ts';
import { BP_ONE, roundHalfUp, type BasisPoints } from '../../core/money.ts';
import type { RuleDeclaration } from '../../core/params/articles.ts';
import { categoryOf, gradeOf } from './grade.ts';
import type { Category, Grade, GradeCutoff } from './types.ts';
import { GRADES } from './types.ts';

export const industryModelCheckRule: RuleDeclaration = {
  id: 'd2.part2_2_2.industry_model_check',
  articles: ['D2 二(二)2'],
  title: '行业评价模型审核：公共信用综合评价指标权重和分值不得低于平均值',
};

export const industryScoreRule: RuleDeclaration = {
  id: 'd2.part2_2_2.industry_score',
  articles: ['D2 二(二)2'],
  title: '按行业评价模型计算行业信用评价得分与等级',
};

export type IndicatorSource = 'public_score' | 'supervisory';

export interface ModelIndicator {
  code: string;
  label: string;
  source: IndicatorSource;
  /** Weight in basis points of one (50 % = 5 000). */
  weightBp: BasisPoints;
  /** Points (分值) of the indicator; weight × full score when absent. */
  points?: number;
}

export interface IndustryModel {
  sector: string;
  fullScore: number;
  indicators: ModelIndicator[];
  cutoffs: GradeCutoff[];
}

export type PublicFloor = 'mean_of_all_indicators' | 'mean_of_other_indicators';

export type ModelCheck =
  | { valid: true; model: IndustryModel; articles: string[]; notes: string[] }
  | { valid: false; problems: FieldProblem[]; articles: string[] };

const ARTICLES = ['D2 二(二)2'];

/** "0.5" or 0.5 (a fraction of one) in basis points; undefined if not exact to 0.0001. */
export function fractionToBasisPoints(value: number | string): BasisPoints | undefined {
  const text = typeof value === 'number' ? String(value) : value.trim();
  const match = /^(0|1)(?:\.(\d{1,4}))?$/.exec(text);
  if (!match) return undefined;

  const bp = Number(match[1]) * BP_ONE + Number((match[2] ?? '').padEnd(4, '0'));
  return bp <= BP_ONE ? bp : undefined;
}

export function pointsOf(indicator: ModelIndicator, fullScore: number): number {
  return indicator.points ?? roundHalfUp(fullScore * indicator.weightBp, BP_ONE);
}

/** x is not below the mean of `all` (or of the others): exact, integers only. */
function notBelowMean(x: number, all: readonly number[], floor: PublicFloor): boolean {
  const sum = all.reduce((a, v) => a + v, 0);
  if (floor === 'mean_of_all_indicators') return x * all.length >= sum;
  return all.length < 2 || x * (all.length - 1) >= sum - x;
}

function formatBp(bp: number): string {
  return `${(bp / 100).toFixed(2).replace(/\.?0+$/, '')}%`;
}

export function checkIndustryModel(model: IndustryModel, floor: PublicFloor): ModelCheck {
  const problems: FieldProblem[] = [];
  const notes: string[] = [];
  const publics = model.indicators.filter((x) => x.source === 'public_score');

  if (publics.length !== 1) {
    problems.push({ field: 'indicators', value: publics.length, reason: '行业评价模型应包含且只包含一项公共信用综合评价指标' });
  }
  const codes = new Set<string>();
  for (const [i, x] of model.indicators.entries()) {
    if (codes.has(x.code)) problems.push({ field: `indicators[${i}].code`, value: x.code, reason: '指标代码重复' });
    codes.add(x.code);
    if (!Number.isInteger(x.weightBp) || x.weightBp <= 0) {
      problems.push({ field: `indicators[${i}].weight`, value: x.weightBp, reason: '权重应大于0' });
    }
  }
  const weightSum = model.indicators.reduce((a, x) => a + x.weightBp, 0);
  if (weightSum !== BP_ONE) {
    problems.push({ field: 'indicators', value: formatBp(weightSum), reason: `各指标权重合计应为100%，实为${formatBp(weightSum)}` });
  }
  const points = model.indicators.map((x) => pointsOf(x, model.fullScore));
  if (model.indicators.some((x) => x.points !== undefined)) {
    const sum = points.reduce((a, v) => a + v, 0);
    if (sum !== model.fullScore) {
      problems.push({ field: 'indicators', value: sum, reason: `各指标分值合计 ${sum} 分，与满分 ${model.fullScore} 分不符` });
    }
  }
  problems.push(...checkCutoffs(model.cutoffs));

  const pub = publics[0];
  if (publics.length === 1 && pub) {
    const weights = model.indicators.map((x) => x.weightBp);
    const mean = floor === 'mean_of_all_indicators' ? '全部指标' : '其他指标';
    if (!notBelowMean(pub.weightBp, weights, floor)) {
      problems.push({
        field: 'indicators.public_score.weight',
        value: formatBp(pub.weightBp),
        reason: `公共信用综合评价指标权重 ${formatBp(pub.weightBp)} 低于${mean}平均权重 ${formatBp(weightSum / model.indicators.length)}，不符合“权重和分值不得低于平均值”（D2 二(二)2）`,
      });
    }
    const pubPoints = pointsOf(pub, model.fullScore);
    if (!notBelowMean(pubPoints, points, floor)) {
      problems.push({
        field: 'indicators.public_score.points',
        value: pubPoints,
        reason: `公共信用综合评价指标分值 ${pubPoints} 分低于${mean}平均分值，不符合“权重和分值不得低于平均值”（D2 二(二)2）`,
      });
    }
    if (problems.length === 0) {
      notes.push(`公共信用综合评价指标权重 ${formatBp(pub.weightBp)}、分值 ${pubPoints} 分，不低于${mean}平均值`);
    }
  }

  if (problems.length) return { valid: false, problems, articles: ARTICLES };
  return { valid: true, model, articles: ARTICLES, notes };
}

function checkCutoffs(cutoffs: readonly GradeCutoff[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const grades = cutoffs.map((c) => c.grade);
  if (grades.join() !== GRADES.join()) {
    problems.push({ field: 'cutoffs', value: grades.join(','), reason: '等级分数线应依次给出 A、B、C、D、E 五级（D2 二(二)1）' });
    return problems;
  }
  for (let i = 1; i < cutoffs.length; i += 1) {
    if (!(cutoffs[i]!.min < cutoffs[i - 1]!.min)) {
      problems.push({ field: `cutoffs[${i}].min`, value: cutoffs[i]!.min, reason: '分数线应自 A 至 E 逐级降低' });
    }
  }
  return problems;
}

export type IndustryScore =
  | {
      outcome: 'decided';
      score: number;
      grade: Grade;
      category: Category;
      parts: Array<{ code: string; label: string; value: number; max: number; points: number }>;
      articles: string[];
    }
  | { outcome: 'needs_input'; missing: string[]; articles: string[] };

/**
 * Score on the model: the public score scaled to the indicator's points
 * (public × points / public full score, rounded half up), plus each
 * supervisory indicator's points as the department assessed them (0..points).
 */
export function industryScore(
  model: IndustryModel,
  publicScore: number,
  publicFullScore: number,
  supervisory: Readonly<Record<string, number>>,
  categories: Record<Grade, Category>,
): IndustryScore {
  const missing = model.indicators
    .filter((x) => x.source === 'supervisory' && supervisory[x.code] === undefined)
    .map((x) => x.code);
  if (missing.length) return { outcome: 'needs_input', missing, articles: ARTICLES };

  const parts = model.indicators.map((x) => {
    const max = pointsOf(x, model.fullScore);
    if (x.source === 'public_score') {
      return { code: x.code, label: x.label, value: publicScore, max, points: roundHalfUp(publicScore * max, publicFullScore) };
    }
    const value = Math.max(0, Math.min(max, supervisory[x.code]!));
    return { code: x.code, label: x.label, value, max, points: value };
  });
  const score = parts.reduce((a, p) => a + p.points, 0);
  const cutoffs = [...model.cutoffs].sort((a, b) => b.min - a.min);
  const grade = gradeOf(score, cutoffs);
  return { outcome: 'decided', score, grade, category: categoryOf(grade, categories), parts, articles: ARTICLES };
}
