/**
 * The public credit score (公共信用综合评价, D2 二(二)2 and its appendix):
 * the points of every indicator of the table from the records that count
 * on the evaluation date, their sum, the grade and the category. Every
 * indicator keeps the records behind it.
 *
 * `compileScorer` does the per-date work once (statuses, memoised windows,
 * fixed sentences), so that a million entities score in seconds.
 */
import { addMonths, type IsoDate } from '../../core/dates.ts';
import type { RuleDeclaration } from '../../core/params/articles.ts';
import { categoryOf, gradeOf } from './grade.ts';
import type { ScoringParams } from './params.ts';
import { recordCounts, WindowEnds } from './recordCounts.ts';
import type {
  CreditRecord,
  IndicatorDefinition,
  IndicatorPoints,
  MarketEntity,
  PublicScore,
} from './types.ts';

export const publicScoreRule: RuleDeclaration = {
  id: 'd2.appendix.public_score',
  articles: ['D2 附件', 'D2 二(二)2'],
  title: '按指标表计算公共信用综合评价得分',
};

export const SCORE_ARTICLES = ['D2 附件', 'D2 二(二)2', 'D2 二(二)1'];

export type Scorer = (
  entity: MarketEntity,
  records: readonly CreditRecord[],
  on: IsoDate,
) => PublicScore;

interface Compiled {
  def: IndicatorDefinition;
  full: string;
  none: string;
  lost: string;
}

function sentences(def: IndicatorDefinition): Compiled {
  switch (def.rule) {
    case 'operating_years':
      return {
        def,
        full: `成立满${def.minYears}年，得${def.points}分`,
        none: `成立不满${def.minYears}年，不得分`,
        lost: '',
      };
    case 'lose_on_any':
      return { def, full: `无计分记录，得满分${def.points}分`, none: '', lost: '有计分记录，不得分' };
    case 'steps_by_count':
      return { def, full: `无计分记录，得满分${def.points}分`, none: '', lost: '按计分记录条数分档计分' };
    case 'earn_on_any':
      return {
        def,
        full: `有计分记录，得${def.points}分`,
        none: '无计分记录，正向指标不得分（指标表：有相关信息方得分）',
        lost: '',
      };
  }
}

export function compileScorer(params: ScoringParams): Scorer {
  const { table } = params;
  const compiled = table.indicators.map(sentences);
  const index = new Map(table.indicators.map((d, i) => [d.code, i]));
  const counting = new Set(params.countingStatuses);
  const windows = new WindowEnds();
  const earnMax = table.indicators
    .filter((d) => d.rule === 'earn_on_any')
    .reduce((a, d) => a + d.points, 0);
  const literalNote =
    `按指标表字面规则，正向指标（${table.indicators.filter((d) => d.rule === 'earn_on_any').map((d) => d.label).join('、')}）` +
    `有相关信息方得分，共${earnMax}分，本主体均未得分：即使没有任何不良记录，得分最高也只有${table.fullScore - earnMax}分。`;

  // Per-date work done once: whether an establishment date earns 经营年限,
  // and the sentences of each step count.
  const operating = new Map<string, boolean>();
  const stepReasons = compiled.map((c) =>
    (c.def.steps ?? []).map((points, n) => (n === 0 ? c.full : `有${n}条${n === c.def.steps!.length - 1 ? '及以上' : ''}计分记录，得${points}分`)),
  );
  const EMPTY: readonly string[] = Object.freeze([]);

  return (entity, records, on) => {
    const counted: string[][] = new Array(compiled.length);
    const excluded: Array<{ record: string; reason: string }> = [];

    for (const record of records) {
      const i = index.get(record.indicator);
      if (i === undefined) {
        excluded.push({ record: record.id, reason: `指标表中没有指标 ${record.indicator}` });
        continue;
      }
      const verdict = recordCounts(record, on, counting, params.publicityYears, windows);
      if (verdict.counts) (counted[i] ??= []).push(record.id);
      else excluded.push({ record: record.id, reason: verdict.reason });
    }

    let score = 0;
    let earned = 0;
    const indicators: IndicatorPoints[] = new Array(compiled.length);
    for (let i = 0; i < compiled.length; i += 1) {
      const c = compiled[i]!;
      const def = c.def;
      const ids = counted[i] ?? (EMPTY as string[]);
      let points: number;
      let reason: string;
      switch (def.rule) {
        case 'operating_years': {
          const key = `${entity.established}|${on}`;
          let ok = operating.get(key);
          if (ok === undefined) {
            ok = addMonths(entity.established, 12 * def.minYears!) <= on;
            if (operating.size > 100_000) operating.clear();
            operating.set(key, ok);
          }
          points = ok ? def.points : 0;
          reason = ok ? c.full : c.none;
          break;
        }
        case 'lose_on_any':
          points = ids.length === 0 ? def.points : 0;
          reason = ids.length === 0 ? c.full : c.lost;
          break;
        case 'steps_by_count': {
          const steps = def.steps!;
          const step = Math.min(ids.length, steps.length - 1);
          points = steps[step]!;
          reason = stepReasons[i]![step]!;
          break;
        }
        case 'earn_on_any':
          points = ids.length > 0 ? def.points : 0;
          reason = ids.length > 0 ? c.full : c.none;
          earned += points;
          break;
      }
      score += points;
      indicators[i] = { code: def.code, label: def.label, group: def.group, max: def.points, points, records: ids, reason };
    }

    const grade = gradeOf(score, params.cutoffs);
    return {
      uscc: entity.uscc,
      evaluatedOn: on,
      score,
      grade,
      category: categoryOf(grade, params.categories),
      indicators,
      excluded,
      notes: earned === 0 && earnMax > 0 ? [literalNote] : [],
      articles: SCORE_ARTICLES,
      table: table.source,
    };
  };
}

/** One entity, one date: for callers that score once. */
export function scorePublic(
  entity: MarketEntity,
  records: readonly CreditRecord[],
  on: IsoDate,
  params: ScoringParams,
): PublicScore {
  return compileScorer(params)(entity, records, on);
}
