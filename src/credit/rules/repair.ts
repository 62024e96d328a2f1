/**
 * Credit repair (信用修复, D2 二(四)3): an entity that corrected its conduct
 * within the period and removed the harm applies; the department checks the
 * conditions; on approval the record stops counting, the entity is
 * re-scored and the measures tied to the old grade end at once (“修复完成后
 * …及时终止实施约束和惩戒措施，同时调整分级分类监管措施”).
 */
import { addMonths, type IsoDate } from '../../core/dates.ts';
import type { RuleDeclaration } from '../../core/params/articles.ts';
import type { CreditRecord } from './types.ts';

export const repairConditionsRule: RuleDeclaration = {
  id: 'd2.part2_4_3.repair_conditions',
  articles: ['D2 二(四)3'],
  title: '信用修复条件：最短公示期已满、已履行处罚、已纠正失信行为并作出承诺',
};

export const repairOutcomeRule: RuleDeclaration = {
  id: 'd2.part2_4_3.repair_outcome',
  articles: ['D2 二(四)3'],
  title: '修复完成：记录不再计分、重新评价、终止原等级对应的约束惩戒措施',
};

export interface MinPublicity {
  default: number;
  domains?: Record<string, number>;
  indicators?: Record<string, number>;
}

export interface RepairApplication {
  /** 已履行行政处罚等法定义务 */
  obligationsFulfilled: boolean;
  /** 已提交信用修复承诺书 */
  pledgeSubmitted: boolean;
}

export interface RepairCheck {
  eligible: boolean;
  unmet: string[];
  earliest: IsoDate;
  minMonths: number;
  articles: string[];
}

export function minPublicityMonths(record: CreditRecord, table: MinPublicity): number {
  return Math.max(
    table.default,
    table.domains?.[record.domain ?? 'general'] ?? 0,
    table.indicators?.[record.indicator] ?? 0,
  );
}

export function checkRepair(
  record: CreditRecord,
  application: RepairApplication,
  on: IsoDate,
  minPublicity: MinPublicity,
  repairable: readonly string[],
): RepairCheck {
  const unmet: string[] = [];
  const months = minPublicityMonths(record, minPublicity);
  const earliest = addMonths(record.decided, months);

  if (!repairable.includes(record.indicator)) {
    unmet.push('该指标为正向信息，无需修复');
  }
  if (record.status !== 'active' && record.status !== 'under_objection') {
    unmet.push('该记录已不计分，无需修复');
  }
  if (on < earliest) {
    unmet.push(`最短公示期${months}个月未满，${earliest}起方可修复`);
  }
  if (!application.obligationsFulfilled) unmet.push('尚未履行行政处罚等法定义务');
  if (!application.pledgeSubmitted) unmet.push('未提交信用修复承诺书');

  return { eligible: unmet.length === 0, unmet, earliest, minMonths: months, articles: repairConditionsRule.articles };
}
