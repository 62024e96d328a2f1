/**
 * Care eligibility queries of D1 三(一)3 (and 专栏2 二3):
 * - 阳光家园计划: card holders of working age (16 至 59 周岁) with
 *   intellectual, mental or severe physical disability;
 * - 托养服务和照护帮扶 for 特困 disabled persons aged 16 and over.
 */
import type { IsoDate } from '../../core/dates.ts';
import type { RuleDeclaration } from '../../core/params/articles.ts';
import type { ParamRegistry } from '../../core/params/registry.ts';
import { ageOn } from './age.ts';
import { CATEGORY_LABELS, type Category, type Grade, type HouseholdStatus } from './types.ts';

export const sunshineHomeRule: RuleDeclaration = {
  id: 'd1.s3_1_3.sunshine_home',
  articles: ['D1 三(一)3', 'D1 专栏2 二3'],
  title: '阳光家园计划托养服务：就业年龄段持证智力、精神及重度肢体残疾人',
};

export const tekunCareRule: RuleDeclaration = {
  id: 'd1.s3_1_3.tekun_care',
  articles: ['D1 三(一)3'],
  title: '特困残疾人托养照护：年满16周岁的特困残疾人',
};

export interface CareParameters {
  sunshineAge: { from: number; to: number };
  sunshineCategories: readonly Category[];
  sunshineSeverePhysicalGrades: readonly number[];
  tekunMinAge: number;
}

export function careParameters(params: ParamRegistry, on: IsoDate): CareParameters | undefined {
  const age = params.at<{ from: number; to: number }>('disability.d1.s3_1_3.sunshine_age_band', on);
  const categories = params.at<Category[]>('disability.d1.s3_1_3.sunshine_categories', on);
  const grades = params.at<number[]>('disability.d1.s3_1_3.sunshine_severe_physical_grades', on);
  const tekun = params.at<number>('disability.d1.s3_1_3.tekun_care_min_age', on);
  if (!age || !categories || !grades || !tekun) return undefined;

  return {
    sunshineAge: age.value,
    sunshineCategories: categories.value,
    sunshineSeverePhysicalGrades: grades.value,
    tekunMinAge: tekun.value,
  };
}

export interface CarePerson {
  birthDate: IsoDate;
  category: Category;
  grade: Grade;
  household: HouseholdStatus;
  alive: boolean;
  resident: boolean;
}

export interface CareAnswer {
  eligible: boolean;
  rule: string;
  article: string;
  /** Chinese sentences: why, or why not. */
  reasons: string[];
}

export function sunshineHome(person: CarePerson, p: CareParameters, on: IsoDate): CareAnswer {
  const reasons: string[] = [];
  const age = ageOn(person.birthDate, on);
  if (!person.alive || !person.resident) reasons.push('已死亡或迁出本市');
  if (age < p.sunshineAge.from || age > p.sunshineAge.to) {
    reasons.push(`${age}周岁，不在就业年龄段（${p.sunshineAge.from}至${p.sunshineAge.to}周岁）`);
  }
  const severePhysical = person.category === 'physical' && p.sunshineSeverePhysicalGrades.includes(person.grade);
  if (!p.sunshineCategories.includes(person.category) && !severePhysical) {
    reasons.push(`${CATEGORY_LABELS[person.category]}残疾${person.grade}级，不属于智力、精神或重度肢体残疾`);
  }

  const eligible = reasons.length === 0;
  return {
    eligible,
    rule: sunshineHomeRule.id,
    article: 'D1 三(一)3',
    reasons: eligible ? [`${age}周岁，${CATEGORY_LABELS[person.category]}残疾${person.grade}级，持残疾人证`] : reasons,
  };
}

export function tekunCare(person: CarePerson, p: CareParameters, on: IsoDate): CareAnswer {
  const reasons: string[] = [];
  const age = ageOn(person.birthDate, on);
  if (!person.alive || !person.resident) reasons.push('已死亡或迁出本市');
  if (person.household !== 'tekun') reasons.push('不是特困人员');
  if (age < p.tekunMinAge) reasons.push(`${age}周岁，未满${p.tekunMinAge}周岁`);

  const eligible = reasons.length === 0;
  return {
    eligible,
    rule: tekunCareRule.id,
    article: 'D1 三(一)3',
    reasons: eligible ? [`特困残疾人，${age}周岁`] : reasons,
  };
}
