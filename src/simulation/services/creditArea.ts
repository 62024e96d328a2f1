/**
 * The credit area of a run: entities, their records, the sectors' industry
 * models and the departments' assessments read once (never written), every
 * entity scored on 31 December of the year under each registry
 * (src/simulation/rules/credit.ts). Stored scores and measures stay as
 * they are.
 */
import type { IsoDate } from '../../core/dates.ts';
import type { ParamRegistry } from '../../core/params/registry.ts';
import { PARAM, ParamMissing, scoringParams, TableInvalid, type ScoringParams } from '../../credit/rules/params.ts';
import type { CreditRecord } from '../../credit/rules/types.ts';
import { recordFromRow } from '../../credit/services/scoring.ts';
import { modelFromRow } from '../../credit/services/supervision.ts';
import { JIXI_COUNTIES } from '../../medical/services/records.ts';
import type { PlatformContext } from '../../platform/context.ts';
import { simulateCredit, type CreditSimulation, type SectorModel } from '../rules/credit.ts';
import type { AreaResult, AreaTable } from '../rules/result.ts';
import type { DetailSheets } from './export.ts';
import { fail } from './fail.ts';

export type CreditDetail = Pick<CreditSimulation, 'on' | 'sectors' | 'changes'>;

const PARAM_IDS = [PARAM.indicatorTable, PARAM.publicityYears, PARAM.countingStatuses, PARAM.gradeCutoffs, PARAM.gradeCategories];

function paramsOf(registry: ParamRegistry, on: IsoDate, side: string): ScoringParams {
  try {
    return scoringParams(registry, on);
  } catch (error) {
    if (error instanceof TableInvalid) {
      fail('ERR_SIMULATION_SCENARIO_INVALID', { problems: error.problems.map((p) => ({ ...p, field: `changes:${p.field}` })), details: { area: 'credit', side } });
    }
    if (error instanceof ParamMissing) {
      fail('ERR_SIMULATION_SCENARIO_INVALID', { problems: [{ field: 'changes', value: error.id, reason: `${on} 没有有效的信用参数` }], details: { area: 'credit', side } });
    }
    throw error;
  }
}

export async function loadCreditData(ctx: PlatformContext, on: IsoDate) {
  const db = ctx.store.db;
  const [entities, recordRows, sectors, assessments] = await Promise.all([
    db.selectFrom('credit_entity').select(['uscc', 'established', 'area']).orderBy('uscc').execute(),
    db.selectFrom('credit_record').selectAll().where('decided', '<=', on).orderBy('uscc').orderBy('decided').orderBy('id').execute(),
    db.selectFrom('credit_sector').select(['code', 'label', 'model_id']).orderBy('created_at').orderBy('code').execute(),
    db.selectFrom('credit_assessment').select(['uscc', 'sector', 'indicator', 'points', 'assessed_on'])
      .where('assessed_on', '<=', on).orderBy('assessed_on').orderBy('id').execute(),
  ]);
  const records = new Map<string, CreditRecord[]>();
  for (const row of recordRows) {
    const list = records.get(row.uscc);
    if (list) list.push(recordFromRow(row));
    else records.set(row.uscc, [recordFromRow(row)]);
  }

  const modelIds = sectors.flatMap((s) => (s.model_id ? [s.model_id] : []));
  const modelRows = modelIds.length ? await db.selectFrom('credit_model').selectAll().where('id', 'in', modelIds).execute() : [];
  const byId = new Map(modelRows.map((r) => [r.id, modelFromRow(r)]));
  const models: SectorModel[] = [];
  for (const sector of sectors) {
    const model = sector.model_id ? byId.get(sector.model_id) : undefined;
    if (!model) continue;

    // The latest points of each indicator on the date (later rows overwrite).
    const points = new Map<string, Record<string, number>>();
    for (const a of assessments) {
      if (a.sector !== sector.code) continue;
      const own = points.get(a.uscc) ?? {};
      own[a.indicator] = Number(a.points);
      points.set(a.uscc, own);
    }
    models.push({ sector: sector.code, label: sector.label, model, assessments: points });
  }
  return {
    entities: entities.map((e) => ({ uscc: e.uscc, established: e.established, area: e.area })),
    records,
    models,
    publicSectors: sectors.filter((s) => !s.model_id || !byId.has(s.model_id)).map((s) => ({ code: s.code, label: s.label })),
  };
}

function tablesOf(simulation: CreditSimulation): AreaTable[] {
  return [{
    key: 'grades_by_sector',
    sheet: '信用·分行业等级分布',
    title: `信用：分行业等级分布（评价日 ${simulation.on}）`,
    columns: [
      { key: 'sector', title: '行业（评价方式）', kind: 'text' },
      { key: 'grade', title: '等级', kind: 'text' },
      { key: 'baseline', title: '基线主体数', kind: 'count' },
      { key: 'scenario', title: '方案主体数', kind: 'count' },
      { key: 'delta', title: '变化', kind: 'count' },
      { key: 'rule', title: '规则（条款）', kind: 'text' },
    ],
    rows: simulation.sectors.flatMap((s) => [
      ...s.grades.map((g) => ({
        sector: s.label,
        grade: g.grade,
        baseline: g.baseline,
        scenario: g.scenario,
        delta: g.scenario - g.baseline,
        rule: `${s.rule}（${s.articles.join('、')}）`,
      })),
      ...(s.needsInput > 0 ? [{ sector: s.label, grade: '缺少行业监管类指标得分', baseline: s.needsInput, scenario: s.needsInput, delta: 0, rule: `${s.rule}（${s.articles.join('、')}）` }] : []),
    ]),
  }];
}

export async function runCreditArea(
  ctx: PlatformContext,
  registries: { baseline: ParamRegistry; scenario: ParamRegistry },
  year: number,
): Promise<AreaResult<CreditDetail>> {
  const on = `${year}-12-31`;
  const data = await loadCreditData(ctx, on);
  const simulation = simulateCredit({
    on,
    ...data,
    baseline: paramsOf(registries.baseline, on, 'baseline'),
    scenario: paramsOf(registries.scenario, on, 'scenario'),
  });

  return {
    area: 'credit',
    lines: [],
    distribution: simulation.distribution,
    crossings: simulation.crossings,
    counts: {
      entities: simulation.entities,
      records: simulation.records,
      modelSectors: data.models.length,
      changedEntities: simulation.changes.filter((c) => c.steps !== 0).length,
    },
    paramIds: PARAM_IDS,
    notes: [
      `信用不涉及资金，无成本；基线为现行规则在内存中对每个主体按 ${on} 重新评分（D2 附件、二(二)2），方案在同一批记录上评分。库存评价结果和监管措施不改动。`,
      '行业评价模型的指标、权重和分数线由行业主管部门定义并存于平台，不是参数，方案不能调整；方案改变公共信用综合评价得分时，行业得分随之变化。',
    ],
    tables: tablesOf(simulation),
    detail: { on, sectors: simulation.sectors, changes: simulation.changes },
  };
}

export const creditSheets: DetailSheets = (area) => {
  const detail = area.detail as CreditDetail;
  const label = new Map(detail.sectors.map((s) => [s.sector, s.label]));
  return [{
    name: '信用·等级变化的主体',
    personal: false,
    columns: [
      { key: 'uscc', header: '统一社会信用代码', width: 22 },
      { key: 'county', header: '县区', width: 14 },
      { key: 'sector', header: '行业（评价方式）', width: 36 },
      { key: 'baseline_score', header: '基线得分' },
      { key: 'baseline_grade', header: '基线等级' },
      { key: 'scenario_score', header: '方案得分' },
      { key: 'scenario_grade', header: '方案等级' },
      { key: 'steps', header: '升降级数' },
    ],
    rows: detail.changes.map((c) => ({
      uscc: c.uscc,
      county: JIXI_COUNTIES[c.area] ?? c.area,
      sector: label.get(c.sector) ?? c.sector,
      baseline_score: c.baseline.score,
      baseline_grade: c.baseline.grade,
      scenario_score: c.scenario.score,
      scenario_grade: c.scenario.grade,
      steps: c.steps,
    })),
  }];
};

/** Years with a stored public score. */
export async function creditYears(ctx: PlatformContext): Promise<number[]> {
  const rows = await ctx.store.db.selectFrom('credit_score').select('evaluated_on').distinct().execute();
  return [...new Set(rows.map((r) => Number(r.evaluated_on.slice(0, 4))))].sort((a, b) => a - b);
}
