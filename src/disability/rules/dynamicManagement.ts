/**
 * 动态管理 (D1 三(一)5 “强化信息动态管理”): a person who has died or moved
 * out of the city receives neither subsidy, whatever else holds.
 */
import type { RuleDeclaration } from '../../core/params/articles.ts';
import type { Reason, Situation } from './types.ts';

export const dynamicManagementRule: RuleDeclaration = {
  id: 'd1.s3_1_5.dynamic_management',
  articles: ['D1 三(一)5'],
  title: '两项补贴动态管理：死亡或迁出本市者停发',
};

const ARTICLE = 'D1 三(一)5';

export function registerStatusReasons(situation: Situation): Reason[] {
  const reasons: Reason[] = [];
  if (!situation.alive) {
    reasons.push({ code: 'deceased', text: '本人已死亡', rule: dynamicManagementRule.id, article: ARTICLE });
  }
  if (!situation.resident) {
    reasons.push({ code: 'moved_away', text: '已迁出本市', rule: dynamicManagementRule.id, article: ARTICLE });
  }
  return reasons;
}
