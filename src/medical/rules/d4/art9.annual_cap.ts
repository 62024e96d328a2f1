/**
 * D4 §9: within a calendar year, assistance for outpatient and inpatient
 * costs together is at most the annual cap per person (the tilt included,
 * D4 §11(3) "年度支付限额内").
 */
import { clampNonNegative, type Fen } from '../../../core/money.ts';
import type { RuleDeclaration } from '../../../core/params/articles.ts';
import { billNote } from '../trace.ts';

export const assistanceCapRule: RuleDeclaration = {
  id: 'd4.art9.annual_cap',
  articles: ['D4 §9'],
  title: '门诊和住院年度最高救助限额',
};

export const ASSISTANCE_CAP_REACHED = billNote(
  'assistance',
  'annual_cap_reached',
  assistanceCapRule.id,
  'D4 §9',
  '本年度医疗救助已达年度最高救助限额',
);

export function assistanceCapLeft(paidBefore: Fen, cap: Fen): Fen {
  return clampNonNegative(cap - paidBefore);
}
