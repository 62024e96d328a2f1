/**
 * D4 §19: assistance is pooled city-wide. When a budget year's spending
 * exceeds the budgets of the city and the counties, the city's accumulated
 * surplus covers the gap first; what remains falls to the city or county
 * that certified the recipients. How it is shared is the reading
 * shortfall_allocation (the article leaves the details to a later rule);
 * fen are shared by largest remainder so the parts add up exactly.
 */
import type { Decision, ExplanationStep } from '../../../core/explain.ts';
import { allocateByLargestRemainder, clampNonNegative, formatYuan, type Fen } from '../../../core/money.ts';
import type { RuleDeclaration } from '../../../core/params/articles.ts';
import type { MedicalParams, ShortfallAllocation } from '../params.ts';

export const fundShortfallRule: RuleDeclaration = {
  id: 'd4.art19.fund_shortfall',
  articles: ['D4 §19'],
  title: '医疗救助市级统筹：缺口由累计结余补足，不足部分由认定地筹集',
};

export interface FundYear {
  year: number;
  /** Budget by city ('city') or county code. */
  budget: Readonly<Record<string, Fen>>;
  /** Assistance spent on recipients, by the code of the certifying city or county. */
  spendingByCertifier: Readonly<Record<string, Fen>>;
  accumulatedSurplus: Fen;
}

export interface FundLedger {
  year: number;
  income: Fen;
  spending: Fen;
  gap: Fen;
  fromSurplus: Fen;
  surplusAfter: Fen;
  remaining: Fen;
  remainingByCertifier: Record<string, Fen>;
  allocation: ShortfallAllocation;
  steps: ExplanationStep[];
}

/** The ledger of a budget year, read with the parameters in force at its end. */
export function fundShortfall(input: FundYear, params: MedicalParams): Decision<FundLedger> {
  const date = `${input.year}-12-31`;
  const f = params.on(date).fund;
  if (!f) return { outcome: 'no_rule_in_force', date, articles: ['D4 §19'], steps: [] };

  const income = sum(Object.values(input.budget));
  const certifiers = Object.keys(input.spendingByCertifier).sort();
  const spendings = certifiers.map((c) => input.spendingByCertifier[c]!);
  const spending = sum(spendings);
  const gap = clampNonNegative(spending - income);
  const fromSurplus = Math.min(gap, clampNonNegative(input.accumulatedSurplus));
  const remaining = gap - fromSurplus;
  const steps: ExplanationStep[] = [
    {
      rule: fundShortfallRule.id,
      article: 'D4 §19',
      text: `预算合计${formatYuan(income)}元，支出${formatYuan(spending)}元，缺口${formatYuan(gap)}元`,
      values: { income: formatYuan(income), spending: formatYuan(spending), gap: formatYuan(gap) },
    },
    {
      rule: fundShortfallRule.id,
      article: 'D4 §19',
      text:
        `由市级累计结余基金补足${formatYuan(fromSurplus)}元，` +
        `结余由${formatYuan(input.accumulatedSurplus)}元` +
        `减为${formatYuan(input.accumulatedSurplus - fromSurplus)}元`,
      values: { fromSurplus: formatYuan(fromSurplus) },
    },
  ];

  let weights = spendings;
  let allocation = f.allocation;
  if (allocation === 'by_certifier_overspend') {
    const over = certifiers.map((c, i) => clampNonNegative(spendings[i]! - (input.budget[c] ?? 0)));
    if (sum(over) > 0) weights = over;
    else {
      allocation = 'by_certifier_spending';
      steps.push({
        rule: fundShortfallRule.id,
        article: 'D4 §19',
        text: '各认定地均未超出本级预算，改按救助支出比例分担',
      });
    }
  }
  const parts = allocateByLargestRemainder(remaining, weights);
  const remainingByCertifier: Record<string, Fen> = {};
  certifiers.forEach((c, i) => {
    remainingByCertifier[c] = parts[i]!;
  });
  if (remaining > 0) {
    steps.push({
      rule: fundShortfallRule.id,
      article: 'D4 §19',
      text:
        `结余不足部分${formatYuan(remaining)}元由认定救助对象身份的市、县（市）筹集：` +
        certifiers.map((c) => `${c} ${formatYuan(remainingByCertifier[c]!)}元`).join('，'),
      params: [f.use.allocation],
    });
  }

  const ledger: FundLedger = {
    year: input.year,
    income,
    spending,
    gap,
    fromSurplus,
    surplusAfter: input.accumulatedSurplus - fromSurplus,
    remaining,
    remainingByCertifier,
    allocation,
    steps,
  };
  return { outcome: 'decided', result: ledger, articles: ['D4 §19'], steps };
}

function sum(values: readonly Fen[]): Fen {
  let total = 0;
  for (const v of values) total += v;
  return total;
}
