/** /api/audit: reading and checking the audit trail (system administrators). */
import type { FastifyInstance } from 'fastify';

import type { PlatformContext } from './context.ts';
import { verifyAuditChain } from './audit.ts';

export async function auditRoutes(app: FastifyInstance, ctx: PlatformContext): Promise<void> {
  app.get('/', {
    schema: {
      tags: ['audit'],
      summary: '审计日志（按对象、操作人、操作、时间筛选）',
      querystring: {
        type: 'object',
        additionalProperties: false,
        properties: {
          target: { type: 'string', maxLength: 300 },
          actor: { type: 'string', maxLength: 64 },
          action: { type: 'string', maxLength: 200 },
          from: { type: 'string', maxLength: 30 },
          to: { type: 'string', maxLength: 30 },
          before: { type: 'integer', minimum: 1 },
          limit: { type: 'integer', minimum: 1, maximum: 500, default: 100 },
        },
      },
    },
  }, async (request) => {
    const q = request.query as { target?: string; actor?: string; action?: string; from?: string; to?: string; before?: number; limit: number };
    let query = ctx.store.db.selectFrom('audit_log').selectAll().orderBy('seq', 'desc').limit(q.limit);
    if (q.target) query = query.where('target', '=', q.target);
    if (q.actor) query = query.where('actor_name', '=', q.actor);
    if (q.action) query = query.where('action', '=', q.action);
    if (q.from) query = query.where('at', '>=', q.from);
    if (q.to) query = query.where('at', '<=', q.to);
    if (q.before) query = query.where('seq', '<', q.before);
    const rows = await query.execute();
    return rows.map((r) => ({ ...r, detail: r.detail_json ? (JSON.parse(r.detail_json) as unknown) : null, detail_json: undefined }));
  });

  app.get('/verify', {
    schema: { tags: ['audit'], summary: '校验审计日志哈希链' },
  }, async () => verifyAuditChain(ctx.store.db));
}
