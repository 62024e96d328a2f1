/**
 * /api/medical: thin routes over the medical services, each with a schema
 * (tags ['medical'], Chinese summary) so it shows in /docs/json.
 */
import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

import { isIsoDate } from '../../core/dates.ts';
import { formatYuan, parseYuan } from '../../core/money.ts';
import { fail } from '../../errorCatalog.ts';
import { formatFromName, readTable, writeTable, type ColumnSpec, type OutputColumn, type ReadResult, type TableFormat } from '../../io/table.ts';
import { batchRun } from '../../platform/batch.ts';
import { parseParamOverrides } from '../../platform/batchParams.ts';
import type { PlatformContext } from '../../platform/context.ts';
import type { Bill } from '../rules/types.ts';
import { loadPeople, searchPersons } from '../storage/persons.ts';
import { accountOf, billsOfClaim, billsOfPerson, readAccumulators } from '../storage/settlements.ts';
import { addMovement, MOVEMENT_KINDS, type MovementKind } from '../services/accounts.ts';
import { settleBatch } from '../services/batch.ts';
import { fundLedger, setBudget, setSurplus } from '../services/fund.ts';
import { pushList, watchList } from '../services/lists.ts';
import { applyPersons, getPerson, importPersons, personView } from '../services/persons.ts';
import { CLAIM_COLUMNS, JIXI_COUNTIES, parseClaimRow, parseEnrolments, parsePersonRow, PERSON_COLUMNS, type EnrolmentInput } from '../services/records.ts';
import { applyRetroactive, previewRetroactive, type RetroApplicationInput } from '../services/retroactive.ts';
import { previewClaim, reverseClaim, settleClaim } from '../services/settlement.ts';
import { accumulatorsView, billFileRow, billView, BILL_COLUMNS, PUSH_LIST_COLUMNS, retroactiveView, WATCH_LIST_COLUMNS } from '../services/views.ts';
import {
  accumulatorsSchema,
  billSchema,
  claimBodySchema,
  listRowSchema,
  personBodySchema,
  personIdParams,
  personSchema,
  problemsSchema,
  retroactiveBodySchema,
  retroactiveResultSchema,
  yearQuery,
} from './schemas.ts';

const TAGS = ['medical'];
const errors = { 400: problemsSchema, 404: problemsSchema, 409: problemsSchema, 422: problemsSchema };

interface Upload {
  files: Map<string, { filename: string; buffer: Buffer }>;
  fields: Record<string, string>;
}

async function readUpload(request: FastifyRequest): Promise<Upload> {
  if (!request.isMultipart()) {
    fail('ERR_CORE_INVALID_INPUT', { problems: [{ field: 'body', reason: '请以 multipart/form-data 上传文件' }] });
  }
  const upload: Upload = { files: new Map(), fields: {} };
  for await (const part of request.parts()) {
    if (part.type === 'file') upload.files.set(part.fieldname, { filename: part.filename, buffer: await part.toBuffer() });
    else upload.fields[part.fieldname] = String(part.value ?? '');
  }
  return upload;
}

async function readUploaded(upload: Upload, field: string, columns: readonly ColumnSpec[]): Promise<ReadResult | undefined> {
  const file = upload.files.get(field);
  if (!file) return undefined;
  const format = formatFromName(file.filename);
  if (!format) fail('ERR_CORE_FILE_UNREADABLE', { details: { file: file.filename, reason: '只支持 .csv 与 .xlsx 文件' } });
  return readTable(file.buffer, format, columns);
}

function flag(value: string | undefined): boolean {
  return value !== undefined && ['1', 'true', 'yes', 'on', '是'].includes(value.trim().toLowerCase());
}

async function sendTable(
  reply: FastifyReply,
  name: string,
  rows: Record<string, unknown>[],
  columns: readonly OutputColumn[],
  format: TableFormat,
  headers: 'name' | 'label' = 'label',
) {
  const buffer = await writeTable(rows, columns, format, { headers });
  const type = format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  return reply
    .header('content-type', type)
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(`${name}.${format}`)}`)
    .send(buffer);
}

function claimFromBody(body: Record<string, unknown>) {
  const values: Record<string, string> = {};
  for (const column of CLAIM_COLUMNS) {
    const v = body[column.name];
    if (v !== undefined && v !== null) values[column.name] = String(v);
  }
  const parsed = parseClaimRow(values);
  if (!parsed.ok) fail('ERR_CORE_INVALID_INPUT', { problems: parsed.problems });
  return parsed.value;
}

function storedBillView(row: { bill_json: string; kind: string; reverses: string | null; reason: string | null }, status?: string) {
  return billView(JSON.parse(row.bill_json) as Bill, {
    kind: row.kind,
    ...(status ? { status } : {}),
    ...(row.reverses ? { reverses: row.reverses, reason: row.reason ?? '' } : {}),
  });
}

interface RetroactiveBody {
  date: string;
  category: 'illness_poverty';
  decided_by: string;
  valid_to?: string;
  application_id?: string;
}

function retroactiveInput(personId: string, body: RetroactiveBody): RetroApplicationInput {
  const problems = [];
  if (!isIsoDate(body.date)) problems.push({ field: 'date', value: body.date, reason: '申请日期应为 YYYY-MM-DD 格式的真实日期' });
  const validTo = body.valid_to ? body.valid_to : null;
  if (validTo !== null && (!isIsoDate(validTo) || validTo < body.date)) {
    problems.push({ field: 'valid_to', value: body.valid_to, reason: '有效期终止日期应为 YYYY-MM-DD，且不早于申请日期' });
  }
  if (body.decided_by.trim().length < 2) problems.push({ field: 'decided_by', value: body.decided_by, reason: '请填写认定文书或文号' });
  if (problems.length > 0) fail('ERR_CORE_INVALID_INPUT', { problems });
  return {
    personId,
    date: body.date,
    category: body.category,
    decidedBy: body.decided_by.trim(),
    validTo,
    ...(body.application_id ? { id: body.application_id } : {}),
  };
}

/** A county-bound clerk sees persons of its own county only (src/auth/permissions.ts). */
async function checkPersonScope(request: FastifyRequest, ctx: PlatformContext, personId: string): Promise<void> {
  const person = (await loadPeople(ctx.store.db, [personId])).get(personId);
  request.scope.check({ county: person?.county ?? null });
}

export async function medicalRoutes(app: FastifyInstance, ctx: PlatformContext): Promise<void> {
  await app.register(fastifyMultipart, { limits: { fileSize: 64 * 1024 * 1024, files: 2 } });

  // ── persons ────────────────────────────────────────────────────────────
  app.post('/persons', {
    schema: {
      tags: TAGS,
      summary: '登记或更新参保人',
      description: '身份证号须通过 GB 11643 校验（出生日期与校验位）；个人账户余额仅在首次登记时作为开户余额。',
      body: personBodySchema,
      response: { 200: { type: 'object', properties: { outcome: { type: 'string' }, person: personSchema } }, ...errors },
    },
  }, async (request) => {
    const body = request.body as Record<string, unknown> & { enrolments?: EnrolmentInput[] };
    const enrolments = body.enrolments ? parseEnrolments(body.enrolments) : undefined;
    const last = enrolments?.ok ? enrolments.value.at(-1) : undefined;
    const values = Object.fromEntries(PERSON_COLUMNS.map((c) => [c.name, body[c.name] === undefined ? undefined : String(body[c.name])]));
    // The latest enrolment decides the scheme checks and the account (D5 §4).
    if (last) Object.assign(values, { scheme: last.scheme, employment: last.employment ?? '' });
    const parsed = parsePersonRow(values);
    const problems = [...(parsed.ok ? [] : parsed.problems), ...(enrolments && !enrolments.ok ? enrolments.problems : [])];
    if (!parsed.ok || problems.length > 0) fail('ERR_CORE_INVALID_INPUT', { problems });
    const record = enrolments?.ok ? { ...parsed.value, enrolments: enrolments.value } : parsed.value;

    const counts = await ctx.store.db.transaction().execute(async (trx) => {
      // An update reaches a stored person: a county-bound clerk may change
      // only its own county's, never move another county's into its own.
      const stored = await trx.selectFrom('medical_person').select('county').where('person_id', '=', record.personId).executeTakeFirst();
      if (stored) request.scope.check({ county: stored.county });
      return applyPersons(trx, [record]);
    });
    const person = await getPerson(ctx, parsed.value.personId);
    const outcome = counts.created ? 'created' : counts.updated ? 'updated' : 'unchanged';
    return { outcome, person: personView(person, { masked: false }) };
  });

  app.post('/persons/import', {
    schema: {
      tags: TAGS,
      summary: '批量导入参保人（CSV/XLSX）',
      description: '表单字段 file 为文件；skip_invalid=true 时跳过错误行并返回错误清单，否则任何错误行都使整份文件不被保存。',
      consumes: ['multipart/form-data'],
      response: {
        200: {
          type: 'object',
          properties: {
            created: { type: 'integer' },
            updated: { type: 'integer' },
            unchanged: { type: 'integer' },
            accountsOpened: { type: 'integer' },
            invalid: problemsSchema.properties.problems,
          },
        },
        ...errors,
      },
    },
  }, async (request) => {
    const upload = await readUpload(request);
    const read = await readUploaded(upload, 'file', PERSON_COLUMNS);
    if (!read) fail('ERR_CORE_INVALID_INPUT', { problems: [{ field: 'file', reason: '缺少文件' }] });
    return importPersons(ctx, read, { skipInvalid: flag(upload.fields.skip_invalid) });
  });

  app.get('/persons', {
    schema: {
      tags: TAGS,
      summary: '查询参保人（列表中身份证号与姓名脱敏）',
      querystring: {
        type: 'object',
        properties: {
          q: { type: 'string', description: '身份证号前若干位' },
          county: { type: 'string' },
          category: { type: 'string' },
          scheme: { type: 'string', enum: ['employee', 'resident'] },
          limit: { type: 'integer', minimum: 1, maximum: 200, default: 50 },
          offset: { type: 'integer', minimum: 0, default: 0 },
        },
      },
      response: { 200: { type: 'object', properties: { total: { type: 'integer' }, persons: { type: 'array', items: personSchema } } }, ...errors },
    },
  }, async (request) => {
    const query = request.query as { q?: string; county?: string; category?: string; scheme?: string; limit: number; offset: number };
    const found = await searchPersons(ctx.store.db, query);
    return { total: found.total, persons: found.persons.map((p) => personView(p, { masked: true })) };
  });

  app.get('/persons/:personId', {
    schema: {
      tags: TAGS,
      summary: '参保人详情',
      params: personIdParams,
      response: { 200: personSchema, ...errors },
    },
  }, async (request) => {
    const { personId } = request.params as { personId: string };
    const person = await getPerson(ctx, personId.toUpperCase());
    request.scope.check({ county: person.county });
    const account = await accountOf(ctx.store.db, person.personId);
    return personView(person, { masked: false, balance: account ? Number(account.account.balance) : null });
  });

  app.get('/persons/:personId/bills', {
    schema: {
      tags: TAGS,
      summary: '参保人的结算单（含冲销单）',
      params: personIdParams,
      querystring: { type: 'object', properties: { year: { type: 'integer' } } },
      response: { 200: { type: 'array', items: billSchema }, ...errors },
    },
  }, async (request) => {
    const { personId } = request.params as { personId: string };
    const { year } = request.query as { year?: number };
    await checkPersonScope(request, ctx, personId.toUpperCase());
    const rows = await billsOfPerson(ctx.store.db, personId.toUpperCase(), year);
    return rows.map((r) => storedBillView(r));
  });

  app.get('/persons/:personId/accumulators/:year', {
    schema: {
      tags: TAGS,
      summary: '参保人年度累计（起付线、限额、个人负担）',
      params: {
        type: 'object',
        required: ['personId', 'year'],
        properties: { personId: { type: 'string' }, year: { type: 'integer', minimum: 2000, maximum: 2100 } },
      },
      response: { 200: { type: 'object', properties: { person_id: { type: 'string' }, claims: { type: 'integer' }, accumulators: accumulatorsSchema } }, ...errors },
    },
  }, async (request) => {
    const { personId, year } = request.params as { personId: string; year: number };
    const person = await getPerson(ctx, personId.toUpperCase());
    request.scope.check({ county: person.county });
    const stored = await readAccumulators(ctx.store.db, person.personId, year);
    return { person_id: person.personId, claims: stored.claims, accumulators: accumulatorsView(stored.accumulators) };
  });

  const movementSchema = {
    type: 'object',
    properties: {
      id: { type: 'string' },
      seq: { type: 'integer' },
      date: { type: 'string' },
      kind: { type: 'string' },
      amount: { type: 'string' },
      balance_after: { type: 'string' },
      claim_id: { type: 'string', nullable: true },
      note: { type: 'string', nullable: true },
    },
  } as const;

  app.get('/persons/:personId/account', {
    schema: {
      tags: TAGS,
      summary: '个人账户余额与收支明细',
      params: personIdParams,
      response: { 200: { type: 'object', properties: { person_id: { type: 'string' }, balance: { type: 'string' }, movements: { type: 'array', items: movementSchema } } }, ...errors },
    },
  }, async (request) => {
    const { personId } = request.params as { personId: string };
    await checkPersonScope(request, ctx, personId.toUpperCase());
    const found = await accountOf(ctx.store.db, personId.toUpperCase());
    if (!found) fail('ERR_MEDICAL_NO_ACCOUNT');
    return {
      person_id: found.account.person_id,
      balance: formatYuan(Number(found.account.balance)),
      movements: found.movements.map((m) => ({
        id: m.id,
        seq: Number(m.seq),
        date: m.date,
        kind: m.kind,
        amount: formatYuan(Number(m.amount)),
        balance_after: formatYuan(Number(m.balance_after)),
        claim_id: m.claim_id,
        note: m.note,
      })),
    };
  });

  app.post('/persons/:personId/account/movements', {
    schema: {
      tags: TAGS,
      summary: '个人账户划入、补划、转出返还或继承拨付',
      description: '金额为正数，方向由类型决定；同一编号重复提交不重复记账。',
      params: personIdParams,
      body: {
        type: 'object',
        required: ['kind', 'amount', 'date'],
        properties: {
          kind: { type: 'string', enum: Object.keys(MOVEMENT_KINDS) },
          amount: { type: 'string', description: '金额（元）' },
          date: { type: 'string' },
          id: { type: 'string', description: '幂等编号，缺省为 类型:身份证号:日期' },
          note: { type: 'string' },
        },
      },
      response: { 200: { type: 'object', properties: { outcome: { type: 'string' }, id: { type: 'string' }, balance: { type: 'string' } } }, ...errors },
    },
  }, async (request) => {
    const { personId } = request.params as { personId: string };
    const body = request.body as { kind: MovementKind; amount: string; date: string; id?: string; note?: string };
    const amount = parseYuan(body.amount);
    const problems = [];
    if (amount === undefined || amount <= 0) problems.push({ field: 'amount', value: body.amount, reason: '金额应为大于 0 的元金额，最多两位小数' });
    if (!isIsoDate(body.date)) problems.push({ field: 'date', value: body.date, reason: '日期应为 YYYY-MM-DD 格式的真实日期' });
    if (problems.length > 0) fail('ERR_CORE_INVALID_INPUT', { problems });

    const result = await addMovement(ctx, {
      personId: personId.toUpperCase(),
      kind: body.kind,
      amount: amount!,
      date: body.date,
      ...(body.id ? { id: body.id } : {}),
      ...(body.note ? { note: body.note } : {}),
    });
    return { outcome: result.outcome, id: result.id, balance: formatYuan(result.balance) };
  });

  // ── D4 §14: application for recognition as 因病致贫重病患者 ─────────────
  app.post('/persons/:personId/retroactive/preview', {
    schema: {
      tags: TAGS,
      summary: '依申请救助预览：认定为因病致贫重病患者后，申请之日前12个月内费用的追溯救助（不保存）',
      description: '每张单据按其所属年度的起付标准、比例与年度限额计算；已按救助对象结算、已冲销或已追溯救助的单据不重复救助（D4 第十四条）。',
      params: personIdParams,
      body: retroactiveBodySchema,
      response: { 200: retroactiveResultSchema, ...errors },
    },
  }, async (request) => {
    const { personId } = request.params as { personId: string };
    const input = retroactiveInput(personId.toUpperCase(), request.body as RetroactiveBody);
    await checkPersonScope(request, ctx, input.personId);
    return retroactiveView(await previewRetroactive(ctx, input));
  });

  app.post('/persons/:personId/retroactive', {
    schema: {
      tags: TAGS,
      summary: '办理依申请救助：记录认定并支付追溯救助（D4 第十四条）',
      description:
        '在一个事务内记录因病致贫重病患者身份（自申请日期起）、为每张追溯单据保存补充结算单、更新年度累计。同一年度只能申请一次；同一申请编号、同一内容重复提交返回已办理的结果，内容不同返回 409。',
      params: personIdParams,
      body: retroactiveBodySchema,
      response: { 200: retroactiveResultSchema, 201: retroactiveResultSchema, ...errors },
    },
  }, async (request, reply) => {
    const { personId } = request.params as { personId: string };
    const input = retroactiveInput(personId.toUpperCase(), request.body as RetroactiveBody);
    await checkPersonScope(request, ctx, input.personId);
    const result = await applyRetroactive(ctx, input);
    reply.status(result.outcome === 'applied' ? 201 : 200);
    return retroactiveView(result);
  });

  // ── claims and bills ───────────────────────────────────────────────────
  app.post('/claims', {
    schema: {
      tags: TAGS,
      summary: '结算一张费用单据（一站式结算）',
      description: '同一单据号、同一内容重复提交，返回已保存的结算单且不作任何改动；内容不同则返回 409。',
      body: claimBodySchema,
      response: { 200: billSchema, 201: billSchema, ...errors },
    },
  }, async (request, reply) => {
    const body = request.body as Record<string, unknown>;
    const claim = claimFromBody(body);
    const result = await settleClaim(ctx, claim, { explain: body.explain === true });
    reply.status(result.outcome === 'settled' ? 201 : 200);
    if (result.outcome === 'existing') {
      const rows = await billsOfClaim(ctx.store.db, claim.claimId);
      return storedBillView(rows.find((r) => r.kind === 'settlement')!, result.status);
    }
    return billView(result.bill, { status: result.status });
  });

  app.post('/claims/preview', {
    schema: {
      tags: TAGS,
      summary: '预结算：确认前先看结算单，不保存',
      body: claimBodySchema,
      response: { 200: billSchema, ...errors },
    },
  }, async (request) => {
    const claim = claimFromBody(request.body as Record<string, unknown>);
    const result = await previewClaim(ctx, claim, { explain: true });
    return billView(result.bill, { status: result.status });
  });

  app.post('/claims/:claimId/reversal', {
    schema: {
      tags: TAGS,
      summary: '冲销已结算单据',
      description: '生成冲销单，金额退出年度累计，个人账户支付原路退回；此后已结算的单据不重算。',
      params: { type: 'object', required: ['claimId'], properties: { claimId: { type: 'string' } } },
      body: { type: 'object', required: ['reason'], properties: { reason: { type: 'string', minLength: 2, maxLength: 500, description: '冲销原因' } } },
      response: { 201: billSchema, ...errors },
    },
  }, async (request, reply) => {
    const { claimId } = request.params as { claimId: string };
    const { reason } = request.body as { reason: string };
    const result = await reverseClaim(ctx, claimId, reason.trim());
    reply.status(201);
    return billView(result.reversal, { kind: 'reversal', reverses: claimId, reason: result.reversal.reason });
  });

  app.get('/bills/:claimId', {
    schema: {
      tags: TAGS,
      summary: '按单据号查询结算单（每次返回相同内容）',
      params: { type: 'object', required: ['claimId'], properties: { claimId: { type: 'string' } } },
      response: {
        200: {
          type: 'object',
          properties: { bill: billSchema, reversal: { ...billSchema, nullable: true }, retroactive: { ...billSchema, nullable: true } },
        },
        ...errors,
      },
    },
  }, async (request) => {
    const { claimId } = request.params as { claimId: string };
    const rows = await billsOfClaim(ctx.store.db, claimId);
    const settlement = rows.find((r) => r.kind === 'settlement');
    if (!settlement) fail('ERR_CORE_NOT_FOUND', { details: { claimId } });
    await checkPersonScope(request, ctx, settlement.person_id);
    const reversal = rows.find((r) => r.kind === 'reversal');
    const retroactive = rows.find((r) => r.kind === 'retroactive');
    return {
      bill: storedBillView(settlement),
      reversal: reversal ? storedBillView(reversal) : null,
      // D4 §14: the assistance paid on recognition, after the bill.
      retroactive: retroactive ? storedBillView(retroactive) : null,
    };
  });

  // ── batches ────────────────────────────────────────────────────────────
  app.post('/batches', {
    schema: {
      tags: TAGS,
      summary: '上传文件批量结算（CSV/XLSX）',
      description:
        '表单字段：claims（费用单据文件，必填）、persons（参保人文件，可选）、skip_invalid、param（如 income_last_year=20000.00，可多个，以换行分隔）、format（json|csv|xlsx，结算单返回格式）。整份文件先逐行校验，任何错误行都使整批不被保存，除非 skip_invalid=true。',
      consumes: ['multipart/form-data'],
      response: {
        200: {
          type: 'object',
          properties: {
            run_id: { type: 'string' },
            resumed: { type: 'boolean' },
            total: { type: 'integer' },
            applied: { type: 'integer' },
            skipped: { type: 'integer' },
            persons: { type: 'object', additionalProperties: { type: 'integer' } },
            invalid: problemsSchema.properties.problems,
            bills: { type: 'array', items: { type: 'object', additionalProperties: { type: 'string' } } },
          },
        },
        ...errors,
      },
    },
  }, async (request, reply) => {
    const upload = await readUpload(request);
    const claims = await readUploaded(upload, 'claims', CLAIM_COLUMNS);
    if (!claims) fail('ERR_CORE_INVALID_INPUT', { problems: [{ field: 'claims', reason: '缺少费用单据文件' }] });
    const persons = await readUploaded(upload, 'persons', PERSON_COLUMNS);
    const assignments = (upload.fields.param ?? '').split(/[\n;]/).map((s) => s.trim()).filter(Boolean);
    const overrides = parseParamOverrides(ctx.params, assignments, 'medical.');

    const result = await settleBatch(ctx, {
      claims,
      ...(persons ? { persons } : {}),
      overrides,
      skipInvalid: flag(upload.fields.skip_invalid),
    });
    const rows = result.bills.map(billFileRow);
    const format = upload.fields.format;
    if (format === 'csv' || format === 'xlsx') return sendTable(reply, `结算单-${result.runId.slice(-8)}`, rows, BILL_COLUMNS, format, 'name');
    return {
      run_id: result.runId,
      resumed: result.resumed,
      total: result.total,
      applied: result.applied,
      skipped: result.skipped,
      persons: result.persons,
      invalid: result.invalid,
      bills: rows,
    };
  });

  app.get('/batches/:runId', {
    schema: {
      tags: TAGS,
      summary: '批量结算进度与报告',
      params: { type: 'object', required: ['runId'], properties: { runId: { type: 'string' } } },
      response: {
        200: {
          type: 'object',
          properties: {
            id: { type: 'string' },
            kind: { type: 'string' },
            status: { type: 'string' },
            total: { type: 'integer' },
            done: { type: 'integer' },
            started_at: { type: 'string' },
            finished_at: { type: 'string', nullable: true },
            report: { type: 'object', additionalProperties: true, nullable: true },
          },
        },
        ...errors,
      },
    },
  }, async (request) => {
    const { runId } = request.params as { runId: string };
    const run = await batchRun(ctx.store, runId);
    if (!run || !run.kind.startsWith('medical.')) fail('ERR_CORE_NOT_FOUND', { details: { runId } });
    return { ...run, report: run.report_json ? JSON.parse(run.report_json) : null };
  });

  app.get('/templates/:kind', {
    schema: {
      tags: TAGS,
      summary: '下载批量导入模板（中文表头）',
      params: { type: 'object', required: ['kind'], properties: { kind: { type: 'string', enum: ['claims', 'persons'] } } },
      querystring: { type: 'object', properties: { format: { type: 'string', enum: ['csv', 'xlsx'], default: 'xlsx' } } },
    },
  }, async (request, reply) => {
    const { kind } = request.params as { kind: 'claims' | 'persons' };
    const { format } = request.query as { format: TableFormat };
    const columns = kind === 'claims' ? CLAIM_COLUMNS : PERSON_COLUMNS;
    return sendTable(reply, kind === 'claims' ? '费用单据导入模板' : '参保人导入模板', [], columns.map((c) => ({ name: c.name, label: c.label ?? c.name })), format);
  });

  // ── hand-offs and fund ─────────────────────────────────────────────────
  app.get('/years', {
    schema: {
      tags: TAGS,
      summary: '有结算单据的年度（从近到远），供名单与资金页面选定缺省年度',
      response: { 200: { type: 'array', items: { type: 'integer' } }, ...errors },
    },
  }, async () => {
    const rows = await ctx.store.db.selectFrom('medical_claim').select('year').distinct().execute();
    return rows.map((r) => Number(r.year)).sort((a, b) => b - a);
  });

  app.get('/push-list', {
    schema: {
      tags: TAGS,
      summary: '推送民政、乡村振兴部门核实名单（D4 第十三条）',
      querystring: yearQuery,
      response: { 200: { type: 'array', items: listRowSchema }, ...errors },
    },
  }, async (request, reply) => {
    const { year, format } = request.query as { year: number; format: 'json' | TableFormat };
    const rows = request.scope.keep(await pushList(ctx, year), (r) => ({ county: r.county }))
      .map((r) => ({ person_id: r.personId, year: r.year, burden: formatYuan(r.burden), county: r.county }));
    if (format !== 'json') return sendTable(reply, `推送名单-${year}`, rows, PUSH_LIST_COLUMNS, format);
    return rows;
  });

  app.get('/watch-list', {
    schema: {
      tags: TAGS,
      summary: '重点监测名单（D4 第十二条、第十三条）',
      querystring: yearQuery,
      response: { 200: { type: 'array', items: listRowSchema }, ...errors },
    },
  }, async (request, reply) => {
    const { year, format } = request.query as { year: number; format: 'json' | TableFormat };
    const rows = request.scope.keep(await watchList(ctx, year), (r) => ({ county: r.county })).map((r) => ({
      person_id: r.personId,
      year: r.year,
      category: r.category,
      reason: r.reason,
      burden: formatYuan(r.burden),
      critical_paid: formatYuan(r.criticalPaid),
      county: r.county,
    }));
    if (format !== 'json') return sendTable(reply, `重点监测名单-${year}`, rows, WATCH_LIST_COLUMNS, format);
    return rows;
  });

  const countyParam = { type: 'string', enum: Object.keys(JIXI_COUNTIES) } as const;

  app.get('/fund/:year', {
    schema: {
      tags: TAGS,
      summary: '医疗救助资金台账：预算、按认定地支出、缺口分担（D4 第十九条）',
      params: { type: 'object', required: ['year'], properties: { year: { type: 'integer', minimum: 2000, maximum: 2100 } } },
      querystring: { type: 'object', properties: { county: countyParam } },
    },
  }, async (request) => {
    const { year } = request.params as { year: number };
    const { county } = request.query as { county?: string };
    const ledger = await fundLedger(ctx, year, county);
    return {
      year: ledger.year,
      accumulated_surplus: formatYuan(ledger.accumulatedSurplus),
      budgets: ledger.budgets.map((b) => ({ ...b, budget: formatYuan(b.budget) })),
      spending: ledger.spending.map((s) => ({ ...s, spending: formatYuan(s.spending) })),
      shortfall: {
        gap: formatYuan(ledger.shortfall.gap),
        from_surplus: formatYuan(ledger.shortfall.fromSurplus),
        remaining: formatYuan(ledger.shortfall.remaining),
        by_certifier: ledger.shortfall.byCertifier.map((c) => ({ county: c.county, amount: formatYuan(c.amount) })),
        articles: ledger.shortfall.articles,
      },
    };
  });

  const amountBody = (field: string, description: string) => ({
    type: 'object',
    required: [field],
    properties: { [field]: { type: 'string', description } },
  });

  app.put('/fund/:year/budgets/:county', {
    schema: {
      tags: TAGS,
      summary: '设定某年某地医疗救助预算',
      params: { type: 'object', required: ['year', 'county'], properties: { year: { type: 'integer', minimum: 2000, maximum: 2100 }, county: countyParam } },
      body: amountBody('budget', '预算（元）'),
      response: { 204: { type: 'null' }, ...errors },
    },
  }, async (request, reply) => {
    const { year, county } = request.params as { year: number; county: string };
    const { budget } = request.body as { budget: string };
    const fen = parseYuan(budget);
    if (fen === undefined || fen < 0) fail('ERR_CORE_INVALID_INPUT', { problems: [{ field: 'budget', value: budget, reason: '预算应为非负的元金额' }] });
    await setBudget(ctx, year, county, fen);
    return reply.status(204).send();
  });

  app.put('/fund/:year/surplus', {
    schema: {
      tags: TAGS,
      summary: '设定某年可用的累计结余基金',
      params: { type: 'object', required: ['year'], properties: { year: { type: 'integer', minimum: 2000, maximum: 2100 } } },
      body: amountBody('accumulated_surplus', '累计结余（元）'),
      response: { 204: { type: 'null' }, ...errors },
    },
  }, async (request, reply) => {
    const { year } = request.params as { year: number };
    const { accumulated_surplus: surplus } = request.body as { accumulated_surplus: string };
    const fen = parseYuan(surplus);
    if (fen === undefined || fen < 0) fail('ERR_CORE_INVALID_INPUT', { problems: [{ field: 'accumulated_surplus', value: surplus, reason: '累计结余应为非负的元金额' }] });
    await setSurplus(ctx, year, fen);
    return reply.status(204).send();
  });

}
