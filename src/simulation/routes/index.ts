/**
 * /api/simulation: scenarios, runs, comparison and export, each route thin
 * over the services with a schema (tags ['simulation'], Chinese summary).
 */
import type { FastifyInstance } from 'fastify';

import { maskRows } from '../../auth/privacy.ts';
import type { PlatformContext } from '../../platform/context.ts';
import { compareResults } from '../rules/compare.ts';
import { AREAS, AREA_TITLES, type Area, type ScenarioInput } from '../rules/scenario.ts';
import { listRuns } from '../storage/scenarios.ts';
import { resultWorkbook } from '../services/export.ts';
import { fail } from '../services/fail.ts';
import { AREA_PLUGINS } from '../services/areas.ts';
import { runScenario, storedResult } from '../services/run.ts';
import { allScenarios, createScenario, editScenario, getScenario } from '../services/scenarios.ts';
import { runSummary, runView } from '../services/views.ts';
import {
  compareSchema,
  idParams,
  problemsSchema,
  resultSchema,
  runIdParams,
  runSummaryListSchema,
  scenarioBodySchema,
  scenarioSchema,
} from './schemas.ts';

const TAGS = ['simulation'];
const errors = { 400: problemsSchema, 404: problemsSchema, 422: problemsSchema };
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function simulationRoutes(app: FastifyInstance, ctx: PlatformContext): Promise<void> {
  app.get('/areas', {
    schema: {
      tags: TAGS,
      summary: '可测算的领域及其有数据的年度',
      response: {
        200: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              area: { type: 'string' },
              title: { type: 'string' },
              runnable: { type: 'boolean' },
              years: { type: 'array', items: { type: 'integer' }, description: '有数据可测算的年度' },
            },
          },
        },
      },
    },
  }, async () => {
    const answer = [];
    for (const area of AREAS) {
      const plugin = AREA_PLUGINS[area];
      answer.push({ area, title: AREA_TITLES[area], runnable: Boolean(plugin), years: plugin ? await plugin.years(ctx) : [] });
    }
    return answer;
  });

  app.get('/scenarios', {
    schema: {
      tags: TAGS,
      summary: '测算方案列表',
      response: { 200: { type: 'array', items: scenarioSchema } },
    },
  }, async () => allScenarios(ctx));

  app.post('/scenarios', {
    schema: {
      tags: TAGS,
      summary: '新建测算方案（在现行规则上调整参数，不改动现行规则）',
      description: '每项调整给出参数编号、取值和可选的起止日期；所有问题一次列出，方案有误时不保存。',
      body: scenarioBodySchema,
      response: { 200: scenarioSchema, ...errors },
    },
  }, async (request) => createScenario(ctx, request.body as ScenarioInput, request.caller?.username ?? null));

  app.get('/scenarios/:id', {
    schema: {
      tags: TAGS,
      summary: '测算方案详情及其测算记录',
      params: idParams,
      response: { 200: scenarioSchema, ...errors },
    },
  }, async (request) => {
    const { id } = request.params as { id: string };
    const scenario = await getScenario(ctx, id);
    return { ...scenario, runs: (await listRuns(ctx.store.db, id)).map(runSummary) };
  });

  app.put('/scenarios/:id', {
    schema: {
      tags: TAGS,
      summary: '修改测算方案（已有测算结果保留修改前的方案）',
      params: idParams,
      body: scenarioBodySchema,
      response: { 200: scenarioSchema, ...errors },
    },
  }, async (request) => {
    const { id } = request.params as { id: string };
    return editScenario(ctx, id, request.body as ScenarioInput);
  });

  app.post('/scenarios/:id/runs', {
    schema: {
      tags: TAGS,
      summary: '按方案测算一年的数据（只在内存中计算，不改动任何已存数据）',
      description: '返回总成本及变化、分县区和分类别汇总、受益受损分布、跨越门槛的对象；长清单只返回前若干行，导出文件包含全部。',
      params: idParams,
      body: {
        type: 'object',
        required: ['year'],
        properties: {
          year: { type: 'integer', description: '测算年度' },
          areas: { type: 'array', items: { type: 'string', enum: [...AREAS] }, description: '缺省为方案调整的参数所涉及的领域' },
        },
      },
      response: { 200: resultSchema, ...errors },
    },
  }, async (request) => {
    const { id } = request.params as { id: string };
    const body = request.body as { year: number; areas?: Area[] };
    const scenario = await getScenario(ctx, id);
    const result = await runScenario(ctx, scenario, {
      year: body.year,
      ...(body.areas?.length ? { areas: body.areas } : {}),
      createdBy: request.caller?.username ?? null,
    });
    return runView(result);
  });

  app.get('/runs', {
    schema: {
      tags: TAGS,
      summary: '测算记录列表',
      querystring: { type: 'object', properties: { scenario: { type: 'string', description: '只列出该方案的测算' } } },
      response: { 200: runSummaryListSchema },
    },
  }, async (request) => {
    const { scenario } = request.query as { scenario?: string };
    return (await listRuns(ctx.store.db, scenario)).map(runSummary);
  });

  app.get('/runs/:runId', {
    schema: {
      tags: TAGS,
      summary: '测算结果',
      params: runIdParams,
      response: { 200: resultSchema, ...errors },
    },
  }, async (request) => {
    const { runId } = request.params as { runId: string };
    return runView(await storedResult(ctx, runId));
  });

  app.get('/runs/:runId/export', {
    schema: {
      tags: TAGS,
      summary: '导出测算结果（XLSX，多个工作表：方案、参数调整、汇总、明细、分布、跨越门槛及各领域明细）',
      params: runIdParams,
      produces: [XLSX],
    },
  }, async (request, reply) => {
    const { runId } = request.params as { runId: string };
    const result = await storedResult(ctx, runId);
    const buffer = await resultWorkbook(result, { mask: (rows) => maskRows(request.caller, rows) });
    const name = `政策测算-${result.scenario.name}-${result.year}.xlsx`;
    return reply
      .header('content-type', XLSX)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(name)}`)
      .send(buffer);
  });

  app.get('/compare', {
    schema: {
      tags: TAGS,
      summary: '比较同一年度的多次测算（与基线及彼此比较）',
      querystring: {
        type: 'object',
        required: ['runs'],
        properties: { runs: { type: 'string', description: '测算编号，逗号分隔' } },
      },
      response: { 200: compareSchema, ...errors },
    },
  }, async (request) => {
    const { runs } = request.query as { runs: string };
    const ids = [...new Set(runs.split(',').map((r) => r.trim()).filter(Boolean))];
    if (ids.length === 0) fail('ERR_CORE_INVALID_INPUT', { problems: [{ field: 'runs', reason: '请给出至少一个测算编号' }] });
    const results = [];
    for (const id of ids) results.push(await storedResult(ctx, id));
    const comparison = compareResults(results);
    if (!comparison) fail('ERR_SIMULATION_COMPARE_INVALID', { details: { years: [...new Set(results.map((r) => r.year))] } });
    return comparison;
  });
}
