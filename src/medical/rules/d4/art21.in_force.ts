/**
 * D4 §21: the measures apply from 2022-10-01 (repealing 鸡政办规〔2020〕7号).
 * A claim dated earlier gets no assistance under them; the bill says so.
 */
import type { RuleDeclaration } from '../../../core/params/articles.ts';
import { billNote } from '../trace.ts';

export const d4InForceRule: RuleDeclaration = {
  id: 'd4.art21.in_force',
  articles: ['D4 §21'],
  title: '暂行办法施行日期',
};

export const ASSISTANCE_NOT_IN_FORCE = billNote(
  'assistance',
  'no_rule_in_force',
  d4InForceRule.id,
  'D4 §21',
  '就诊日期在《关于健全重特大疾病医疗保险和救助制度的暂行办法》施行之前，医疗救助无生效规定，不按本办法救助',
);
