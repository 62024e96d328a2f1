/**
 * Warnings and what they set in motion (D3 3.4–3.6, 4.1, 5.3, 6.1, 7.1):
 * the warning's steps, its tasks, the duty roster, incident reports with
 * their clocks, drills, and the organisation directory.
 */
import type { FastifyInstance } from 'fastify';

import { fail } from '../../errorCatalog.ts';
import type { PlatformContext } from '../../platform/context.ts';
import type { WarningAction, WarningState } from '../rules/warningStates.ts';
import { callerFrom } from '../services/access.ts';
import { capMessages } from '../services/cap.ts';
import { directoryChanges, listDirectory, putDirectoryEntry, type EntryInput } from '../services/directory.ts';
import type { EntryKind } from '../services/directorySeed.ts';
import { addDuty, drills, listDuty, recordDrill, type DutyInput } from '../services/duty.ts';
import {
  createIncident, getIncident, incidentCounty, listIncidents, recordReport, updateIncidentContent, type IncidentInput,
} from '../services/incidents.ts';
import {
  getWarning, listWarnings, markTaskDone, proposeWarning, stepWarning, terminationCheck, warningTasks, type ProposeInput, type StepInput,
} from '../services/warnings.ts';
import { freeObject, idParams, instant, isoDate, level, TAGS } from './schemas.ts';

const county = { type: 'string', pattern: '^\\d{6}$', description: '县(市)区行政区划代码' } as const;

const documentSchema = {
  type: ['object', 'null'],
  required: ['number', 'issuer', 'date'],
  properties: {
    number: { type: 'string', minLength: 1, description: '文号，如 黑政办发〔2022〕12号' },
    title: { type: 'string' },
    date: isoDate,
    issuer: { type: 'string', minLength: 1, description: '发布机关（省政府、国务院）' },
  },
} as const;

const event = {
  type: 'object',
  properties: {
    seq: { type: 'integer' },
    action: { type: 'string', enum: ['propose', 'approve', 'reject', 'publish', 'change_level', 'terminate'] },
    actionLabel: { type: 'string' },
    fromState: { type: ['string', 'null'] },
    toState: { type: 'string' },
    fromLevel: { type: ['integer', 'null'] },
    toLevel: { type: 'integer' },
    at: { type: 'string' },
    byUser: { type: 'string' },
    byRole: { type: 'string' },
    document: { ...documentSchema, required: [] },
    note: { type: 'string' },
    capIdentifier: { type: ['string', 'null'], description: 'GB/T 35965.1 预警信息标识（发布、变更、解除时生成）' },
  },
} as const;

const warning = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    level: { type: 'integer' },
    levelLabel: { type: 'string' },
    state: { type: 'string', enum: ['proposed', 'approved', 'published', 'terminated', 'rejected'] },
    stateLabel: { type: 'string' },
    title: { type: 'string' },
    description: { type: 'string' },
    items: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' } } } },
    areas: { type: 'array', items: { type: 'string' } },
    areaNames: { type: 'array', items: { type: 'string' } },
    related: { type: 'array', items: { type: 'string' } },
    units: { type: 'array', items: { type: 'string' } },
    detectionId: { type: ['string', 'null'] },
    document: { ...documentSchema, required: [] },
    createdBy: { type: 'string' },
    createdAt: { type: 'string' },
    publishedAt: { type: ['string', 'null'] },
    terminatedAt: { type: ['string', 'null'] },
    version: { type: 'integer' },
    temporaryPoints: {
      type: 'array', description: '为本预警指定的临时价格监测点（3.2.1）',
      items: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' }, county: { type: 'string' } } },
    },
    next: {
      type: ['object', 'null'],
      description: '下一步操作及须由哪个角色办理',
      properties: { action: { type: 'string' }, role: { type: 'string' } },
    },
    events: { type: 'array', items: event },
  },
} as const;

const task = {
  type: 'object',
  properties: {
    key: { type: 'string' },
    warningId: { type: 'string' },
    kind: { type: 'string', enum: ['monitoring_round', 'county_report', 'duty_roster', 'summary', 'evaluation'] },
    owner: { type: 'string', description: '责任单位（名录编号，或 county:<代码>）' },
    ownerLabel: { type: 'string' },
    title: { type: 'string' },
    level: { type: ['integer', 'null'] },
    periodStart: { type: 'string' },
    periodEnd: { type: 'string' },
    due: { type: 'string' },
    doneAt: { type: ['string', 'null'] },
    status: { type: 'string', enum: ['met', 'late', 'overdue', 'open'], description: '按时完成、逾期完成、已逾期未完成、未到期' },
    late: { type: 'boolean' },
    article: { type: 'string' },
    missing: { type: 'array', items: { type: 'string' } },
  },
} as const;

const clock = {
  type: 'object',
  properties: {
    step: { type: 'string' },
    owner: { type: 'string' },
    ownerLabel: { type: 'string' },
    recipients: { type: 'array', items: { type: 'string' } },
    mode: { type: 'string', enum: ['any', 'phone', 'written', 'brief_written', 'full_written'] },
    title: { type: 'string' },
    startsAt: { type: 'string' },
    deadline: { type: ['string', 'null'], description: '“立即”报告的环节为 null' },
    limitMinutes: { type: ['integer', 'null'] },
    doneAt: { type: ['string', 'null'] },
    status: { type: 'string', enum: ['met', 'missed', 'pending', 'overdue', 'done'] },
    minutesLate: { type: ['integer', 'null'] },
  },
} as const;

const incident = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    level: { type: 'integer' },
    levelLabel: { type: 'string' },
    discoveredAt: { type: 'string' },
    county: { type: 'string' },
    countyName: { type: 'string' },
    place: { type: 'string' },
    source: { type: 'string' },
    nature: { type: 'string' },
    scope: { type: 'string' },
    trend: { type: 'string' },
    measures: { type: 'string' },
    warningId: { type: ['string', 'null'] },
    createdBy: { type: 'string' },
    createdAt: { type: 'string' },
    missingContent: { type: 'array', items: { type: 'string' }, description: '4.1(2) 要求而尚未填写的内容' },
    asOf: { type: 'string' },
    clocks: { type: 'array', items: clock },
    missed: { type: 'integer' },
    rule: { type: 'string' },
  },
} as const;

const contentFields = {
  place: { type: 'string', description: '地点' },
  source: { type: 'string', description: '信息来源' },
  nature: { type: 'string', description: '事件性质' },
  scope: { type: 'string', description: '影响范围' },
  trend: { type: 'string', description: '事件发展趋势' },
  measures: { type: 'string', description: '已经采取的措施' },
} as const;

const entry = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    kind: { type: 'string', enum: ['position', 'office', 'member_unit', 'working_group', 'expert'] },
    name: { type: 'string' },
    sort: { type: 'integer' },
    data: freeObject,
    updatedAt: { type: 'string' },
    updatedBy: { type: 'string' },
  },
} as const;

const stepBody = {
  type: 'object',
  properties: {
    note: { type: 'string' },
    at: { ...instant, description: '办理时间，缺省为现在（如电话批准后补录）' },
    version: { type: 'integer', description: '读取时的版本号；已被他人更新则退回' },
    document: documentSchema,
  },
} as const;

const STEPS: Array<{ path: string; action: Exclude<WarningAction, 'propose'>; summary: string; level?: boolean }> = [
  { path: 'approve', action: 'approve', summary: '批准预警（三级：市政府分管领导；二级、一级：市政府主要领导，3.4）' },
  { path: 'reject', action: 'reject', summary: '不予批准预警建议' },
  { path: 'publish', action: 'publish', summary: '发布预警（市应急管理局通过市政府突发事件预警信息发布平台，3.4；生成 CAP Alert）' },
  { path: 'change-level', action: 'change_level', summary: '调整预警级别（升级、降级，3.4；二级、一级依省政府文件；生成 CAP Update）', level: true },
  { path: 'terminate', action: 'terminate', summary: '终止预警响应（3.6；一级、二级须录入省政府解除文件；生成 CAP Cancel）' },
];

export async function warningRoutes(app: FastifyInstance, ctx: PlatformContext) {
  app.get('/warnings', {
    schema: {
      tags: TAGS, summary: '预警列表',
      querystring: { type: 'object', properties: { state: { type: 'string', enum: ['proposed', 'approved', 'published', 'terminated', 'rejected'] }, active: { type: 'boolean', description: '只列未终止的' } } },
      response: { 200: { type: 'array', items: warning } },
    },
  }, async (request) => listWarnings(ctx, request.query as { state?: WarningState; active?: boolean }));

  app.post('/warnings', {
    schema: {
      tags: TAGS,
      summary: '提出预警建议（三级附检测结果或理由）或录入省政府发布的二级、一级预警（附文件）',
      body: {
        type: 'object', required: ['level', 'title', 'items', 'areas'],
        properties: {
          level, title: { type: 'string', minLength: 1 }, description: { type: 'string' },
          items: { type: 'array', items: { type: 'string' }, description: '涉及品种代码' },
          areas: { type: 'array', items: county, description: '警情所在地县(市)区；空表示全市' },
          related: { type: 'array', items: county, description: '其他须报送的相关县(市)区' },
          units: { type: 'array', items: { type: 'string' }, description: '参与处置的成员单位（名录编号），缺省为市发改委、市市场监管局' },
          detectionId: { type: ['string', 'null'] }, document: documentSchema, note: { type: 'string' }, at: instant,
        },
      },
      response: { 200: warning },
    },
  }, async (request) => proposeWarning(ctx, request.body as ProposeInput, callerFrom(request)));

  app.get('/warnings/:id', {
    schema: { tags: TAGS, summary: '一条预警及其每一步', params: idParams, response: { 200: warning } },
  }, async (request) => {
    const found = await getWarning(ctx, (request.params as { id: string }).id);
    if (!found) fail('ERR_CORE_NOT_FOUND');
    return found;
  });

  for (const step of STEPS) {
    app.post(`/warnings/:id/${step.path}`, {
      schema: {
        tags: TAGS, summary: step.summary, params: idParams,
        body: step.level ? { ...stepBody, required: ['level'], properties: { ...stepBody.properties, level } } : stepBody,
        response: { 200: warning },
      },
    }, async (request) => {
      const { id } = request.params as { id: string };
      return stepWarning(ctx, id, step.action, (request.body ?? {}) as StepInput, callerFrom(request));
    });
  }

  const capEntry = {
    type: 'object',
    properties: {
      seq: { type: 'integer' },
      identifier: { type: 'string', description: 'GB/T 35965.1 预警信息标识：发布单位代码_北京时间_序号' },
      msgType: { type: 'string', enum: ['Alert', 'Update', 'Cancel'], description: '发布、更新（级别调整）、解除' },
      sent: { type: 'string' },
      level: { type: 'integer' },
      xml: { type: 'string', description: 'CAP 1.2 报文' },
    },
  } as const;
  app.get('/warnings/:id/cap', {
    schema: {
      tags: TAGS, summary: '预警的 CAP 1.2 报文：发布（Alert）、级别调整（Update）、解除（Cancel）',
      params: idParams,
      response: { 200: { type: 'array', items: capEntry } },
    },
  }, async (request) => capMessages(ctx, (request.params as { id: string }).id));

  app.get('/warnings/:id/cap/:identifier', {
    schema: {
      tags: TAGS, summary: '下载一条 CAP 1.2 报文（XML）',
      params: { type: 'object', required: ['id', 'identifier'], properties: { id: { type: 'string' }, identifier: { type: 'string' } } },
      produces: ['application/cap+xml'],
      response: { 200: { type: 'string', description: 'CAP 1.2 XML' } },
    },
  }, async (request, reply) => {
    const { id, identifier } = request.params as { id: string; identifier: string };
    const found = (await capMessages(ctx, id)).find((m) => m.identifier === identifier);
    if (!found) fail('ERR_CORE_NOT_FOUND', { details: { identifier } });
    reply.header('content-type', 'application/cap+xml; charset=utf-8');
    reply.header('content-disposition', `attachment; filename="${identifier}.xml"`);
    return found.xml;
  });

  app.get('/warnings/:id/termination-check', {
    schema: {
      tags: TAGS, summary: '三级预警是否可建议终止（3.6(2)：价格明显异常波动消失，或投诉举报明显减少，连续若干个监测周期）',
      params: idParams,
      querystring: { type: 'object', properties: { asOf: isoDate } },
      response: {
        200: {
          type: 'object',
          properties: {
            outcome: { type: 'string', enum: ['propose', 'not_yet', 'province'], description: '建议终止、尚不满足、依省政府解除' },
            article: { type: 'string' },
            reason: { type: 'string' },
            baseline: { type: 'number', description: '基期每周投诉举报件数' },
            limit: { type: 'number', description: '低于此数视为明显减少' },
            periods: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  start: { type: 'string' }, end: { type: 'string' }, fluctuation: { type: ['boolean', 'null'], description: '该周检测是否仍触发；null 为该周未运行检测' },
                  complaints: { type: 'integer' }, fluctuationGone: { type: 'boolean' }, complaintsFallen: { type: 'boolean' }, clear: { type: 'boolean' },
                },
              },
            },
          },
        },
      },
    },
  }, async (request) => terminationCheck(ctx, (request.params as { id: string }).id, (request.query as { asOf?: string }).asOf));

  app.get('/warnings/:id/tasks', {
    schema: {
      tags: TAGS, summary: '预警要求的任务：定点监测、县(市)区报送（12时前）、值班安排、总结评估；逾期标出',
      params: idParams,
      querystring: { type: 'object', properties: { asOf: { ...instant, description: '截至时间，缺省为现在' } } },
      response: {
        200: {
          type: 'object',
          properties: { warningId: { type: 'string' }, asOf: { type: 'string' }, tasks: { type: 'array', items: task }, late: { type: 'integer' }, rule: { type: 'string' } },
        },
      },
    },
  }, async (request) => {
    const { id } = request.params as { id: string };
    const list = await warningTasks(ctx, id, (request.query as { asOf?: string }).asOf);
    return { ...list, tasks: request.scope.keep(list.tasks, (t) => ({ county: t.owner.startsWith('county:') ? t.owner.slice(7) : undefined })) };
  });

  app.post('/warnings/:id/tasks/done', {
    schema: {
      tags: TAGS, summary: '登记任务完成（县(市)区报送、定点监测、工作总结、评估报告）', params: idParams,
      body: { type: 'object', required: ['key'], properties: { key: { type: 'string' }, doneAt: instant, note: { type: 'string' } } },
      response: { 200: task },
    },
  }, async (request) => {
    request.scope.filter();
    const { id } = request.params as { id: string };
    return markTaskDone(ctx, id, request.body as { key: string; doneAt?: string; note?: string }, callerFrom(request));
  });

  // Duty roster (D3 3.2.2).
  const duty = {
    type: 'object', required: ['date', 'kind', 'person', 'phone'],
    properties: {
      date: isoDate, kind: { type: 'string', enum: ['monitor', 'technical'], description: '专职监测人员、技术保障人员' },
      person: { type: 'string' }, phone: { type: 'string', description: '移动值班电话' }, fullDay: { type: 'boolean', description: '节假日全天值班' }, unit: { type: 'string' },
      enteredAt: { type: 'string' },
    },
  } as const;
  app.get('/duty', {
    schema: {
      tags: TAGS, summary: '预警值班安排',
      querystring: { type: 'object', properties: { from: isoDate, to: isoDate } },
      response: { 200: { type: 'array', items: duty } },
    },
  }, async (request) => listDuty(ctx, request.query as { from?: string; to?: string }));
  app.post('/duty', {
    schema: {
      tags: TAGS, summary: '登记值班人员（每天至少1名专职监测人员和1名技术保障人员，3.2.2）',
      body: { type: 'object', required: ['entries'], properties: { entries: { type: 'array', items: duty }, enteredAt: instant } },
      response: { 200: { type: 'object', properties: { stored: { type: 'integer' } } } },
    },
  }, async (request) => {
    const body = request.body as { entries: DutyInput[]; enteredAt?: string };
    return addDuty(ctx, body.entries, callerFrom(request), body.enteredAt);
  });

  // Incident reports (D3 4.1).
  app.get('/incidents', {
    schema: { tags: TAGS, summary: '突发事件及其报告时限', response: { 200: { type: 'array', items: incident } } },
  }, async (request) => request.scope.keep(await listIncidents(ctx), (i) => ({ county: i.county })));
  app.post('/incidents', {
    schema: {
      tags: TAGS, summary: '登记突发事件（自发现时刻起计算 4.1 各报告时限）',
      body: {
        type: 'object', required: ['level', 'discoveredAt'],
        properties: { level, discoveredAt: instant, county: { ...county, description: '县(市)区代码；县(市)区账号缺省为本县' }, warningId: { type: ['string', 'null'] }, ...contentFields },
      },
      response: { 200: incident },
    },
  }, async (request) => createIncident(ctx, request.body as IncidentInput, callerFrom(request)));
  app.get('/incidents/:id', {
    schema: {
      tags: TAGS, summary: '一个突发事件：每个报告环节的时限、责任单位、是否按时', params: idParams,
      querystring: { type: 'object', properties: { asOf: instant } },
      response: { 200: incident },
    },
  }, async (request) => {
    const found = await getIncident(ctx, (request.params as { id: string }).id, (request.query as { asOf?: string }).asOf);
    if (!found) fail('ERR_CORE_NOT_FOUND');
    request.scope.check({ county: found.county });
    return found;
  });
  app.patch('/incidents/:id', {
    schema: {
      tags: TAGS, summary: '补充事件报告内容（续报）', params: idParams,
      body: { type: 'object', properties: contentFields },
      response: { 200: incident },
    },
  }, async (request) => {
    const { id } = request.params as { id: string };
    request.scope.check({ county: (await incidentCounty(ctx, id)) ?? null });
    return updateIncidentContent(ctx, id, request.body as Record<string, string>);
  });
  app.post('/incidents/:id/reports', {
    schema: {
      tags: TAGS, summary: '登记某环节某责任单位已报告的时间', params: idParams,
      body: { type: 'object', required: ['step', 'owner'], properties: { step: { type: 'string' }, owner: { type: 'string' }, at: instant, note: { type: 'string' } } },
      response: { 200: incident },
    },
  }, async (request) => {
    const { id } = request.params as { id: string };
    request.scope.check({ county: (await incidentCounty(ctx, id)) ?? null });
    return recordReport(ctx, id, request.body as { step: string; owner: string; at?: string; note?: string }, callerFrom(request));
  });

  // Drills (D3 7.1).
  const drillsResponse = {
    type: 'object',
    properties: {
      drills: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, date: { type: 'string' }, kind: { type: 'string' }, note: { type: 'string' }, enteredBy: { type: 'string' } } } },
      next: {
        type: 'object',
        properties: {
          lastComprehensive: { type: ['string', 'null'] }, basis: { type: 'string' }, due: { type: 'string', description: '下次综合应急演练最迟日期' },
          overdue: { type: 'boolean' }, daysLeft: { type: 'integer' }, article: { type: 'string' },
        },
      },
      rule: { type: 'string' },
    },
  } as const;
  app.get('/drills', {
    schema: { tags: TAGS, summary: '应急演练记录及下次综合演练期限（至少每3年1次）', querystring: { type: 'object', properties: { asOf: isoDate } }, response: { 200: drillsResponse } },
  }, async (request) => drills(ctx, (request.query as { asOf?: string }).asOf));
  app.post('/drills', {
    schema: {
      tags: TAGS, summary: '登记应急演练',
      body: { type: 'object', required: ['date', 'kind'], properties: { date: isoDate, kind: { type: 'string', enum: ['comprehensive', 'tabletop', 'field'] }, note: { type: 'string' } } },
      response: { 200: drillsResponse },
    },
  }, async (request) => recordDrill(ctx, request.body as { date: string; kind: 'comprehensive' }, callerFrom(request)));

  // Organisation directory (D3 2, 6.1).
  app.get('/directory', {
    schema: {
      tags: TAGS, summary: '应急组织名录：指挥部、办公室、成员单位及职责、8个工作组、专家组',
      querystring: { type: 'object', properties: { kind: entry.properties.kind } },
      response: { 200: { type: 'array', items: entry } },
    },
  }, async (request) => listDirectory(ctx, request.query as { kind?: EntryKind }));
  app.put('/directory/:id', {
    schema: {
      tags: TAGS, summary: '新增或修改名录条目（联络方式变更报备，记入变更记录）', params: idParams,
      description: 'data 中未提交的字段保留（如职责），提交为 null 的字段删除',
      body: { type: 'object', required: ['kind', 'name', 'reason'], properties: { kind: entry.properties.kind, name: { type: 'string' }, data: freeObject, sort: { type: 'integer' }, reason: { type: 'string', description: '变更原因' } } },
      response: { 200: entry },
    },
  }, async (request) => putDirectoryEntry(ctx, (request.params as { id: string }).id, request.body as EntryInput, callerFrom(request)));
  app.get('/directory/changes', {
    schema: {
      tags: TAGS, summary: '名录变更记录',
      querystring: { type: 'object', properties: { entryId: { type: 'string' } } },
      response: {
        200: {
          type: 'array',
          items: { type: 'object', properties: { id: { type: 'string' }, entryId: { type: 'string' }, changedAt: { type: 'string' }, changedBy: { type: 'string' }, before: { type: ['object', 'null'], additionalProperties: true }, after: { type: ['object', 'null'], additionalProperties: true }, reason: { type: 'string' } } },
        },
      },
    },
  }, async (request) => directoryChanges(ctx, request.query as { entryId?: string }));
}
