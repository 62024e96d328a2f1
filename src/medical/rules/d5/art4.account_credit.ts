/**
 * D5 §4: monthly personal-account credits after the reform. In service: 2%
 * of the member's own contribution base. Retired: a fixed amount from the
 * pooling fund (55 yuan for now, topped up later, see art4.retiree_top_up).
 * A member who retires is credited at the retiree rate from the month after.
 * 单建统筹灵活就业: no account. Special groups keep the previous policy,
 * whose amount the caller supplies (the bulletin does not state it).
 */
import {
  firstDayOfMonth,
  monthOf,
  type IsoDate,
  type IsoMonth,
} from '../../../core/dates.ts';
import type { Decision, ExplanationStep } from '../../../core/explain.ts';
import { applyRate, formatPercent, formatYuan, type Fen } from '../../../core/money.ts';
import type { RuleDeclaration } from '../../../core/params/articles.ts';
import type { MedicalParams } from '../params.ts';
import type { Employment } from '../types.ts';

export const accountCreditRule: RuleDeclaration = {
  id: 'd5.art4.account_credit',
  articles: ['D5 §4'],
  title: '个人账户按月计入',
};

export interface AccountCreditInput {
  employment: Employment;
  month: IsoMonth;
  /** Monthly contribution base (缴费基数) of a member in service. */
  contributionBase?: Fen;
  /** Date the member's retirement was processed (办理退休手续). */
  retiredOn?: IsoDate;
  /** Special groups that keep the previous policy (灵活就业退休人员 …). */
  previousPolicy?: { monthlyCredit: Fen };
}

export interface AccountCredit {
  credit: Fen;
  basis: 'in_service' | 'retired' | 'flexible' | 'previous_policy';
}

export function accountCredit(
  input: AccountCreditInput,
  params: MedicalParams,
): Decision<AccountCredit> {
  const date = firstDayOfMonth(input.month);
  const p = params.on(date).account;
  const articles = ['D5 §4'];

  if (!p) return { outcome: 'no_rule_in_force', date, articles, steps: [] };

  const step = (text: string, extra: Partial<ExplanationStep> = {}): ExplanationStep[] => [
    { rule: accountCreditRule.id, article: 'D5 §4', text, ...extra },
  ];

  if (input.previousPolicy) {
    const credit = input.previousPolicy.monthlyCredit;
    return decided({ credit, basis: 'previous_policy' }, step(`特殊人群按原政策计入${formatYuan(credit)}元`));
  }

  const retired =
    input.retiredOn !== undefined
      ? input.month > monthOf(input.retiredOn)
      : input.employment === 'retired';
  if (retired) {
    const credit = p.retireeMonthlyCredit;
    return decided(
      { credit, basis: 'retired' },
      step(`退休人员按月定额划入${formatYuan(credit)}元`, { params: [p.use.retireeMonthlyCredit] }),
    );
  }

  if (input.employment === 'flexible') {
    return decided(
      { credit: 0, basis: 'flexible' },
      step('单建统筹灵活就业人员不划入个人账户', { params: [p.use.flexibleRate] }),
    );
  }

  if (input.contributionBase === undefined) {
    return { outcome: 'needs_input', missing: ['contributionBase'], articles, steps: [] };
  }
  const credit = applyRate(input.contributionBase, p.inServiceRate);
  return decided(
    { credit, basis: 'in_service' },
    step(`在职职工按缴费基数${formatYuan(input.contributionBase)}元的${formatPercent(p.inServiceRate)}计入${formatYuan(credit)}元`, {
      params: [p.use.inServiceRate],
      values: { base: formatYuan(input.contributionBase), credit: formatYuan(credit) },
    }),
  );

  function decided(result: AccountCredit, steps: ExplanationStep[]): Decision<AccountCredit> {
    return { outcome: 'decided', result, articles, steps };
  }
}
