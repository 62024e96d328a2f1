/**
 * A warning's life (D3 3.4–3.6): proposed by the office, approved by the
 * right leader, published through the city's warning platform, changed in
 * level, terminated. Levels 2 and 1 are never computed: they follow the
 * province's (State Council's) declaration, entered with its document, and
 * end when the province lifts them (D3 1.3, 3.4(1), 3.5.2, 3.5.3, 3.6(1)).
 */
import type { Level } from './types.ts';

export const WARNING_STATES_RULE = 'd3.art3_4.warning_states';

export type WarningState = 'proposed' | 'approved' | 'published' | 'terminated' | 'rejected';
export type WarningAction = 'propose' | 'approve' | 'reject' | 'publish' | 'change_level' | 'terminate';

export const STATE_LABELS: Record<WarningState, string> = {
  proposed: '已提出建议',
  approved: '已批准',
  published: '已发布',
  terminated: '已终止',
  rejected: '未批准',
};

/** The document of a declaration or of its lifting. */
export interface DeclarationDocument {
  /** 文号, e.g. 黑政办发〔2022〕12号 */
  number: string;
  title: string;
  date: string;
  issuer: string;
}

export interface TransitionRequest {
  action: WarningAction;
  /** For propose and change_level. */
  level?: Level;
  document?: DeclarationDocument | null;
  /** Level 3 proposals rest on a detection run or a stated reason. */
  detectionId?: string | null;
  note?: string;
}

export type CapMessage = 'Alert' | 'Update' | 'Cancel';

export type TransitionResult =
  | {
      ok: true;
      to: WarningState;
      level: Level;
      /** The level whose approver must act (the more severe of old and new). */
      authorityLevel: Level;
      cap: CapMessage | null;
    }
  | { ok: false; code: 'ERR_PRICE_WARNING_TRANSITION' | 'ERR_PRICE_DOCUMENT_REQUIRED' | 'ERR_CORE_INVALID_INPUT'; reason: string };

const FROM: Record<WarningAction, WarningState | null> = {
  propose: null,
  approve: 'proposed',
  reject: 'proposed',
  publish: 'approved',
  change_level: 'published',
  terminate: 'published',
};

function hasDocument(d: DeclarationDocument | null | undefined): boolean {
  return !!d && !!d.number?.trim() && !!d.date?.trim() && !!d.issuer?.trim();
}

/** Whether `request` may happen to a warning in `current`, and what follows. */
export function transition(current: { state: WarningState; level: Level } | null, request: TransitionRequest): TransitionResult {
  const expected = FROM[request.action];
  if ((current?.state ?? null) !== expected) {
    return { ok: false, code: 'ERR_PRICE_WARNING_TRANSITION', reason: `${current ? STATE_LABELS[current.state] : '尚未建立'}的预警不能${ACTION_LABELS[request.action]}` };
  }

  switch (request.action) {
    case 'propose': {
      const level = request.level;
      if (level === undefined) return { ok: false, code: 'ERR_CORE_INVALID_INPUT', reason: '须注明预警级别' };
      if (level !== 3 && !hasDocument(request.document)) {
        return { ok: false, code: 'ERR_PRICE_DOCUMENT_REQUIRED', reason: '二级、一级预警依省政府（国务院）发布，须录入其文件的文号、发布机关和日期' };
      }
      if (level === 3 && !request.detectionId && !request.note?.trim()) {
        return { ok: false, code: 'ERR_CORE_INVALID_INPUT', reason: '三级预警建议须附检测结果或说明理由' };
      }
      return { ok: true, to: 'proposed', level, authorityLevel: level, cap: null };
    }
    case 'approve':
      return { ok: true, to: 'approved', level: current!.level, authorityLevel: current!.level, cap: null };
    case 'reject':
      return { ok: true, to: 'rejected', level: current!.level, authorityLevel: current!.level, cap: null };
    case 'publish':
      return { ok: true, to: 'published', level: current!.level, authorityLevel: current!.level, cap: 'Alert' };
    case 'change_level': {
      const to = request.level;
      if (to === undefined || to === current!.level) {
        return { ok: false, code: 'ERR_CORE_INVALID_INPUT', reason: '须注明与现级别不同的新级别' };
      }
      if ((to !== 3 || current!.level !== 3) && !hasDocument(request.document)) {
        return { ok: false, code: 'ERR_PRICE_DOCUMENT_REQUIRED', reason: '升为或降自二级、一级须录入省政府（国务院）的决定文件' };
      }
      return { ok: true, to: 'published', level: to, authorityLevel: Math.min(to, current!.level) as Level, cap: 'Update' };
    }
    case 'terminate':
      if (current!.level !== 3 && !hasDocument(request.document)) {
        return { ok: false, code: 'ERR_PRICE_DOCUMENT_REQUIRED', reason: '一级、二级预警在省政府解除后终止（3.6(1)），须录入解除文件' };
      }
      return { ok: true, to: 'terminated', level: current!.level, authorityLevel: current!.level, cap: 'Cancel' };
  }
}

export const ACTION_LABELS: Record<WarningAction, string> = {
  propose: '提出预警建议',
  approve: '批准',
  reject: '不予批准',
  publish: '发布',
  change_level: '调整级别',
  terminate: '终止',
};
