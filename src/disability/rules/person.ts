/**
 * A register entry (D1 三(六)1 “进一步完善残疾人口基础数据”, 专栏10 6): the
 * resident ID is checked (GB 11643), sex and birth date must agree with it,
 * the county must be one of Jixi's, and the card number must be the same
 * person's ID followed by a valid category and grade.
 */
import type { FieldProblem } from '../../core/errors.ts';
import { isIsoDate } from '../../core/dates.ts';
import { checkResidentId } from '../../core/identity.ts';
import type { RuleDeclaration } from '../../core/params/articles.ts';
import { checkCardNumber } from './card.ts';
import { HOUSEHOLD_STATUSES, type Category, type Grade, type HouseholdStatus } from './types.ts';

export const personRecordRule: RuleDeclaration = {
  id: 'd1.s3_6_1.person_record',
  articles: ['D1 三(六)1', 'D1 专栏10 6'],
  title: '残疾人基础信息登记：身份证号、性别与出生日期、县区、残疾人证号的一致性',
};

export interface PersonInput {
  residentId: string;
  name: string;
  sex?: string | undefined;
  birthDate?: string | undefined;
  county: string;
  cardNumber: string;
  household: string;
  householdFrom: string;
}

export interface CheckedPerson {
  residentId: string;
  name: string;
  sex: 'male' | 'female';
  birthDate: string;
  county: string;
  cardNumber: string;
  category: Category;
  grade: Grade;
  household: HouseholdStatus;
  householdFrom: string;
}

const SEX_WORDS: Record<string, 'male' | 'female'> = {
  male: 'male', m: 'male', 男: 'male',
  female: 'female', f: 'female', 女: 'female',
};

export function checkPerson(
  input: PersonInput,
  counties: Readonly<Record<string, string>>,
  today?: string,
): { ok: true; person: CheckedPerson } | { ok: false; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const residentId = input.residentId.trim().toUpperCase();
  const id = checkResidentId(residentId, today);
  if (!id.ok) problems.push({ field: 'residentId', value: residentId, reason: id.reason });

  const name = input.name.trim();
  if (name.length === 0 || name.length > 50) {
    problems.push({ field: 'name', value: input.name, reason: '姓名不能为空，且不超过50个字' });
  }

  const sex = input.sex?.trim() ? SEX_WORDS[input.sex.trim().toLowerCase()] : undefined;
  if (input.sex?.trim() && !sex) problems.push({ field: 'sex', value: input.sex, reason: '性别应为“男”或“女”' });
  if (id.ok && sex && sex !== id.sex) {
    problems.push({ field: 'sex', value: input.sex, reason: '性别与身份证号不符' });
  }

  const birthDate = input.birthDate?.trim();
  if (birthDate && !isIsoDate(birthDate)) {
    problems.push({ field: 'birthDate', value: birthDate, reason: '出生日期应为 YYYY-MM-DD' });
  } else if (id.ok && birthDate && birthDate !== id.birthDate) {
    problems.push({ field: 'birthDate', value: birthDate, reason: `出生日期与身份证号不符（身份证号为 ${id.birthDate}）` });
  }

  const county = input.county.trim();
  if (!counties[county]) {
    problems.push({ field: 'county', value: county, reason: '县(市)区代码不在鸡西市范围内（GB/T 2260，2303xx）' });
  }

  const card = checkCardNumber(input.cardNumber, today);
  if (!card.ok) {
    for (const p of card.problems) problems.push({ field: 'cardNumber', value: input.cardNumber, reason: p.reason });
  } else if (id.ok && card.residentId !== residentId) {
    problems.push({ field: 'cardNumber', value: input.cardNumber, reason: '残疾人证号前18位与身份证号不一致' });
  }

  const household = input.household.trim() as HouseholdStatus;
  if (!HOUSEHOLD_STATUSES.includes(household)) {
    problems.push({ field: 'household', value: input.household, reason: '家庭类别应为 dibao（低保）、dibao_marginal（低保边缘）、tekun（特困）或 none（无）' });
  }
  const householdFrom = input.householdFrom.trim();
  if (!isIsoDate(householdFrom)) {
    problems.push({ field: 'householdFrom', value: input.householdFrom, reason: '家庭类别起始日期应为 YYYY-MM-DD' });
  }

  if (problems.length > 0 || !id.ok || !card.ok) return { ok: false, problems };

  return {
    ok: true,
    person: {
      residentId,
      name,
      sex: id.sex,
      birthDate: id.birthDate,
      county,
      cardNumber: input.cardNumber.trim().toUpperCase(),
      category: card.category,
      grade: card.grade,
      household,
      householdFrom,
    },
  };
}
