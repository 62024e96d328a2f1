/**
 * D5 §4: retirees are credited 55 yuan a month for now (2% of the 2021
 * average basic pension); once the 2022 average pension is published the
 * difference is credited for every month paid at the provisional rate.
 * Until the parameter is entered no top-up is computed.
 */
import type { IsoDate } from '../../../core/dates.ts';
import type { Decision } from '../../../core/explain.ts';
import { applyRate, clampNonNegative, formatPercent, formatYuan, type Fen } from '../../../core/money.ts';
import type { RuleDeclaration } from '../../../core/params/articles.ts';
import { PARAM, type MedicalParams } from '../params.ts';

export const retireeTopUpRule: RuleDeclaration = {
  id: 'd5.art4.retiree_top_up',
  articles: ['D5 §4'],
  title: '退休人员个人账户补划差额',
};

export interface TopUpInput {
  /** Months credited at the provisional rate. */
  monthsCredited: number;
  /** What each of those months credited; the provisional rate by default. */
  creditedMonthly?: Fen;
  /** Date of the top-up run: which parameter values apply. */
  asOf: IsoDate;
}

export interface TopUp {
  topUp: Fen;
  monthlyTarget: Fen;
  monthlyDifference: Fen;
}

export function retireeTopUp(input: TopUpInput, params: MedicalParams): Decision<TopUp> {
  const p = params.on(input.asOf).account;
  const articles = ['D5 §4'];

  if (!p) return { outcome: 'no_rule_in_force', date: input.asOf, articles, steps: [] };
  if (p.averagePension2022 === null) {
    return { outcome: 'needs_input', missing: [PARAM.averagePension2022], articles, steps: [] };
  }

  // Each month's amount is rounded to the fen first, as it is credited.
  const monthlyTarget = applyRate(p.averagePension2022, p.retireePensionShare);
  const credited = input.creditedMonthly ?? p.retireeMonthlyCredit;
  const monthlyDifference = clampNonNegative(monthlyTarget - credited);
  const topUp = monthlyDifference * input.monthsCredited;

  return {
    outcome: 'decided',
    result: { topUp, monthlyTarget, monthlyDifference },
    articles,
    steps: [
      {
        rule: retireeTopUpRule.id,
        article: 'D5 §4',
        text:
          `2022年平均基本养老金${formatYuan(p.averagePension2022)}元×${formatPercent(p.retireePensionShare)}` +
          `=${formatYuan(monthlyTarget)}元/月，已按${formatYuan(credited)}元划入${input.monthsCredited}个月，` +
          `补划${formatYuan(topUp)}元`,
        params: [p.use.averagePension2022, p.use.retireePensionShare, p.use.retireeMonthlyCredit],
        values: { topUp: formatYuan(topUp) },
      },
    ],
  };
}
