/** Detection runs and the statistical indicators (D3 1.3, 3.4(2)). */
import type { FastifyInstance } from 'fastify';

import { todayInBeijing } from '../../core/dates.ts';
import { fail } from '../../errorCatalog.ts';
import type { PlatformContext } from '../../platform/context.ts';
import type { AlpsSettings } from '../rules/alps.ts';
import type { IfpaSettings } from '../rules/ifpa.ts';
import { callerFrom } from '../services/access.ts';
import { getDetection, listDetections, runDetection } from '../services/detection.ts';
import { alpsTable, ifpaTable, seriesFromRows } from '../services/series.ts';
import { detectionSettings } from '../services/settings.ts';
import { callerHeaders, freeObject, idParams, isoDate, isoMonth, TAGS } from './schemas.ts';

const findingArea = {
  type: 'object',
  properties: {
    area: { type: 'string', description: 'city（全市）或县(市)区代码' },
    points: { type: 'array', items: { type: 'string' } },
    holds: { type: 'boolean' },
    values: freeObject,
  },
} as const;

const finding = {
  type: 'object',
  properties: {
    rule: { type: 'string', enum: ['R1', 'R2', 'R3', 'R4', 'R5', 'R6'] },
    ruleId: { type: 'string' },
    article: { type: 'string' },
    itemId: { type: 'string', description: '品种代码；蔬菜篮子为 vegetable_basket' },
    itemName: { type: 'string' },
    category: { type: 'string' },
    scope: { type: 'string', enum: ['city', 'counties'], description: '全市均价或至少2个县(市)区' },
    light: { type: 'string', enum: ['yellow', 'red'] },
    counties: { type: 'array', items: { type: 'string' } },
    points: { type: 'array', items: { type: 'string' } },
    areas: { type: 'array', items: findingArea },
    text: { type: 'string' },
  },
} as const;

const detection = {
  type: 'object',
  properties: {
    outcome: { type: 'string', enum: ['decided', 'no_rule_in_force'] },
    id: { type: 'string' },
    asOf: { type: 'string' },
    runAt: { type: 'string' },
    proposes: { type: 'boolean', description: '是否提出三级预警建议' },
    findings: { type: 'array', items: finding },
    notes: { type: 'array', items: { type: 'object', properties: { rule: { type: 'string' }, itemId: { type: 'string' }, reason: { type: 'string' } } } },
    missing: { type: 'array', items: { type: 'string' } },
  },
} as const;

const seriesBody = {
  type: 'object',
  required: ['series'],
  properties: {
    series: { type: 'array', items: { type: 'object', required: ['month', 'price'], properties: { month: isoMonth, price: { type: 'number', exclusiveMinimum: 0 } } } },
    on: { ...isoDate, description: '按该日生效的参数计算，缺省为今天' },
  },
} as const;

function settingsOn(ctx: PlatformContext, on: string | undefined) {
  const date = on ?? todayInBeijing();
  const loaded = detectionSettings(ctx.params, date);
  if (!loaded.ok) fail('ERR_CORE_PARAM_NOT_IN_FORCE', { details: { date, missing: loaded.missing } });
  return loaded.settings.r4;
}

function rowsOf(series: Array<{ month: string; price: number }>) {
  return seriesFromRows(series.map((s, i) => ({ row: i + 1, values: { month: s.month, price: String(s.price) } })));
}

export async function detectionRoutes(app: FastifyInstance, ctx: PlatformContext) {
  app.post('/detections', {
    schema: {
      tags: TAGS, summary: '按日运行三级预警建议检测（R1–R6）', headers: callerHeaders,
      body: { type: 'object', required: ['asOf'], properties: { asOf: isoDate } },
      response: { 200: detection },
    },
  }, async (request) => runDetection(ctx, (request.body as { asOf: string }).asOf, callerFrom(request)));

  app.get('/detections', {
    schema: {
      tags: TAGS, summary: '检测记录',
      querystring: { type: 'object', properties: { proposesOnly: { type: 'boolean' }, limit: { type: 'integer', minimum: 1, maximum: 1000 } } },
      response: { 200: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, asOf: { type: 'string' }, runAt: { type: 'string' }, proposes: { type: 'boolean' } } } } },
    },
  }, async (request) => listDetections(ctx, request.query as { proposesOnly?: boolean; limit?: number }));

  app.get('/detections/:id', {
    schema: { tags: TAGS, summary: '一次检测的结果：触发规则、品种、监测点与数值', params: idParams, response: { 200: detection } },
  }, async (request) => {
    const found = await getDetection(ctx, (request.params as { id: string }).id);
    if (!found) fail('ERR_CORE_NOT_FOUND');
    return found;
  });

  app.post('/indicators/ifpa', {
    schema: {
      tags: TAGS, summary: '粮农组织价格异常指标 IFPA（月度序列）',
      body: { ...seriesBody, properties: { ...seriesBody.properties, weights: { type: 'string', enum: ['year_weighted', 'equal'] }, minYears: { type: 'integer', minimum: 2 } } },
      response: { 200: { type: 'array', items: { type: 'object', properties: { month: { type: 'string' }, cqgr: { type: 'string' }, cagr: { type: 'string' }, ifpa: { type: 'string' }, class: { type: 'string' } } } } },
    },
  }, async (request) => {
    const body = request.body as { series: Array<{ month: string; price: number }>; on?: string; weights?: IfpaSettings['weights']; minYears?: number };
    const base = settingsOn(ctx, body.on).ifpa;
    return ifpaTable(rowsOf(body.series), { ...base, ...(body.weights ? { weights: body.weights } : {}), ...(body.minYears ? { minYears: body.minYears } : {}) });
  });

  app.post('/indicators/alps', {
    schema: {
      tags: TAGS, summary: '世界粮食计划署价格预警 ALPS（月度序列）',
      body: { ...seriesBody, properties: { ...seriesBody.properties, trend: { type: 'string', enum: ['linear', 'quadratic'] }, fit: { type: 'string', enum: ['through_current', 'history_only'] } } },
      response: { 200: { type: 'array', items: { type: 'object', properties: { month: { type: 'string' }, price: { type: 'string' }, fitted: { type: 'string' }, alps: { type: 'string' }, class: { type: 'string' } } } } },
    },
  }, async (request) => {
    const body = request.body as { series: Array<{ month: string; price: number }>; on?: string; trend?: AlpsSettings['trend']; fit?: AlpsSettings['fit'] };
    const base = settingsOn(ctx, body.on).alps;
    return alpsTable(rowsOf(body.series), { ...base, ...(body.trend ? { trend: body.trend } : {}), ...(body.fit ? { fit: body.fit } : {}) });
  });
}
