/**
 * 重度残疾人护理补贴 (D1 三(一)5 “为一、二等级的重度残疾人提供护理补贴”; 专栏2
 * 一2): grades 1 and 2 at their monthly standards, and grade 3–4 persons a
 * county extension covers at the extension amount, unless excluded.
 */
import { Explainer } from '../../core/explain.ts';
import { formatYuan } from '../../core/money.ts';
import type { RuleDeclaration } from '../../core/params/articles.ts';
import { careCountyExtensionRule, careExtensionApplies } from './countyExtensions.ts';
import { registerStatusReasons } from './dynamicManagement.ts';
import { careExclusions } from './exclusions.ts';
import { P, type SubsidyParameters } from './subsidyParameters.ts';
import type { Reason, Situation, SubsidyDecision } from './types.ts';

export const careSubsidyRule: RuleDeclaration = {
  id: 'd1.s3_1_5.care_subsidy',
  articles: ['D1 三(一)5', 'D1 专栏2 一2'],
  title: '重度残疾人护理补贴：一、二级残疾人，按等级月标准发放',
};

const ARTICLE = 'D1 三(一)5';

export function decideCare(
  situation: Situation,
  params: SubsidyParameters,
  options: { explain?: boolean } = {},
): SubsidyDecision {
  const explainer = new Explainer(options.explain ?? false);
  const reasons: Reason[] = [...registerStatusReasons(situation), ...careExclusions(situation, params)];

  const severe = situation.grade === 1 || situation.grade === 2;
  const extension = severe ? undefined : careExtensionApplies(situation, params);
  if (!severe && !extension) {
    reasons.push({
      code: 'grade_not_severe',
      text: `残疾等级为${situation.grade}级，不是一、二级重度残疾人，本县(市)区也未扩面覆盖`,
      rule: careSubsidyRule.id,
      article: ARTICLE,
    });
  }

  const articles = [...new Set([ARTICLE, ...reasons.map((r) => r.article)])];
  if (reasons.length > 0) {
    for (const r of reasons) explainer.add({ rule: r.rule, article: r.article, text: r.text });
    return { outcome: 'not_eligible', subsidy: 'care', reasons, articles, steps: explainer.steps };
  }

  const amount = severe ? params.careMonthly[situation.grade as 1 | 2] : params.careExtensionMonthly;
  const paramId = severe ? (situation.grade === 1 ? P.care1 : P.care2) : P.careExtension;
  explainer.add({
    rule: extension ? careCountyExtensionRule.id : careSubsidyRule.id,
    article: ARTICLE,
    text: extension ?? `${situation.grade}级重度残疾人，享受重度残疾人护理补贴`,
  });
  explainer.add({
    rule: careSubsidyRule.id,
    article: ARTICLE,
    text: `按月标准 ${formatYuan(amount)} 元发放`,
    params: params.uses.filter((u) => u.id === paramId || (!severe && u.id === P.careExtensionByCounty)),
    values: { amount: formatYuan(amount) },
  });
  return {
    outcome: 'eligible',
    subsidy: 'care',
    amount,
    basis: extension ? 'county_extension' : 'standard',
    articles,
    steps: explainer.steps,
  };
}
