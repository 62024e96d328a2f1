/**
 * A scenario (测算方案): a named set of parameter changes, each over a date
 * range, laid on top of the rules in force. The documents expect their
 * numbers to move (D5 §16, D4 §10, D1 三(一)5, D3 subsidy thresholds);
 * a scenario shows what a move would cost before anyone decides it.
 * Checking a scenario is pure: the registry in, the problems out.
 */
import type { FieldProblem } from '../../core/errors.ts';
import { isIsoDate, type IsoDate } from '../../core/dates.ts';
import { convertParamValue, type ParamRegistry } from '../../core/params/registry.ts';
import type { ParamOverride } from '../../core/params/types.ts';

/** The areas a scenario can reach, by the first part of a parameter id. */
export const AREAS = ['medical', 'disability', 'credit', 'price'] as const;
export type Area = (typeof AREAS)[number];

export const AREA_TITLES: Readonly<Record<Area, string>> = {
  medical: '医保',
  disability: '残联',
  credit: '信用',
  price: '价格',
};

/** How a unit reads in a problem message. */
const UNIT_TEXT: Readonly<Record<string, string>> = {
  yuan: '元，如 3000.00',
  percent: '百分比数字，如 70',
  percentage_points: '百分点数字，如 5',
  count: '整数',
  integer: '整数',
  days: '天数（整数）',
  working_days: '工作日数（整数）',
  months: '月数（整数）',
  years: '年数（整数）',
  hours: '小时数（整数）',
  date: '日期 YYYY-MM-DD',
  time: '时刻 HH:MM',
  boolean: 'true 或 false',
  enum: '选项之一',
  text: '文字',
  list: '列表',
  table: '表',
};

export interface ScenarioChange {
  /** Parameter id, e.g. medical.d5.art7_1.annual_cap. */
  id: string;
  /** As a parameter file writes it: "3000.00" yuan, 70 percent, a list … */
  value: unknown;
  /** First day the changed value applies; absent: from the start. */
  from?: IsoDate;
  /** Last day; absent: open-ended. */
  to?: IsoDate;
  note?: string;
}

export interface ScenarioInput {
  name: string;
  purpose: string;
  author: string;
  changes: ScenarioChange[];
}

export function areaOf(paramId: string): Area | undefined {
  const head = paramId.split('.')[0];
  return (AREAS as readonly string[]).includes(head ?? '') ? (head as Area) : undefined;
}

/** The areas a scenario's changes reach, in menu order. */
export function areasOf(changes: readonly ScenarioChange[]): Area[] {
  const reached = new Set(changes.map((c) => areaOf(c.id)));
  return AREAS.filter((a) => reached.has(a));
}

/**
 * Every problem with a scenario at once: names, unknown parameters, values
 * the parameter's unit refuses, bad or reversed dates, two changes of one
 * parameter that overlap. An empty list means it can run.
 */
export function scenarioProblems(registry: ParamRegistry, input: ScenarioInput): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!input.name?.trim()) problems.push({ field: 'name', reason: '请填写方案名称' });
  if (!input.purpose?.trim()) problems.push({ field: 'purpose', reason: '请填写测算目的' });
  if (!input.author?.trim()) problems.push({ field: 'author', reason: '请填写编制人' });
  if (!Array.isArray(input.changes) || input.changes.length === 0) {
    problems.push({ field: 'changes', reason: '方案至少应调整一项政策参数' });
    return problems;
  }

  for (const [index, change] of input.changes.entries()) {
    const field = `changes[${index}]`;
    const definition = registry.definition(change.id);
    if (!definition) {
      problems.push({ field: `${field}.id`, value: change.id, reason: '没有这个政策参数' });
      continue;
    }
    if (!areaOf(change.id)) {
      problems.push({ field: `${field}.id`, value: change.id, reason: '该参数不属于医保、残联、信用、价格任一领域，无法测算' });
    }
    if (convertParamValue(definition.unit, change.value, definition.options) === undefined) {
      problems.push({ field: `${field}.value`, value: change.value, reason: `取值不符合参数单位：应为${UNIT_TEXT[definition.unit] ?? definition.unit}${definition.options ? `（可选：${definition.options.join('、')}）` : ''}` });
    }
    if (change.from !== undefined && !isIsoDate(String(change.from))) {
      problems.push({ field: `${field}.from`, value: change.from, reason: '日期应写作 YYYY-MM-DD' });
    }
    if (change.to !== undefined && !isIsoDate(String(change.to))) {
      problems.push({ field: `${field}.to`, value: change.to, reason: '日期应写作 YYYY-MM-DD' });
    }
    if (change.from && change.to && String(change.to) < String(change.from)) {
      problems.push({ field: `${field}.to`, value: change.to, reason: '截止日期早于起始日期' });
    }
  }

  for (let i = 0; i < input.changes.length; i += 1) {
    for (let j = i + 1; j < input.changes.length; j += 1) {
      const a = input.changes[i]!;
      const b = input.changes[j]!;
      if (a.id === b.id && overlap(a, b)) {
        problems.push({ field: `changes[${j}]`, value: b.id, reason: `与第 ${i + 1} 项调整同一参数且时段重叠` });
      }
    }
  }
  return problems;
}

function overlap(a: ScenarioChange, b: ScenarioChange): boolean {
  const aFrom = a.from ?? '0001-01-01';
  const bFrom = b.from ?? '0001-01-01';
  const aTo = a.to ?? '9999-12-31';
  const bTo = b.to ?? '9999-12-31';
  return aFrom <= bTo && bFrom <= aTo;
}

/** The overrides the registry lays over the baseline, labelled with the scenario. */
export function scenarioOverrides(input: Pick<ScenarioInput, 'name' | 'changes'>): ParamOverride[] {
  return input.changes.map((change) => ({
    id: change.id,
    value: change.value,
    ...(change.from ? { from: String(change.from) } : {}),
    ...(change.to ? { to: String(change.to) } : {}),
    label: `测算方案：${input.name}`,
  }));
}
