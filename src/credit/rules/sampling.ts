/**
 * Random inspection plans (双随机：随机抽取检查对象、随机选派检查人员) graded
 * by credit (D2 二(三)1–4): each grade is drawn at its own ratio of the
 * plan's base ratio — 诚信守法 fewer, 轻微失信 the normal ratio, 一般失信
 * more, 严重失信 without upper limit — and each drawn entity gets
 * inspectors drawn at random among those without a conflict of interest.
 * The seed is recorded with the plan; the same seed, population and pool
 * give the same plan.
 */
import { BP_ONE, roundHalfUp, type BasisPoints } from '../../core/money.ts';
import type { RuleDeclaration } from '../../core/params/articles.ts';
import { drawWithoutReplacement, seededRandom } from './random.ts';
import type { Grade } from './types.ts';
import { GRADES } from './types.ts';

export const samplingRule: RuleDeclaration = {
  id: 'd2.part2_3.sampling',
  articles: ['D2 二(三)1', 'D2 二(三)2', 'D2 二(三)3', 'D2 二(三)4'],
  title: '按信用等级确定抽查比例并随机抽取检查对象',
};

export const inspectorDrawRule: RuleDeclaration = {
  id: 'd2.part2_3.inspector_draw',
  articles: ['D2 二(三)'],
  title: '随机选派检查人员并回避利害关系',
};

export type GradeRatio = { percent_of_base: number } | { all: true };
export type Rounding = 'up' | 'half_up' | 'down';

export interface PlanInput {
  seed: string;
  baseRatioBp: BasisPoints;
  ratios: Record<Grade, GradeRatio>;
  rounding: Rounding;
  population: ReadonlyArray<{ uscc: string; grade: Grade }>;
  inspectors: ReadonlyArray<Inspector>;
  inspectorsPerEntity: number;
}

export interface Inspector {
  id: string;
  /** 统一社会信用代码 of entities the inspector must not inspect (利害关系). */
  conflicts: readonly string[];
}

export interface GradeDraw {
  grade: Grade;
  population: number;
  ratioBp: BasisPoints;
  drawn: number;
}

export interface PlanTarget {
  uscc: string;
  grade: Grade;
  order: number;
  inspectors: string[];
  /** Set when fewer inspectors without a conflict remain than needed. */
  shortfall?: string;
}

export interface PlanDraw {
  grades: GradeDraw[];
  targets: PlanTarget[];
  articles: string[];
}

/** The ratio of a grade in basis points, capped at 100 %. */
export function gradeRatioBp(base: BasisPoints, ratio: GradeRatio): BasisPoints {
  if ('all' in ratio) return BP_ONE;
  return Math.min(BP_ONE, roundHalfUp(base * ratio.percent_of_base, 100));
}

export function sampleCount(population: number, ratioBp: BasisPoints, rounding: Rounding): number {
  const exact = population * ratioBp;
  if (rounding === 'up') return Math.ceil(exact / BP_ONE);
  if (rounding === 'down') return Math.floor(exact / BP_ONE);
  return roundHalfUp(exact, BP_ONE);
}

export function drawPlan(input: PlanInput): PlanDraw {
  const random = seededRandom(input.seed);
  const grades: GradeDraw[] = [];
  const targets: PlanTarget[] = [];

  // Entities: grade by grade, each in USCC order so the draw does not
  // depend on how the population was listed.
  for (const grade of GRADES) {
    const members = input.population
      .filter((p) => p.grade === grade)
      .map((p) => p.uscc)
      .sort();
    const ratioBp = gradeRatioBp(input.baseRatioBp, input.ratios[grade]);
    const drawn = drawWithoutReplacement(members, sampleCount(members.length, ratioBp, input.rounding), random);
    grades.push({ grade, population: members.length, ratioBp, drawn: drawn.length });
    for (const uscc of drawn) targets.push({ uscc, grade, order: targets.length + 1, inspectors: [] });
  }

  // Inspectors: for each target in draw order, among those without a conflict.
  const pool = [...input.inspectors].sort((a, b) => a.id.localeCompare(b.id));
  for (const target of targets) {
    const eligible = pool.filter((i) => !i.conflicts.includes(target.uscc)).map((i) => i.id);
    target.inspectors = drawWithoutReplacement(eligible, input.inspectorsPerEntity, random);
    if (target.inspectors.length < input.inspectorsPerEntity) {
      target.shortfall = `回避利害关系后可选检查人员仅${eligible.length}名，少于每户${input.inspectorsPerEntity}名，需补充检查人员`;
    }
  }

  return { grades, targets, articles: samplingRule.articles };
}
