/**
 * 困难残疾人生活补贴 (D1 三(一)5 “为最低生活保障家庭中的残疾人提供生活补贴”;
 * 专栏2 一2): a card holder in a 低保 family, or one a county extension
 * covers, unless an exclusion applies; the monthly standard in force.
 */
import { Explainer } from '../../core/explain.ts';
import { formatYuan } from '../../core/money.ts';
import type { RuleDeclaration } from '../../core/params/articles.ts';
import { livingCountyExtensionRule, livingExtensionApplies } from './countyExtensions.ts';
import { registerStatusReasons } from './dynamicManagement.ts';
import { livingExclusions } from './exclusions.ts';
import { P, type SubsidyParameters } from './subsidyParameters.ts';
import { HOUSEHOLD_LABELS, type Reason, type Situation, type SubsidyDecision } from './types.ts';

export const livingSubsidyRule: RuleDeclaration = {
  id: 'd1.s3_1_5.living_subsidy',
  articles: ['D1 三(一)5', 'D1 专栏2 一2'],
  title: '困难残疾人生活补贴：低保家庭中的残疾人，按月标准发放',
};

const ARTICLE = 'D1 三(一)5';

export function decideLiving(
  situation: Situation,
  params: SubsidyParameters,
  options: { explain?: boolean } = {},
): SubsidyDecision {
  const explainer = new Explainer(options.explain ?? false);
  const reasons: Reason[] = [...registerStatusReasons(situation), ...livingExclusions(situation, params)];

  const extension = situation.household === 'dibao' ? undefined : livingExtensionApplies(situation, params);
  if (situation.household !== 'dibao' && !extension) {
    reasons.push({
      code: 'not_dibao',
      text: `家庭类别为“${HOUSEHOLD_LABELS[situation.household]}”，不是低保家庭，本县(市)区也未扩面覆盖`,
      rule: livingSubsidyRule.id,
      article: ARTICLE,
    });
  }

  const articles = [...new Set([ARTICLE, ...reasons.map((r) => r.article)])];
  if (reasons.length > 0) {
    for (const r of reasons) explainer.add({ rule: r.rule, article: r.article, text: r.text });
    return { outcome: 'not_eligible', subsidy: 'living', reasons, articles, steps: explainer.steps };
  }

  const amount = params.livingMonthly;
  explainer.add({
    rule: extension ? livingCountyExtensionRule.id : livingSubsidyRule.id,
    article: ARTICLE,
    text: extension ?? '低保家庭中的持证残疾人，享受困难残疾人生活补贴',
  });
  explainer.add({
    rule: livingSubsidyRule.id,
    article: ARTICLE,
    text: `按月标准 ${formatYuan(amount)} 元发放`,
    params: params.uses.filter((u) => u.id === P.living),
    values: { amount: formatYuan(amount) },
  });
  return {
    outcome: 'eligible',
    subsidy: 'living',
    amount,
    basis: extension ? 'county_extension' : 'standard',
    articles,
    steps: explainer.steps,
  };
}
