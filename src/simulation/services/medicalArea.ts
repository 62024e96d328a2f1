/**
 * The medical area of a run: the year's claims from storage, both runs in
 * memory (src/simulation/rules/medical.ts), and the assistance fund of the
 * year (D4 §19) under each: budgets and the accumulated surplus as stored,
 * spending as each run settled it.
 */
import { PARAM, MedicalParams } from '../../medical/rules/params.ts';
import { shortfallWithRules, type ShortfallView } from '../../medical/services/engine.ts';
import { fundLedger } from '../../medical/services/fund.ts';
import type { ParamRegistry } from '../../core/params/registry.ts';
import type { PlatformContext } from '../../platform/context.ts';
import { CATEGORY_NAMES, type CategoryCode } from '../../medical/rules/index.ts';
import { EMPLOYMENT_TITLES, simulateMedical, type ClaimDelta, type MedicalSimulation, type PersonDelta } from '../rules/medical.ts';
import type { AreaResult } from '../rules/result.ts';
import type { DetailSheets, SheetSpec } from './export.ts';
import { loadMedicalYear } from './medicalData.ts';

export interface FundSide {
  spending: number;
  income: number;
  gap: number;
  fromSurplus: number;
  surplusAfter: number;
  remaining: number;
  byCertifier: Array<{ county: string; amount: number }>;
  articles: string[];
}

export interface MedicalDetail {
  reproduced: MedicalSimulation['reproduced'];
  skipped: number;
  changed: PersonDelta[];
  claimDeltas: ClaimDelta[];
  /** D4 §19 fund ledger of the year under each run; null when D4 is not in force. */
  fund: { budgets: number; accumulatedSurplus: number; baseline: FundSide; scenario: FundSide } | null;
}

function side(view: ShortfallView): FundSide {
  return {
    spending: view.spending,
    income: view.income,
    gap: view.gap,
    fromSurplus: view.fromSurplus,
    surplusAfter: view.surplusAfter,
    remaining: view.remaining,
    byCertifier: view.byCertifier,
    articles: view.articles,
  };
}

export async function runMedicalArea(
  ctx: PlatformContext,
  registries: { baseline: ParamRegistry; scenario: ParamRegistry },
  year: number,
): Promise<AreaResult<MedicalDetail>> {
  const data = await loadMedicalYear(ctx, year);
  const ledger = await fundLedger(ctx, year);

  const simulation = simulateMedical({
    year,
    claims: data.claims,
    baseline: new MedicalParams(registries.baseline),
    scenario: new MedicalParams(registries.scenario),
  });

  const budgets = ledger.budgets.map((b) => ({ county: b.county, budget: b.budget }));
  const fundOf = (registry: ParamRegistry, spending: Record<string, number>) =>
    shortfallWithRules(registry, {
      year,
      budgets,
      spending: Object.entries(spending).map(([county, amount]) => ({ county, spending: amount })),
      accumulatedSurplus: ledger.accumulatedSurplus,
    });
  const baselineFund = fundOf(registries.baseline, simulation.assistanceByCounty.baseline);
  const scenarioFund = fundOf(registries.scenario, simulation.assistanceByCounty.scenario);

  const notes = [
    '基线为现行规则（参数文件及已发布的参数版本）在内存中重新结算当年全部已结算且未冲销的单据；测算方案在同一批单据上结算，差额只来自参数调整。',
    '个人账户在结算以外的变动（划入、调剂）按库存结算单原样重放。',
  ];
  if (simulation.reproduced.compared > simulation.reproduced.matching) {
    notes.push(
      `基线重算与库存结算单不一致的单据 ${simulation.reproduced.compared - simulation.reproduced.matching} 张（多为结算后参数有新版本）；测算差额以基线重算为准。`,
    );
  }
  if (data.skipped > 0) notes.push(`${data.skipped} 张单据的参保人已无记录或不在参保期内，未纳入测算。`);

  return {
    area: 'medical',
    lines: simulation.lines,
    distribution: simulation.distribution,
    crossings: simulation.crossings,
    counts: { claims: simulation.claims, persons: simulation.persons, changedPersons: simulation.changed.length, changedClaims: simulation.claimDeltas.length },
    paramIds: Object.values(PARAM),
    notes,
    detail: {
      reproduced: simulation.reproduced,
      skipped: data.skipped,
      changed: simulation.changed,
      claimDeltas: simulation.claimDeltas,
      fund: baselineFund.inForce
        ? {
            budgets: budgets.reduce((s, b) => s + b.budget, 0),
            accumulatedSurplus: ledger.accumulatedSurplus,
            baseline: side(baselineFund),
            scenario: side(scenarioFund),
          }
        : null,
    },
  };
}

/** The medical detail sheets of the workbook: persons, claims, the fund. */
export const medicalSheets: DetailSheets = (area, counties) => {
  const detail = area.detail as MedicalDetail;
  const county = (code: string) => counties[code] ?? code;
  const sheets: SheetSpec[] = [
    {
      name: '医保·人员',
      personal: true,
      columns: [
        { key: 'person_id', header: '参保人', width: 22 },
        { key: 'county', header: '县区', width: 14 },
        { key: 'category', header: '类别', width: 22 },
        { key: 'claims', header: '单据数' },
        { key: 'baseline_pooling', header: '基线门诊统筹（元）', money: true },
        { key: 'baseline_assistance', header: '基线医疗救助（元）', money: true },
        { key: 'scenario_pooling', header: '方案门诊统筹（元）', money: true },
        { key: 'scenario_assistance', header: '方案医疗救助（元）', money: true },
        { key: 'delta', header: '个人受益（元）', money: true },
      ],
      rows: detail.changed.map((p) => ({
        person_id: p.personId,
        county: county(p.county),
        category: CATEGORY_NAMES[p.category as CategoryCode] ?? EMPLOYMENT_TITLES[p.category] ?? p.category,
        claims: p.claims,
        baseline_pooling: p.baseline.pooling,
        baseline_assistance: p.baseline.assistance,
        scenario_pooling: p.scenario.pooling,
        scenario_assistance: p.scenario.assistance,
        delta: p.delta,
      })),
    },
    {
      name: '医保·单据',
      personal: true,
      columns: [
        { key: 'claim_id', header: '单据号', width: 20 },
        { key: 'person_id', header: '参保人', width: 22 },
        { key: 'date', header: '日期', width: 12 },
        { key: 'county', header: '县区', width: 14 },
        { key: 'baseline_pooling', header: '基线门诊统筹（元）', money: true },
        { key: 'scenario_pooling', header: '方案门诊统筹（元）', money: true },
        { key: 'baseline_assistance', header: '基线医疗救助（元）', money: true },
        { key: 'scenario_assistance', header: '方案医疗救助（元）', money: true },
        { key: 'baseline_account', header: '基线个人账户（元）', money: true },
        { key: 'scenario_account', header: '方案个人账户（元）', money: true },
        { key: 'articles', header: '适用条款', width: 50 },
      ],
      rows: detail.claimDeltas.map((c) => ({
        claim_id: c.claimId,
        person_id: c.personId,
        date: c.date,
        county: county(c.county),
        baseline_pooling: c.baseline.pooling,
        scenario_pooling: c.scenario.pooling,
        baseline_assistance: c.baseline.assistance,
        scenario_assistance: c.scenario.assistance,
        baseline_account: c.baseline.accountPaid,
        scenario_account: c.scenario.accountPaid,
        articles: c.articles,
      })),
    },
  ];
  if (detail.fund) {
    const f = detail.fund;
    sheets.push({
      name: '医保·救助资金',
      personal: false,
      columns: [
        { key: 'item', header: '项目（D4 第十九条）', width: 30 },
        { key: 'baseline', header: '基线（元）', money: true },
        { key: 'scenario', header: '方案（元）', money: true },
      ],
      rows: [
        { item: '年度预算合计', baseline: f.budgets, scenario: f.budgets },
        { item: '救助支出', baseline: f.baseline.spending, scenario: f.scenario.spending },
        { item: '收支缺口', baseline: f.baseline.gap, scenario: f.scenario.gap },
        { item: '动用历年结余', baseline: f.baseline.fromSurplus, scenario: f.scenario.fromSurplus },
        { item: '结余余额', baseline: f.baseline.surplusAfter, scenario: f.scenario.surplusAfter },
        { item: '仍需县区分担', baseline: f.baseline.remaining, scenario: f.scenario.remaining },
      ],
    });
  }
  return sheets;
};

/** Years with settled claims. */
export async function medicalYears(ctx: PlatformContext): Promise<number[]> {
  const rows = await ctx.store.db.selectFrom('medical_claim').select('year').distinct().orderBy('year').execute();
  return rows.map((r) => Number(r.year));
}
