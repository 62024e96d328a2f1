/**
 * The HTTP application: one Fastify instance serving the API under /api,
 * the OpenAPI document at /docs, and the web interface from web/dist.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';

import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyError, type FastifyInstance } from 'fastify';

import { PlatformError, type FieldProblem } from '../core/errors.ts';
import { errorCatalog, platformError } from '../errorCatalog.ts';
import { ROOT, type PlatformContext } from '../platform/context.ts';
import { modules } from '../platform/modules.ts';
import { coreRoutes } from './coreRoutes.ts';
import { CSRF_HEADER, SESSION_COOKIE } from '../auth/settings.ts';
import { AUTH_ENFORCED_BY_DEFAULT, registerSecurity, type SecurityOptions } from './security.ts';

export interface AppOptions {
  /** Serve web/dist when it exists (off in API tests). */
  serveWeb?: boolean;
  /** Sessions, permissions, audit (src/server/security.ts); default AUTH_ENFORCED_BY_DEFAULT. */
  auth?: SecurityOptions;
}

/** Ajv's messages in Chinese (ajv-i18n); a CommonJS module whose types claim a default export. */
const localizeZh = createRequire(import.meta.url)('ajv-i18n/localize/zh') as (errors: unknown[]) => void;

/** Largest JSON request body accepted. */
export const JSON_BODY_LIMIT = 10 * 1024 * 1024;

export async function buildApp(
  ctx: PlatformContext,
  options: AppOptions = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: ctx.logger as unknown as FastifyBaseLogger,
    genReqId: (req) => (req.headers['x-request-id'] as string | undefined)?.slice(0, 64) || randomUUID(),
    // JSON bodies; files go through multipart uploads with their own limit.
    bodyLimit: JSON_BODY_LIMIT,
    ajv: { customOptions: { allErrors: true, coerceTypes: 'array', removeAdditional: false } },
    // Request lines are logged by the guard with the route pattern, not the
    // URL, whose path and query may carry ID numbers or names.
    logController: new LogController({ disableRequestLogging: true }),
    // Behind a reverse proxy: its address(es), so request.ip is the client's.
    ...(process.env.JIXI_TRUST_PROXY ? { trustProxy: process.env.JIXI_TRUST_PROXY } : {}),
  });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: '鸡西市政策执行平台 API',
        description:
          '鸡西市人民政府公报2022年第5期所载政策的执行接口：医保一站式结算、市场主体信用分级分类监管、价格异常波动监测预警、残疾人两项补贴与规划指标、政策测算。',
        version: '0.1.0',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: '登录后的会话（POST /api/auth/login）' },
          csrf: { type: 'apiKey', in: 'header', name: CSRF_HEADER, description: '会话方式下每个 POST/PUT/PATCH/DELETE 须带的防伪令牌（GET /api/auth/me 返回）' },
          token: { type: 'http', scheme: 'bearer', description: '批处理用的 API 令牌（管理员 POST /api/auth/users/{id}/tokens 签发）' },
        },
      },
      // Public routes (health, documents, parameters, login) need none; see src/auth/permissions.ts.
      security: [{ session: [], csrf: [] }, { token: [] }],
    },
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/docs' });

  app.setErrorHandler((error: FastifyError | PlatformError, request, reply) => {
    if (error instanceof PlatformError) {
      if (error.status >= 500) request.log.error({ err: error, code: error.code }, 'request failed');
      return reply.status(error.status).send(error.toJSON());
    }
    if ((error as FastifyError).validation) {
      localizeZh((error as FastifyError).validation!);
      const problems: FieldProblem[] = (error as FastifyError).validation!.map((v) => ({
        field: `${(error as FastifyError).validationContext ?? 'body'}${v.instancePath || ''}${
          (v.params as { missingProperty?: string }).missingProperty ? `/${(v.params as { missingProperty?: string }).missingProperty}` : ''
        }`,
        reason: v.message ?? 'invalid',
      }));
      return reply.status(400).send(platformError('ERR_CORE_INVALID_INPUT', { problems }).toJSON());
    }
    const status = (error as FastifyError).statusCode;
    if (status === 413) {
      return reply.status(413).send(platformError('ERR_CORE_BODY_TOO_LARGE', { details: { limitBytes: JSON_BODY_LIMIT } }).toJSON());
    }
    if (status && status < 500) {
      return reply.status(status).send({ code: 'ERR_CORE_INVALID_INPUT', message: errorCatalog.ERR_CORE_INVALID_INPUT!.message, details: { reason: error.message } });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send({ code: 'ERR_CORE_INTERNAL', message: errorCatalog.ERR_CORE_INTERNAL!.message });
  });

  await registerSecurity(app, ctx, { enforce: AUTH_ENFORCED_BY_DEFAULT, ...options.auth });
  await app.register(async (api) => coreRoutes(api, ctx), { prefix: '/api' });
  for (const module of modules) {
    if (!module.routes) continue;
    await app.register(async (scope) => module.routes!(scope, ctx), { prefix: `/api/${module.name}` });
  }

  const webDist = join(ROOT, 'web', 'dist');
  if (options.serveWeb !== false && existsSync(webDist)) {
    await app.register(fastifyStatic, { root: webDist, wildcard: false });
    app.setNotFoundHandler((request, reply) => {
      if (request.url.startsWith('/api') || request.url.startsWith('/docs')) {
        return reply.status(404).send(platformError('ERR_CORE_NOT_FOUND').toJSON());
      }
      return reply.sendFile('index.html');
    });
  }

  return app;
}
