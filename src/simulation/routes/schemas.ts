/** JSON schemas of the simulation API. Amounts are integer fen (分). */

const fen = { type: 'integer', description: '金额（分）' } as const;
const text = { type: 'string' } as const;
const int = { type: 'integer' } as const;
const texts = { type: 'array', items: text } as const;

export const problemsSchema = {
  type: 'object',
  properties: {
    code: text,
    message: text,
    details: { type: 'object', additionalProperties: true },
    problems: {
      type: 'array',
      items: { type: 'object', properties: { row: int, field: text, value: {}, reason: text } },
    },
  },
} as const;

export const changeSchema = {
  type: 'object',
  required: ['id', 'value'],
  properties: {
    id: { type: 'string', description: '参数编号，如 medical.d5.art7_1.annual_cap' },
    value: { description: '按参数文件的写法：元为 "3000.00"，百分比为 70，列表为数组' },
    from: { type: 'string', format: 'date', description: '起始日期（缺省为不限）' },
    to: { type: 'string', format: 'date', description: '截止日期（缺省为不限）' },
    note: text,
  },
} as const;

export const scenarioBodySchema = {
  type: 'object',
  required: ['name', 'purpose', 'author', 'changes'],
  properties: {
    name: { type: 'string', description: '方案名称' },
    purpose: { type: 'string', description: '测算目的' },
    author: { type: 'string', description: '编制人' },
    changes: { type: 'array', items: changeSchema },
  },
} as const;

const runSummarySchema = {
  type: 'object',
  properties: {
    id: text,
    scenarioId: text,
    year: int,
    areas: texts,
    baselineTotal: fen,
    scenarioTotal: fen,
    delta: fen,
    durationMs: int,
    createdBy: { type: 'string', nullable: true },
    createdAt: text,
  },
} as const;

export const runSummaryListSchema = { type: 'array', items: runSummarySchema } as const;

export const scenarioSchema = {
  type: 'object',
  properties: {
    id: text,
    name: text,
    purpose: text,
    author: text,
    changes: { type: 'array', items: changeSchema },
    createdBy: { type: 'string', nullable: true },
    createdAt: text,
    updatedAt: text,
    runs: runSummaryListSchema,
  },
} as const;

const totals = { type: 'object', properties: { baseline: fen, scenario: fen, delta: fen } } as const;
const group = {
  type: 'object',
  properties: { key: text, title: text, baseline: fen, scenario: fen, delta: fen, entities: int },
} as const;
const groups = { type: 'array', items: group } as const;

const lineSchema = {
  type: 'object',
  properties: {
    area: text,
    item: text,
    itemTitle: text,
    county: text,
    category: text,
    categoryTitle: text,
    baseline: fen,
    scenario: fen,
    delta: fen,
    entities: int,
    rules: texts,
    articles: texts,
  },
} as const;

const crossingSchema = {
  type: 'object',
  properties: {
    area: text,
    subject: text,
    county: text,
    kind: text,
    title: text,
    baseline: text,
    scenario: text,
    rule: text,
    article: text,
  },
} as const;

const distributionSchema = {
  type: 'object',
  properties: {
    unit: { type: 'string', enum: ['fen', 'grades'], description: '变化的计量：金额（分）或信用等级级数' },
    entities: int,
    gainers: int,
    losers: int,
    unchanged: int,
    gained: fen,
    lost: fen,
    largestGain: fen,
    largestLoss: fen,
    bands: {
      type: 'array',
      items: {
        type: 'object',
        properties: { above: fen, upTo: { type: 'integer', nullable: true }, gainers: int, losers: int, gained: fen, lost: fen },
      },
    },
  },
} as const;

const versionSchema = {
  type: 'object',
  properties: {
    from: text,
    to: { type: 'string', nullable: true },
    value: {},
    override: { type: 'string', nullable: true },
    note: { type: 'string', nullable: true },
  },
} as const;

const paramTraceSchema = {
  type: 'object',
  properties: {
    id: text,
    label: text,
    unit: text,
    document: text,
    number: text,
    article: text,
    baseline: { type: 'array', items: versionSchema },
    scenario: { type: 'array', items: versionSchema },
  },
} as const;

const areaTableSchema = {
  type: 'object',
  properties: {
    key: text,
    title: text,
    sheet: text,
    columns: {
      type: 'array',
      items: { type: 'object', properties: { key: text, title: text, kind: { type: 'string', enum: ['text', 'count', 'fen'] } } },
    },
    rows: { type: 'array', items: { type: 'object', additionalProperties: true } },
  },
} as const;

const areaResultSchema = {
  type: 'object',
  properties: {
    area: text,
    tables: { type: 'array', items: areaTableSchema, description: '领域汇总表（逐月发放、分行业等级分布、触发月份等）' },
    distribution: distributionSchema,
    counts: { type: 'object', additionalProperties: { type: 'integer' } },
    durationMs: int,
    notes: texts,
    paramIds: texts,
    /** Each area's own detail, cut to the first rows (the workbook has them all). */
    detail: { type: 'object', additionalProperties: true },
  },
} as const;

export const resultSchema = {
  type: 'object',
  properties: {
    runId: text,
    scenario: {
      type: 'object',
      properties: { id: text, name: text, purpose: text, author: text, changes: { type: 'array', items: changeSchema } },
    },
    year: int,
    period: { type: 'object', properties: { from: text, to: text } },
    areas: texts,
    ranAt: text,
    durationMs: int,
    baseline: text,
    parameters: { type: 'array', items: paramTraceSchema },
    parametersUsed: { type: 'array', items: paramTraceSchema, description: '各领域规则读取的全部参数（含未调整的）及其在测算期内的取值' },
    totals,
    byArea: groups,
    byCounty: groups,
    byCategory: groups,
    byItem: groups,
    lines: { type: 'array', items: lineSchema },
    crossings: { type: 'array', items: crossingSchema },
    crossingsTotal: int,
    results: { type: 'array', items: areaResultSchema },
    counties: { type: 'object', additionalProperties: { type: 'string' } },
  },
} as const;

export const compareSchema = {
  type: 'object',
  properties: {
    year: int,
    runs: {
      type: 'array',
      items: { type: 'object', properties: { runId: text, scenarioId: text, name: text, ranAt: text, totals } },
    },
    baselineConsistent: { type: 'boolean' },
    rows: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          group: { type: 'string', enum: ['total', 'area', 'item', 'county', 'category'] },
          key: text,
          title: text,
          baseline: fen,
          scenarios: { type: 'array', items: fen },
        },
      },
    },
  },
} as const;

export const idParams = { type: 'object', required: ['id'], properties: { id: text } } as const;
export const runIdParams = { type: 'object', required: ['runId'], properties: { runId: text } } as const;
