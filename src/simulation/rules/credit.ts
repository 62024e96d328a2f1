/**
 * The credit part of a scenario run: every entity's public score (D2 附件,
 * 二(二)2) computed twice in memory by the credit area's own scorer
 * (compileScorer) on one evaluation date, under the rules in force and under
 * the scenario; in each sector with an industry model, the industry grade
 * (industryScore) of the entities it assessed. Out come the grade
 * distributions per sector and the entities changing grade. Nothing is read
 * or written here.
 *
 * Credit moves no money: its result has no cost lines. The distribution
 * counts grade steps (one grade up gains 1).
 */
import type { IsoDate } from '../../core/dates.ts';
import { gradeRule } from '../../credit/rules/grade.ts';
import { industryScore, industryScoreRule, type IndustryModel } from '../../credit/rules/industryModel.ts';
import type { ScoringParams } from '../../credit/rules/params.ts';
import { compileScorer } from '../../credit/rules/publicScore.ts';
import { GRADES, type CreditRecord, type Grade, type MarketEntity } from '../../credit/rules/types.ts';
import { distribution, type Crossing, type Distribution } from './outcome.ts';

export interface SectorModel {
  sector: string;
  label: string;
  model: IndustryModel & { id: string };
  /** Supervisory points per entity assessed in the sector, the latest of each indicator on the date. */
  assessments: ReadonlyMap<string, Readonly<Record<string, number>>>;
}

export interface CreditSimulationInput {
  on: IsoDate;
  /** Area code of each entity (GB/T 2260), for the crossings. */
  entities: ReadonlyArray<MarketEntity & { area: string }>;
  records: ReadonlyMap<string, readonly CreditRecord[]>;
  /** Sectors grading by their own model; every other sector grades on the public score. */
  models: readonly SectorModel[];
  /** Sectors without a model, which grade on the public score. */
  publicSectors: ReadonlyArray<{ code: string; label: string }>;
  baseline: ScoringParams;
  scenario: ScoringParams;
}

export interface GradeCount {
  grade: Grade;
  baseline: number;
  scenario: number;
}

export interface SectorDistribution {
  /** 'public' for the public score, else the sector code. */
  sector: string;
  label: string;
  evaluation: 'public_score' | 'industry_model';
  modelId: string | null;
  grades: GradeCount[];
  /** Entities the model could not grade for want of supervisory points. */
  needsInput: number;
  rule: string;
  articles: string[];
}

export interface GradeChange {
  uscc: string;
  area: string;
  sector: string;
  baseline: { score: number; grade: Grade };
  scenario: { score: number; grade: Grade };
  /** Grade steps up (positive) or down. */
  steps: number;
}

export interface CreditSimulation {
  on: IsoDate;
  entities: number;
  records: number;
  sectors: SectorDistribution[];
  changes: GradeChange[];
  distribution: Distribution;
  crossings: Crossing[];
}

/** Bands of grade steps: one, two, three, four. */
const STEP_EDGES = [1, 2, 3];

const rank = (g: Grade) => GRADES.indexOf(g);

function emptyCounts(): GradeCount[] {
  return GRADES.map((grade) => ({ grade, baseline: 0, scenario: 0 }));
}

export function simulateCredit(input: CreditSimulationInput): CreditSimulation {
  const before = compileScorer(input.baseline);
  const after = compileScorer(input.scenario);
  const publicCounts = emptyCounts();
  const changes: GradeChange[] = [];
  const publicScores = new Map<string, { baseline: number; scenario: number }>();
  const deltas: number[] = [];
  let records = 0;

  for (const entity of input.entities) {
    const own = input.records.get(entity.uscc) ?? [];
    records += own.length;
    const b = before(entity, own, input.on);
    const s = after(entity, own, input.on);
    publicScores.set(entity.uscc, { baseline: b.score, scenario: s.score });
    publicCounts[rank(b.grade)]!.baseline += 1;
    publicCounts[rank(s.grade)]!.scenario += 1;
    const steps = rank(b.grade) - rank(s.grade);
    deltas.push(steps);
    if (steps !== 0 || b.score !== s.score) {
      changes.push({ uscc: entity.uscc, area: entity.area, sector: 'public', baseline: { score: b.score, grade: b.grade }, scenario: { score: s.score, grade: s.grade }, steps });
    }
  }

  const sectors: SectorDistribution[] = [{
    sector: 'public',
    label: `公共信用综合评价（未建行业模型的 ${input.publicSectors.length} 个行业按此分级）`,
    evaluation: 'public_score',
    modelId: null,
    grades: publicCounts,
    needsInput: 0,
    rule: gradeRule.id,
    articles: ['D2 附件', 'D2 二(二)2'],
  }];

  const areaOf = new Map(input.entities.map((e) => [e.uscc, e.area]));
  for (const sector of input.models) {
    const counts = emptyCounts();
    let needsInput = 0;
    for (const [uscc, points] of sector.assessments) {
      const score = publicScores.get(uscc);
      if (!score) continue;

      const b = industryScore(sector.model, score.baseline, input.baseline.table.fullScore, points, input.baseline.categories);
      const s = industryScore(sector.model, score.scenario, input.scenario.table.fullScore, points, input.scenario.categories);
      if (b.outcome !== 'decided' || s.outcome !== 'decided') {
        needsInput += 1;
        continue;
      }
      counts[rank(b.grade)]!.baseline += 1;
      counts[rank(s.grade)]!.scenario += 1;
      const steps = rank(b.grade) - rank(s.grade);
      if (steps !== 0 || b.score !== s.score) {
        changes.push({ uscc, area: areaOf.get(uscc) ?? '', sector: sector.sector, baseline: { score: b.score, grade: b.grade }, scenario: { score: s.score, grade: s.grade }, steps });
      }
    }
    sectors.push({
      sector: sector.sector,
      label: `${sector.label}（${sector.model.id} 行业评价模型）`,
      evaluation: 'industry_model',
      modelId: sector.model.id,
      grades: counts,
      needsInput,
      rule: industryScoreRule.id,
      articles: ['D2 二(二)2'],
    });
  }

  const labels = new Map(sectors.map((s) => [s.sector, s]));
  const crossings: Crossing[] = changes
    .filter((c) => c.steps !== 0)
    .map((c) => ({
      area: 'credit' as const,
      subject: c.uscc,
      county: c.area,
      kind: `${c.sector === 'public' ? 'public_grade' : `sector_grade_${c.sector}`}:${c.steps > 0 ? 'up' : 'down'}`,
      title: `${c.sector === 'public' ? '公共信用等级' : `${labels.get(c.sector)?.label ?? c.sector}等级`}${c.steps > 0 ? '上升' : '下降'}：${c.baseline.grade} → ${c.scenario.grade}`,
      baseline: `${c.baseline.grade}（${c.baseline.score} 分）`,
      scenario: `${c.scenario.grade}（${c.scenario.score} 分）`,
      rule: c.sector === 'public' ? gradeRule.id : industryScoreRule.id,
      article: 'D2 二(二)2',
    }));
  changes.sort((x, y) => Math.abs(y.steps) - Math.abs(x.steps) || x.sector.localeCompare(y.sector) || x.uscc.localeCompare(y.uscc));
  crossings.sort((x, y) => x.kind.localeCompare(y.kind) || x.subject.localeCompare(y.subject));

  return {
    on: input.on,
    entities: input.entities.length,
    records,
    sectors,
    changes,
    distribution: distribution(deltas, input.entities.length, STEP_EDGES, 'grades'),
    crossings,
  };
}
