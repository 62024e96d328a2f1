/**
 * The credit API under /api/credit (D2). Thin routes: each has a schema,
 * checks the caller, calls a service. Results are never public: every read
 * of one passes `readGate` and lands in the read log.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';

import { todayInBeijing, type IsoDate } from '../../core/dates.ts';
import { fail } from '../../errorCatalog.ts';
import type { PlatformContext } from '../../platform/context.ts';
import { CREDIT_ROLE_LABELS, permissionsOf } from '../rules/access.ts';
import { PARAM } from '../rules/params.ts';
import type { EntitlementTable } from '../rules/supervision.ts';
import { RECORD_STATUS_LABELS, type RecordStatus } from '../rules/types.ts';
import { creditServices, type RescoreOutcome } from '../services/index.ts';
import { paramValue, scoringParamsOn } from '../services/support.ts';
import type { CreditEntityTable, CreditMeasureTable, CreditRecordTable } from '../storage/tables.ts';
import { callerOf, readGate, requireCaller, requirePermission } from './caller.ts';
import * as s from './schemas.ts';

function onOf(request: FastifyRequest): IsoDate {
  const query = request.query as { on?: string } | undefined;
  const body = request.body as { on?: string } | undefined;
  return query?.on ?? (body && typeof body === 'object' ? body.on : undefined) ?? todayInBeijing();
}

const entityView = (e: CreditEntityTable) => ({
  uscc: e.uscc, name: e.name, established: e.established, area: e.area,
  registrationDepartment: e.registration_department, entityType: e.entity_type,
  currentScoreId: e.current_score_id, createdAt: e.created_at, updatedAt: e.updated_at,
});

const recordView = (r: CreditRecordTable) => ({
  id: r.id, uscc: r.uscc, indicator: r.indicator, kind: r.kind, decided: r.decided, until: r.until,
  windowYears: r.window_years === null ? null : Number(r.window_years), status: r.status,
  statusLabel: RECORD_STATUS_LABELS[r.status as RecordStatus] ?? r.status, domain: r.domain,
  sourceDepartment: r.source_department, documentNumber: r.document_number, createdAt: r.created_at, updatedAt: r.updated_at,
});

const measureView = (m: CreditMeasureTable) => ({
  id: m.id, code: m.code, label: m.label, category: m.category, article: m.article, scoreId: m.score_id,
  startedOn: m.started_on, endedOn: m.ended_on, endReason: m.end_reason, active: m.ended_on === null,
});

const rescoreView = (r: RescoreOutcome | null) => r && ({
  changed: r.changed, score: r.score.score, grade: r.score.grade, category: r.score.category.label,
  previousGrade: r.previous?.grade ?? null, measuresEnded: r.measuresEnded, measuresStarted: r.measuresStarted,
});

const SCORE_ARTICLES = ['D2 附件', 'D2 二(二)1', 'D2 二(二)2'];

/**
 * The department whose document a record rests on reports it and changes
 * its status (D2 二(四)3: 有关行业监管部门 guides the repair). A regulator
 * bound to a department cannot enter records in another's name, nor mark
 * another's as repaired outside the repair procedure; 诚信办 and unbound
 * regulators act city-wide.
 */
function ownDepartment(caller: { role: string; department?: string }, department: string | null | undefined): void {
  if (caller.role !== 'regulator' || !caller.department || department === caller.department) return;
  fail('ERR_CREDIT_OTHER_DEPARTMENT', { details: { department: caller.department, record: department ?? null } });
}

export async function creditRoutes(app: FastifyInstance, ctx: PlatformContext): Promise<void> {
  const services = creditServices(ctx);
  const { registry, imports, supervision, workflows, accessLog } = services;

  // ── reference data (public policy, no result inside)

  app.get('/indicators', {
    schema: {
      tags: s.TAG, summary: '公共信用综合评价指标表、等级分数线与类别（某日生效）', querystring: s.onQuery,
      response: {
        200: {
          type: 'object',
          properties: {
            on: { type: 'string' }, source: { type: 'string' }, fullScore: { type: 'integer' },
            groups: { type: 'array', items: { type: 'object', properties: { code: { type: 'string' }, label: { type: 'string' }, points: { type: 'integer' } } } },
            indicators: { type: 'array', items: { type: 'object', properties: { code: { type: 'string' }, label: { type: 'string' }, group: { type: 'string' }, points: { type: 'integer' }, rule: { type: 'string' }, minYears: { type: 'integer' }, steps: { type: 'array', items: { type: 'integer' } }, text: { type: 'string' } } } },
            cutoffs: { type: 'array', items: { type: 'object', properties: { grade: { type: 'string' }, min: { type: 'integer' } } } },
            categories: { type: 'object', additionalProperties: s.category },
            entitlements: { type: 'object', additionalProperties: { type: 'object', properties: { label: { type: 'string' }, allowed: { type: 'array', items: { type: 'string' } }, article: { type: 'string' } } } },
            roles: { type: 'object', additionalProperties: { type: 'object', properties: { label: { type: 'string' }, permissions: { type: 'array', items: { type: 'string' } } } } },
          },
        },
        ...s.errors,
      },
    },
  }, async (request) => {
    const on = onOf(request);
    const params = scoringParamsOn(ctx.params, on);
    return {
      on, source: params.table.source, fullScore: params.table.fullScore, groups: params.table.groups,
      indicators: params.table.indicators, cutoffs: params.cutoffs, categories: params.categories,
      entitlements: paramValue<EntitlementTable>(ctx.params, PARAM.entitlements, on),
      roles: Object.fromEntries(Object.keys(CREDIT_ROLE_LABELS).map((r) => [r, { label: CREDIT_ROLE_LABELS[r], permissions: permissionsOf(r) }])),
    };
  });

  app.post('/uscc/check', {
    schema: {
      tags: s.TAG, summary: '校验统一社会信用代码（GB 32100）',
      body: { type: 'object', required: ['uscc'], properties: { uscc: { type: 'string', maxLength: 64 }, on: s.date } },
      response: {
        200: {
          type: 'object',
          properties: {
            ok: { type: 'boolean' }, uscc: { type: 'string' }, department: { type: 'string' }, entityType: { type: 'string' },
            area: { type: 'string' }, areaName: { type: 'string' }, warnings: { type: 'array', items: { type: 'string' } }, reasons: { type: 'array', items: { type: 'string' } },
          },
        },
        ...s.errors,
      },
    },
  }, async (request) => {
    requireCaller(request);
    return registry.checkCode((request.body as { uscc: string }).uscc, onOf(request));
  });

  // ── entities, records, pledges (D2 二(一))

  app.post('/entities', {
    schema: {
      tags: s.TAG, summary: '登记或更新市场主体（以统一社会信用代码为标识）',
      body: { type: 'object', required: ['uscc', 'name', 'established'], properties: { uscc: s.uscc, name: { type: 'string', minLength: 1, maxLength: 200 }, established: s.date, on: s.date } },
      response: { 200: { type: 'object', properties: { created: { type: 'boolean' }, entity: s.entity, warnings: { type: 'array', items: { type: 'string' } } } }, ...s.errors },
    },
  }, async (request) => {
    requirePermission(request, 'entity.write');
    const { entity, warnings, created } = await registry.upsertEntity(request.body as Record<string, string>, onOf(request));
    return { created, entity: entityView(entity), warnings };
  });

  app.get('/entities', {
    schema: {
      tags: s.TAG, summary: '市场主体列表（不含评价结果）',
      querystring: { type: 'object', properties: { q: { type: 'string' }, limit: { type: 'integer', minimum: 1, maximum: 500, default: 50 }, offset: { type: 'integer', minimum: 0, default: 0 } } },
      response: { 200: { type: 'object', properties: { total: { type: 'integer' }, items: { type: 'array', items: s.entity } } }, ...s.errors },
    },
  }, async (request) => {
    requirePermission(request, 'record.read');
    const q = request.query as { q?: string; limit: number; offset: number };
    const found = await registry.listEntities(q);
    return { total: found.total, items: found.items.map(entityView) };
  });

  app.get('/entities/:uscc', {
    schema: { tags: s.TAG, summary: '市场主体基本信息', params: s.usccParams, response: { 200: s.entity, ...s.errors } },
  }, async (request) => {
    const { uscc } = request.params as { uscc: string };
    const caller = requireCaller(request);
    if (caller.role === 'entity' ? caller.entity !== uscc : permissionsOf(caller.role).length === 0) {
      fail('ERR_CREDIT_ACCESS_DENIED');
    }
    return entityView(await registry.entity(uscc));
  });

  app.post('/records', {
    schema: {
      tags: s.TAG, summary: '部门报送信用记录，并重新评价该主体',
      body: {
        type: 'object',
        required: ['uscc', 'indicator', 'decided', 'source_department', 'document_number'],
        properties: {
          record_id: { type: 'string', maxLength: 80, description: '部门自己的记录编号（幂等键）' },
          uscc: s.uscc, indicator: { type: 'string' }, kind: { type: 'string' }, decided: s.date,
          until: { ...s.date, description: '终止（移出名单）日期，含当日' }, window_years: { type: 'integer', minimum: 1, maximum: 50 },
          status: { type: 'string', enum: ['active', 'under_objection', 'corrected', 'repaired', 'expired'] },
          domain: { type: 'string', enum: ['general', 'special_equipment', 'work_safety', 'fire', 'food', 'drug'] },
          source_department: { type: 'string', minLength: 1 }, document_number: { type: 'string', minLength: 1 }, on: s.date,
        },
      },
      response: { 200: { type: 'object', properties: { created: { type: 'boolean' }, record: s.record, rescore: s.rescore, warnings: { type: 'array', items: { type: 'string' } } } }, ...s.errors },
    },
  }, async (request) => {
    const caller = requirePermission(request, 'record.write');
    const body = { ...(request.body as Record<string, string>) };
    if (caller.department && !body.source_department) body.source_department = caller.department;
    ownDepartment(caller, body.source_department);
    const result = await registry.addRecord(body, onOf(request));
    return { created: result.created, record: recordView(result.record), rescore: rescoreView(result.rescore), warnings: result.warnings };
  });

  app.patch('/records/:id', {
    schema: {
      tags: s.TAG, summary: '变更信用记录状态（如期满、撤销），并重新评价',
      params: s.idParams,
      body: { type: 'object', required: ['status', 'reason'], properties: { status: { type: 'string', enum: ['active', 'corrected', 'repaired', 'expired'] }, reason: { type: 'string', minLength: 1 }, on: s.date } },
      response: { 200: { type: 'object', properties: { record: s.record, rescore: s.rescore } }, ...s.errors },
    },
  }, async (request) => {
    const caller = requirePermission(request, 'record.write');
    const { id } = request.params as { id: string };
    const body = request.body as { status: RecordStatus; reason: string };
    const stored = await ctx.store.db.selectFrom('credit_record').select('source_department').where('id', '=', id).executeTakeFirst();
    if (stored) ownDepartment(caller, stored.source_department);
    const result = await registry.changeStatus(id, body.status, onOf(request), body.reason);
    return { record: recordView(result.record), rescore: rescoreView(result.rescore) };
  });

  app.get('/entities/:uscc/records', {
    schema: { tags: s.TAG, summary: '某主体的信用记录（查询留痕）', params: s.usccParams, querystring: s.onQuery, response: { 200: { type: 'array', items: s.record }, ...s.errors } },
  }, async (request) => {
    const { uscc } = request.params as { uscc: string };
    await readGate(services, request, uscc, 'full', 'records');
    return (await registry.records(uscc)).map(recordView);
  });

  app.post('/import/entities', {
    schema: { tags: s.TAG, summary: '从 CSV/XLSX 导入市场主体（整表校验，有错不存）', body: s.importBody, response: { 200: s.importReport, ...s.errors } },
  }, async (request) => {
    requirePermission(request, 'entity.write');
    const body = request.body as { format: 'csv' | 'xlsx'; content_base64: string; skip_invalid?: boolean };
    return imports.entities(Buffer.from(body.content_base64, 'base64'), body.format, onOf(request), { skipInvalid: body.skip_invalid ?? false });
  });

  app.post('/import/records', {
    schema: { tags: s.TAG, summary: '从 CSV/XLSX 导入信用记录（整表校验，有错不存），并重新评价', body: s.importBody, response: { 200: s.importReport, ...s.errors } },
  }, async (request) => {
    const caller = requirePermission(request, 'record.write');
    const body = request.body as { format: 'csv' | 'xlsx'; content_base64: string; skip_invalid?: boolean };
    const department = caller.role === 'regulator' && caller.department ? { department: caller.department } : {};
    return imports.records(Buffer.from(body.content_base64, 'base64'), body.format, onOf(request), { skipInvalid: body.skip_invalid ?? false, ...department });
  });

  const pledgeSchema = {
    type: 'object',
    properties: {
      id: { type: 'string' }, uscc: { type: 'string' }, pledge_type: { type: 'string' }, approval_number: { type: 'string' },
      department: { type: 'string' }, pledged_on: { type: 'string' }, due_on: { type: ['string', 'null'] },
      kept: { type: ['integer', 'null'] }, verified_on: { type: ['string', 'null'] }, record_id: { type: ['string', 'null'] },
    },
  } as const;

  app.post('/pledges', {
    schema: {
      tags: s.TAG, summary: '登记审批中作出的信用承诺（容缺受理、告知承诺、承诺即开工等）',
      body: {
        type: 'object', required: ['uscc', 'pledge_type', 'approval_number', 'department', 'pledged_on'],
        properties: {
          uscc: s.uscc, pledge_type: { type: 'string', enum: ['tolerance_acceptance', 'notification_commitment', 'start_on_pledge', 'operate_on_licence', 'renew_on_pledge', 'other'] },
          approval_number: { type: 'string', minLength: 1 }, department: { type: 'string', minLength: 1 }, pledged_on: s.date, due_on: s.date, on: s.date,
        },
      },
      response: { 200: pledgeSchema, ...s.errors },
    },
  }, async (request) => {
    requirePermission(request, 'record.write');
    return registry.addPledge(request.body as Record<string, string>, onOf(request));
  });

  app.post('/pledges/:id/verify', {
    schema: {
      tags: s.TAG, summary: '核实信用承诺是否履行；未履行的形成违反承诺记录并重新评价',
      params: s.idParams,
      body: { type: 'object', required: ['kept', 'verified_on'], properties: { kept: { type: 'boolean' }, verified_on: s.date, on: s.date } },
      response: { 200: { type: 'object', properties: { pledge: pledgeSchema, rescore: { anyOf: [s.rescore, { type: 'null' }] } } }, ...s.errors },
    },
  }, async (request) => {
    requirePermission(request, 'record.write');
    const { id } = request.params as { id: string };
    const body = request.body as { kept: boolean; verified_on: string };
    const result = await registry.verifyPledge(id, body.kept, body.verified_on, onOf(request));
    return { pledge: result.pledge, rescore: rescoreView(result.rescore) };
  });

  app.get('/entities/:uscc/pledges', {
    schema: { tags: s.TAG, summary: '某主体的信用承诺及履约情况（查询留痕）', params: s.usccParams, querystring: s.onQuery, response: { 200: { type: 'array', items: pledgeSchema }, ...s.errors } },
  }, async (request) => {
    const { uscc } = request.params as { uscc: string };
    await readGate(services, request, uscc, 'full', 'pledges');
    return registry.pledges(uscc);
  });

  // ── results (never public; every read logged)

  app.get('/entities/:uscc/score', {
    schema: {
      tags: s.TAG, summary: '公共信用综合评价结果：得分、等级、类别、各指标得分及所依据的记录（查询留痕）',
      params: s.usccParams,
      querystring: { type: 'object', properties: { on: { ...s.date, description: '给出时按该日重新计算（不保存）；缺省为当前结果' }, purpose: { type: 'string' } } },
      response: { 200: s.score, ...s.errors },
    },
  }, async (request) => {
    const { uscc } = request.params as { uscc: string };
    await readGate(services, request, uscc, 'full', 'score');
    const on = (request.query as { on?: string }).on;
    if (on) {
      const result = await registry.scoring.evaluate(ctx.store.db, uscc, on);
      return { ...result, id: '', reason: `按${on}计算（未保存）`, computedAt: new Date().toISOString() };
    }
    let current = await registry.scoring.current(ctx.store.db, uscc);
    if (!current) {
      current = (await ctx.store.db.transaction().execute((trx) => registry.scoring.rescore(trx, uscc, todayInBeijing(), '首次查询时评价'))).score;
    }
    return { ...current, articles: SCORE_ARTICLES };
  });

  app.get('/entities/:uscc/history', {
    schema: { tags: s.TAG, summary: '历次评价得分与等级（查询留痕）', params: s.usccParams, querystring: s.onQuery, response: { 200: { type: 'array', items: s.score }, ...s.errors } },
  }, async (request) => {
    const { uscc } = request.params as { uscc: string };
    await readGate(services, request, uscc, 'full', 'history');
    await registry.entity(uscc);
    return (await registry.scoring.history(ctx.store.db, uscc)).map((x) => ({ ...x, articles: SCORE_ARTICLES }));
  });

  app.post('/entities/:uscc/rescore', {
    schema: { tags: s.TAG, summary: '重新评价某主体（结果未变则不新增历史）', params: s.usccParams, body: { type: 'object', properties: { on: s.date } }, response: { 200: s.rescore, ...s.errors } },
  }, async (request) => {
    requirePermission(request, 'record.write');
    const { uscc } = request.params as { uscc: string };
    const on = onOf(request);
    return rescoreView(await ctx.store.db.transaction().execute((trx) => registry.scoring.rescore(trx, uscc, on, '人工发起重新评价')));
  });

  app.get('/entities/:uscc/measures', {
    schema: { tags: s.TAG, summary: '该主体适用的分级分类监管措施（含已终止的，查询留痕）', params: s.usccParams, querystring: s.onQuery, response: { 200: { type: 'array', items: s.measure }, ...s.errors } },
  }, async (request) => {
    const { uscc } = request.params as { uscc: string };
    await readGate(services, request, uscc, 'full', 'measures');
    await registry.entity(uscc);
    return (await supervision.measures(uscc)).map(measureView);
  });

  app.get('/entities/:uscc/entitlements/:action', {
    schema: {
      tags: s.TAG, summary: '能否适用告知承诺、参加政府采购或招投标、获得财政资金等：是/否、等级与依据（查询留痕）',
      params: { type: 'object', required: ['uscc', 'action'], properties: { uscc: s.uscc, action: { type: 'string', enum: ['notification_commitment', 'tolerance_acceptance', 'green_channel', 'simplified_procedure', 'government_procurement', 'investment_tender', 'fiscal_funds'] } } },
      querystring: s.onQuery,
      response: {
        200: {
          type: 'object',
          properties: {
            uscc: { type: 'string' }, on: { type: 'string' }, action: { type: 'string' }, label: { type: 'string' }, allowed: { type: 'boolean' },
            grade: { type: 'string' }, category: s.category, score: { type: 'integer' }, scoreId: { type: 'string' }, rule: { type: 'string' }, article: { type: 'string' }, reason: { type: 'string' },
          },
        },
        ...s.errors,
      },
    },
  }, async (request) => {
    const { uscc, action } = request.params as { uscc: string; action: string };
    await readGate(services, request, uscc, 'summary', `entitlement:${action}`);
    return supervision.entitlement(uscc, action, onOf(request));
  });

  // ── sectors and industry models (D2 二(二)2, 二(三))

  app.get('/sectors', {
    schema: {
      tags: s.TAG, summary: '十八个行业领域、评价方式与“不少于16个行业”目标进度',
      querystring: s.onQuery,
      response: {
        200: {
          type: 'object',
          properties: {
            sectors: { type: 'array', items: { type: 'object', properties: { code: { type: 'string' }, label: { type: 'string' }, department: { type: 'string' }, modelId: { type: ['string', 'null'] }, evaluation: { type: 'string', enum: ['public_score', 'industry_model'] }, running: { type: 'boolean' } } } },
            target: { type: 'object', properties: { minSectors: { type: 'integer' }, by: { type: 'string' }, running: { type: 'integer' }, met: { type: 'boolean' }, reason: { type: 'string' } } },
          },
        },
        ...s.errors,
      },
    },
  }, async (request) => {
    requireCaller(request);
    return supervision.sectors(onOf(request));
  });

  app.get('/sectors/:code/distribution', {
    schema: {
      tags: s.TAG, summary: '行业领域信用等级分布（按行业模型或公共信用综合评价，查询留痕）',
      params: { type: 'object', required: ['code'], properties: { code: { type: 'string' } } },
      querystring: s.onQuery,
      response: {
        200: {
          type: 'object',
          properties: {
            sector: { type: 'string' }, label: { type: 'string' }, evaluation: { type: 'string', enum: ['public_score', 'industry_model'] },
            modelId: { type: ['string', 'null'] }, on: { type: 'string' }, total: { type: 'integer' }, needsInput: { type: 'integer' },
            cutoffs: { type: 'array', items: { type: 'object', properties: { grade: { type: 'string' }, min: { type: 'integer' } } } },
            grades: { type: 'array', items: { type: 'object', properties: { grade: { type: 'string', enum: ['A', 'B', 'C', 'D', 'E'] }, category: { type: 'string' }, count: { type: 'integer' } } } },
            reason: { type: 'string' }, articles: { type: 'array', items: { type: 'string' } },
          },
        },
        ...s.errors,
      },
    },
  }, async (request) => {
    const { code } = request.params as { code: string };
    await readGate(services, request, null, 'full', `distribution:${code}`);
    return supervision.distribution(code, onOf(request));
  });

  const modelSchema = {
    type: 'object',
    properties: {
      id: { type: 'string' }, version: { type: 'integer' }, sector: { type: 'string' }, fullScore: { type: 'integer' }, department: { type: 'string' },
      validFrom: { type: 'string' }, documentNumber: { type: ['string', 'null'] }, definedBy: { type: 'string' },
      indicators: { type: 'array', items: { type: 'object', properties: { code: { type: 'string' }, label: { type: 'string' }, source: { type: 'string' }, weightBp: { type: 'integer' }, points: { type: 'integer' } } } },
      cutoffs: { type: 'array', items: { type: 'object', properties: { grade: { type: 'string' }, min: { type: 'integer' } } } },
    },
  } as const;

  app.post('/sectors/:code/models', {
    schema: {
      tags: s.TAG, summary: '定义行业信用评价模型（公共信用综合评价权重和分值不得低于平均值，否则拒绝并说明理由）',
      params: { type: 'object', required: ['code'], properties: { code: { type: 'string' } } },
      body: {
        type: 'object', required: ['department', 'valid_from', 'indicators'],
        properties: {
          department: { type: 'string', minLength: 1 }, document_number: { type: 'string' }, valid_from: s.date,
          full_score: { type: 'integer', minimum: 1 },
          indicators: {
            type: 'array', minItems: 1,
            items: { type: 'object', required: ['code', 'label', 'source', 'weight'], properties: { code: { type: 'string' }, label: { type: 'string' }, source: { type: 'string', enum: ['public_score', 'supervisory'] }, weight: { type: 'number', minimum: 0, maximum: 1, description: '权重，0至1的小数，最多4位，如 0.5' }, points: { type: 'integer', minimum: 0 } } },
          },
          cutoffs: { type: 'array', items: { type: 'object', required: ['grade', 'min'], properties: { grade: { type: 'string', enum: ['A', 'B', 'C', 'D', 'E'] }, min: { type: 'integer', minimum: 0 } } } },
          on: s.date,
        },
      },
      response: { 201: { type: 'object', properties: { model: modelSchema, notes: { type: 'array', items: { type: 'string' } }, articles: { type: 'array', items: { type: 'string' } } } }, ...s.errors },
    },
  }, async (request, reply) => {
    const caller = requirePermission(request, 'model.write');
    const { code } = request.params as { code: string };
    const result = await supervision.defineModel(code, request.body as never, caller.user, onOf(request));
    return reply.status(201).send(result);
  });

  app.get('/sectors/:code/models', {
    schema: { tags: s.TAG, summary: '行业评价模型的各版本', params: { type: 'object', required: ['code'], properties: { code: { type: 'string' } } }, response: { 200: { type: 'array', items: modelSchema }, ...s.errors } },
  }, async (request) => {
    requireCaller(request);
    return supervision.models((request.params as { code: string }).code);
  });

  app.post('/assessments', {
    schema: {
      tags: s.TAG, summary: '报送行业监管类指标得分（检查、执法、投诉、履约）',
      body: { type: 'object', required: ['uscc', 'sector', 'indicator', 'points', 'assessed_on', 'department'], properties: { uscc: s.uscc, sector: { type: 'string' }, indicator: { type: 'string' }, points: { type: 'integer', minimum: 0 }, assessed_on: s.date, department: { type: 'string' }, document_number: { type: 'string' } } },
      response: { 200: { type: 'object', additionalProperties: true }, ...s.errors },
    },
  }, async (request) => {
    requirePermission(request, 'record.write');
    return supervision.addAssessment(request.body as never);
  });

  app.get('/entities/:uscc/industry/:sector', {
    schema: {
      tags: s.TAG, summary: '行业信用评价结果（无行业模型时按公共信用综合评价，查询留痕）',
      params: { type: 'object', required: ['uscc', 'sector'], properties: { uscc: s.uscc, sector: { type: 'string' } } },
      querystring: s.onQuery,
      response: {
        200: {
          type: 'object',
          properties: {
            sector: { type: 'string' }, evaluation: { type: 'string' }, outcome: { type: 'string', enum: ['decided', 'needs_input'] }, modelId: { type: 'string' },
            score: { type: 'integer' }, grade: { type: 'string' }, category: s.category, publicScore: { type: 'integer' },
            parts: { type: 'array', items: { type: 'object', properties: { code: { type: 'string' }, label: { type: 'string' }, value: { type: 'integer' }, max: { type: 'integer' }, points: { type: 'integer' } } } },
            missing: { type: 'array', items: { type: 'string' } }, reason: { type: 'string' }, articles: { type: 'array', items: { type: 'string' } },
          },
        },
        ...s.errors,
      },
    },
  }, async (request) => {
    const { uscc, sector } = request.params as { uscc: string; sector: string };
    await readGate(services, request, uscc, 'full', `industry:${sector}`);
    return supervision.industryResult(uscc, sector, onOf(request));
  });

  // ── inspection plans (双随机)

  const inspectorSchema = { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' }, department: { type: 'string' }, sectors: { type: 'array', items: { type: 'string' } }, conflicts: { type: 'array', items: { type: 'string' } }, active: { type: 'boolean' } } } as const;

  app.post('/inspectors', {
    schema: {
      tags: s.TAG, summary: '登记检查人员及其需回避的主体（利害关系）',
      body: { type: 'object', required: ['id', 'name', 'department'], properties: { id: { type: 'string', minLength: 1 }, name: { type: 'string', minLength: 1 }, department: { type: 'string', minLength: 1 }, sectors: { type: 'array', items: { type: 'string' } }, conflicts: { type: 'array', items: s.uscc }, active: { type: 'boolean' } } },
      response: { 200: inspectorSchema, ...s.errors },
    },
  }, async (request) => {
    requirePermission(request, 'plan.write');
    return supervision.addInspector(request.body as never);
  });

  app.get('/inspectors', {
    schema: { tags: s.TAG, summary: '检查人员名录', response: { 200: { type: 'array', items: inspectorSchema }, ...s.errors } },
  }, async (request) => {
    requirePermission(request, 'plan.read');
    return supervision.inspectors();
  });

  app.post('/plans', {
    schema: {
      tags: s.TAG, summary: '生成双随机抽查计划：按信用等级比例抽取主体、随机匹配检查人员（记录随机种子，可复现）',
      body: { type: 'object', required: ['sector', 'period_from', 'period_to', 'base_ratio_percent'], properties: { sector: { type: 'string' }, period_from: s.date, period_to: s.date, base_ratio_percent: { type: 'number', exclusiveMinimum: 0, maximum: 100, description: '基准抽查比例（%）' }, seed: { type: 'string', maxLength: 200 }, on: s.date } },
      response: { 201: s.plan, ...s.errors },
    },
  }, async (request, reply) => {
    const caller = requirePermission(request, 'plan.write');
    const plan = await supervision.createPlan(request.body as never, caller.user, onOf(request));
    await accessLog.append({ caller, action: 'POST /api/credit/plans', subject: null, resource: `plan:${plan.id}`, purpose: '双随机抽查计划（按信用等级抽取）', requestId: request.id, outcome: 'granted' });
    return reply.status(201).send(plan);
  });

  app.get('/plans', {
    schema: { tags: s.TAG, summary: '抽查计划列表', querystring: { type: 'object', properties: { sector: { type: 'string' } } }, response: { 200: { type: 'array', items: { type: 'object', additionalProperties: true } }, ...s.errors } },
  }, async (request) => {
    requirePermission(request, 'plan.read');
    return supervision.plans((request.query as { sector?: string }).sector);
  });

  app.get('/plans/:id', {
    schema: { tags: s.TAG, summary: '抽查计划及抽中名单（查询留痕）', params: s.idParams, response: { 200: s.plan, ...s.errors } },
  }, async (request) => {
    const caller = requirePermission(request, 'plan.read');
    const { id } = request.params as { id: string };
    await accessLog.append({ caller, action: 'GET /api/credit/plans/:id', subject: null, resource: `plan:${id}`, purpose: '查看抽查名单', requestId: request.id, outcome: 'granted' });
    return supervision.plan(id);
  });

  app.get('/plans/:id/export', {
    schema: {
      tags: s.TAG, summary: '导出抽查名单（CSV 或 XLSX，供检查人员使用，导出留痕）',
      params: s.idParams, querystring: { type: 'object', properties: { format: { type: 'string', enum: ['csv', 'xlsx'], default: 'xlsx' } } },
    },
  }, async (request, reply) => {
    const caller = requirePermission(request, 'plan.read');
    const { id } = request.params as { id: string };
    const format = (request.query as { format: 'csv' | 'xlsx' }).format;
    const buffer = await supervision.exportPlan(id, format);
    await accessLog.append({ caller, action: 'GET /api/credit/plans/:id/export', subject: null, resource: `plan:${id}:${format}`, purpose: '导出抽查名单', requestId: request.id, outcome: 'granted' });
    return reply
      .header('content-type', format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="${id}.${format}"`)
      .send(buffer);
  });

  // ── objections and repair (D2 二(四)2–3)

  const actionBody = (actions: string[]) => ({
    type: 'object', required: ['action'],
    properties: { action: { type: 'string', enum: actions }, note: { type: 'string', maxLength: 2000 }, on: s.date },
  });
  const listQuery = { type: 'object', properties: { uscc: { type: 'string' }, state: { type: 'string' }, overdue: { type: 'boolean' }, on: s.date } } as const;

  /** An entity files and follows only its own cases; departments decide. */
  function caseCaller(request: FastifyRequest, uscc: string | undefined) {
    const caller = requireCaller(request);
    if (caller.role === 'entity') {
      // The platform's guard wants the record checked on routes scoped by record.
      request.scope?.check({ entity: uscc ?? null });
      if (!uscc || caller.entity !== uscc) fail('ERR_CREDIT_ACCESS_DENIED', { details: { reason: '市场主体只能就自身提出异议或修复申请' } });
      return caller;
    }
    if (!permissionsOf(caller.role).includes('workflow.decide') && !permissionsOf(caller.role).includes('workflow.file')) fail('ERR_CREDIT_ACCESS_DENIED');
    return caller;
  }

  app.post('/objections', {
    schema: {
      tags: s.TAG, summary: '提出异议（受理后7个工作日内处理，显示期限）',
      body: { type: 'object', required: ['uscc', 'claim', 'received_on'], properties: { uscc: s.uscc, record_id: { type: 'string' }, claim: { type: 'string', minLength: 1, maxLength: 4000 }, received_on: s.date } },
      response: { 201: s.objection, ...s.errors },
    },
  }, async (request, reply) => {
    const body = request.body as { uscc: string; record_id?: string; claim: string; received_on: string };
    const caller = caseCaller(request, body.uscc);
    return reply.status(201).send(await workflows.fileObjection(body, { user: caller.user, role: caller.role }));
  });

  app.get('/objections', {
    schema: { tags: s.TAG, summary: '异议列表（含期限与逾期标记）', querystring: listQuery, response: { 200: { type: 'array', items: s.objection }, ...s.errors } },
  }, async (request) => {
    const query = request.query as { uscc?: string; state?: string; overdue?: boolean };
    const caller = callerOf(request);
    const uscc = caller?.role === 'entity' ? caller.entity : query.uscc;
    caseCaller(request, caller?.role === 'entity' ? uscc : undefined);
    return workflows.objections({ ...query, ...(uscc ? { uscc } : {}) }, onOf(request));
  });

  app.get('/objections/:id', {
    schema: { tags: s.TAG, summary: '异议详情与处理过程', params: s.idParams, querystring: s.onQuery, response: { 200: s.objection, ...s.errors } },
  }, async (request) => {
    const found = await workflows.objection((request.params as { id: string }).id, onOf(request));
    caseCaller(request, found.uscc);
    return found;
  });

  app.post('/objections/:id/actions', {
    schema: {
      tags: s.TAG, summary: '处理异议：开始比对、异议成立（更正并重新评价）、不成立、撤回',
      params: s.idParams, body: actionBody(['start_check', 'uphold', 'reject', 'withdraw']),
      response: { 200: { type: 'object', properties: { objection: s.objection, rescore: { anyOf: [s.rescore, { type: 'null' }] } } }, ...s.errors },
    },
  }, async (request) => {
    const { id } = request.params as { id: string };
    const body = request.body as { action: string; note?: string };
    const found = await workflows.objection(id, onOf(request));
    const caller = body.action === 'withdraw' ? caseCaller(request, found.uscc) : requirePermission(request, 'workflow.decide');
    const result = await workflows.actOnObjection(id, body.action, { user: caller.user, role: caller.role }, onOf(request), body.note);
    return { objection: result.objection, rescore: rescoreView(result.rescore) };
  });

  app.post('/repairs', {
    schema: {
      tags: s.TAG, summary: '申请信用修复（检查最短公示期、履行义务、修复承诺）',
      body: { type: 'object', required: ['record_id', 'applied_on', 'obligations_fulfilled', 'pledge_submitted'], properties: { record_id: { type: 'string' }, applied_on: s.date, obligations_fulfilled: { type: 'boolean' }, pledge_submitted: { type: 'boolean' } } },
      response: { 201: s.repair, ...s.errors },
    },
  }, async (request, reply) => {
    const body = request.body as { record_id: string; applied_on: string; obligations_fulfilled: boolean; pledge_submitted: boolean };
    const record = await registry.record(body.record_id);
    const caller = caseCaller(request, record.uscc);
    return reply.status(201).send(await workflows.applyRepair(body, { user: caller.user, role: caller.role }));
  });

  app.get('/repairs', {
    schema: { tags: s.TAG, summary: '信用修复申请列表（含期限与逾期标记）', querystring: listQuery, response: { 200: { type: 'array', items: s.repair }, ...s.errors } },
  }, async (request) => {
    const query = request.query as { uscc?: string; state?: string; overdue?: boolean };
    const caller = callerOf(request);
    const uscc = caller?.role === 'entity' ? caller.entity : query.uscc;
    caseCaller(request, caller?.role === 'entity' ? uscc : undefined);
    return workflows.repairs({ ...query, ...(uscc ? { uscc } : {}) }, onOf(request));
  });

  app.get('/repairs/:id', {
    schema: { tags: s.TAG, summary: '信用修复申请详情与审核过程', params: s.idParams, querystring: s.onQuery, response: { 200: s.repair, ...s.errors } },
  }, async (request) => {
    const found = await workflows.repair((request.params as { id: string }).id, onOf(request));
    caseCaller(request, found.uscc);
    return found;
  });

  app.post('/repairs/:id/actions', {
    schema: {
      tags: s.TAG, summary: '审核信用修复：开始审核、准予修复（记录不再计分、重新评价、终止原等级措施）、不予修复、撤回',
      params: s.idParams, body: actionBody(['start_check', 'approve', 'reject', 'withdraw']),
      response: { 200: { type: 'object', properties: { repair: s.repair, rescore: { anyOf: [s.rescore, { type: 'null' }] } } }, ...s.errors },
    },
  }, async (request) => {
    const { id } = request.params as { id: string };
    const body = request.body as { action: string; note?: string };
    const found = await workflows.repair(id, onOf(request));
    const caller = body.action === 'withdraw' ? caseCaller(request, found.uscc) : requirePermission(request, 'workflow.decide');
    const result = await workflows.actOnRepair(id, body.action, { user: caller.user, role: caller.role }, onOf(request), body.note);
    return { repair: result.repair, rescore: rescoreView(result.rescore) };
  });

  // ── the read log (D2 二(四)1)

  app.get('/access-log', {
    schema: {
      tags: s.TAG, summary: '信用评价结果查询记录（谁、查什么、何时、为何；只增不改）',
      querystring: { type: 'object', properties: { uscc: { type: 'string' }, user: { type: 'string' }, from: s.date, to: s.date, limit: { type: 'integer', minimum: 1, maximum: 1000, default: 100 }, offset: { type: 'integer', minimum: 0, default: 0 } } },
      response: {
        200: {
          type: 'object',
          properties: {
            total: { type: 'integer' },
            items: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, at: { type: 'string' }, user: { type: 'string' }, role: { type: 'string' }, callerEntity: { type: ['string', 'null'] }, department: { type: ['string', 'null'] }, action: { type: 'string' }, subject: { type: ['string', 'null'] }, resource: { type: 'string' }, purpose: { type: 'string' }, requestId: { type: ['string', 'null'] }, outcome: { type: 'string' } } } },
          },
        },
        ...s.errors,
      },
    },
  }, async (request) => {
    const caller = requireCaller(request);
    const q = request.query as { uscc?: string; user?: string; from?: string; to?: string; limit: number; offset: number };
    // An entity may see who read its own results; reviewers see all.
    if (caller.role === 'entity') return accessLog.list({ ...q, subject: caller.entity ?? '-' });
    if (!permissionsOf(caller.role).includes('access_log.read')) fail('ERR_CREDIT_ACCESS_DENIED');
    return accessLog.list({ ...q, ...(q.uscc ? { subject: q.uscc } : {}) });
  });
}
