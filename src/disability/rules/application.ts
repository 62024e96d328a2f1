/**
 * Applications for the two subsidies (D1 三(一)5 “优化补贴办理流程”,
 * “全面开展残疾人‘两项补贴’资格认定申请‘跨省通办’”; 专栏2 一2): received →
 * reviewed → approved or refused, each step dated and reasoned. An approved
 * grant ends when the payment stops (if stop_ends_grant) or an officer ends it.
 */
import { isIsoDate, type IsoDate } from '../../core/dates.ts';
import type { FieldProblem } from '../../core/errors.ts';
import type { RuleDeclaration } from '../../core/params/articles.ts';

export const applicationRule: RuleDeclaration = {
  id: 'd1.s3_1_5.application',
  articles: ['D1 三(一)5', 'D1 专栏2 一2'],
  title: '两项补贴申请办理：受理、审核、批准或不予批准，含“跨省通办”',
};

export const APPLICATION_STATUSES = ['received', 'reviewed', 'approved', 'refused', 'ended'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const APPLICATION_STATUS_LABELS: Readonly<Record<ApplicationStatus, string>> = {
  received: '已受理',
  reviewed: '已审核',
  approved: '已批准',
  refused: '不予批准',
  ended: '已终止',
};

export const CHANNELS = ['local', 'cross_province'] as const;
export type Channel = (typeof CHANNELS)[number];

export type ApplicationAction = 'review' | 'approve' | 'refuse' | 'end';

const MOVES: Readonly<Record<ApplicationAction, { from: ApplicationStatus[]; to: ApplicationStatus }>> = {
  review: { from: ['received'], to: 'reviewed' },
  approve: { from: ['reviewed'], to: 'approved' },
  refuse: { from: ['reviewed'], to: 'refused' },
  end: { from: ['approved'], to: 'ended' },
};

export const ACTION_LABELS: Readonly<Record<ApplicationAction, string>> = {
  review: '审核',
  approve: '批准',
  refuse: '不予批准',
  end: '终止',
};

/** Checks a new application: dates, and the 受理地 of a 跨省通办 one. */
export function checkNewApplication(input: {
  channel: string;
  receivedOn: string;
  acceptedAt?: string | null | undefined;
}): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!CHANNELS.includes(input.channel as Channel)) {
    problems.push({ field: 'channel', value: input.channel, reason: '受理渠道应为 local（本地）或 cross_province（跨省通办）' });
  }
  if (!isIsoDate(input.receivedOn)) {
    problems.push({ field: 'receivedOn', value: input.receivedOn, reason: '受理日期应为 YYYY-MM-DD' });
  }
  if (input.channel === 'cross_province' && !input.acceptedAt?.trim()) {
    problems.push({ field: 'acceptedAt', reason: '跨省通办申请须注明受理地（省份）' });
  }
  return problems;
}

/** The next status, or why the step is not allowed; pure. */
export function nextStatus(
  current: { status: ApplicationStatus; lastEventOn: IsoDate },
  action: ApplicationAction,
  on: IsoDate,
): { ok: true; status: ApplicationStatus } | { ok: false; reason: string } {
  const move = MOVES[action];
  if (!move.from.includes(current.status)) {
    return {
      ok: false,
      reason: `申请当前状态为“${APPLICATION_STATUS_LABELS[current.status]}”，不能${ACTION_LABELS[action]}`,
    };
  }
  if (!isIsoDate(on)) return { ok: false, reason: '日期应为 YYYY-MM-DD' };
  if (on < current.lastEventOn) {
    return { ok: false, reason: `${ACTION_LABELS[action]}日期不能早于上一环节（${current.lastEventOn}）` };
  }
  return { ok: true, status: move.to };
}
