/**
 * The price area of a run: the year's index months, the subsidy
 * recipients, the catalogue and the accepted observations, complaints and
 * patrol reports the detection rules look back over, read once (never
 * written); both halves decided under each registry
 * (src/simulation/rules/price.ts). Stored decisions, payment lists and
 * detections stay as they are.
 */
import { sql } from 'kysely';

import { addDays, addMonthsToMonth, type IsoMonth } from '../../core/dates.ts';
import { formatPercent } from '../../core/money.ts';
import type { ParamRegistry } from '../../core/params/registry.ts';
import type { Residence } from '../../price/rules/subsidyAmount.ts';
import type { PanicKind } from '../../price/rules/types.ts';
import { listItems } from '../../price/services/catalogue.ts';
import { detectionSettings, subsidySettings, triggerThresholds, type Loaded } from '../../price/services/settings.ts';
import type { PlatformContext } from '../../platform/context.ts';
import { simulatePrice, type MonthOutcome, type PriceRules, type PriceSeries, type PriceSimulation, type RecipientSpan, type Settings } from '../rules/price.ts';
import type { AreaResult, AreaTable } from '../rules/result.ts';
import type { DetailSheets } from './export.ts';

export type PriceDetail = Pick<PriceSimulation, 'months' | 'proposals' | 'detectionDates' | 'detectionGaps'>;

const P = 'price.d3.';
const PARAM_IDS = [
  `${P}art2_4_1.subsidy_cpi_threshold`,
  `${P}art2_4_1.subsidy_food_threshold`,
  `${P}art2_3.dibao_urban_monthly`,
  `${P}art2_3.dibao_rural_monthly`,
  `${P}art2_4_1.subsidy_rounding`,
  `${P}art2_4_1.subsidy_floor`,
  `${P}art2_4_1.subsidy_payment_lag`,
  `${P}art2_3.subsidy_groups`,
  `${P}art1_3.r1_thresholds`,
  `${P}art1_3.r2_rises`,
  `${P}art1_3.r3_runs`,
  `${P}art1_3.breadth_min_points`,
  `${P}art1_3.breadth_min_counties`,
];

/** Years of monthly aggregates the IFPA method may look back over (as detection.ts loads them). */
const MONTHLY_YEARS = 15;
/** Days before 1 January the look-backs reach: observations, complaint baselines, patrol reports. */
const LOOK_BACK_DAYS = 400;

function settingsOf<T>(loaded: Loaded<T>): Settings<T> {
  return loaded.ok ? { ok: true, settings: loaded.settings } : { ok: false, missing: loaded.missing };
}

function rulesOf(registry: ParamRegistry): PriceRules {
  return {
    thresholds: (month) => settingsOf(triggerThresholds(registry, month)),
    subsidy: (month) => settingsOf(subsidySettings(registry, month)),
    detection: (asOf) => settingsOf(detectionSettings(registry, asOf)),
  };
}

export async function loadPriceYear(ctx: PlatformContext, year: number) {
  const db = ctx.store.db;
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const lookBack = addDays(from, -LOOK_BACK_DAYS);
  const month = sql<string>`substr(date, 1, 7)`;
  const [indexRows, recipientRows, items, observations, monthly, complaints, panic] = await Promise.all([
    db.selectFrom('price_index_month').select(['month', 'cpi_bp', 'food_bp']).where('month', '>=', `${year}-01`).where('month', '<=', `${year}-12`).orderBy('month').execute(),
    db.selectFrom('price_recipient').select(['id', 'group_code', 'residence', 'county', 'from_month', 'to_month']).orderBy('id').execute(),
    listItems(ctx),
    db.selectFrom('price_observation').select(['point_id', 'county', 'item_id', 'date', 'price_fen'])
      .where('status', '=', 'accepted').where('date', '>=', lookBack).where('date', '<=', to).execute(),
    db.selectFrom('price_observation')
      .select(['point_id', 'county', 'item_id', month.as('month'), sql<number>`sum(price_fen)`.as('sum_fen'), sql<number>`count(*)`.as('n')])
      .where('status', '=', 'accepted').where('date', '>=', `${addMonthsToMonth(`${year}-01` as IsoMonth, -12 * MONTHLY_YEARS)}-01`).where('date', '<=', to)
      .groupBy(['point_id', 'county', 'item_id', month]).execute(),
    db.selectFrom('price_complaint').selectAll().where('date', '>=', lookBack).where('date', '<=', to).execute(),
    db.selectFrom('price_panic_report').selectAll().where('date', '>=', lookBack).where('date', '<=', to).execute(),
  ]);
  const series: PriceSeries = {
    items,
    observations: observations.map((r) => ({ pointId: r.point_id, county: r.county, itemId: r.item_id, date: r.date, priceFen: Number(r.price_fen) })),
    monthly: monthly.map((r) => ({ pointId: r.point_id, county: r.county, itemId: r.item_id, month: r.month, sumFen: Number(r.sum_fen), count: Number(r.n) })),
    complaints: complaints.map((r) => ({ itemId: r.item_id, county: r.county, date: r.date, count: Number(r.count) })),
    panicReports: panic.map((r) => ({ id: r.id, itemId: r.item_id, county: r.county, pointId: r.point_id, date: r.date, kind: r.kind as PanicKind })),
  };
  const recipients: RecipientSpan[] = recipientRows.map((r) => ({
    id: r.id, group: r.group_code, residence: r.residence as Residence, county: r.county, from: r.from_month as IsoMonth, to: (r.to_month as IsoMonth | null) ?? null,
  }));
  return {
    indexMonths: indexRows.map((r) => ({ month: r.month as IsoMonth, cpi: r.cpi_bp === null ? null : Number(r.cpi_bp), food: r.food_bp === null ? null : Number(r.food_bp) })),
    recipients,
    series,
  };
}

function outcomeText(o: MonthOutcome): string {
  if (o.outcome === 'no_rule') return '无有效规则';
  if (o.outcome === 'needs_input') return `缺少指数：${o.missing.join('、')}`;
  const limits = `（启动条件 CPI ${formatPercent(o.thresholds.cpi)}、食品 ${formatPercent(o.thresholds.food)}）`;
  return o.rate === null ? `未触发${limits}` : `触发 ${formatPercent(o.rate)}，${o.paymentMonth} 发放${limits}`;
}

const cost = (o: MonthOutcome) => (o.outcome === 'decided' ? o.cost : 0);

function tablesOf(simulation: PriceSimulation): AreaTable[] {
  const percent = (bp: number | null) => (bp === null ? '未录入' : formatPercent(bp));
  return [
    {
      key: 'subsidy_months',
      sheet: '价格·补贴指数月',
      title: '价格：临时补贴逐指数月（D3 2.4.1(4)）',
      columns: [
        { key: 'month', title: '指数月', kind: 'text' },
        { key: 'cpi', title: 'CPI 同比', kind: 'text' },
        { key: 'food', title: '食品同比', kind: 'text' },
        { key: 'baseline', title: '基线', kind: 'text' },
        { key: 'baselineCost', title: '基线补贴（元）', kind: 'fen' },
        { key: 'scenario', title: '方案', kind: 'text' },
        { key: 'scenarioCost', title: '方案补贴（元）', kind: 'fen' },
      ],
      rows: simulation.months.map((m) => ({
        month: m.indexMonth,
        cpi: percent(m.cpi),
        food: percent(m.food),
        baseline: outcomeText(m.baseline),
        baselineCost: cost(m.baseline),
        scenario: outcomeText(m.scenario),
        scenarioCost: cost(m.scenario),
      })),
    },
    {
      key: 'level3_proposals',
      sheet: '价格·三级预警建议',
      title: `价格：较大(三级)预警建议（按 ${simulation.detectionDates} 个旬末日检测，D3 1.3）`,
      columns: [
        { key: 'month', title: '月份', kind: 'text' },
        { key: 'item', title: '品种', kind: 'text' },
        { key: 'baseline', title: '基线触发规则（首个旬末）', kind: 'text' },
        { key: 'scenario', title: '方案触发规则（首个旬末）', kind: 'text' },
        { key: 'text', title: '说明', kind: 'text' },
      ],
      rows: simulation.proposals.map((p) => ({
        month: p.month,
        item: p.itemName,
        baseline: p.baseline.length ? `${p.baseline.join('、')}（${p.baselineFirst}）` : '未触发',
        scenario: p.scenario.length ? `${p.scenario.join('、')}（${p.scenarioFirst}）` : '未触发',
        text: p.text,
      })),
    },
  ];
}

export async function runPriceArea(
  ctx: PlatformContext,
  registries: { baseline: ParamRegistry; scenario: ParamRegistry },
  year: number,
): Promise<AreaResult<PriceDetail>> {
  const data = await loadPriceYear(ctx, year);
  const simulation = simulatePrice({ year, ...data, baseline: rulesOf(registries.baseline), scenario: rulesOf(registries.scenario) });

  const notes = [
    '价格临时补贴：基线为现行规则对当年已录入的每个指数月重新判定并按在册保障对象编制发放清单，方案在同一指数和名单上判定；成本按指数月归属年度。库存的判定、发放清单不改动。',
    `较大(三级)预警建议：在当年每个旬末日（共 ${simulation.detectionDates} 个）按截至当日的监测数据运行 R1–R6；预警建议不涉及资金。库存的检测结果不改动。`,
  ];
  if (data.indexMonths.length === 0) notes.push(`${year} 年没有录入物价指数，临时补贴无可测算的指数月。`);
  if (data.series.observations.length === 0) notes.push(`${year} 年没有已接受的价格监测数据，三级预警无可检测的数据。`);
  const gaps = simulation.detectionGaps.length;
  if (gaps > 0) notes.push(`${gaps} 个旬末日（基线或方案）没有有效的检测规则（D3 自 2022-08-23 施行），未检测。`);

  return {
    area: 'price',
    lines: simulation.lines,
    distribution: simulation.distribution,
    crossings: simulation.crossings,
    counts: {
      indexMonths: simulation.months.length,
      recipients: simulation.recipients,
      observations: data.series.observations.length,
      detectionDates: simulation.detectionDates,
      proposals: simulation.proposals.length,
    },
    paramIds: PARAM_IDS,
    notes,
    tables: tablesOf(simulation),
    detail: { months: simulation.months, proposals: simulation.proposals, detectionDates: simulation.detectionDates, detectionGaps: simulation.detectionGaps },
  };
}

export const priceSheets: DetailSheets = () => [];

/** Years with an index month or accepted observations. */
export async function priceYears(ctx: PlatformContext): Promise<number[]> {
  const [months, dates] = await Promise.all([
    ctx.store.db.selectFrom('price_index_month').select('month').execute(),
    ctx.store.db.selectFrom('price_observation').select(sql<string>`substr(date, 1, 4)`.as('year')).distinct().where('status', '=', 'accepted').execute(),
  ]);
  return [...new Set([...months.map((m) => Number(m.month.slice(0, 4))), ...dates.map((d) => Number(d.year))])].sort((a, b) => a - b);
}
