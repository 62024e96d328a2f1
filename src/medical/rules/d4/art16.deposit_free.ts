/**
 * D4 §16, 先诊疗后付费: 低保对象, 特困人员, 孤儿, 事实无人抚养儿童 and
 * 农村易返贫致贫人口 referred after a first visit at primary level and
 * admitted to a designated hospital in the city pay no deposit.
 */
import { withinInterval, type IsoDate } from '../../../core/dates.ts';
import type { RuleDeclaration } from '../../../core/params/articles.ts';
import type { AssistanceParams, MedicalParams } from '../params.ts';
import type { CategoryCode, Claim, Person, Place } from '../types.ts';
import { CATEGORY_NAMES } from './art6.categories.ts';

export const depositFreeRule: RuleDeclaration = {
  id: 'd4.art16.deposit_free',
  articles: ['D4 §16'],
  title: '先诊疗后付费，免除住院押金',
};

export interface Admission {
  date: IsoDate;
  place: Place;
  /** Referred after a first visit at primary level (基层首诊转诊). */
  primaryFirstVisit: boolean;
}

export interface DepositDecision {
  depositFree: boolean;
  category: CategoryCode | null;
  article: 'D4 §16';
  /** Chinese reason for the admission desk. */
  reason: string;
}

/** The held category that frees the deposit, or null. */
export function depositFreeCategory(
  person: Person,
  admission: Admission,
  a: AssistanceParams | null,
): CategoryCode | null {
  if (!a || admission.place !== 'city' || !admission.primaryFirstVisit) return null;

  for (const span of person.categories) {
    if (a.depositFree.has(span.code) && withinInterval(admission.date, span.from, span.to)) {
      return span.code;
    }
  }
  return null;
}

/** For the bill: an inpatient claim admitted under 先诊疗后付费. */
export function claimDepositFree(person: Person, claim: Claim, a: AssistanceParams | null): boolean {
  if (claim.kind !== 'inpatient' || claim.primaryFirstVisit !== true || person.categories.length === 0) {
    return false;
  }
  return depositFreeCategory(person, { date: claim.date, place: claim.place, primaryFirstVisit: true }, a) !== null;
}

export function admissionDeposit(
  person: Person,
  admission: Admission,
  params: MedicalParams,
): DepositDecision {
  const a = params.on(admission.date).assistance;
  const category = depositFreeCategory(person, admission, a);
  if (category) {
    return {
      depositFree: true,
      category,
      article: 'D4 §16',
      reason: `${CATEGORY_NAMES[category]}经基层首诊转诊在市域内定点医疗机构住院，实行“先诊疗后付费”，免除住院押金`,
    };
  }

  const reason = !a
    ? '入院日期在暂行办法施行之前'
    : admission.place !== 'city'
      ? '仅限市域内定点医疗机构住院'
      : !admission.primaryFirstVisit
        ? '须经基层首诊转诊'
        : '不属于免除住院押金的救助对象类别';
  return { depositFree: false, category: null, article: 'D4 §16', reason };
}
