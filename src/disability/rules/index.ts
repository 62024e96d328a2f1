/** The pure rules of D1 (鸡政规〔2022〕8号) and their declarations. */
import type { RuleDeclaration } from '../../core/params/articles.ts';
import { applicationRule } from './application.ts';
import { cardNumberRule } from './card.ts';
import { sunshineHomeRule, tekunCareRule } from './careServices.ts';
import { careSubsidyRule } from './careSubsidy.ts';
import { careCountyExtensionRule, livingCountyExtensionRule } from './countyExtensions.ts';
import { dynamicManagementRule } from './dynamicManagement.ts';
import { evaluationReportRule } from './evaluation.ts';
import {
  careExcludesLtcInsuranceRule,
  livingExcludesOrphanAllowanceRule,
  livingExcludesTekunRule,
  livingExcludesUnsupportedChildRule,
} from './exclusions.ts';
import { indicatorRules } from './indicators/definitions.ts';
import { monitoringRule } from './indicators/track.ts';
import { livingSubsidyRule } from './livingSubsidy.ts';
import { payrollMonthRule } from './payrollMonth.ts';
import { personRecordRule } from './person.ts';
import { federationShareRule, quotaEmploymentRule } from './quota.ts';
import { welfareFundShareRule, welfarePostsShareRule } from './welfarePosts.ts';

export const disabilityRules: readonly RuleDeclaration[] = [
  cardNumberRule,
  personRecordRule,
  livingSubsidyRule,
  livingCountyExtensionRule,
  livingExcludesTekunRule,
  livingExcludesOrphanAllowanceRule,
  livingExcludesUnsupportedChildRule,
  careSubsidyRule,
  careCountyExtensionRule,
  careExcludesLtcInsuranceRule,
  dynamicManagementRule,
  applicationRule,
  payrollMonthRule,
  ...indicatorRules,
  monitoringRule,
  evaluationReportRule,
  quotaEmploymentRule,
  federationShareRule,
  welfarePostsShareRule,
  welfareFundShareRule,
  sunshineHomeRule,
  tekunCareRule,
];

export * from './types.ts';
export * from './card.ts';
export * from './person.ts';
export * from './subsidyParameters.ts';
export * from './livingSubsidy.ts';
export * from './careSubsidy.ts';
export * from './application.ts';
export * from './payrollMonth.ts';
export * from './careServices.ts';
export * from './quota.ts';
export * from './welfarePosts.ts';
export * from './evaluation.ts';
export * from './age.ts';
export * from './indicators/definitions.ts';
export * from './indicators/rates.ts';
export * from './indicators/track.ts';
