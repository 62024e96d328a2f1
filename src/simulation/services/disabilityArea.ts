/**
 * The disability area of a run: the register read once (never written),
 * the year's twelve payrolls decided under each registry
 * (src/simulation/rules/disability.ts), the stored payroll before January
 * as the starting point of both.
 */
import type { IsoMonth } from '../../core/dates.ts';
import type { ParamRegistry } from '../../core/params/registry.ts';
import type { PreviousLine } from '../../disability/rules/payrollMonth.ts';
import { P, type SubsidyParameters } from '../../disability/rules/subsidyParameters.ts';
import { CATEGORY_LABELS, SUBSIDY_LABELS, type Category, type Subsidy } from '../../disability/rules/types.ts';
import { requireSubsidyParameters } from '../../disability/services/eligibility.ts';
import { groupByPerson } from '../../disability/storage/register.ts';
import { JIXI_COUNTIES } from '../../medical/services/records.ts';
import type { PlatformContext } from '../../platform/context.ts';
import { simulateDisability, type DisabilitySimulation, type PayrollRules, type RegisterPerson } from '../rules/disability.ts';
import type { AreaResult, AreaTable } from '../rules/result.ts';
import type { DetailSheets } from './export.ts';

export type DisabilityDetail = Pick<DisabilitySimulation, 'months' | 'changed' | 'newlyEligible'> & { grantHolders: number };

/** How the payroll service notes a grant it ended (src/disability/services/payroll.ts endGrants). */
const PAYROLL_END_NOTE = '按月发放停发';

/** Parameter ids the payroll reads (for the trace). */
const PARAM_IDS = Object.values(P);

function rulesOf(registry: ParamRegistry): PayrollRules {
  return {
    reference: (month: IsoMonth) => {
      const found = registry.at<SubsidyParameters['situationReference']>(P.reference, `${month}-01`);
      return found?.value ?? 'first_day_of_month';
    },
    paramsFor: (county, on) => requireSubsidyParameters(registry, county, on),
  };
}

export async function loadRegister(ctx: PlatformContext, year: number): Promise<{ persons: RegisterPerson[]; previous: Map<string, PreviousLine> }> {
  const db = ctx.store.db;
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const [people, grants, households, benefits] = await Promise.all([
    db.selectFrom('disability_person').select(['id', 'county', 'category', 'grade', 'deceased_on', 'moved_away_on']).orderBy('id').execute(),
    db.selectFrom('disability_application').select(['id', 'person_id', 'subsidy', 'decided_on', 'ended_on'])
      .where('status', 'in', ['approved', 'ended']).where('decided_on', 'is not', null).where('decided_on', '<=', to).execute(),
    db.selectFrom('disability_household_period').select(['person_id', 'status', 'valid_from', 'valid_to'])
      .where('valid_from', '<=', to).where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', from)]))
      .orderBy('valid_from').execute(),
    db.selectFrom('disability_benefit_period').select(['person_id', 'kind', 'valid_from', 'valid_to'])
      .where('valid_from', '<=', to).where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', from)])).execute(),
  ]);
  // Grants a payroll of the year ended (stop_ends_grant) are decided again by each side.
  const payrollEnded = new Set((await db.selectFrom('disability_application_event').select('application_id')
    .where('action', '=', 'end').where('note', 'like', `${PAYROLL_END_NOTE}%`)
    .where('on_date', '>=', from).where('on_date', '<=', to).execute()).map((e) => e.application_id));
  const grantsBy = groupByPerson(grants);
  const householdsBy = groupByPerson(households);
  const benefitsBy = groupByPerson(benefits);
  const persons: RegisterPerson[] = people.map((p) => ({
    id: p.id,
    county: p.county,
    category: p.category,
    grade: Number(p.grade),
    deceased_on: p.deceased_on,
    moved_away_on: p.moved_away_on,
    households: householdsBy.get(p.id) ?? [],
    benefits: benefitsBy.get(p.id) ?? [],
    grants: (grantsBy.get(p.id) ?? []).map((g) => ({ applicationId: g.id, subsidy: g.subsidy as Subsidy, approvedOn: g.decided_on!, endedOn: payrollEnded.has(g.id) ? null : g.ended_on })),
  }));

  const previousMonth = await db.selectFrom('disability_payroll_month').select('month')
    .where('status', '=', 'finished').where('month', '<', `${year}-01`).orderBy('month', 'desc').limit(1).executeTakeFirst();
  const previous = new Map<string, PreviousLine>();
  if (previousMonth) {
    const lines = await db.selectFrom('disability_payroll_line').select(['person_id', 'subsidy', 'county', 'amount', 'status'])
      .where('month', '=', previousMonth.month).execute();
    for (const l of lines) previous.set(`${l.person_id}:${l.subsidy}`, { county: l.county, amount: Number(l.amount), status: l.status as 'paid' | 'stopped' });
  }
  return { persons, previous };
}

function tablesOf(simulation: DisabilitySimulation, counties: Readonly<Record<string, string>>): AreaTable[] {
  const potential = new Map<string, { county: string; subsidy: Subsidy; persons: number; amount: number }>();
  for (const e of simulation.newlyEligible) {
    if (e.direction !== 'in') continue;
    const key = `${e.subsidy}|${e.county}`;
    const row = potential.get(key) ?? { county: e.county, subsidy: e.subsidy, persons: 0, amount: 0 };
    row.persons += 1;
    row.amount += e.amount;
    potential.set(key, row);
  }
  return [
    {
      key: 'months',
      sheet: '残联·逐月发放',
      title: '残联：逐月发放（两项补贴）',
      columns: [
        { key: 'month', title: '月份', kind: 'text' },
        { key: 'baselinePersons', title: '基线人数', kind: 'count' },
        { key: 'baseline', title: '基线金额（元）', kind: 'fen' },
        { key: 'scenarioPersons', title: '方案人数', kind: 'count' },
        { key: 'scenario', title: '方案金额（元）', kind: 'fen' },
      ],
      rows: simulation.months.map((m) => ({ ...m })),
    },
    {
      key: 'newly_eligible',
      sheet: '残联·新符合条件汇总',
      title: '残联：新符合条件但尚未申请者（假定自符合之月起申请，未计入发放成本）',
      columns: [
        { key: 'subsidy', title: '补贴', kind: 'text' },
        { key: 'county', title: '县区', kind: 'text' },
        { key: 'persons', title: '人数', kind: 'count' },
        { key: 'amount', title: '潜在年度金额（元）', kind: 'fen' },
      ],
      rows: [...potential.values()].map((r) => ({ subsidy: SUBSIDY_LABELS[r.subsidy], county: counties[r.county] ?? r.county, persons: r.persons, amount: r.amount })),
    },
  ];
}

export async function runDisabilityArea(
  ctx: PlatformContext,
  registries: { baseline: ParamRegistry; scenario: ParamRegistry },
  year: number,
): Promise<AreaResult<DisabilityDetail>> {
  const { persons, previous } = await loadRegister(ctx, year);
  const simulation = simulateDisability({
    year,
    persons,
    previous,
    baseline: rulesOf(registries.baseline),
    scenario: rulesOf(registries.scenario),
  });

  const notes = [
    '基线为现行规则在内存中重算当年 12 个月的两项补贴发放名册（按登记名册中已批准的申请）；测算方案在同一名册上重算，差额只来自参数调整。已发放的名册不改动。',
    '尚未申请而按方案新符合条件的残疾人单列，其潜在金额不计入发放成本。',
  ];
  return {
    area: 'disability',
    lines: simulation.lines,
    distribution: simulation.distribution,
    crossings: simulation.crossings,
    counts: {
      persons: simulation.persons,
      grantHolders: simulation.grantHolders,
      changedPersons: simulation.changed.length,
      newlyEligible: simulation.newlyEligible.filter((e) => e.direction === 'in').length,
    },
    paramIds: PARAM_IDS,
    notes,
    tables: tablesOf(simulation, JIXI_COUNTIES),
    detail: { grantHolders: simulation.grantHolders, months: simulation.months, changed: simulation.changed, newlyEligible: simulation.newlyEligible },
  };
}

const categoryTitle = (c: string) => `${CATEGORY_LABELS[c as Category] ?? c}残疾`;

export const disabilitySheets: DetailSheets = (area, counties) => {
  const detail = area.detail as DisabilityDetail;
  const county = (code: string) => counties[code] ?? code;
  return [
    {
      name: '残联·人员',
      personal: true,
      columns: [
        { key: 'person_id', header: '登记编号', width: 22 },
        { key: 'county', header: '县区', width: 14 },
        { key: 'category', header: '残疾类别', width: 12 },
        { key: 'grade', header: '等级' },
        { key: 'baseline_living', header: '基线生活补贴（元）', money: true },
        { key: 'baseline_care', header: '基线护理补贴（元）', money: true },
        { key: 'scenario_living', header: '方案生活补贴（元）', money: true },
        { key: 'scenario_care', header: '方案护理补贴（元）', money: true },
        { key: 'delta', header: '个人受益（元）', money: true },
      ],
      rows: detail.changed.map((p) => ({
        person_id: p.personId,
        county: county(p.county),
        category: categoryTitle(p.category),
        grade: p.grade,
        baseline_living: p.baseline.living,
        baseline_care: p.baseline.care,
        scenario_living: p.scenario.living,
        scenario_care: p.scenario.care,
        delta: p.delta,
      })),
    },
    {
      name: '残联·新符合条件',
      personal: true,
      columns: [
        { key: 'person_id', header: '登记编号', width: 22 },
        { key: 'county', header: '县区', width: 14 },
        { key: 'category', header: '残疾类别', width: 12 },
        { key: 'grade', header: '等级' },
        { key: 'subsidy', header: '补贴', width: 20 },
        { key: 'direction', header: '变化', width: 12 },
        { key: 'months', header: '月数' },
        { key: 'amount', header: '潜在金额（元）', money: true },
        { key: 'basis', header: '依据', width: 16 },
      ],
      rows: detail.newlyEligible.map((e) => ({
        person_id: e.personId,
        county: county(e.county),
        category: categoryTitle(e.category),
        grade: e.grade,
        subsidy: SUBSIDY_LABELS[e.subsidy],
        direction: e.direction === 'in' ? '新符合' : '不再符合',
        months: e.months,
        amount: e.amount,
        basis: e.basis === 'county_extension' ? '县区扩面' : '标准',
      })),
    },
  ];
};

/** Years with a closed payroll month. */
export async function disabilityYears(ctx: PlatformContext): Promise<number[]> {
  const rows = await ctx.store.db.selectFrom('disability_payroll_month').select('month').where('status', '=', 'finished').execute();
  return [...new Set(rows.map((r) => Number(r.month.slice(0, 4))))].sort((a, b) => a - b);
}
