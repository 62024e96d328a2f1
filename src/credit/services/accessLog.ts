/**
 * The read log of credit results (D2 二(四)1 查询使用制度, 二(二)3 不得向社会
 * 公开): every read — granted or refused — is appended with who, what, when
 * and why. The table refuses UPDATE and DELETE in the database itself.
 */
import type { PlatformContext } from '../../platform/context.ts';
import type { Caller } from '../rules/access.ts';
import { newId, nowIso } from './support.ts';

export interface ReadEvent {
  caller: Caller;
  action: string;
  subject: string | null;
  resource: string;
  purpose: string;
  requestId?: string;
  outcome: 'granted' | 'denied';
}

export class CreditAccessLog {
  constructor(private readonly ctx: PlatformContext) {}

  async append(event: ReadEvent): Promise<void> {
    await this.ctx.store.db.insertInto('credit_access_log').values({
      id: newId('read'),
      at: nowIso(),
      user_id: event.caller.user,
      role: event.caller.role,
      caller_entity: event.caller.entity ?? null,
      department: event.caller.department ?? null,
      action: event.action,
      subject_uscc: event.subject,
      resource: event.resource,
      purpose: event.purpose,
      request_id: event.requestId ?? null,
      outcome: event.outcome,
    }).execute();
  }

  async list(filter: { subject?: string; user?: string; from?: string; to?: string; limit: number; offset: number }) {
    let query = this.ctx.store.db.selectFrom('credit_access_log');
    if (filter.subject) query = query.where('subject_uscc', '=', filter.subject);
    if (filter.user) query = query.where('user_id', '=', filter.user);
    if (filter.from) query = query.where('at', '>=', filter.from);
    if (filter.to) query = query.where('at', '<=', `${filter.to}\uffff`);
    const total = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const rows = await query.selectAll().orderBy('at', 'desc').orderBy('id').limit(filter.limit).offset(filter.offset).execute();
    return {
      total: Number(total.n),
      items: rows.map((r) => ({
        id: r.id, at: r.at, user: r.user_id, role: r.role, callerEntity: r.caller_entity, department: r.department,
        action: r.action, subject: r.subject_uscc, resource: r.resource, purpose: r.purpose, requestId: r.request_id, outcome: r.outcome,
      })),
    };
  }
}
