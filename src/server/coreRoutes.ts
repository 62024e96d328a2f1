/** Routes every area shares: health, documents, parameters, articles, errors. */
import type { FastifyInstance } from 'fastify';

import { isIsoDate, todayInBeijing } from '../core/dates.ts';
import { loadArticleManifest } from '../core/params/articles.ts';
import type { ParamDefinition, ParamVersion } from '../core/params/types.ts';
import { errorCatalog, fail } from '../errorCatalog.ts';
import { ROOT, type PlatformContext } from '../platform/context.ts';
import { modules } from '../platform/modules.ts';
import { join } from 'node:path';

const citationSchema = {
  type: 'object',
  properties: {
    document: { type: 'string' },
    number: { type: 'string' },
    article: { type: 'string' },
    url: { type: 'string' },
  },
} as const;

const versionSchema = {
  type: 'object',
  properties: {
    from: { type: 'string' },
    to: { type: 'string' },
    raw: {},
    note: { type: 'string' },
    override: { type: 'string' },
    citation: citationSchema,
  },
} as const;

const definitionSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    label: { type: 'string' },
    labelEn: { type: 'string' },
    unit: { type: 'string' },
    reading: { type: 'boolean' },
    options: { type: 'array', items: { type: 'string' } },
    source: { type: 'string' },
    confirm: { type: 'string' },
    description: { type: 'string' },
    file: { type: 'string' },
    citation: citationSchema,
    versions: { type: 'array', items: versionSchema },
  },
} as const;

function publicVersion(v: ParamVersion) {
  const { value: _typed, ...rest } = v;
  return rest;
}

function publicDefinition(d: ParamDefinition) {
  return { ...d, versions: d.versions.map(publicVersion) };
}

export async function coreRoutes(app: FastifyInstance, ctx: PlatformContext) {
  app.get('/health', {
    schema: {
      tags: ['platform'],
      summary: '运行状态',
      response: { 200: { type: 'object', properties: { status: { type: 'string' }, database: { type: 'string' } } } },
    },
  }, async () => ({ status: 'ok', database: ctx.store.dialect }));

  app.get('/documents', {
    schema: { tags: ['platform'], summary: '政策文件目录' },
  }, async () => [...ctx.params.documents.values()]);

  app.get('/params', {
    schema: {
      tags: ['platform'],
      summary: '全部政策参数及其各时期取值',
      querystring: { type: 'object', properties: { document: { type: 'string' }, q: { type: 'string' } } },
      response: { 200: { type: 'array', items: definitionSchema } },
    },
  }, async (request) => {
    const { document, q } = request.query as { document?: string; q?: string };
    return ctx.params
      .list()
      .filter((d) => !document || d.citation.document === document)
      .filter((d) => !q || d.id.includes(q) || d.label.includes(q))
      .map(publicDefinition);
  });

  app.get('/params/:id', {
    schema: {
      tags: ['platform'],
      summary: '某日生效的参数值及依据',
      params: { type: 'object', required: ['id'], properties: { id: { type: 'string' } } },
      querystring: { type: 'object', properties: { on: { type: 'string', description: 'YYYY-MM-DD，缺省为今天' } } },
      response: {
        200: {
          type: 'object',
          properties: { id: { type: 'string' }, on: { type: 'string' }, inForce: versionSchema, definition: definitionSchema },
        },
      },
    },
  }, async (request) => {
    const { id } = request.params as { id: string };
    const on = (request.query as { on?: string }).on ?? todayInBeijing();
    if (!isIsoDate(on)) {
      fail('ERR_CORE_INVALID_INPUT', { problems: [{ field: 'on', value: on, reason: '日期应为 YYYY-MM-DD 格式的真实日期' }] });
    }

    const definition = ctx.params.definition(id);
    if (!definition) fail('ERR_CORE_PARAM_UNKNOWN', { details: { id } });

    const found = ctx.params.at(id, on);
    if (!found) fail('ERR_CORE_PARAM_NOT_IN_FORCE', { details: { id, on, firstFrom: definition.versions[0]?.from } });

    return { id, on, inForce: publicVersion(found.version), definition: publicDefinition(definition) };
  });

  app.get('/articles', {
    schema: {
      tags: ['platform'],
      summary: '各文件条款与实现规则对照表',
      querystring: { type: 'object', properties: { document: { type: 'string', description: '只看一份文件，如 D3' } } },
    },
  }, async (request) => {
    const { document } = request.query as { document?: string };
    const all = modules.flatMap((m) => m.manifests.map((file) => loadArticleManifest(join(ROOT, file))));
    return document ? all.filter((m) => m.document === document) : all;
  });

  app.get('/errors', {
    schema: { tags: ['platform'], summary: '错误代码目录' },
  }, async () => errorCatalog);
}
