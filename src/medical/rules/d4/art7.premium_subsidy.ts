/**
 * D4 §7: help with the 城乡居民医保 individual contribution. 特困人员, 孤儿,
 * 事实无人抚养儿童 in full (1); 低保对象, 返贫致贫人口 a fixed amount of 60%
 * of the contribution (2); 纳入监测范围的农村易返贫致贫人口 the same during
 * the transition period (3). A person with several categories gets the
 * largest. §7(4) (flexible ways of paying) has no amount.
 */
import type { IsoDate } from '../../../core/dates.ts';
import type { Decision } from '../../../core/explain.ts';
import { applyRate, formatPercent, formatYuan, type BasisPoints, type Fen } from '../../../core/money.ts';
import type { RuleDeclaration } from '../../../core/params/articles.ts';
import type { MedicalParams } from '../params.ts';
import type { CategoryCode, Person } from '../types.ts';
import { CATEGORY_NAMES, heldCategories } from './art6.categories.ts';

export const premiumSubsidyRule: RuleDeclaration = {
  id: 'd4.art7.premium_subsidy',
  articles: ['D4 §7(1)', 'D4 §7(2)', 'D4 §7(3)'],
  title: '城乡居民医保个人缴费分类资助',
};

export interface PremiumSubsidy {
  subsidy: Fen;
  contribution: Fen;
  category: CategoryCode;
  article: string;
}

export function premiumSubsidy(
  person: Pick<Person, 'scheme' | 'categories'>,
  date: IsoDate,
  params: MedicalParams,
): Decision<PremiumSubsidy> {
  const p = params.on(date).premium;
  const articles = ['D4 §7'];

  if (!p) return { outcome: 'no_rule_in_force', date, articles, steps: [] };
  if (person.scheme !== 'resident') {
    return { outcome: 'not_eligible', reasons: ['参保资助仅适用于城乡居民基本医保个人缴费'], articles, steps: [] };
  }

  let best: PremiumSubsidy | null = null;
  let expired = false;
  for (const category of heldCategories(person, date)) {
    const clause = clauseFor(category);
    if (!clause) continue;
    if (clause.article === 'D4 §7(3)' && date > p.transitionEnd) {
      expired = true;
      continue;
    }
    const subsidy = applyRate(p.contribution, clause.share);
    if (!best || subsidy > best.subsidy) {
      best = { subsidy, contribution: p.contribution, category, article: clause.article };
    }
  }

  if (!best) {
    const reasons = expired
      ? [`农村易返贫致贫人口参保资助过渡期已于${p.transitionEnd}结束`]
      : ['第七条未规定该类别（或无救助身份）的参保资助'];
    return { outcome: 'not_eligible', reasons, articles, steps: [] };
  }

  const share = clauseFor(best.category)!.share;
  const shareUse =
    best.article === 'D4 §7(1)'
      ? p.use.fullShare
      : best.article === 'D4 §7(2)'
        ? p.use.fixedShare
        : p.use.transitionShare;
  return {
    outcome: 'decided',
    result: best,
    articles: [best.article],
    steps: [
      {
        rule: premiumSubsidyRule.id,
        article: best.article,
        text:
          `${CATEGORY_NAMES[best.category]}：个人缴费${formatYuan(p.contribution)}元` +
          `×${formatPercent(share)}，资助${formatYuan(best.subsidy)}元`,
        params: [p.use.contribution, shareUse],
        values: { subsidy: formatYuan(best.subsidy) },
      },
    ],
  };

  function clauseFor(category: CategoryCode): { article: string; share: BasisPoints } | null {
    if (p!.full.has(category)) return { article: 'D4 §7(1)', share: p!.fullShare };
    if (p!.fixed.has(category)) return { article: 'D4 §7(2)', share: p!.fixedShare };
    if (p!.transition.has(category)) return { article: 'D4 §7(3)', share: p!.transitionShare };
    return null;
  }
}
