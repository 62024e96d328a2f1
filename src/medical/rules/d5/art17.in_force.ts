/**
 * D5 §17: the implementing measures apply from their execution date. A claim
 * dated earlier is not settled under D5: pooling and the account layer pay
 * nothing and the bill says so (the parameters start on that date, so the
 * snapshot has no D5 sections before it).
 */
import type { RuleDeclaration } from '../../../core/params/articles.ts';
import { billNote } from '../trace.ts';

export const d5InForceRule: RuleDeclaration = {
  id: 'd5.art17.in_force',
  articles: ['D5 §17'],
  title: '门诊共济实施办法执行日期',
};

export const POOLING_NOT_IN_FORCE = billNote(
  'pooling',
  'no_rule_in_force',
  d5InForceRule.id,
  'D5 §17',
  '就诊日期在《鸡西市职工基本医疗保险门诊共济保障机制实施办法》执行之前，普通门诊统筹无生效规定，不予支付',
);

export const ACCOUNT_NOT_IN_FORCE = billNote(
  'account',
  'no_rule_in_force',
  d5InForceRule.id,
  'D5 §17',
  '就诊日期在门诊共济实施办法执行之前，个人账户支付无生效规定，本平台不予结算',
);
