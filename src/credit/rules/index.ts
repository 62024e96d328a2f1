/** The public surface of the credit rules (D2, 鸡政办规〔2022〕16号). */
import type { RuleDeclaration } from '../../core/params/articles.ts';
import { accessLogRule, resultAccessRule } from './access.ts';
import { categoryRule, gradeRule } from './grade.ts';
import { industryModelCheckRule, industryScoreRule } from './industryModel.ts';
import { objectionDeadlineRule, objectionOutcomeRule } from './objection.ts';
import { publicScoreRule } from './publicScore.ts';
import { recordCountsRule } from './recordCounts.ts';
import { repairConditionsRule, repairOutcomeRule } from './repair.ts';
import { inspectorDrawRule, samplingRule } from './sampling.ts';
import { entitlementRule, measuresRule, sectorsRule, sectorTargetRule } from './supervision.ts';
import { usccRule } from './uscc.ts';
import { recordIntakeRule, pledgeRule, sectorAssessmentRule } from './intake.ts';

export * from './types.ts';
export * from './params.ts';
export * from './indicatorTable.ts';
export * from './uscc.ts';
export * from './recordCounts.ts';
export * from './publicScore.ts';
export * from './grade.ts';
export * from './industryModel.ts';
export * from './supervision.ts';
export * from './sampling.ts';
export * from './random.ts';
export * from './objection.ts';
export * from './repair.ts';
export * from './workflow.ts';
export * from './access.ts';
export * from './intake.ts';

export const creditRules: readonly RuleDeclaration[] = [
  usccRule,
  recordIntakeRule,
  pledgeRule,
  sectorAssessmentRule,
  recordCountsRule,
  publicScoreRule,
  gradeRule,
  categoryRule,
  industryModelCheckRule,
  industryScoreRule,
  resultAccessRule,
  sectorsRule,
  sectorTargetRule,
  measuresRule,
  entitlementRule,
  samplingRule,
  inspectorDrawRule,
  accessLogRule,
  objectionDeadlineRule,
  objectionOutcomeRule,
  repairConditionsRule,
  repairOutcomeRule,
];
