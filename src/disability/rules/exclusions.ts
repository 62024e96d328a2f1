/**
 * The switchable exclusions (spec Readings from the national rules the plan
 * implements; D1 三(一)5 asks the two subsidies to be “有效衔接” with the
 * orphans' allowance, long-term-care insurance and social assistance).
 * Each is a named rule with its own parameter; off, it does nothing.
 */
import type { RuleDeclaration } from '../../core/params/articles.ts';
import type { SubsidyParameters } from './subsidyParameters.ts';
import type { Reason, Situation } from './types.ts';

const ARTICLE = 'D1 三(一)5';

export const livingExcludesTekunRule: RuleDeclaration = {
  id: 'd1.s3_1_5.living_excludes_tekun',
  articles: [ARTICLE],
  title: '特困供养人员不再享受困难残疾人生活补贴（可关闭）',
};

export const livingExcludesOrphanAllowanceRule: RuleDeclaration = {
  id: 'd1.s3_1_5.living_excludes_orphan_allowance',
  articles: [ARTICLE],
  title: '享受孤儿基本生活费者不享受困难残疾人生活补贴（可关闭）',
};

export const livingExcludesUnsupportedChildRule: RuleDeclaration = {
  id: 'd1.s3_1_5.living_excludes_unsupported_child_allowance',
  articles: [ARTICLE],
  title: '享受事实无人抚养儿童基本生活补贴者不享受困难残疾人生活补贴（可关闭）',
};

export const careExcludesLtcInsuranceRule: RuleDeclaration = {
  id: 'd1.s3_1_5.care_excludes_ltc_insurance',
  articles: [ARTICLE],
  title: '享受长期护理保险待遇者不重复享受重度残疾人护理补贴（可关闭）',
};

export function livingExclusions(situation: Situation, params: SubsidyParameters): Reason[] {
  const reasons: Reason[] = [];
  const { exclusions } = params;
  if (exclusions.livingTekun && situation.household === 'tekun') {
    reasons.push({
      code: 'excluded_tekun',
      text: '已纳入特困人员救助供养，不再享受困难残疾人生活补贴',
      rule: livingExcludesTekunRule.id,
      article: ARTICLE,
    });
  }
  if (exclusions.livingOrphanAllowance && situation.benefits.has('orphan_allowance')) {
    reasons.push({
      code: 'excluded_orphan_allowance',
      text: '已享受孤儿基本生活费，不再享受困难残疾人生活补贴',
      rule: livingExcludesOrphanAllowanceRule.id,
      article: ARTICLE,
    });
  }
  if (exclusions.livingUnsupportedChildAllowance && situation.benefits.has('unsupported_child_allowance')) {
    reasons.push({
      code: 'excluded_unsupported_child_allowance',
      text: '已享受事实无人抚养儿童基本生活补贴，不再享受困难残疾人生活补贴',
      rule: livingExcludesUnsupportedChildRule.id,
      article: ARTICLE,
    });
  }
  return reasons;
}

export function careExclusions(situation: Situation, params: SubsidyParameters): Reason[] {
  if (!params.exclusions.careLtcInsurance || !situation.benefits.has('ltc_insurance')) return [];

  return [{
    code: 'excluded_ltc_insurance',
    text: '已享受长期护理保险待遇，不重复享受重度残疾人护理补贴',
    rule: careExcludesLtcInsuranceRule.id,
    article: ARTICLE,
  }];
}
