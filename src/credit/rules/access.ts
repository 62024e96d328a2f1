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

/**
 * Roles are those of the platform's accounts (src/auth/roles.ts): the
 * credit office and sector regulators work with results in full; other
 * government offices use the grade and the yes/no answers in their
 * approvals and services; the system administrator reviews the read log
 * but sees no result; an entity sees its own.
 */
export type Permission =
  | 'result.read' // score, breakdown, history, measures of any entity
  | 'result.summary' // grade, category and entitlement answers
  | 'result.own' // own results only (role entity)
  | 'record.write'
  | 'record.read'
  | 'entity.write'
  | 'model.write'
  | 'plan.write'
  | 'plan.read'
  | 'workflow.decide'
  | 'workflow.file'
  | 'access_log.read'
  | 'batch.run';

const SUMMARY: readonly Permission[] = ['result.summary'];

const GRANTS: Readonly<Record<string, readonly Permission[]>> = {
  credit_office: ['result.read', 'result.summary', 'record.write', 'record.read', 'entity.write', 'model.write', 'plan.write', 'plan.read', 'workflow.decide', 'workflow.file', 'access_log.read', 'batch.run'],
  regulator: ['result.read', 'result.summary', 'record.write', 'record.read', 'entity.write', 'model.write', 'plan.write', 'plan.read', 'workflow.decide'],
  admin: ['access_log.read'],
  entity: ['result.own', 'workflow.file'],
  finance: SUMMARY,
  medical_office: SUMMARY,
  civil_affairs: SUMMARY,
  rural_revitalization: SUMMARY,
  price_office: SUMMARY,
  disabled_federation: SUMMARY,
};

export const CREDIT_ROLE_LABELS: Readonly<Record<string, string>> = {
  credit_office: '市诚信办（营商环境建设监督局）',
  regulator: '行业监管部门',
  admin: '系统管理员',
  entity: '市场主体（本主体）',
  finance: '财政部门',
  medical_office: '医保部门',
  civil_affairs: '民政部门',
  rural_revitalization: '乡村振兴部门',
  price_office: '价格主管部门',
  disabled_federation: '残联',
};

export function permissionsOf(role: string): readonly Permission[] {
  return GRANTS[role] ?? [];
}

export interface Caller {
  user: string;
  role: string;
  /** 统一社会信用代码 the caller acts for (role entity). */
  entity?: string;
  department?: string;
}

export type AccessDecision = { allowed: true } | { allowed: false; reason: string };

export function hasPermission(caller: Caller, permission: Permission): boolean {
  return permissionsOf(caller.role).includes(permission);
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
    reason: `${CREDIT_ROLE_LABELS[caller.role] ?? caller.role}无权查看${depth === 'full' ? '信用评价明细' : '信用等级'}（D2 二(二)3：仅供政府部门在审批、监管和服务中按职责使用）`,
  };
}
