/**
 * The states of the two workflows of D2 二(四): objections (异议, 二(四)2)
 * and credit repair (信用修复, 二(四)3). Each action moves a case from the
 * states listed to one state; anything else is refused.
 */
export type ObjectionState = 'received' | 'checking' | 'upheld' | 'rejected' | 'withdrawn';
export type RepairState = 'applied' | 'checking' | 'approved' | 'rejected' | 'withdrawn';

interface Transition<S extends string> {
  from: readonly S[];
  to: S;
  label: string;
}

export const OBJECTION_ACTIONS = {
  start_check: { from: ['received'], to: 'checking', label: '开始信息比对' },
  uphold: { from: ['received', 'checking'], to: 'upheld', label: '异议成立' },
  reject: { from: ['received', 'checking'], to: 'rejected', label: '异议不成立' },
  withdraw: { from: ['received', 'checking'], to: 'withdrawn', label: '申请人撤回' },
} as const satisfies Record<string, Transition<ObjectionState>>;

export const REPAIR_ACTIONS = {
  start_check: { from: ['applied'], to: 'checking', label: '开始审核' },
  approve: { from: ['applied', 'checking'], to: 'approved', label: '准予修复' },
  reject: { from: ['applied', 'checking'], to: 'rejected', label: '不予修复' },
  withdraw: { from: ['applied', 'checking'], to: 'withdrawn', label: '申请人撤回' },
} as const satisfies Record<string, Transition<RepairState>>;

export type ObjectionAction = keyof typeof OBJECTION_ACTIONS;
export type RepairAction = keyof typeof REPAIR_ACTIONS;

export const OPEN_OBJECTION_STATES: readonly ObjectionState[] = ['received', 'checking'];
export const OPEN_REPAIR_STATES: readonly RepairState[] = ['applied', 'checking'];

export const STATE_LABELS: Record<string, string> = {
  received: '已受理',
  applied: '已申请',
  checking: '核查中',
  upheld: '异议成立',
  rejected: '不成立/不予修复',
  approved: '准予修复',
  withdrawn: '已撤回',
};

export type Step<S> = { ok: true; to: S } | { ok: false; reason: string };

export function nextState<S extends string>(
  actions: Record<string, { from: readonly S[]; to: S; label: string }>,
  current: S,
  action: string,
): Step<S> {
  const transition = actions[action];
  if (!transition) return { ok: false, reason: `没有“${action}”这一操作` };
  if (!transition.from.includes(current)) {
    return { ok: false, reason: `当前状态“${STATE_LABELS[current] ?? current}”不能执行“${transition.label}”` };
  }
  return { ok: true, to: transition.to };
}
