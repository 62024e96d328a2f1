/**
 * Public-welfare posts (D1 三(二)2): posts for disabled persons are at least
 * 10% of all the posts 人社部门 develops, and at most 20% of the employment
 * security fund pays their social-insurance subsidies (also 专栏3 一5).
 */
import type { IsoDate } from '../../core/dates.ts';
import { formatPercent, type BasisPoints, type Fen } from '../../core/money.ts';
import type { RuleDeclaration } from '../../core/params/articles.ts';
import type { ParamRegistry } from '../../core/params/registry.ts';
import { rateBp } from './indicators/rates.ts';

export const welfarePostsShareRule: RuleDeclaration = {
  id: 'd1.s3_2_2.welfare_posts_share',
  articles: ['D1 三(二)2', 'D1 专栏4 5'],
  title: '残疾人公益性岗位不少于人社部门开发总量的10%',
};

export const welfareFundShareRule: RuleDeclaration = {
  id: 'd1.s3_2_2.fund_share',
  articles: ['D1 三(二)2', 'D1 专栏3 一5'],
  title: '用于残疾人公益性岗位社保补贴的就业保障金不超过20%',
};

export interface WelfarePostFigures {
  totalPosts: number;
  disabledPosts: number;
  /** 就业保障金 of the year, fen. */
  fundTotal: Fen;
  /** Of it, spent on social-insurance subsidies for disabled persons' posts. */
  fundForDisabledPosts: Fen;
}

export interface WelfarePostCheck {
  postsShare: BasisPoints | null;
  postsMinimum: BasisPoints;
  postsMet: boolean | null;
  /** Disabled posts still needed to reach the minimum. */
  postsShortfall: number;
  fundShare: BasisPoints | null;
  fundMaximum: BasisPoints;
  fundWithin: boolean | null;
  messages: string[];
  rules: string[];
}

export function welfarePostLimits(params: ParamRegistry, on: IsoDate): { min: BasisPoints; max: BasisPoints } | undefined {
  const min = params.at<number>('disability.d1.s3_2_2.welfare_posts_min_share', on);
  const max = params.at<number>('disability.d1.s3_2_2.fund_max_share', on);
  return min && max ? { min: min.value, max: max.value } : undefined;
}

export function checkWelfarePosts(f: WelfarePostFigures, limits: { min: BasisPoints; max: BasisPoints }): WelfarePostCheck {
  const messages: string[] = [];
  const postsMet = f.totalPosts === 0 ? null : f.disabledPosts * 10_000 >= limits.min * f.totalPosts;
  const postsShortfall = postsMet === false ? Math.ceil((limits.min * f.totalPosts) / 10_000) - f.disabledPosts : 0;
  const postsShare = rateBp(f.disabledPosts, f.totalPosts);
  if (postsMet === null) messages.push('未开发公益性岗位，无法计算占比');
  else {
    messages.push(postsMet
      ? `残疾人公益性岗位${f.disabledPosts}个，占开发总量${f.totalPosts}个的${formatPercent(postsShare!)}，不少于${formatPercent(limits.min)}`
      : `残疾人公益性岗位${f.disabledPosts}个，占开发总量${f.totalPosts}个的${formatPercent(postsShare!)}，低于${formatPercent(limits.min)}，还差${postsShortfall}个`);
  }

  const fundWithin = f.fundTotal === 0 ? null : f.fundForDisabledPosts * 10_000 <= limits.max * f.fundTotal;
  const fundShare = rateBp(f.fundForDisabledPosts, f.fundTotal);
  if (fundWithin === null) messages.push('未录入就业保障金总额，无法计算占比');
  else {
    messages.push(fundWithin
      ? `用于残疾人公益性岗位社保补贴的就业保障金占${formatPercent(fundShare!)}，不超过${formatPercent(limits.max)}`
      : `用于残疾人公益性岗位社保补贴的就业保障金占${formatPercent(fundShare!)}，超过${formatPercent(limits.max)}`);
  }

  return {
    postsShare,
    postsMinimum: limits.min,
    postsMet,
    postsShortfall,
    fundShare,
    fundMaximum: limits.max,
    fundWithin,
    messages,
    rules: [welfarePostsShareRule.id, welfareFundShareRule.id],
  };
}
