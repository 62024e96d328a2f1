/**
 * New dated versions of parameters, added by the area's own office with the
 * document that decided them. The past is never edited: a version takes
 * effect today or later, and a version already stored for that date is a
 * conflict. The registry the platform uses is the files' registry with the
 * stored versions spliced in (`registryWithStoredVersions`).
 */
import { randomUUID } from 'node:crypto';

import type { FastifyInstance } from 'fastify';

import { isIsoDate, todayInBeijing } from '../core/dates.ts';
import { convertParamValue, type ParamRegistry } from '../core/params/registry.ts';
import type { ParamOverride } from '../core/params/types.ts';
import type { ParamVersionTable } from '../db/coreTables.ts';
import type { DatabaseHandle } from '../db/database.ts';
import { fail } from '../errorCatalog.ts';
import { loadParams, type PlatformContext } from '../platform/context.ts';
import { auditFacts } from '../server/security.ts';
import { PARAM_EDITORS } from './permissions.ts';
import type { Caller } from './roles.ts';

export function overridesFrom(rows: readonly ParamVersionTable[], base: ParamRegistry): ParamOverride[] {
  return [...rows]
    .filter((r) => base.has(r.param_id))
    .sort((a, b) => a.valid_from.localeCompare(b.valid_from) || a.created_at.localeCompare(b.created_at))
    .map((r) => ({
      id: r.param_id,
      value: JSON.parse(r.value_json) as unknown,
      from: r.valid_from,
      label: `${r.decided_by_document}（${r.created_by} ${r.created_at.slice(0, 10)} 发布）`,
    }));
}

/** The files' parameters with every stored version applied. */
export async function registryWithStoredVersions(store: DatabaseHandle, base: ParamRegistry = loadParams()): Promise<ParamRegistry> {
  const rows = await store.db.selectFrom('param_version').selectAll().execute();
  return rows.length === 0 ? base : base.withOverrides(overridesFrom(rows, base));
}

/** Whether `caller` may add a version of parameter `id`. */
export function mayEditParam(caller: Caller | null, id: string): boolean {
  if (!caller) return false;
  const editors = PARAM_EDITORS[id.split('.')[0] ?? ''] ?? [];
  // City-wide offices decide city-wide parameters; a county clerk does not.
  return editors.includes(caller.role) && !caller.county;
}

interface VersionBody {
  from: string;
  value: unknown;
  decidedByDocument: string;
  article?: string;
  reason?: string;
}

/**
 * Keeps `ctx.params` in step with the stored versions: forced after a
 * version is added here, and checked every 30 s so that other API
 * processes pick up a version another process stored.
 */
export function paramRefresher(ctx: PlatformContext): (force?: boolean) => Promise<void> {
  let lastCheck = 0;
  let seen = '';
  return async (force = false) => {
    if (!force && Date.now() - lastCheck < 30_000) return;
    lastCheck = Date.now();
    const mark = await ctx.store.db.selectFrom('param_version')
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('created_at').as('last')])
      .executeTakeFirst();
    const key = `${Number(mark?.n ?? 0)}/${mark?.last ?? ''}`;
    if (key === seen) return;
    seen = key;
    ctx.params = await registryWithStoredVersions(ctx.store);
  };
}

export async function paramVersionRoutes(
  app: FastifyInstance,
  ctx: PlatformContext,
  refresh: (force?: boolean) => Promise<void>,
  now: () => Date = () => new Date(),
): Promise<void> {
  app.post('/params/:id/versions', {
    schema: {
      tags: ['platform'],
      summary: '发布参数新版本（自某日起生效，须注明决定文件；历史取值不可修改）',
      params: { type: 'object', required: ['id'], properties: { id: { type: 'string', maxLength: 200 } } },
      body: {
        type: 'object',
        required: ['from', 'value', 'decidedByDocument'],
        additionalProperties: false,
        properties: {
          from: { type: 'string', description: '生效日期 YYYY-MM-DD，不早于今天' },
          value: { description: '取值，按参数单位书写，如 "1200.00"、"85%"' },
          decidedByDocument: { type: 'string', minLength: 2, maxLength: 200, description: '决定文件文号' },
          article: { type: 'string', maxLength: 100 },
          reason: { type: 'string', maxLength: 500 },
        },
      },
    },
  }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const body = request.body as VersionBody;
    const definition = ctx.params.definition(id);
    if (!definition) fail('ERR_CORE_PARAM_UNKNOWN', { details: { id } });
    if (!mayEditParam(request.caller, id)) fail('ERR_AUTH_PARAM_ROLE', { details: { id, editors: PARAM_EDITORS[id.split('.')[0] ?? ''] ?? [] } });

    if (!isIsoDate(body.from)) {
      fail('ERR_CORE_INVALID_INPUT', { problems: [{ field: 'from', value: body.from, reason: '日期应为 YYYY-MM-DD 格式的真实日期' }] });
    }
    const today = todayInBeijing(now());
    if (body.from < today) fail('ERR_AUTH_PARAM_PAST', { details: { from: body.from, today } });
    if (convertParamValue(definition.unit, body.value, definition.options) === undefined) {
      fail('ERR_CORE_PARAM_OVERRIDE_INVALID', { problems: [{ field: 'value', value: body.value, reason: `不是有效的 ${definition.unit} 取值` }] });
    }
    const clash = await ctx.store.db.selectFrom('param_version').select('id')
      .where('param_id', '=', id).where('valid_from', '=', body.from).executeTakeFirst();
    if (clash) fail('ERR_CORE_CONFLICT', { details: { id, from: body.from } });

    const row: ParamVersionTable = {
      id: randomUUID(),
      param_id: id,
      valid_from: body.from,
      value_json: JSON.stringify(body.value),
      document: definition.citation.document,
      article: body.article ?? definition.citation.article,
      decided_by_document: body.decidedByDocument,
      created_by: request.caller!.username,
      created_at: now().toISOString(),
    };
    await ctx.store.db.insertInto('param_version').values(row).execute();
    await refresh(true);
    await app.audit.append({
      ...auditFacts(request),
      action: 'params.version.add',
      target: `param:${id}`,
      outcome: 'ok',
      detail: { from: row.valid_from, value: body.value, decidedBy: row.decided_by_document },
    });

    reply.code(201);
    return { id: row.id, param: id, from: row.valid_from, decidedByDocument: row.decided_by_document, createdBy: row.created_by };
  });
}
