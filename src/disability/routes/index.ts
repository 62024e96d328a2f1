/**
 * /api/disability: thin routes over the disability services, each with a
 * schema (tags ['disability'], Chinese summary) so it shows in /docs/json.
 * Callers come from the session or, for now, the x-user / x-role headers;
 * names and ID numbers are masked unless the caller's role needs them.
 */
import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

import { todayInBeijing } from '../../core/dates.ts';
import { formatYuan } from '../../core/money.ts';
import { formatFromName, writeTable, type ColumnSpec, type TableFormat } from '../../io/table.ts';
import type { PlatformContext } from '../../platform/context.ts';
import { checkCardNumber } from '../rules/card.ts';
import type { EvaluationKind } from '../rules/evaluation.ts';
import type { ApplicationAction } from '../rules/application.ts';
import { applicationView, createApplication, listApplications, stepApplication } from '../services/applications.ts';
import { actorOf, masked } from '../services/caller.ts';
import { careList, quotaCheck, saveEmployer, saveWelfarePosts, welfarePosts, type CareService } from '../services/duties.ts';
import { careServices, eligibility, requireDate } from '../services/eligibility.ts';
import { evaluationWorkbook } from '../services/evaluationFile.ts';
import { fail } from '../services/fail.ts';
import { EMPLOYER_COLUMNS, importEmployers, importRecords, importRegister, RECORD_COLUMNS, REGISTER_COLUMNS } from '../services/imports.ts';
import { alarms, enterIndicator, evaluation, listEntries, monitoring } from '../services/indicators.ts';
import { counties } from '../services/params.ts';
import { payrollFile, payrollLines } from '../services/payrollLines.ts';
import { payrollMonths, payrollSummary, runPayroll } from '../services/payroll.ts';
import { addBenefit, addRecord, changeHousehold, endBenefit, listPersons, personDetail, registerPerson, requirePerson } from '../services/register.ts';
import * as s from './schemas.ts';

const TAGS = ['disability'];
const E = s.errorResponses;

interface Upload {
  filename: string;
  buffer: Buffer;
  fields: Record<string, string>;
}

async function readUpload(request: FastifyRequest): Promise<Upload & { format: TableFormat }> {
  if (!request.isMultipart()) {
    fail('ERR_CORE_INVALID_INPUT', { problems: [{ field: 'body', reason: '请以 multipart/form-data 上传文件（字段名 file）' }] });
  }
  let file: { filename: string; buffer: Buffer } | undefined;
  const fields: Record<string, string> = {};
  for await (const part of request.parts()) {
    if (part.type === 'file') file = { filename: part.filename, buffer: await part.toBuffer() };
    else fields[part.fieldname] = String(part.value ?? '');
  }
  if (!file) fail('ERR_CORE_INVALID_INPUT', { problems: [{ field: 'file', reason: '没有收到文件' }] });
  const format = formatFromName(file.filename);
  if (!format) fail('ERR_CORE_FILE_UNREADABLE', { details: { file: file.filename, reason: '只支持 .csv 与 .xlsx 文件' } });
  return { ...file, fields, format };
}

function yes(value: unknown): boolean {
  return value === true || (typeof value === 'string' && ['1', 'true', 'yes', 'on', '是'].includes(value.trim().toLowerCase()));
}

function sendFile(reply: FastifyReply, name: string, format: TableFormat, buffer: Buffer) {
  const type = format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  return reply
    .header('content-type', type)
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(`${name}.${format}`)}`)
    .send(buffer);
}

/** A county-bound caller sees their county only; a query naming another is narrowed to theirs. */
function scopedCounty(request: FastifyRequest, asked: string | undefined): string | undefined {
  return request.scope.filter().county ?? asked;
}

const fileResponse = { 200: { type: 'string', format: 'binary', description: 'CSV 或 XLSX 文件' }, ...E };
const uploadBody = {
  description: 'multipart/form-data：file（CSV 或 XLSX）；可选字段 skipInvalid=true 跳过错误行',
};

export async function disabilityRoutes(app: FastifyInstance, ctx: PlatformContext): Promise<void> {
  await app.register(fastifyMultipart, { limits: { fileSize: 64 * 1024 * 1024, files: 1 } });

  // ── reference ──────────────────────────────────────────────────────────
  app.get('/counties', {
    schema: {
      tags: TAGS, summary: '鸡西市县(市)区列表',
      response: { 200: { type: 'array', items: { type: 'object', properties: { code: { type: 'string' }, name: { type: 'string' } } } } },
    },
  }, async () => Object.entries(counties(ctx.params, todayInBeijing())).map(([code, name]) => ({ code, name })));

  app.post('/cards/check', {
    schema: {
      tags: TAGS, summary: '校验残疾人证号并得出残疾类别与等级',
      body: { type: 'object', required: ['cardNumber'], properties: { cardNumber: { type: 'string' } } },
      response: { 200: s.cardCheckSchema, ...E },
    },
  }, async (request) => {
    const result = checkCardNumber((request.body as { cardNumber: string }).cardNumber);
    if (!result.ok) return { valid: false, problems: result.problems };
    const { ok: _ok, ...rest } = result;
    return { valid: true, ...rest, problems: [] };
  });

  app.get('/templates/:kind', {
    schema: {
      tags: TAGS, summary: '导入模板（CSV，中文表头）',
      params: { type: 'object', required: ['kind'], properties: { kind: { type: 'string', enum: ['register', 'records', 'employers'] } } },
      response: fileResponse,
    },
  }, async (request, reply) => {
    const kind = (request.params as { kind: 'register' | 'records' | 'employers' }).kind;
    const columns: readonly ColumnSpec[] = kind === 'register' ? REGISTER_COLUMNS : kind === 'records' ? RECORD_COLUMNS : EMPLOYER_COLUMNS;
    const buffer = await writeTable([], columns.map((c) => ({ name: c.name, label: c.label ?? c.name })), 'csv', { headers: 'label' });
    return sendFile(reply, `${kind}-template`, 'csv', buffer);
  });

  // ── register ───────────────────────────────────────────────────────────
  app.get('/persons', {
    schema: {
      tags: TAGS, summary: '残疾人登记名册（分页；姓名、证件号按角色脱敏）',
      querystring: { type: 'object', properties: { county: { type: 'string' }, q: { type: 'string', description: '姓名片段，或完整身份证号/残疾人证号' }, household: { type: 'string', enum: ['dibao', 'dibao_marginal', 'tekun', 'none'] }, ...s.pageQuery } },
      response: { 200: { type: 'object', properties: { total: { type: 'integer' }, items: { type: 'array', items: s.personSchema } } }, ...E },
    },
  }, async (request) => {
    const q = request.query as { county?: string; q?: string; household?: string; limit: number; offset: number };
    return listPersons(ctx, { ...q, county: scopedCounty(request, q.county) }, { mask: masked(request) });
  });

  app.post('/persons', {
    schema: {
      tags: TAGS, summary: '登记残疾人（校验身份证号与残疾人证号，由证号得出类别与等级）',
      body: s.personBodySchema,
      response: { 201: s.personDetailSchema, ...E },
    },
  }, async (request, reply) => {
    const actor = actorOf(request);
    const body = request.body as Parameters<typeof registerPerson>[1];
    const detail = await registerPerson(ctx, body, actor);
    return reply.code(201).send(detail);
  });

  app.get('/persons/:personId', {
    schema: {
      tags: TAGS, summary: '个人档案：家庭类别、其他待遇与服务记录的历史',
      params: s.personIdParams, querystring: s.onQuery,
      response: { 200: s.personDetailSchema, ...E },
    },
  }, async (request) => {
    const { personId } = request.params as { personId: string };
    const on = requireDate((request.query as { on?: string }).on);
    const person = await requirePerson(ctx.store.db, personId);
    request.scope.check({ county: person.county });
    return personDetail(ctx, personId, { mask: masked(request), on });
  });

  const personChange = async (request: FastifyRequest) => {
    const { personId } = request.params as { personId: string };
    const person = await requirePerson(ctx.store.db, personId);
    request.scope.check({ county: person.county });
    return { personId, actor: actorOf(request) };
  };

  app.post('/persons/:personId/household', {
    schema: {
      tags: TAGS, summary: '变更家庭类别（低保、低保边缘、特困、无），自起始日起生效',
      params: s.personIdParams,
      body: { type: 'object', required: ['status', 'from'], properties: { status: { type: 'string', enum: ['dibao', 'dibao_marginal', 'tekun', 'none'] }, from: { type: 'string', description: 'YYYY-MM-DD' } } },
      response: { 200: { type: 'object', properties: { outcome: { type: 'string', enum: ['changed', 'unchanged'] }, detail: s.personDetailSchema } }, ...E },
    },
  }, async (request) => {
    const { personId, actor } = await personChange(request);
    const outcome = await ctx.store.db.transaction().execute((trx) => changeHousehold(trx, personId, request.body as { status: string; from: string }, actor));
    ctx.logger.info({ personId, outcome, rule: 'd1.s3_1_5.dynamic_management', by: actor.user }, 'household status');
    return { outcome, detail: await personDetail(ctx, personId, { mask: masked(request) }) };
  });

  app.post('/persons/:personId/benefits', {
    schema: {
      tags: TAGS, summary: '登记其他待遇时段（孤儿基本生活费、事实无人抚养儿童补贴、长期护理保险、其他困难认定）',
      params: s.personIdParams,
      body: { type: 'object', required: ['kind', 'from'], properties: { kind: { type: 'string', enum: ['orphan_allowance', 'unsupported_child_allowance', 'ltc_insurance', 'other_hardship'] }, from: { type: 'string' }, to: { type: 'string', nullable: true } } },
      response: { 200: { type: 'object', properties: { outcome: { type: 'string' } } }, ...E },
    },
  }, async (request) => {
    const { personId, actor } = await personChange(request);
    const outcome = await ctx.store.db.transaction().execute((trx) => addBenefit(trx, personId, request.body as { kind: string; from: string; to?: string | null }, actor));
    return { outcome };
  });

  app.post('/persons/:personId/benefits/:kind/end', {
    schema: {
      tags: TAGS, summary: '终止某项待遇（最后享受日）',
      params: { type: 'object', required: ['personId', 'kind'], properties: { personId: { type: 'string' }, kind: { type: 'string' } } },
      body: { type: 'object', required: ['on'], properties: { on: { type: 'string' } } },
      response: { 200: { type: 'object', properties: { outcome: { type: 'string' } } }, ...E },
    },
  }, async (request) => {
    const { personId } = await personChange(request);
    const { kind } = request.params as { kind: string };
    return { outcome: await endBenefit(ctx.store.db, personId, kind, (request.body as { on: string }).on) };
  });

  app.post('/persons/:personId/records', {
    schema: {
      tags: TAGS, summary: '登记服务记录（康复、辅具、就学、培训、就业、参保、无障碍改造、死亡、迁出）',
      params: s.personIdParams,
      body: {
        type: 'object', required: ['kind', 'on'],
        properties: {
          kind: { type: 'string', enum: ['rehab_need', 'rehabilitation', 'device_need', 'device_fitted', 'school_enrolment', 'vocational_training', 'employment', 'pension_enrolment', 'medical_enrolment', 'home_modification', 'death', 'moved_away'] },
          on: { type: 'string' }, until: { type: 'string', nullable: true }, detail: { type: 'string' },
        },
      },
      response: { 200: { type: 'object', properties: { id: { type: 'string' }, outcome: { type: 'string' } } }, ...E },
    },
  }, async (request) => {
    const { personId, actor } = await personChange(request);
    return ctx.store.db.transaction().execute((trx) => addRecord(trx, personId, request.body as { kind: string; on: string }, actor));
  });

  app.get('/persons/:personId/eligibility', {
    schema: {
      tags: TAGS, summary: '两项补贴资格与月金额（含依据条款与计算说明）',
      params: s.personIdParams, querystring: s.onQuery,
      response: { 200: s.eligibilitySchema, ...E },
    },
  }, async (request) => {
    const { personId } = request.params as { personId: string };
    const person = await requirePerson(ctx.store.db, personId);
    request.scope.check({ county: person.county });
    const answer = await eligibility(ctx, personId, requireDate((request.query as { on?: string }).on));
    return { ...answer, monthlyTotalYuan: formatYuan(answer.monthlyTotal) };
  });

  app.get('/persons/:personId/care-services', {
    schema: {
      tags: TAGS, summary: '阳光家园托养与特困残疾人照护资格',
      params: s.personIdParams, querystring: s.onQuery,
      response: { 200: s.careServicesSchema, ...E },
    },
  }, async (request) => {
    const { personId } = request.params as { personId: string };
    const person = await requirePerson(ctx.store.db, personId);
    request.scope.check({ county: person.county });
    return careServices(ctx, personId, requireDate((request.query as { on?: string }).on));
  });

  app.get('/persons/:personId/payments', {
    schema: {
      tags: TAGS, summary: '个人历月发放与停发记录',
      params: s.personIdParams,
      response: { 200: { type: 'array', items: s.payrollLineSchema }, ...E },
    },
  }, async (request) => {
    const { personId } = request.params as { personId: string };
    const person = await requirePerson(ctx.store.db, personId);
    request.scope.check({ county: person.county });
    const months = await ctx.store.db.selectFrom('disability_payroll_line').select('month').distinct().where('person_id', '=', personId).orderBy('month').execute();
    const lines = [];
    for (const { month } of months) {
      lines.push(...(await payrollLines(ctx, month, { personId, limit: 10, offset: 0 }, { mask: masked(request) })).items);
    }
    return lines;
  });

  const importRoute = (path: string, summary: string, run: typeof importRegister) =>
    app.post(path, {
      schema: { tags: TAGS, summary, description: uploadBody.description, consumes: ['multipart/form-data'], querystring: { type: 'object', properties: { skipInvalid: { type: 'boolean', default: false } } }, response: { 200: s.importReportSchema, ...E } },
    }, async (request) => {
      const actor = actorOf(request);
      const upload = await readUpload(request);
      const skipInvalid = yes((request.query as { skipInvalid?: boolean }).skipInvalid) || yes(upload.fields.skipInvalid);
      return run(ctx, upload.buffer, upload.format, actor, { skipInvalid });
    });
  importRoute('/imports/register', '导入登记名册（CSV/XLSX；整表校验，有错误则不导入）', importRegister);
  importRoute('/imports/records', '导入服务记录（CSV/XLSX；整表校验，有错误则不导入）', importRecords);

  // ── applications ───────────────────────────────────────────────────────
  app.get('/applications', {
    schema: {
      tags: TAGS, summary: '两项补贴申请列表',
      querystring: { type: 'object', properties: { personId: { type: 'string' }, status: { type: 'string' }, subsidy: { type: 'string', enum: ['living', 'care'] }, county: { type: 'string' }, channel: { type: 'string', enum: ['local', 'cross_province'] }, ...s.pageQuery } },
      response: { 200: { type: 'object', properties: { total: { type: 'integer' }, items: { type: 'array', items: s.applicationSchema } } }, ...E },
    },
  }, async (request) => {
    const q = request.query as Parameters<typeof listApplications>[1];
    return listApplications(ctx.store.db, { ...q, county: scopedCounty(request, q.county) });
  });

  app.post('/applications', {
    schema: {
      tags: TAGS, summary: '受理两项补贴申请（含跨省通办）',
      body: s.applicationBodySchema,
      response: { 201: s.applicationSchema, ...E },
    },
  }, async (request, reply) => {
    const actor = actorOf(request);
    const body = request.body as Parameters<typeof createApplication>[1];
    const person = await requirePerson(ctx.store.db, body.personId);
    request.scope.check({ county: person.county });
    return reply.code(201).send({ ...(await createApplication(ctx, body, actor)), county: person.county });
  });

  const withCounty = async (id: string) => {
    const view = await applicationView(ctx.store.db, id);
    const person = await requirePerson(ctx.store.db, view.personId);
    return { ...view, county: person.county };
  };

  app.get('/applications/:applicationId', {
    schema: {
      tags: TAGS, summary: '申请详情与办理记录',
      params: { type: 'object', required: ['applicationId'], properties: { applicationId: { type: 'string' } } },
      response: { 200: s.applicationSchema, ...E },
    },
  }, async (request) => {
    const view = await withCounty((request.params as { applicationId: string }).applicationId);
    request.scope.check({ county: view.county });
    return view;
  });

  const steps: Array<[ApplicationAction, string]> = [
    ['review', '审核申请（按审核日的登记信息作出资格判断并留存）'],
    ['approve', '批准申请（批准日再次核对资格）'],
    ['refuse', '不予批准（须说明理由）'],
    ['end', '终止已批准的补贴资格'],
  ];
  for (const [action, summary] of steps) {
    app.post(`/applications/:applicationId/${action}`, {
      schema: {
        tags: TAGS, summary,
        params: { type: 'object', required: ['applicationId'], properties: { applicationId: { type: 'string' } } },
        body: s.stepBodySchema,
        response: { 200: s.applicationSchema, ...E },
      },
    }, async (request) => {
      const actor = actorOf(request);
      const { applicationId } = request.params as { applicationId: string };
      const before = await withCounty(applicationId);
      request.scope.check({ county: before.county });
      await stepApplication(ctx, applicationId, action, request.body as { on: string; note?: string; reasons?: string[] }, actor);
      return withCounty(applicationId);
    });
  }

  // ── payroll ────────────────────────────────────────────────────────────
  app.get('/payroll', {
    schema: {
      tags: TAGS, summary: '已生成的发放月份',
      response: { 200: { type: 'array', items: { type: 'object', properties: { month: { type: 'string' }, status: { type: 'string' }, persons: { type: 'integer' }, amount: { type: 'integer' }, amountYuan: { type: 'string' }, finishedAt: { type: 'string', nullable: true } } } }, ...E },
    },
  }, async () => payrollMonths(ctx));

  app.post('/payroll/:month/run', {
    schema: {
      tags: TAGS, summary: '生成某月两项补贴发放名册（已完成的月份不重算）',
      params: s.monthParams,
      response: { 200: s.payrollSummarySchema, ...E },
    },
  }, async (request) => runPayroll(ctx, (request.params as { month: string }).month, actorOf(request)));

  app.get('/payroll/:month', {
    schema: {
      tags: TAGS, summary: '某月发放名册汇总（分县区合计、新增、停发）',
      params: s.monthParams,
      response: { 200: s.payrollSummarySchema, ...E },
    },
  }, async (request) => payrollSummary(ctx, (request.params as { month: string }).month));

  app.get('/payroll/:month/lines', {
    schema: {
      tags: TAGS, summary: '某月发放明细（谁发多少、谁停发及原因）',
      params: s.monthParams,
      querystring: { type: 'object', properties: { county: { type: 'string' }, status: { type: 'string', enum: ['paid', 'stopped'] }, subsidy: { type: 'string', enum: ['living', 'care'] }, change: { type: 'string', enum: ['new', 'continued', 'changed', 'stopped'] }, ...s.pageQuery } },
      response: { 200: s.payrollLinesSchema, ...E },
    },
  }, async (request) => {
    const q = request.query as Parameters<typeof payrollLines>[2];
    return payrollLines(ctx, (request.params as { month: string }).month, { ...q, county: scopedCounty(request, q.county) }, { mask: masked(request) });
  });

  app.get('/payroll/:month/export', {
    schema: {
      tags: TAGS, summary: '导出发放名册（财政可据以发放；CSV 明细，XLSX 含分县区合计）',
      params: s.monthParams,
      querystring: { type: 'object', properties: { format: { type: 'string', enum: ['csv', 'xlsx'], default: 'xlsx' }, status: { type: 'string', enum: ['paid', 'all'], default: 'paid' }, county: { type: 'string' } } },
      response: fileResponse,
    },
  }, async (request, reply) => {
    const { month } = request.params as { month: string };
    const q = request.query as { format: TableFormat; status: 'paid' | 'all'; county?: string };
    const buffer = await payrollFile(ctx, month, q.format, { mask: masked(request), paidOnly: q.status !== 'all', county: scopedCounty(request, q.county) });
    return sendFile(reply, `两项补贴发放名册-${month}`, q.format, buffer);
  });

  // ── indicators and evaluation ──────────────────────────────────────────
  const yearQuery = { type: 'object', required: ['year'], properties: { year: { type: 'integer', minimum: 2021, maximum: 2025 }, county: { type: 'string' } } } as const;

  app.get('/indicators', {
    schema: {
      tags: TAGS, summary: '专栏1主要指标监测：实际值、目标、达标路径、预警（全市及分县区）',
      querystring: yearQuery,
      response: { 200: s.monitoringSchema, ...E },
    },
  }, async (request) => monitoring(ctx, request.query as { year: number; county?: string }));

  app.get('/indicators/alarms', {
    schema: {
      tags: TAGS, summary: '指标预警（约束性）与提示（预期性）',
      querystring: yearQuery,
      response: { 200: { type: 'object', properties: { year: { type: 'integer' }, asOf: { type: 'string' }, findings: { type: 'array', items: s.findingSchema } } }, ...E },
    },
  }, async (request) => alarms(ctx, (request.query as { year: number }).year));

  app.get('/indicators/entries', {
    schema: {
      tags: TAGS, summary: '人工录入的指标数值（录入人、时间）',
      querystring: { type: 'object', properties: { series: { type: 'string' }, year: { type: 'integer' }, county: { type: 'string' } } },
      response: { 200: { type: 'array', items: s.entrySchema }, ...E },
    },
  }, async (request) => listEntries(ctx, request.query as { series?: string; year?: number; county?: string }));

  app.post('/indicators/entries', {
    schema: {
      tags: TAGS, summary: '录入不能由登记数据计算的指标（收入增长、地区生产总值增长、纳入低保比例）',
      body: s.entryBodySchema,
      response: { 201: s.entrySchema, ...E },
    },
  }, async (request, reply) => reply.code(201).send(await enterIndicator(ctx, request.body as Parameters<typeof enterIndicator>[1], actorOf(request))));

  const kindParams = { type: 'object', required: ['kind'], properties: { kind: { type: 'string', enum: ['midterm', 'final'] } } } as const;
  app.get('/evaluations/:kind', {
    schema: { tags: TAGS, summary: '规划中期评估（2023）与总结评估（2025）报告数据', params: kindParams, response: { 200: s.evaluationSchema, ...E } },
  }, async (request) => evaluation(ctx, (request.params as { kind: EvaluationKind }).kind));

  app.get('/evaluations/:kind/export', {
    schema: { tags: TAGS, summary: '评估报告 XLSX', params: kindParams, response: fileResponse },
  }, async (request, reply) => {
    const kind = (request.params as { kind: EvaluationKind }).kind;
    const report = await evaluation(ctx, kind);
    return sendFile(reply, `${report.title}-${report.year}`, 'xlsx', await evaluationWorkbook(report));
  });

  // ── countable duties ───────────────────────────────────────────────────
  app.get('/employers/quota-check', {
    schema: {
      tags: TAGS, summary: '按比例安排残疾人就业核查（专栏4第1项）：未达要求的单位',
      querystring: { type: 'object', properties: { on: { type: 'string' }, county: { type: 'string' }, status: { type: 'string', enum: ['met', 'short', 'not_in_scope'] } } },
      response: { 200: s.quotaReportSchema, ...E },
    },
  }, async (request) => quotaCheck(ctx, request.query as { on?: string; county?: string; status?: string }));

  app.post('/employers', {
    schema: { tags: TAGS, summary: '登记或更新用人单位', body: s.employerBodySchema, response: { 200: s.quotaFindingSchema, ...E } },
  }, async (request) => {
    const actor = actorOf(request);
    const b = request.body as { id: string; name: string; kind: string; institutionType?: string; level: string; county?: string; posts?: number; staff: number; disabledEmployees: number; severeDisabledEmployees?: number; asOf?: string };
    // An update reaches a stored employer: a county-bound clerk may change
    // only its own county's, never move another county's into its own.
    const stored = await ctx.store.db.selectFrom('disability_employer').select('county').where('id', '=', b.id).executeTakeFirst();
    if (stored) request.scope.check({ county: stored.county });
    return saveEmployer(ctx, {
      id: b.id, name: b.name, kind: b.kind as never, institutionType: b.institutionType || null, level: b.level as never,
      county: b.county || null, posts: b.posts ?? null, staff: b.staff, disabledEmployees: b.disabledEmployees,
      severeDisabledEmployees: b.severeDisabledEmployees ?? 0,
    }, b.asOf, actor);
  });

  importRoute('/employers/import', '导入用人单位名册（CSV/XLSX）', importEmployers);

  app.get('/welfare-posts', {
    schema: {
      tags: TAGS, summary: '残疾人公益性岗位占比与就业保障金使用核查（三(二)2）',
      querystring: { type: 'object', required: ['year'], properties: { year: { type: 'integer' }, county: { type: 'string' } } },
      response: { 200: { type: 'array', items: s.welfarePostsSchema }, ...E },
    },
  }, async (request) => welfarePosts(ctx, request.query as { year: number; county?: string }));

  app.put('/welfare-posts/:year/:county', {
    schema: {
      tags: TAGS, summary: '录入某年某县区公益性岗位与就业保障金数据',
      params: { type: 'object', required: ['year', 'county'], properties: { year: { type: 'integer' }, county: { type: 'string' } } },
      body: s.welfareBodySchema,
      response: { 200: s.welfarePostsSchema, ...E },
    },
  }, async (request) => {
    const { year, county } = request.params as { year: number; county: string };
    return saveWelfarePosts(ctx, { year, county, ...(request.body as Omit<Parameters<typeof saveWelfarePosts>[1], 'year' | 'county'>) }, actorOf(request));
  });

  app.get('/care-services/:service', {
    schema: {
      tags: TAGS, summary: '托养照护服务对象名单（阳光家园、特困残疾人照护）',
      params: { type: 'object', required: ['service'], properties: { service: { type: 'string', enum: ['sunshine_home', 'tekun_care'] } } },
      querystring: { type: 'object', properties: { on: { type: 'string' }, county: { type: 'string' }, ...s.pageQuery } },
      response: { 200: s.careListSchema, ...E },
    },
  }, async (request) => {
    const { service } = request.params as { service: CareService };
    const q = request.query as { on?: string; county?: string; limit: number; offset: number };
    return careList(ctx, { service, on: requireDate(q.on), county: scopedCounty(request, q.county), limit: q.limit, offset: q.offset }, { mask: masked(request) });
  });

}
