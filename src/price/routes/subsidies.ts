/** Temporary price subsidies (D3 2.3(5)–(9), 2.4.1(2)–(4)). */
import type { FastifyInstance } from 'fastify';

import { parsePercent } from '../../core/money.ts';
import { fail } from '../../errorCatalog.ts';
import type { PlatformContext } from '../../platform/context.ts';
import type { IndexFigures } from '../rules/subsidyTrigger.ts';
import { callerFrom } from '../services/access.ts';
import {
  decideMonth, runPayments, storedDecisions, storedPayments, upsertIndexMonths, upsertRecipients, type RecipientInput,
} from '../services/subsidies.ts';
import { callerHeaders, freeObject, isoMonth, TAGS } from './schemas.ts';

const percent = { type: ['string', 'null'], pattern: '^-?\\d+(\\.\\d{1,2})?$', description: '同比涨幅（%），如 "6.3"；未公布为 null' } as const;

const decision = {
  type: 'object',
  properties: {
    outcome: { type: 'string', enum: ['decided', 'needs_input', 'no_rule_in_force'] },
    indexMonth: { type: 'string' },
    cpiPercent: { type: ['string', 'null'] },
    foodPercent: { type: ['string', 'null'] },
    cpiThresholdPercent: { type: ['string', 'null'] },
    foodThresholdPercent: { type: ['string', 'null'] },
    trigger: { type: ['string', 'null'], enum: ['cpi', 'food', 'both', null] },
    ratePercent: { type: ['string', 'null'] },
    paymentMonth: { type: ['string', 'null'] },
    urbanYuan: { type: ['string', 'null'], description: '城市每人每月（元）' },
    ruralYuan: { type: ['string', 'null'], description: '农村每人每月（元）' },
    groups: { type: 'array', items: { type: 'string' } },
    missing: { type: 'array', items: { type: 'string' } },
    articles: { type: 'array', items: { type: 'string' } },
    steps: { type: 'array', items: freeObject },
  },
} as const;

const yuan = (fen: number) => (fen / 100).toFixed(2);
const pct = (bp: number | null | undefined) => (bp === null || bp === undefined ? null : String(bp / 100));

function decisionJson(d: ReturnType<typeof decideMonth>) {
  const r = d.outcome === 'decided' ? d.result : undefined;
  return {
    outcome: d.outcome,
    indexMonth: d.figures.month,
    cpiPercent: pct(d.figures.cpi),
    foodPercent: pct(d.figures.food),
    cpiThresholdPercent: pct(d.thresholds?.cpi),
    foodThresholdPercent: pct(d.thresholds?.food),
    trigger: r?.trigger ?? null,
    ratePercent: pct(r?.rate),
    paymentMonth: r?.trigger ? r.paymentMonth : null,
    urbanYuan: r ? yuan(r.urban) : null,
    ruralYuan: r ? yuan(r.rural) : null,
    groups: r?.trigger ? r.groups : [],
    missing: d.outcome === 'needs_input' ? d.missing : [],
    articles: d.articles,
    steps: d.steps,
  };
}

function figuresOf(body: { month: string; cpi: string | null; food: string | null }, row: number): IndexFigures {
  const read = (field: 'cpi' | 'food') => {
    const text = body[field];
    if (text === null || text === undefined) return null;
    const bp = parsePercent(text);
    if (bp === undefined) fail('ERR_CORE_INVALID_INPUT', { problems: [{ row, field, value: text, reason: '应为百分数' }] });
    return bp;
  };
  return { month: body.month, cpi: read('cpi'), food: read('food') };
}

export async function subsidyRoutes(app: FastifyInstance, ctx: PlatformContext) {
  const monthBody = { type: 'object', required: ['month', 'cpi', 'food'], properties: { month: isoMonth, cpi: percent, food: percent } } as const;

  app.post('/subsidies/decide', {
    schema: {
      tags: TAGS, summary: '按指数月判断是否启动价格临时补贴并计算城乡每人每月金额（不保存）',
      body: { type: 'object', required: ['months'], properties: { months: { type: 'array', items: monthBody } } },
      response: { 200: { type: 'array', items: decision } },
    },
  }, async (request) => (request.body as { months: Array<{ month: string; cpi: string | null; food: string | null }> }).months
    .map((m, i) => decisionJson(decideMonth(ctx.params, figuresOf(m, i + 1)))));

  app.put('/subsidies/indices', {
    schema: {
      tags: TAGS, summary: '录入 CPI 与食品价格同比（数据保障组）', headers: callerHeaders,
      body: { type: 'object', required: ['months'], properties: { months: { type: 'array', items: monthBody }, source: { type: 'string' } } },
      response: { 200: { type: 'object', properties: { stored: { type: 'integer' } } } },
    },
  }, async (request) => {
    const caller = callerFrom(request);
    const body = request.body as { months: Array<{ month: string; cpi: string | null; food: string | null }>; source?: string };
    return upsertIndexMonths(ctx, body.months.map((m, i) => figuresOf(m, i + 1)), body.source ?? '手工录入', caller);
  });

  app.get('/subsidies/indices', {
    schema: {
      tags: TAGS, summary: '已录入的物价指数及各月补贴判断',
      querystring: { type: 'object', properties: { from: isoMonth, to: isoMonth } },
      response: { 200: { type: 'array', items: decision } },
    },
  }, async (request) => (await storedDecisions(ctx, request.query as { from?: string; to?: string })).map(decisionJson));

  app.put('/subsidies/recipients', {
    schema: {
      tags: TAGS, summary: '登记价格临时补贴对象（只存编号、类别、城乡、县(市)区，不存姓名与身份证号）', headers: callerHeaders,
      body: {
        type: 'object', required: ['recipients'],
        properties: {
          recipients: {
            type: 'array',
            items: {
              type: 'object', required: ['id', 'group', 'residence', 'county', 'from'],
              properties: {
                id: { type: 'string' }, group: { type: 'string', description: 'dibao、tekun、orphan、unsupported_child、unemployment_insurance、youfu、student …' },
                residence: { type: 'string', enum: ['urban', 'rural'] }, county: { type: 'string' }, from: isoMonth, to: { ...isoMonth, nullable: true },
              },
            },
          },
        },
      },
      response: { 200: { type: 'object', properties: { stored: { type: 'integer' } } } },
    },
  }, async (request) => {
    callerFrom(request);
    return upsertRecipients(ctx, (request.body as { recipients: RecipientInput[] }).recipients);
  });

  const line = {
    type: 'object',
    properties: {
      payer: { type: 'string' }, recipient_id: { type: 'string' }, group: { type: 'string' }, residence: { type: 'string' },
      county: { type: 'string' }, standard_yuan: { type: 'string' }, rate_percent: { type: 'string' }, amount_yuan: { type: 'string' },
    },
  } as const;
  const departmentSummary = {
    type: 'object',
    properties: { payer: { type: 'string' }, count: { type: 'integer' }, totalYuan: { type: 'string' }, byGroup: freeObject },
  } as const;

  app.post('/subsidies/payments/:month', {
    schema: {
      tags: TAGS, summary: '编制某指数月的价格临时补贴发放清单（按发放部门；重新编制覆盖原清单）', headers: callerHeaders,
      params: { type: 'object', required: ['month'], properties: { month: isoMonth } },
      response: {
        200: {
          type: 'object',
          properties: {
            triggered: { type: 'boolean' }, decision, paymentMonth: { type: ['string', 'null'] }, totalYuan: { type: 'string' },
            departments: { type: 'array', items: departmentSummary },
            excluded: { type: 'array', items: { type: 'object', properties: { recipientId: { type: 'string' }, group: { type: 'string' }, reason: { type: 'string' } } } },
          },
        },
      },
    },
  }, async (request) => {
    const caller = callerFrom(request);
    const run = await runPayments(ctx, (request.params as { month: string }).month, caller);
    if (!run.triggered) return { triggered: false, decision: decisionJson(run.decision), paymentMonth: null, totalYuan: '0.00', departments: [], excluded: [] };
    return {
      triggered: true,
      decision: decisionJson(run.decision),
      paymentMonth: run.list.paymentMonth,
      totalYuan: yuan(run.list.total),
      departments: run.list.departments.map((d) => ({
        payer: d.payer, count: d.lines.length, totalYuan: yuan(d.total),
        byGroup: Object.fromEntries(Object.entries(d.byGroup).map(([g, v]) => [g, { count: v.count, totalYuan: yuan(v.total) }])),
      })),
      excluded: run.list.excluded,
    };
  });

  app.get('/subsidies/payments/:month', {
    schema: {
      tags: TAGS, summary: '某指数月的发放清单明细（可按发放部门筛选）',
      params: { type: 'object', required: ['month'], properties: { month: isoMonth } },
      querystring: { type: 'object', properties: { payer: { type: 'string' } } },
      response: { 200: { type: 'array', items: line } },
    },
  }, async (request) => storedPayments(ctx, (request.params as { month: string }).month, (request.query as { payer?: string }).payer));

}
