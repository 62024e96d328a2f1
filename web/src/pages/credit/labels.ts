/**
 * Chinese words for the credit API's codes, for display only: the API
 * keeps codes. Record statuses come from the platform's own table.
 */
import type { Tone } from '../../components/Flag.tsx';

import { OBJECTION_ACTIONS, REPAIR_ACTIONS } from '../../../../src/credit/rules/workflow.ts';

export { RECORD_STATUS_LABELS } from '../../../../src/credit/rules/types.ts';

export const ROLE_OPTIONS = [
  { value: 'credit_office', label: '市诚信办（营商环境建设监督局）' },
  { value: 'regulator', label: '行业监管部门' },
  { value: 'finance', label: '财政部门（只看等级与是否准入）' },
  { value: 'admin', label: '系统管理员（只看查询记录）' },
  { value: 'entity', label: '市场主体（本主体）' },
];

export const PURPOSES = ['监管事项', '审批事项', '服务事项'];

/** 诚信守法 A/B, 轻微失信 C, 一般失信 D, 严重失信 E (D2 二(二)2). */
export const GRADE_TONES: Record<string, Tone> = { A: 'good', B: 'good', C: 'info', D: 'warn', E: 'bad' };

export const DOMAINS: Record<string, string> = {
  general: '一般领域',
  special_equipment: '特种设备',
  work_safety: '安全生产',
  fire: '消防',
  food: '食品',
  drug: '药品',
};

/** The words of src/credit/rules/intake.ts (not imported: it pulls the GB/T 2260 table into the bundle). */
export const PLEDGE_TYPES: Record<string, string> = {
  tolerance_acceptance: '容缺式受理',
  notification_commitment: '告知承诺制',
  start_on_pledge: '承诺即开工',
  operate_on_licence: '办照即经营',
  renew_on_pledge: '承诺即换证',
  other: '其他信用承诺',
};

export const ENTITLEMENTS: Record<string, string> = {
  notification_commitment: '告知承诺',
  tolerance_acceptance: '容缺受理',
  green_channel: '绿色通道',
  simplified_procedure: '简化程序',
  government_procurement: '参加政府采购',
  investment_tender: '参加政府投资项目招投标',
  fiscal_funds: '获得财政资金',
};

/** Which actions a case's state still allows, from the workflow's own table. */
export function actionsFor(kind: 'objection' | 'repair', state: string): { action: string; label: string }[] {
  const table: Record<string, { from: readonly string[]; label: string }> = kind === 'objection' ? OBJECTION_ACTIONS : REPAIR_ACTIONS;
  return Object.entries(table)
    .filter(([, t]) => t.from.includes(state))
    .map(([action, t]) => ({ action, label: t.label }));
}

export const SECTOR_EVALUATION: Record<string, string> = {
  public_score: '按公共信用综合评价',
  industry_model: '行业评价模型',
};

export const USCC_PATTERN = /^[0-9A-HJ-NPQRTUWXY]{18}$/;

export function options(table: Record<string, string>) {
  return Object.entries(table).map(([value, label]) => ({ value, label }));
}
