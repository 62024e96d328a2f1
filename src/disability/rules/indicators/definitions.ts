/**
 * The eleven indicators of 专栏1, as the box states them: number, name,
 * 2020 value, 2025 target, how the target compares, 属性 (约束性 binding,
 * 预期性 expected). Values come from the dated parameters; which ones the
 * register can compute and which must be entered is the platform's choice.
 */
import type { IsoDate } from '../../../core/dates.ts';
import { parsePercent } from '../../../core/money.ts';
import type { RuleDeclaration } from '../../../core/params/articles.ts';
import type { ParamRegistry } from '../../../core/params/registry.ts';

export const INDICATORS = [
  'income_growth',
  'training',
  'dibao_inclusion',
  'living_coverage',
  'care_coverage',
  'pension_rate',
  'medical_rate',
  'school_rate',
  'rehab_coverage',
  'device_rate',
  'home_modifications',
] as const;
export type IndicatorId = (typeof INDICATORS)[number];

/** register: computed from the register; entered: typed in by an officer. */
export const INDICATOR_SOURCE: Readonly<Record<IndicatorId, 'register' | 'entered'>> = {
  income_growth: 'entered',
  training: 'register',
  dibao_inclusion: 'entered',
  living_coverage: 'register',
  care_coverage: 'register',
  pension_rate: 'register',
  medical_rate: 'register',
  school_rate: 'register',
  rehab_coverage: 'register',
  device_rate: 'register',
  home_modifications: 'register',
};

/** Series an officer can enter (income growth needs the city GDP growth beside it). */
export const ENTRY_SERIES = ['income_growth', 'gdp_growth', 'dibao_inclusion'] as const;
export type EntrySeries = (typeof ENTRY_SERIES)[number];

export const ENTRY_SERIES_LABELS: Readonly<Record<EntrySeries, string>> = {
  income_growth: '残疾人家庭人均收入增长(%)',
  gdp_growth: '地区生产总值增长(%)',
  dibao_inclusion: '符合条件的残疾人纳入最低生活保障比例(%)',
};

const NUMBERS: Readonly<Record<IndicatorId, number>> = {
  income_growth: 1, training: 2, dibao_inclusion: 3, living_coverage: 4, care_coverage: 5,
  pension_rate: 6, medical_rate: 7, school_rate: 8, rehab_coverage: 9, device_rate: 10,
  home_modifications: 11,
};

const TITLES: Readonly<Record<IndicatorId, string>> = {
  income_growth: '残疾人家庭人均收入年均增长',
  training: '城乡残疾人职业技能培训人数',
  dibao_inclusion: '符合条件的残疾人纳入最低生活保障比例',
  living_coverage: '困难残疾人生活补贴覆盖率',
  care_coverage: '重度残疾人护理补贴覆盖率',
  pension_rate: '残疾人城乡居民基本养老保险参保率',
  medical_rate: '残疾人城乡居民基本医疗保险参保率',
  school_rate: '残疾儿童少年义务教育入学率',
  rehab_coverage: '残疾人基本康复服务覆盖率',
  device_rate: '残疾人辅助器具适配率',
  home_modifications: '残疾人家庭无障碍改造数',
};

export function indicatorArticle(id: IndicatorId): string {
  return `D1 专栏1 ${NUMBERS[id]}`;
}

export function indicatorParamId(id: IndicatorId): string {
  return `disability.d1.box1_${NUMBERS[id]}.${id}`;
}

export function indicatorRuleId(id: IndicatorId): string {
  return `d1.box1_${NUMBERS[id]}.${id}`;
}

/** Other articles an indicator measures (专栏9 一3: homes of severely disabled persons). */
const ALSO_MEASURES: Partial<Record<IndicatorId, string[]>> = {
  home_modifications: ['D1 专栏9 一3'],
};

export const indicatorRules: RuleDeclaration[] = INDICATORS.map((id) => ({
  id: indicatorRuleId(id),
  articles: [indicatorArticle(id), 'D1 四(三)', ...(ALSO_MEASURES[id] ?? [])],
  title: `专栏1 指标${NUMBERS[id]}：${TITLES[id]}${INDICATOR_SOURCE[id] === 'register' ? '（由登记数据计算）' : '（人工录入）'}`,
}));

export type Comparison = 'at_least' | 'above';

export interface IndicatorDefinition {
  id: IndicatorId;
  number: number;
  label: string;
  group: string;
  measure: 'percent' | 'count' | 'in_step';
  /** Basis points for percent, a count for count; null when the box has “—”. */
  baseline: number | null;
  baselineComparison: Comparison | null;
  target: number | null;
  /** The target as the box writes it (“>91”, “与我市地区生产总值增长基本同步”). */
  targetText: string;
  comparison: Comparison;
  kind: 'binding' | 'expected';
  source: 'register' | 'entered';
  article: string;
  paramId: string;
  rule: string;
}

interface RawIndicator {
  number: number;
  group: string;
  measure: 'percent' | 'count' | 'in_step';
  baseline: string | null;
  baseline_comparison?: Comparison;
  target: string;
  comparison?: Comparison;
  kind: 'binding' | 'expected';
}

function parseTarget(measure: RawIndicator['measure'], text: string | null): number | null {
  if (text === null || measure === 'in_step') return null;
  const value = measure === 'percent' ? parsePercent(text) : Number(text);
  if (value === undefined || !Number.isInteger(value)) throw new RangeError(`bad indicator figure ${text}`);
  return value;
}

export function indicatorDefinitions(params: ParamRegistry, on: IsoDate): IndicatorDefinition[] {
  return INDICATORS.map((id) => {
    const found = params.at<RawIndicator>(indicatorParamId(id), on);
    if (!found) throw new RangeError(`indicator ${id} has no definition in force on ${on}`);

    const raw = found.value;
    const comparison = raw.comparison ?? 'at_least';
    const label = found.definition.label;
    return {
      id,
      number: raw.number,
      label,
      group: raw.group,
      measure: raw.measure,
      baseline: parseTarget(raw.measure, raw.baseline),
      baselineComparison: raw.baseline === null ? null : (raw.baseline_comparison ?? 'at_least'),
      target: parseTarget(raw.measure, raw.target),
      targetText: raw.measure === 'in_step' ? raw.target : `${comparison === 'above' ? '>' : ''}${raw.target}`,
      comparison,
      kind: raw.kind,
      source: INDICATOR_SOURCE[id],
      article: indicatorArticle(id),
      paramId: indicatorParamId(id),
      rule: indicatorRuleId(id),
    };
  });
}
