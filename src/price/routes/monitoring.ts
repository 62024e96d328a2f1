/** Catalogue, points, observations, complaints and patrol reports (D3 3.1–3.3). */
import type { FastifyInstance } from 'fastify';

import { fail } from '../../errorCatalog.ts';
import { formatFromName } from '../../io/table.ts';
import type { PlatformContext } from '../../platform/context.ts';
import { callerFrom } from '../services/access.ts';
import { averageSeries, type Granularity } from '../services/averages.ts';
import { listItems, listPoints, upsertItems, upsertPoints, type ItemInput, type PointInput } from '../services/catalogue.ts';
import { decideHeld, importObservationFile, ingestObservations, listObservations, type Candidate } from '../services/observations.ts';
import { listComplaints, listPanicReports, recordComplaints, reportPanicBuying, type ComplaintInput, type PanicInput } from '../services/signals.ts';
import { callerHeaders, fileUpload, idParams, isoDate, problem, TAGS, yuanText } from './schemas.ts';

const item = {
  type: 'object',
  required: ['id', 'name', 'category', 'unit'],
  properties: {
    id: { type: 'string', description: '品种代码' },
    name: { type: 'string', description: '项目（品种名称）' },
    category: { type: 'string', description: 'grain、edible_oil、pork、vegetables …' },
    unit: { type: 'string', description: '计价单位，如 元/500克' },
    specification: { type: 'string', description: '规格等级' },
    governmentSet: { type: 'boolean', description: '政府定价（调价不触发预警）' },
    inBasket: { type: 'boolean', description: '属于蔬菜篮子' },
    plausibleMinFen: { type: ['integer', 'null'] },
    plausibleMaxFen: { type: ['integer', 'null'] },
    active: { type: 'boolean' },
  },
} as const;

const itemInput = {
  ...item,
  properties: {
    ...item.properties,
    plausibleMin: { ...yuanText, nullable: true, description: '合理价格下限（元），超出暂存待核实' },
    plausibleMax: { ...yuanText, nullable: true, description: '合理价格上限（元）' },
  },
} as const;

const point = {
  type: 'object',
  required: ['id', 'name', 'county', 'kind'],
  properties: {
    id: { type: 'string' },
    name: { type: 'string' },
    county: { type: 'string', description: '县(市)区行政区划代码，如 230302' },
    kind: { type: 'string', enum: ['market', 'supermarket', 'wholesale', 'temporary'], description: '农贸市场、超市、批发市场、临时监测点（3.2.1）' },
    warningId: { type: ['string', 'null'], description: '临时监测点所属预警' },
    active: { type: 'boolean' },
  },
} as const;

const observation = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    pointId: { type: 'string' },
    itemId: { type: 'string' },
    county: { type: 'string' },
    date: { type: 'string' },
    price: { type: 'string', description: '本期均价（元）' },
    previous: { type: ['string', 'null'], description: '上期均价（元）' },
    reportedChangePercent: { type: ['string', 'null'], description: '报表所填变动幅度（%）' },
    note: { type: 'string' },
    status: { type: 'string', enum: ['accepted', 'held', 'rejected'], description: '已采用、待核实、已作废' },
    holdReason: { type: ['string', 'null'] },
    source: { type: 'string' },
    enteredBy: { type: 'string' },
    enteredAt: { type: 'string' },
    decidedBy: { type: ['string', 'null'] },
    decidedAt: { type: ['string', 'null'] },
  },
} as const;

const ingestReport = {
  type: 'object',
  properties: {
    batchId: { type: 'string' },
    total: { type: 'integer' },
    stored: { type: 'integer' },
    held: { type: 'integer', description: '暂存待核实的报价数' },
    unchanged: { type: 'integer', description: '已导入且价格相同、未重复保存的行数' },
    skipped: { type: 'integer', description: '因有误而跳过的行数（skipInvalid）' },
    problems: { type: 'array', items: problem },
    heldRows: { type: 'array', items: { type: 'object', properties: { row: { type: 'integer' }, id: { type: 'string' }, reason: { type: 'string' } } } },
  },
} as const;

export async function monitoringRoutes(app: FastifyInstance, ctx: PlatformContext) {
  app.get('/items', {
    schema: {
      tags: TAGS, summary: '监测品种目录',
      querystring: { type: 'object', properties: { all: { type: 'boolean', description: '含已停用品种' } } },
      response: { 200: { type: 'array', items: item } },
    },
  }, async (request) => listItems(ctx, request.query as { all?: boolean }));

  app.put('/items', {
    schema: {
      tags: TAGS, summary: '新增或修改监测品种', headers: callerHeaders,
      body: { type: 'object', required: ['items'], properties: { items: { type: 'array', items: itemInput } } },
      response: { 200: { type: 'array', items: item } },
    },
  }, async (request) => {
    callerFrom(request);
    return upsertItems(ctx, (request.body as { items: ItemInput[] }).items);
  });

  app.get('/points', {
    schema: {
      tags: TAGS, summary: '价格监测点（按县(市)区）',
      querystring: { type: 'object', properties: { county: { type: 'string' }, all: { type: 'boolean' } } },
      response: { 200: { type: 'array', items: point } },
    },
  }, async (request) => listPoints(ctx, request.query as { county?: string; all?: boolean }));

  app.put('/points', {
    schema: {
      tags: TAGS, summary: '新增或修改价格监测点（含预警期间指定的临时监测点）', headers: callerHeaders,
      body: { type: 'object', required: ['points'], properties: { points: { type: 'array', items: point } } },
      response: { 200: { type: 'array', items: point } },
    },
  }, async (request) => {
    callerFrom(request);
    return upsertPoints(ctx, (request.body as { points: PointInput[] }).points);
  });

  app.get('/observations', {
    schema: {
      tags: TAGS, summary: '价格监测数据查询',
      querystring: {
        type: 'object',
        properties: {
          itemId: { type: 'string' }, pointId: { type: 'string' }, county: { type: 'string' },
          status: { type: 'string', enum: ['accepted', 'held', 'rejected'] },
          from: isoDate, to: isoDate, limit: { type: 'integer', minimum: 1, maximum: 5000 }, offset: { type: 'integer', minimum: 0 },
        },
      },
      response: { 200: { type: 'array', items: observation } },
    },
  }, async (request) => listObservations(ctx, request.query as Parameters<typeof listObservations>[1]));

  app.post('/observations', {
    schema: {
      tags: TAGS, summary: '手工录入价格监测数据', headers: callerHeaders,
      body: {
        type: 'object', required: ['observations'],
        properties: {
          skipInvalid: { type: 'boolean', description: '跳过有误的行，只保存无误的行' },
          observations: {
            type: 'array',
            items: {
              type: 'object', required: ['pointId', 'itemId', 'date', 'price'],
              properties: {
                pointId: { type: 'string' }, itemId: { type: 'string' }, date: isoDate,
                price: yuanText, previous: yuanText, change: { type: 'string', description: '变动幅度（%）' }, note: { type: 'string' },
              },
            },
          },
        },
      },
      response: { 200: ingestReport },
    },
  }, async (request) => {
    const caller = callerFrom(request);
    const body = request.body as { skipInvalid?: boolean; observations: Array<{ pointId: string; itemId: string; date: string; price: string; previous?: string; change?: string; note?: string }> };
    const candidates: Candidate[] = body.observations.map((o, i) => ({
      row: i + 1, point: o.pointId, itemId: o.itemId, date: o.date, price: o.price,
      ...(o.previous !== undefined ? { previous: o.previous } : {}),
      ...(o.change !== undefined ? { change: o.change } : {}),
      ...(o.note !== undefined ? { note: o.note } : {}),
    }));
    request.scope.filter();
    const inScope = (county: string) => request.scope.allows({ county });
    return ingestObservations(ctx, candidates, { source: 'manual', skipInvalid: body.skipInvalid ?? false, caller, inScope });
  });

  app.post('/observations/import', {
    schema: {
      tags: TAGS,
      summary: '导入价格监测报表（项目、规格等级、单位、本期均价、上期均价、变动幅度、备注；CSV 或 XLSX）',
      description: '先检查整个文件：任何一行有误即整体退回并列出行、列、值和原因，不保存任何数据；skipInvalid 为 true 时只保存无误的行。报表无“监测点”“日期”列时用 point、date 指定。',
      headers: callerHeaders,
      body: {
        type: 'object', required: ['file'],
        properties: { file: fileUpload, point: { type: 'string' }, date: isoDate, skipInvalid: { type: 'boolean' } },
      },
      response: { 200: ingestReport },
    },
  }, async (request) => {
    const caller = callerFrom(request);
    const body = request.body as { file: { name: string; contentBase64: string }; point?: string; date?: string; skipInvalid?: boolean };
    const format = formatFromName(body.file.name);
    if (!format) fail('ERR_CORE_FILE_UNREADABLE', { details: { file: body.file.name, reason: '只支持 .csv 与 .xlsx 文件' } });
    request.scope.filter();
    return importObservationFile(ctx, Buffer.from(body.file.contentBase64, 'base64'), format, {
      skipInvalid: body.skipInvalid ?? false,
      caller,
      inScope: (county) => request.scope.allows({ county }),
      defaults: { ...(body.point ? { point: body.point } : {}), ...(body.date ? { date: body.date } : {}) },
    });
  });

  for (const decision of ['confirm', 'reject'] as const) {
    app.post(`/observations/:id/${decision}`, {
      schema: {
        tags: TAGS,
        summary: decision === 'confirm' ? '核实待核实报价（纳入均价计算）' : '作废报价（待核实或已采用的）',
        headers: callerHeaders, params: idParams,
        body: { type: 'object', properties: { reason: { type: 'string' } } },
        response: { 200: observation },
      },
    }, async (request) => {
      const caller = callerFrom(request);
      const { id } = request.params as { id: string };
      const reason = (request.body as { reason?: string } | undefined)?.reason ?? '';
      return decideHeld(ctx, id, decision, caller, reason, (record) => request.scope.check(record));
    });
  }

  app.get('/averages', {
    schema: {
      tags: TAGS, summary: '品种均价序列（全市或县(市)区，按日、旬或月）',
      querystring: {
        type: 'object', required: ['itemId', 'from', 'to'],
        properties: { itemId: { type: 'string' }, from: isoDate, to: isoDate, by: { type: 'string', enum: ['date', 'xun', 'month'], default: 'xun' }, county: { type: 'string' } },
      },
      response: { 200: { type: 'array', items: { type: 'object', properties: { period: { type: 'string' }, label: { type: 'string' }, average: { type: 'string' }, points: { type: 'integer' } } } } },
    },
  }, async (request) => {
    const q = request.query as { itemId: string; from: string; to: string; by?: Granularity; county?: string };
    return averageSeries(ctx, { itemId: q.itemId, from: q.from, to: q.to, by: q.by ?? 'xun', ...(q.county ? { county: q.county } : {}) });
  });

  const complaint = { type: 'object', required: ['itemId', 'county', 'date', 'count'], properties: { itemId: { type: 'string' }, county: { type: 'string' }, date: isoDate, count: { type: 'integer', minimum: 0 } } } as const;
  app.get('/complaints', {
    schema: {
      tags: TAGS, summary: '12315 价格投诉举报件数（按品种、县(市)区、日）',
      querystring: { type: 'object', properties: { itemId: { type: 'string' }, from: isoDate, to: isoDate } },
      response: { 200: { type: 'array', items: complaint } },
    },
  }, async (request) => {
    const rows = await listComplaints(ctx, request.query as { itemId?: string; from?: string; to?: string });
    return request.scope.keep(rows, (r) => ({ county: r.county }));
  });

  app.post('/complaints', {
    schema: {
      tags: TAGS, summary: '录入 12315 投诉举报件数（同日同品种同县覆盖原数）', headers: callerHeaders,
      body: { type: 'object', required: ['complaints'], properties: { complaints: { type: 'array', items: complaint } } },
      response: { 200: { type: 'object', properties: { stored: { type: 'integer' } } } },
    },
  }, async (request) => recordComplaints(ctx, (request.body as { complaints: ComplaintInput[] }).complaints, callerFrom(request)));

  const panic = {
    type: 'object',
    properties: {
      id: { type: 'string' }, itemId: { type: 'string' }, county: { type: 'string' }, pointId: { type: ['string', 'null'] },
      date: { type: 'string' }, kind: { type: 'string' }, kindLabel: { type: 'string' }, description: { type: 'string' },
      reportedBy: { type: 'string' }, reportedAt: { type: 'string' },
    },
  } as const;
  app.get('/panic-reports', {
    schema: {
      tags: TAGS, summary: '市场巡查抢购、脱销报告',
      querystring: { type: 'object', properties: { from: isoDate, to: isoDate } },
      response: { 200: { type: 'array', items: panic } },
    },
  }, async (request) => {
    const rows = await listPanicReports(ctx, request.query as { from?: string; to?: string });
    return request.scope.keep(rows, (r) => ({ county: r.county }));
  });

  app.post('/panic-reports', {
    schema: {
      tags: TAGS, summary: '报告争购、抢购、脱销（3.2.3 市场巡查）', headers: callerHeaders,
      body: {
        type: 'object', required: ['itemId', 'date', 'kind'],
        properties: {
          itemId: { type: 'string' }, county: { type: 'string', description: '县(市)区代码；县(市)区账号缺省为本县' }, pointId: { type: ['string', 'null'] }, date: isoDate,
          kind: { type: 'string', enum: ['competing', 'rush', 'sold_out'], description: '争购、抢购、脱销' }, description: { type: 'string' },
        },
      },
      response: { 200: panic },
    },
  }, async (request) => reportPanicBuying(ctx, request.body as PanicInput, callerFrom(request)));
}
