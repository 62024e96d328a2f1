/**
 * The second-generation 残疾人证 number (D1 三(三)9 残疾人证核发管理; the
 * register of 三(六)1): the holder's 18-character resident ID followed by
 * one digit of category (1 视力 … 7 多重) and one digit of grade (1–4,
 * 一级 most severe). The category digits follow GB/T 26341 as the card uses
 * them; they are a coding, not a policy number.
 */
import { checkResidentId } from '../../core/identity.ts';
import type { RuleDeclaration } from '../../core/params/articles.ts';
import { CATEGORIES, CATEGORY_LABELS, type Category, type Grade } from './types.ts';

export const cardNumberRule: RuleDeclaration = {
  id: 'd1.s3_6_1.card_number',
  articles: ['D1 三(六)1', 'D1 三(三)9', 'D1 专栏10 6'],
  title: '残疾人证号校验，并由证号得出残疾类别与等级',
};

export type CardProblemCode = 'length' | 'resident_id' | 'category' | 'grade';

export interface CardProblem {
  code: CardProblemCode;
  reason: string;
}

export type CardCheck =
  | {
      ok: true;
      residentId: string;
      category: Category;
      categoryLabel: string;
      grade: Grade;
      birthDate: string;
      sex: 'male' | 'female';
      area: string;
    }
  | { ok: false; problems: CardProblem[] };

export function checkCardNumber(card: string, today?: string): CardCheck {
  const text = card.trim().toUpperCase();
  if (text.length !== 20) {
    return {
      ok: false,
      problems: [{ code: 'length', reason: `残疾人证号应为20位（身份证号18位＋类别1位＋等级1位），现为${text.length}位` }],
    };
  }

  const problems: CardProblem[] = [];
  const id = checkResidentId(text.slice(0, 18), today);
  if (!id.ok) problems.push({ code: 'resident_id', reason: `残疾人证号前18位：${id.reason}` });

  const categoryDigit = Number(text[18]);
  const category = /\d/.test(text[18]!) ? CATEGORIES[categoryDigit - 1] : undefined;
  if (!category) {
    problems.push({ code: 'category', reason: `残疾类别代码“${text[18]}”不存在（应为1视力、2听力、3言语、4肢体、5智力、6精神、7多重）` });
  }

  const gradeDigit = Number(text[19]);
  const grade = /[1-4]/.test(text[19]!) ? (gradeDigit as Grade) : undefined;
  if (!grade) problems.push({ code: 'grade', reason: `残疾等级代码“${text[19]}”不存在（应为1至4级）` });

  if (!id.ok || !category || !grade) return { ok: false, problems };

  return {
    ok: true,
    residentId: text.slice(0, 18),
    category,
    categoryLabel: CATEGORY_LABELS[category],
    grade,
    birthDate: id.birthDate,
    sex: id.sex,
    area: id.area,
  };
}
