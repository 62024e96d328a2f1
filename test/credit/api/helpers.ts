/** A credit API on a fresh database, called with the x-user / x-role headers. */
import type { FastifyInstance } from 'fastify';

import type { PlatformContext } from '../../../src/platform/context.ts';
import { buildApp } from '../../../src/server/app.ts';

export const OFFICE = { 'x-user': 'office-1', 'x-role': 'credit_office', 'x-audit-reason': encodeURIComponent('信用监管测试') };
export const REGULATOR = { 'x-user': 'reg-1', 'x-role': 'regulator', 'x-audit-reason': encodeURIComponent('日常监管') };

export function entityHeaders(uscc: string) {
  return { 'x-user': `ent-${uscc}`, 'x-role': 'entity', 'x-entity': uscc };
}

export async function withApp(open: () => Promise<PlatformContext>, body: (app: FastifyInstance, ctx: PlatformContext) => Promise<void>): Promise<void> {
  const ctx = await open();
  const app = await buildApp(ctx, { serveWeb: false, auth: { enforce: false } });
  try {
    await body(app, ctx);
  } finally {
    await app.close();
    await ctx.close();
  }
}

export async function post(app: FastifyInstance, url: string, payload: unknown, headers: Record<string, string> = OFFICE) {
  return app.inject({ method: 'POST', url: `/api/credit${url}`, payload: payload as Record<string, unknown>, headers });
}

export async function get(app: FastifyInstance, url: string, headers: Record<string, string> = OFFICE) {
  return app.inject({ method: 'GET', url: `/api/credit${url}`, headers });
}

let doc = 0;
/** Department and document number a test record needs (D2 二(一)1); not part of any expected value. */
export function source() {
  doc += 1;
  return { source_department: '测试监管部门', document_number: `测试〔2023〕${doc}号` };
}
