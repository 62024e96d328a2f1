/**
 * Who may read credit results (D2 二(二)3, 二(四)1): results are never
 * public; government departments use them in approvals, supervision and
 * services as their role allows; a registered, verified entity sees only
 * its own. Every read is logged with who, what, when and why.
 */
import type { RuleDeclaration } from '../../core/params/articles.ts';

export const resultAccessRule: RuleDeclaration = {
  id: 'd2.part2_2_3.result_access',
  articles: ['D2 二(二)3'],
  title: '评价结果不公开：部门按职责使用，主体仅可查询自身结果',
};

export const accessLogRule: RuleDeclaration = {
  id: 'd2.part2_4_1.access_log',
  articles: ['D2 二(四)1', 'D2 二(二)3'],
  title: '信用评价结果查询使用留痕（谁、查什么、何时、为何）',
};

export const ROLES = ['credit_office', 'supervisor', 'approver', 'inspector', 'auditor', 'entity'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  credit_office: '市诚信办（信用主管部门）',
  supervisor: '行业监管部门',
  approver: '行政审批部门',
  inspector: '检查人员',
  auditor: '监督审计人员',
  entity: '市场主体（本主体）',
};

/** What a caller may do; reads of results are logged. */
export type Permission =
  | 'result.read' // score, breakdown, history of any entity
  | 'result.summary' // grade and category only, and entitlement answers
  | 'result.own' // own results only
  | 'record.write'
  | 'record.read'
  | 'model.write'
  | 'plan.write'
  | 'plan.read'
  | 'workflow.decide'
  | 'workflow.file'
  | 'access_log.read'
  | 'entity.write'
  | 'batch.run';

const GRANTS: Record<Role, readonly Permission[]> = {
  credit_office: ['result.read', 'result.summary', 'record.write', 'record.read', 'model.write', 'plan.write', 'plan.read', 'workflow.decide', 'access_log.read', 'entity.write', 'batch.run'],
  supervisor: ['result.read', 'result.summary', 'record.write', 'record.read', 'model.write', 'plan.write', 'plan.read', 'workflow.decide'],
  approver: ['result.summary'],
  inspector: ['plan.read'],
  auditor: ['access_log.read'],
  entity: ['result.own', 'workflow.file'],
};

export interface Caller {
  user: string;
  role: Role;
  /** 统一社会信用代码 the caller acts for (role entity). */
  entity?: string;
  department?: string;
}

export type AccessDecision = { allowed: true } | { allowed: false; reason: string };

export function hasPermission(caller: Caller, permission: Permission): boolean {
  return GRANTS[caller.role].includes(permission);
}

/**
 * May `caller` read the results of `uscc` in the given depth? An entity
 * only its own; an approver the grade and answers only.
 */
export function mayReadResult(caller: Caller, uscc: string, depth: 'full' | 'summary'): AccessDecision {
  if (caller.role === 'entity') {
    return caller.entity === uscc
      ? { allowed: true }
      : { allowed: false, reason: '市场主体只能查询自身的信用评价结果（D2 二(二)3）' };
  }
  if (depth === 'full' && hasPermission(caller, 'result.read')) return { allowed: true };
  if (depth === 'summary' && hasPermission(caller, 'result.summary')) return { allowed: true };
  return {
    allowed: false,
    reason: `${ROLE_LABELS[caller.role]}无权查看${depth === 'full' ? '信用评价明细' : '信用等级'}（D2 二(二)3：仅供政府部门在审批、监管和服务中按职责使用）`,
  };
}
