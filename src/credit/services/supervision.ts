/**
 * Sectors, industry models, entitlement answers and inspection plans
 * (D2 二(二)2, 二(三)). A sector without a model uses the public score and
 * its cut-offs; a model is accepted only when its public-score weight and
 * points are not below the average.
 */
import type { FieldProblem } from '../../core/errors.ts';
import { BP_ONE, parsePercent } from '../../core/money.ts';
import type { IsoDate } from '../../core/dates.ts';
import { isIsoDate } from '../../core/dates.ts';
import type { PlatformContext } from '../../platform/context.ts';
import { digestOf } from '../../platform/batch.ts';
import { fail } from '../../errorCatalog.ts';
import { writeTable, type TableFormat } from '../../io/table.ts';
import {
  checkIndustryModel,
  fractionToBasisPoints,
  industryScore,
  pointsOf,
  type IndustryModel,
  type IndicatorSource,
  type PublicFloor,
} from '../rules/industryModel.ts';
import { PARAM } from '../rules/params.ts';
import { drawPlan, type GradeRatio, type Rounding } from '../rules/sampling.ts';
import {
  entitlement,
  sectorTarget,
  type EntitlementTable,
  type SectorDefinition,
} from '../rules/supervision.ts';
import { GRADES, type Grade, type GradeCutoff } from '../rules/types.ts';
import type { CreditModelTable, CreditPlanTable, CreditPlanTargetTable, CreditSectorTable } from '../storage/tables.ts';
import type { CreditScoring } from './scoring.ts';
import { hashId, newId, nowIso, paramValue, parseJson, scoringParamsOn } from './support.ts';

export interface ModelInput {
  department: string;
  document_number?: string;
  valid_from: IsoDate;
  full_score?: number;
  indicators: Array<{ code: string; label: string; source: IndicatorSource; weight: number | string; points?: number }>;
  /** Lowest score of A, B, C, D, E; the public cut-offs when absent. */
  cutoffs?: Array<{ grade: Grade; min: number }>;
}

export interface PlanInput {
  sector: string;
  period_from: IsoDate;
  period_to: IsoDate;
  /** Percent, e.g. 10 for 10 %. */
  base_ratio_percent: number | string;
  /** Recorded with the plan; drawn at random when absent. */
  seed?: string;
}

export function modelFromRow(row: CreditModelTable): IndustryModel & { id: string; version: number; department: string; validFrom: string; documentNumber: string | null; definedBy: string } {
  return {
    id: row.id,
    version: Number(row.version),
    sector: row.sector,
    fullScore: Number(row.full_score),
    indicators: parseJson(row.indicators_json, []),
    cutoffs: parseJson(row.cutoffs_json, []),
    department: row.department,
    validFrom: row.valid_from,
    documentNumber: row.document_number,
    definedBy: row.defined_by,
  };
}

export class CreditSupervision {
  constructor(private readonly ctx: PlatformContext, private readonly scoring: CreditScoring) {}

  /** The eighteen sectors of D2 二(三), created once from the parameter. */
  async ensureSectors(on: IsoDate): Promise<void> {
    const sectors = paramValue<SectorDefinition[]>(this.ctx.params, PARAM.sectors, on);
    const at = nowIso();
    await this.ctx.store.db.insertInto('credit_sector')
      .values(sectors.map((s) => ({ code: s.code, label: s.label, department: s.department, model_id: null, created_at: at })))
      .onConflict((oc) => oc.column('code').doNothing())
      .execute();
  }

  async sectors(on: IsoDate) {
    await this.ensureSectors(on);
    const rows = await this.ctx.store.db.selectFrom('credit_sector').selectAll().orderBy('created_at').execute();
    const order = paramValue<SectorDefinition[]>(this.ctx.params, PARAM.sectors, on).map((s) => s.code);
    rows.sort((a, b) => rank(order, a.code) - rank(order, b.code));
    const plans = await this.ctx.store.db.selectFrom('credit_plan').select('sector').distinct().execute();
    const planned = new Set(plans.map((p) => p.sector));

    // D2 一(三): a sector runs classified supervision once it grades entities
    // in its work: its own model, or an inspection plan on the public score.
    const running = rows.filter((r) => r.model_id || planned.has(r.code)).length;
    const target = sectorTarget(running, paramValue<{ min_sectors: number; by: string }>(this.ctx.params, PARAM.sectorTarget, on));
    return {
      sectors: rows.map((r) => ({
        code: r.code,
        label: r.label,
        department: r.department,
        modelId: r.model_id,
        evaluation: r.model_id ? 'industry_model' : 'public_score',
        running: Boolean(r.model_id) || planned.has(r.code),
      })),
      target,
    };
  }

  async sector(code: string): Promise<CreditSectorTable> {
    const row = await this.ctx.store.db.selectFrom('credit_sector').selectAll().where('code', '=', code).executeTakeFirst();
    if (!row) fail('ERR_CREDIT_SECTOR_UNKNOWN', { details: { sector: code } });
    return row;
  }

  /** Define a model: refused with every reason when it breaks D2 二(二)2. */
  async defineModel(sectorCode: string, input: ModelInput, definedBy: string, on: IsoDate) {
    await this.ensureSectors(on);
    await this.sector(sectorCode);

    const problems: FieldProblem[] = [];
    const indicators = input.indicators.map((x, i) => {
      const weightBp = fractionToBasisPoints(x.weight);
      if (weightBp === undefined) problems.push({ field: `indicators[${i}].weight`, value: x.weight, reason: '权重应为0至1之间的小数，最多4位小数（如 0.5）' });
      return { code: x.code, label: x.label, source: x.source, weightBp: weightBp ?? 0, ...(x.points !== undefined ? { points: x.points } : {}) };
    });
    if (!isIsoDate(input.valid_from)) problems.push({ field: 'valid_from', value: input.valid_from, reason: '日期应为 YYYY-MM-DD' });
    if (problems.length) fail('ERR_CREDIT_MODEL_REFUSED', { problems });

    const publicParams = scoringParamsOn(this.ctx.params, on);
    const model: IndustryModel = {
      sector: sectorCode,
      fullScore: input.full_score ?? publicParams.table.fullScore,
      indicators,
      cutoffs: input.cutoffs ?? [...publicParams.cutoffs].sort((a, b) => b.min - a.min),
    };
    const floor = paramValue<PublicFloor>(this.ctx.params, PARAM.publicFloor, on);
    const checked = checkIndustryModel(model, floor);
    if (!checked.valid) {
      this.ctx.logger.info({ rule: 'd2.part2_2_2.industry_model_check', article: 'D2 二(二)2', sector: sectorCode, on }, 'industry model refused');
      fail('ERR_CREDIT_MODEL_REFUSED', { problems: checked.problems });
    }

    return this.ctx.store.db.transaction().execute(async (trx) => {
      const last = await trx.selectFrom('credit_model').select((eb) => eb.fn.max('version').as('v')).where('sector', '=', sectorCode).executeTakeFirst();
      const version = Number(last?.v ?? 0) + 1;
      const row: CreditModelTable = {
        id: `${sectorCode}:v${version}`,
        sector: sectorCode,
        version,
        full_score: model.fullScore,
        indicators_json: JSON.stringify(model.indicators.map((x) => ({ ...x, points: pointsOf(x, model.fullScore) }))),
        cutoffs_json: JSON.stringify(model.cutoffs),
        department: input.department,
        document_number: input.document_number ?? null,
        defined_by: definedBy,
        valid_from: input.valid_from,
        created_at: nowIso(),
      };
      await trx.insertInto('credit_model').values(row).execute();
      await trx.updateTable('credit_sector').set({ model_id: row.id }).where('code', '=', sectorCode).execute();
      return { model: modelFromRow(row), notes: checked.notes, articles: checked.articles };
    });
  }

  async models(sectorCode: string) {
    await this.sector(sectorCode);
    const rows = await this.ctx.store.db.selectFrom('credit_model').selectAll().where('sector', '=', sectorCode).orderBy('version').execute();
    return rows.map(modelFromRow);
  }

  async addAssessment(raw: { uscc: string; sector: string; indicator: string; points: number; assessed_on: IsoDate; department: string; document_number?: string }) {
    const sector = await this.sector(raw.sector);
    if (!sector.model_id) fail('ERR_CORE_INVALID_INPUT', { problems: [{ field: 'sector', value: raw.sector, reason: '该行业尚未建立行业评价模型，无行业监管类指标' }] });
    const model = modelFromRow(await this.ctx.store.db.selectFrom('credit_model').selectAll().where('id', '=', sector.model_id).executeTakeFirstOrThrow());
    const indicator = model.indicators.find((x) => x.code === raw.indicator && x.source === 'supervisory');
    if (!indicator) fail('ERR_CORE_INVALID_INPUT', { problems: [{ field: 'indicator', value: raw.indicator, reason: '不是该行业模型的行业监管类指标' }] });
    const max = pointsOf(indicator, model.fullScore);
    if (!Number.isInteger(raw.points) || raw.points < 0 || raw.points > max) {
      fail('ERR_CORE_INVALID_INPUT', { problems: [{ field: 'points', value: raw.points, reason: `得分应为0至${max}之间的整数` }] });
    }
    const entity = await this.ctx.store.db.selectFrom('credit_entity').select('uscc').where('uscc', '=', raw.uscc).executeTakeFirst();
    if (!entity) fail('ERR_CREDIT_ENTITY_NOT_FOUND', { details: { uscc: raw.uscc } });

    const row = {
      id: hashId('asm', [raw.uscc, raw.sector, raw.indicator, raw.assessed_on]),
      uscc: raw.uscc,
      sector: raw.sector,
      indicator: raw.indicator,
      points: raw.points,
      assessed_on: raw.assessed_on,
      department: raw.department,
      document_number: raw.document_number ?? null,
      created_at: nowIso(),
    };
    await this.ctx.store.db.insertInto('credit_assessment').values(row)
      .onConflict((oc) => oc.column('id').doUpdateSet({ points: row.points, department: row.department, document_number: row.document_number }))
      .execute();
    return row;
  }

  /** The entity's grade in a sector: its model, or the public score. */
  async industryResult(uscc: string, sectorCode: string, on: IsoDate) {
    const sector = await this.sector(sectorCode);
    const publicScore = await this.scoring.evaluate(this.ctx.store.db, uscc, on);
    if (!sector.model_id) {
      return {
        sector: sectorCode,
        evaluation: 'public_score' as const,
        outcome: 'decided' as const,
        score: publicScore.score,
        grade: publicScore.grade,
        category: publicScore.category,
        publicScore: publicScore.score,
        parts: [],
        missing: [],
        reason: '该行业尚未建立行业评价模型，按公共信用综合评价结果分级（D2 二(二)2）',
        articles: ['D2 二(二)2'],
      };
    }
    const model = modelFromRow(await this.ctx.store.db.selectFrom('credit_model').selectAll().where('id', '=', sector.model_id).executeTakeFirstOrThrow());
    const rows = await this.ctx.store.db.selectFrom('credit_assessment').selectAll()
      .where('uscc', '=', uscc).where('sector', '=', sectorCode).where('assessed_on', '<=', on)
      .orderBy('assessed_on').execute();
    const values: Record<string, number> = {};
    for (const r of rows) values[r.indicator] = Number(r.points);
    const params = scoringParamsOn(this.ctx.params, on);
    const result = industryScore(model, publicScore.score, params.table.fullScore, values, params.categories);
    if (result.outcome === 'needs_input') {
      return { sector: sectorCode, evaluation: 'industry_model' as const, outcome: 'needs_input' as const, publicScore: publicScore.score, parts: [], missing: result.missing, reason: '缺少行业监管类指标得分', articles: result.articles };
    }
    return {
      sector: sectorCode,
      evaluation: 'industry_model' as const,
      outcome: 'decided' as const,
      modelId: model.id,
      score: result.score,
      grade: result.grade,
      category: result.category,
      publicScore: publicScore.score,
      parts: result.parts,
      missing: [],
      reason: `按${model.id}行业评价模型计算`,
      articles: result.articles,
    };
  }

  /**
   * How the graded entities spread over A–E in a sector (D2 二(二)2): the
   * stored public grades while the sector has no model; with a model, the
   * industry grade of every entity assessed in the sector, and the rest
   * counted as lacking supervisory points.
   */
  async distribution(sectorCode: string, on: IsoDate) {
    await this.ensureSectors(on);
    const sector = await this.sector(sectorCode);
    const params = scoringParamsOn(this.ctx.params, on);
    const counts = new Map<Grade, number>(GRADES.map((g) => [g, 0]));

    const graded = await this.ctx.store.db.selectFrom('credit_entity')
      .innerJoin('credit_score', 'credit_score.id', 'credit_entity.current_score_id')
      .select(['credit_entity.uscc as uscc', 'credit_score.grade as grade'])
      .execute();

    if (!sector.model_id) {
      for (const row of graded) counts.set(row.grade as Grade, (counts.get(row.grade as Grade) ?? 0) + 1);
      return {
        sector: sectorCode, label: sector.label, evaluation: 'public_score' as const, modelId: null, on,
        cutoffs: params.cutoffs, total: graded.length, needsInput: 0,
        grades: GRADES.map((g) => ({ grade: g, category: params.categories[g].label, count: counts.get(g) ?? 0 })),
        reason: '该行业尚未建立行业评价模型，按各主体当前公共信用综合评价等级统计',
        articles: ['D2 二(二)1', 'D2 二(二)2'],
      };
    }

    const model = modelFromRow(await this.ctx.store.db.selectFrom('credit_model').selectAll().where('id', '=', sector.model_id).executeTakeFirstOrThrow());
    const assessed = await this.ctx.store.db.selectFrom('credit_assessment').select('uscc').distinct()
      .where('sector', '=', sectorCode).where('assessed_on', '<=', on).orderBy('uscc').execute();
    let needsInput = graded.length - assessed.length;
    for (const { uscc } of assessed) {
      const result = await this.industryResult(uscc, sectorCode, on);
      if (result.outcome === 'decided' && result.grade) counts.set(result.grade, (counts.get(result.grade) ?? 0) + 1);
      else needsInput += 1;
    }
    return {
      sector: sectorCode, label: sector.label, evaluation: 'industry_model' as const, modelId: model.id, on,
      cutoffs: [...model.cutoffs].sort((a, b) => b.min - a.min), total: Math.max(graded.length, assessed.length), needsInput: Math.max(0, needsInput),
      grades: GRADES.map((g) => ({ grade: g, category: params.categories[g].label, count: counts.get(g) ?? 0 })),
      reason: `按${model.id}行业评价模型统计；缺少行业监管类指标得分的主体单列`,
      articles: ['D2 二(二)2'],
    };
  }

  /** “May this entity …?” on its current grade (D2 二(三)1, 二(三)4). */
  async entitlement(uscc: string, action: string, on: IsoDate) {
    let current = await this.scoring.current(this.ctx.store.db, uscc);
    if (!current) {
      current = (await this.ctx.store.db.transaction().execute((trx) => this.scoring.rescore(trx, uscc, on, '首次查询时评价'))).score;
    }
    const table = paramValue<EntitlementTable>(this.ctx.params, PARAM.entitlements, on);
    const decision = entitlement(action, current.grade, current.category, table);
    if (decision.outcome === 'unknown_action') {
      fail('ERR_CORE_INVALID_INPUT', { problems: [{ field: 'action', value: action, reason: `应为 ${decision.known.join('、')} 之一` }] });
    }
    return { uscc, on, score: current.score, scoreId: current.id, ...decision.answer };
  }

  async measures(uscc: string) {
    return this.ctx.store.db.selectFrom('credit_measure').selectAll().where('uscc', '=', uscc).orderBy('started_on').orderBy('id').execute();
  }

  // ── inspectors and plans (双随机)

  async addInspector(raw: { id: string; name: string; department: string; sectors?: string[]; conflicts?: string[]; active?: boolean }) {
    const row = {
      id: raw.id,
      name: raw.name,
      department: raw.department,
      sectors_json: JSON.stringify(raw.sectors ?? []),
      conflicts_json: JSON.stringify(raw.conflicts ?? []),
      active: raw.active === false ? 0 : 1,
      created_at: nowIso(),
    };
    await this.ctx.store.db.insertInto('credit_inspector').values(row)
      .onConflict((oc) => oc.column('id').doUpdateSet({ name: row.name, department: row.department, sectors_json: row.sectors_json, conflicts_json: row.conflicts_json, active: row.active }))
      .execute();
    return this.inspectorView(row);
  }

  async inspectors() {
    const rows = await this.ctx.store.db.selectFrom('credit_inspector').selectAll().orderBy('id').execute();
    return rows.map((r) => this.inspectorView(r));
  }

  private inspectorView(r: { id: string; name: string; department: string; sectors_json: string; conflicts_json: string; active: number }) {
    return { id: r.id, name: r.name, department: r.department, sectors: parseJson<string[]>(r.sectors_json, []), conflicts: parseJson<string[]>(r.conflicts_json, []), active: Number(r.active) === 1 };
  }

  /**
   * Draw a plan over every entity with a current score, graded as the
   * sector grades them (today: the public grade; sectors with a model use
   * the public grade until their assessments are complete), and store it
   * with its seed and the digest of the population it drew from.
   */
  async createPlan(input: PlanInput, createdBy: string, on: IsoDate) {
    await this.ensureSectors(on);
    await this.sector(input.sector);
    const baseRatioBp = parsePercent(String(input.base_ratio_percent));
    const problems: FieldProblem[] = [];
    if (baseRatioBp === undefined || baseRatioBp <= 0 || baseRatioBp > BP_ONE) problems.push({ field: 'base_ratio_percent', value: input.base_ratio_percent, reason: '基准抽查比例应大于0且不超过100' });
    if (!isIsoDate(input.period_from) || !isIsoDate(input.period_to) || input.period_to < input.period_from) problems.push({ field: 'period_to', value: input.period_to, reason: '抽查期间应为有效日期且结束不早于开始' });
    if (problems.length) fail('ERR_CORE_INVALID_INPUT', { problems });

    const population = await this.ctx.store.db.selectFrom('credit_entity')
      .innerJoin('credit_score', 'credit_score.id', 'credit_entity.current_score_id')
      .select(['credit_entity.uscc as uscc', 'credit_score.grade as grade'])
      .orderBy('credit_entity.uscc')
      .execute();
    const pool = (await this.inspectors()).filter((i) => i.active && (i.sectors.length === 0 || i.sectors.includes(input.sector)));
    const ratios = paramValue<Record<Grade, GradeRatio>>(this.ctx.params, PARAM.samplingRatios, on);
    const rounding = paramValue<Rounding>(this.ctx.params, PARAM.sampleRounding, on);
    const perEntity = paramValue<number>(this.ctx.params, PARAM.inspectorsPerEntity, on);
    const seed = input.seed ?? newId('seed');

    const draw = drawPlan({
      seed,
      baseRatioBp: baseRatioBp!,
      ratios,
      rounding,
      population: population.map((p) => ({ uscc: p.uscc, grade: p.grade as Grade })),
      inspectors: pool.map((i) => ({ id: i.id, conflicts: i.conflicts })),
      inspectorsPerEntity: perEntity,
    });

    const plan: CreditPlanTable = {
      id: newId('plan'),
      sector: input.sector,
      period_from: input.period_from,
      period_to: input.period_to,
      base_ratio_bp: baseRatioBp!,
      seed,
      population_digest: digestOf([...population.map((p) => `${p.uscc}:${p.grade}`), '|', ...pool.map((i) => `${i.id}:${i.conflicts.join(',')}`)]),
      ratios_json: JSON.stringify({ ratios, rounding, inspectorsPerEntity: perEntity }),
      inspectors_per_entity: perEntity,
      grades_json: JSON.stringify(draw.grades),
      created_by: createdBy,
      created_at: nowIso(),
    };
    const targets: CreditPlanTargetTable[] = draw.targets.map((t) => ({
      id: `${plan.id}:${t.order}`,
      plan_id: plan.id,
      uscc: t.uscc,
      grade: t.grade,
      draw_order: t.order,
      inspectors_json: JSON.stringify(t.inspectors),
      shortfall: t.shortfall ?? null,
    }));
    await this.ctx.store.db.transaction().execute(async (trx) => {
      await trx.insertInto('credit_plan').values(plan).execute();
      for (let i = 0; i < targets.length; i += 500) await trx.insertInto('credit_plan_target').values(targets.slice(i, i + 500)).execute();
    });
    this.ctx.logger.info({ rule: 'd2.part2_3.sampling', article: 'D2 二(三)', plan: plan.id, sector: input.sector, drawn: targets.length, on }, 'inspection plan drawn');
    return this.plan(plan.id);
  }

  async plan(id: string) {
    const plan = await this.ctx.store.db.selectFrom('credit_plan').selectAll().where('id', '=', id).executeTakeFirst();
    if (!plan) fail('ERR_CREDIT_NOT_FOUND', { details: { plan: id } });
    const targets = await this.ctx.store.db.selectFrom('credit_plan_target').selectAll().where('plan_id', '=', id).orderBy('draw_order').execute();
    const settings = parseJson<{ ratios: Record<Grade, GradeRatio>; rounding: Rounding; inspectorsPerEntity: number }>(plan.ratios_json, { ratios: {} as Record<Grade, GradeRatio>, rounding: 'up', inspectorsPerEntity: 2 });
    return {
      id: plan.id,
      sector: plan.sector,
      periodFrom: plan.period_from,
      periodTo: plan.period_to,
      baseRatioPercent: Number(plan.base_ratio_bp) / 100,
      seed: plan.seed,
      populationDigest: plan.population_digest,
      rounding: settings.rounding,
      inspectorsPerEntity: Number(plan.inspectors_per_entity),
      grades: parseJson<Array<{ grade: Grade; population: number; ratioBp: number; drawn: number }>>(plan.grades_json, []).map((g) => ({ ...g, ratioPercent: g.ratioBp / 100 })),
      targets: targets.map((t) => ({ order: Number(t.draw_order), uscc: t.uscc, grade: t.grade as Grade, inspectors: parseJson<string[]>(t.inspectors_json, []), shortfall: t.shortfall })),
      createdBy: plan.created_by,
      createdAt: plan.created_at,
      articles: ['D2 二(三)1', 'D2 二(三)2', 'D2 二(三)3', 'D2 二(三)4'],
    };
  }

  async plans(sector?: string) {
    let query = this.ctx.store.db.selectFrom('credit_plan').selectAll().orderBy('created_at', 'desc');
    if (sector) query = query.where('sector', '=', sector);
    const rows = await query.execute();
    return rows.map((p) => ({ id: p.id, sector: p.sector, periodFrom: p.period_from, periodTo: p.period_to, baseRatioPercent: Number(p.base_ratio_bp) / 100, seed: p.seed, grades: parseJson(p.grades_json, []), createdAt: p.created_at }));
  }

  /** The plan for the inspectors, as CSV or XLSX (formula-safe). */
  async exportPlan(id: string, format: TableFormat): Promise<Buffer> {
    const plan = await this.plan(id);
    const names = new Map((await this.inspectors()).map((i) => [i.id, i.name]));
    const entities = new Map<string, string>();
    const codes = plan.targets.map((t) => t.uscc);
    for (let i = 0; i < codes.length; i += 500) {
      const rows = await this.ctx.store.db.selectFrom('credit_entity').select(['uscc', 'name']).where('uscc', 'in', codes.slice(i, i + 500)).execute();
      for (const r of rows) entities.set(r.uscc, r.name);
    }
    const rows = plan.targets.map((t) => ({
      order: t.order,
      uscc: t.uscc,
      name: entities.get(t.uscc) ?? '',
      grade: t.grade,
      inspectors: t.inspectors.map((i) => `${names.get(i) ?? i}（${i}）`).join('；'),
      shortfall: t.shortfall ?? '',
      plan: plan.id,
      seed: plan.seed,
      period: `${plan.periodFrom}至${plan.periodTo}`,
    }));
    return writeTable(rows, [
      { name: 'order', label: '序号' },
      { name: 'uscc', label: '统一社会信用代码' },
      { name: 'name', label: '主体名称' },
      { name: 'grade', label: '信用等级' },
      { name: 'inspectors', label: '检查人员' },
      { name: 'shortfall', label: '备注' },
      { name: 'plan', label: '抽查计划' },
      { name: 'seed', label: '随机种子' },
      { name: 'period', label: '抽查期间' },
    ], format, { headers: 'label', sheetName: '双随机抽查名单' });
  }
}

function rank(order: readonly string[], code: string): number {
  const i = order.indexOf(code);
  return i < 0 ? order.length : i;
}

export { GRADES };
export type { GradeCutoff };
