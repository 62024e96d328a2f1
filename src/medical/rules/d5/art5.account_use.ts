/**
 * D5 §5: what a personal account may pay. Own policy-scope self-pay (1);
 * own, spouse's, parents' and children's personal-burden costs at designated
 * institutions and pharmacies (2); own 职工大额医疗补助 premium and the
 * resident premiums of spouse, parents, children (3); never public health,
 * fitness or wellness (4). Balances carry over, are refunded on transfer
 * out and go to the heirs (5). A refusal is a decision with its reason.
 */
import type { RuleDeclaration } from '../../../core/params/articles.ts';
import type { Person } from '../types.ts';
import { hasPersonalAccount } from './art3.covered_members.ts';

export const accountUseRule: RuleDeclaration = {
  id: 'd5.art5.account_use',
  articles: ['D5 §5'],
  title: '个人账户使用范围',
};

export type AccountPurpose =
  | 'policy_scope_self_pay'
  | 'medical_cost'
  | 'pharmacy_purchase'
  | 'large_medical_premium'
  | 'resident_premium'
  | 'public_health'
  | 'fitness'
  | 'wellness'
  | 'refund_on_transfer'
  | 'inheritance'
  | 'other';

export type Relation = 'self' | 'spouse' | 'parent' | 'child' | 'other';

export interface AccountUseRequest {
  purpose: AccountPurpose;
  beneficiary: Relation;
  /** At a designated institution or pharmacy (定点医药机构). */
  designated?: boolean;
}

export interface AccountUseDecision {
  allowed: boolean;
  article: string;
  /** Chinese reason shown to the clerk. */
  reason: string;
}

const FAMILY: ReadonlySet<Relation> = new Set(['self', 'spouse', 'parent', 'child']);
const RELATIVES: ReadonlySet<Relation> = new Set(['spouse', 'parent', 'child']);

export function accountUse(holder: Person, request: AccountUseRequest): AccountUseDecision {
  if (!hasPersonalAccount(holder)) {
    return { allowed: false, article: 'D5 §4', reason: '该参保人无个人账户（城乡居民或单建统筹灵活就业人员）' };
  }

  const { purpose, beneficiary, designated } = request;
  switch (purpose) {
    case 'public_health':
    case 'fitness':
    case 'wellness':
      return { allowed: false, article: 'D5 §5(4)', reason: '个人账户不得用于公共卫生费用、体育健身或养生保健消费' };
    case 'policy_scope_self_pay':
      if (beneficiary !== 'self') {
        return { allowed: false, article: 'D5 §5(1)', reason: '政策范围内自付费用限参保人员本人；家属费用见第五条第二项' };
      }
      return designated
        ? { allowed: true, article: 'D5 §5(1)', reason: '参保人员在定点医药机构发生的政策范围内自付费用' }
        : { allowed: false, article: 'D5 §5(1)', reason: '须在定点医药机构发生' };
    case 'medical_cost':
    case 'pharmacy_purchase':
      if (!FAMILY.has(beneficiary)) {
        return { allowed: false, article: 'D5 §5(2)', reason: '仅限本人及配偶、父母、子女' };
      }
      return designated
        ? {
            allowed: true,
            article: 'D5 §5(2)',
            reason:
              purpose === 'medical_cost'
                ? '本人或配偶、父母、子女在定点医疗机构发生的由个人负担的医疗费用'
                : '本人或配偶、父母、子女在定点零售药店购买药品、医疗器械、医用耗材由个人负担的费用',
          }
        : { allowed: false, article: 'D5 §5(2)', reason: '须在定点医疗机构或定点零售药店发生' };
    case 'large_medical_premium':
      return beneficiary === 'self'
        ? { allowed: true, article: 'D5 §5(3)', reason: '本人缴纳职工大额医疗补助费' }
        : { allowed: false, article: 'D5 §5(3)', reason: '职工大额医疗补助费限本人缴纳' };
    case 'resident_premium':
      return RELATIVES.has(beneficiary)
        ? { allowed: true, article: 'D5 §5(3)', reason: '为配偶、父母、子女缴纳城乡居民基本医疗保险费' }
        : { allowed: false, article: 'D5 §5(3)', reason: '城乡居民医保费仅可为配偶、父母、子女缴纳' };
    case 'refund_on_transfer':
      return { allowed: true, article: 'D5 §5(5)', reason: '医保关系迁出统筹地区，余额可一次性返还本人' };
    case 'inheritance':
      return { allowed: true, article: 'D5 §5(5)', reason: '职工死亡，结余资金可一次性拨付给合法继承人' };
    case 'other':
      return { allowed: false, article: 'D5 §5', reason: '不属于个人账户支付范围' };
  }
}
