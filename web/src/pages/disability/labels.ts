/**
 * Words of the 残联 pages (鸡政规〔2022〕8号, D1): the rules' own label tables,
 * shared with the server so the page and the payroll never disagree, and
 * the page-only words for statuses and flags.
 */
import type { Tone } from '../../components/Flag.tsx';

export {
  BENEFIT_LABELS,
  CATEGORY_LABELS,
  HOUSEHOLD_LABELS,
  SERVICE_LABELS,
  SUBSIDY_LABELS,
} from '../../../../src/disability/rules/types.ts';
export { ACTION_LABELS, APPLICATION_STATUS_LABELS } from '../../../../src/disability/rules/application.ts';
export { checkCardNumber } from '../../../../src/disability/rules/card.ts';

export function label(table: Readonly<Record<string, string>>, key: string | null | undefined): string {
  if (!key) return '—';
  return table[key] ?? key;
}

export function options(table: Readonly<Record<string, string>>) {
  return Object.entries(table).map(([value, text]) => ({ value, label: text }));
}

export const APPLICATION_TONES: Readonly<Record<string, Tone>> = {
  received: 'info',
  reviewed: 'info',
  approved: 'good',
  refused: 'bad',
  ended: 'neutral',
};

export const LINE_STATUS_LABELS: Readonly<Record<string, string>> = { paid: '发放', stopped: '停发' };

export const CHANGE_LABELS: Readonly<Record<string, string>> = {
  new: '新增',
  continued: '续发',
  changed: '金额变动',
  stopped: '停发',
};

/** 专栏1 属性: the word is shown, the colour only repeats it. */
export const KIND_LABELS: Readonly<Record<string, string>> = { binding: '约束性', expected: '预期性' };

export const INDICATOR_STATUS_LABELS: Readonly<Record<string, string>> = {
  met: '已达标',
  on_track: '进度正常',
  off_track: '进度滞后',
  no_data: '暂无数据',
};

export const INDICATOR_STATUS_TONES: Readonly<Record<string, Tone>> = {
  met: 'good',
  on_track: 'good',
  off_track: 'bad',
  no_data: 'neutral',
};

export const FLAG_LABELS: Readonly<Record<string, string>> = { alarm: '预警', warning: '提示' };

export const QUOTA_STATUS_LABELS: Readonly<Record<string, string>> = {
  met: '已达到',
  short: '未达到',
  not_in_scope: '不在范围',
};

export const EMPLOYER_KIND_LABELS: Readonly<Record<string, string>> = {
  party_government: '党政机关',
  public_institution: '事业单位',
  federation: '残联',
  enterprise: '企业',
  other: '其他',
};

export const LEVEL_LABELS: Readonly<Record<string, string>> = { province: '省级', city: '市级', county: '县级', township: '乡镇' };
