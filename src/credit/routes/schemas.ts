/** JSON schemas of the credit API, shared by the routes (and the OpenAPI document). */
export const TAG = ['credit'];

export const problem = {
  type: 'object',
  properties: { row: { type: 'integer' }, field: { type: 'string' }, value: {}, reason: { type: 'string' } },
} as const;

export const errorReply = {
  type: 'object',
  properties: {
    code: { type: 'string' },
    message: { type: 'string' },
    details: { type: 'object', additionalProperties: true },
    problems: { type: 'array', items: problem },
  },
} as const;

export const errors = { 400: errorReply, 401: errorReply, 403: errorReply, 404: errorReply, 409: errorReply, 422: errorReply } as const;

export const date = { type: 'string', format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' } as const;
export const uscc = { type: 'string', minLength: 1, maxLength: 40, description: '统一社会信用代码' } as const;
export const usccParams = { type: 'object', required: ['uscc'], properties: { uscc } } as const;
export const idParams = { type: 'object', required: ['id'], properties: { id: { type: 'string' } } } as const;
export const onQuery = {
  type: 'object',
  properties: { on: { ...date, description: '评价日，缺省为今天（北京时间）' }, purpose: { type: 'string', description: '查询用途（也可用请求头 x-audit-reason）' } },
} as const;

export const category = { type: 'object', properties: { code: { type: 'string' }, label: { type: 'string' } } } as const;

export const entity = {
  type: 'object',
  properties: {
    uscc: { type: 'string' },
    name: { type: 'string' },
    established: { type: 'string' },
    area: { type: 'string' },
    registrationDepartment: { type: 'string' },
    entityType: { type: 'string' },
    currentScoreId: { type: ['string', 'null'] },
    createdAt: { type: 'string' },
    updatedAt: { type: 'string' },
  },
} as const;

export const record = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    uscc: { type: 'string' },
    indicator: { type: 'string' },
    kind: { type: ['string', 'null'] },
    decided: { type: 'string' },
    until: { type: ['string', 'null'] },
    windowYears: { type: ['integer', 'null'] },
    status: { type: 'string', enum: ['active', 'under_objection', 'corrected', 'repaired', 'expired'] },
    statusLabel: { type: 'string' },
    domain: { type: 'string' },
    sourceDepartment: { type: ['string', 'null'] },
    documentNumber: { type: ['string', 'null'] },
    createdAt: { type: 'string' },
    updatedAt: { type: 'string' },
  },
} as const;

export const indicatorPoints = {
  type: 'object',
  properties: {
    code: { type: 'string' },
    label: { type: 'string' },
    group: { type: 'string' },
    max: { type: 'integer' },
    points: { type: 'integer' },
    records: { type: 'array', items: { type: 'string' } },
    reason: { type: 'string' },
  },
} as const;

export const score = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    uscc: { type: 'string' },
    evaluatedOn: { type: 'string' },
    score: { type: 'integer' },
    grade: { type: 'string', enum: ['A', 'B', 'C', 'D', 'E'] },
    category,
    indicators: { type: 'array', items: indicatorPoints },
    excluded: { type: 'array', items: { type: 'object', properties: { record: { type: 'string' }, reason: { type: 'string' } } } },
    notes: { type: 'array', items: { type: 'string' } },
    table: { type: 'string' },
    reason: { type: 'string' },
    computedAt: { type: 'string' },
    articles: { type: 'array', items: { type: 'string' } },
  },
} as const;

export const rescore = {
  type: 'object',
  properties: {
    changed: { type: 'boolean' },
    score: { type: 'integer' },
    grade: { type: 'string' },
    category: { type: 'string' },
    previousGrade: { type: ['string', 'null'] },
    measuresEnded: { type: 'integer' },
    measuresStarted: { type: 'integer' },
  },
} as const;

export const measure = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    code: { type: 'string' },
    label: { type: 'string' },
    category: { type: 'string' },
    article: { type: 'string' },
    scoreId: { type: 'string' },
    startedOn: { type: 'string' },
    endedOn: { type: ['string', 'null'] },
    endReason: { type: ['string', 'null'] },
    active: { type: 'boolean' },
  },
} as const;

export const workflowEvent = {
  type: 'object',
  properties: {
    action: { type: 'string' }, from: { type: ['string', 'null'] }, to: { type: 'string' }, stateLabel: { type: 'string' },
    actor: { type: 'string' }, actorRole: { type: 'string' }, on: { type: 'string' }, at: { type: 'string' }, note: { type: ['string', 'null'] },
  },
} as const;

export const objection = {
  type: 'object',
  properties: {
    id: { type: 'string' }, uscc: { type: 'string' }, recordId: { type: ['string', 'null'] }, claim: { type: 'string' },
    filedBy: { type: 'string' }, receivedOn: { type: 'string' }, deadline: { type: 'string' }, state: { type: 'string' },
    stateLabel: { type: 'string' }, open: { type: 'boolean' }, overdue: { type: 'boolean' }, handler: { type: ['string', 'null'] },
    decidedOn: { type: ['string', 'null'] }, decisionNote: { type: ['string', 'null'] },
    articles: { type: 'array', items: { type: 'string' } }, events: { type: 'array', items: workflowEvent },
  },
} as const;

export const repair = {
  type: 'object',
  properties: {
    id: { type: 'string' }, uscc: { type: 'string' }, recordId: { type: 'string' }, applicant: { type: 'string' },
    appliedOn: { type: 'string' }, deadline: { type: 'string' }, state: { type: 'string' }, stateLabel: { type: 'string' },
    open: { type: 'boolean' }, overdue: { type: 'boolean' }, obligationsFulfilled: { type: 'boolean' }, pledgeSubmitted: { type: 'boolean' },
    check: {
      type: 'object',
      properties: { eligible: { type: 'boolean' }, unmet: { type: 'array', items: { type: 'string' } }, earliest: { type: 'string' }, minMonths: { type: 'integer' }, articles: { type: 'array', items: { type: 'string' } } },
    },
    handler: { type: ['string', 'null'] }, decidedOn: { type: ['string', 'null'] }, decisionNote: { type: ['string', 'null'] },
    articles: { type: 'array', items: { type: 'string' } }, events: { type: 'array', items: workflowEvent },
  },
} as const;

export const plan = {
  type: 'object',
  properties: {
    id: { type: 'string' }, sector: { type: 'string' }, periodFrom: { type: 'string' }, periodTo: { type: 'string' },
    baseRatioPercent: { type: 'number' }, seed: { type: 'string' }, populationDigest: { type: 'string' }, rounding: { type: 'string' },
    inspectorsPerEntity: { type: 'integer' },
    grades: { type: 'array', items: { type: 'object', properties: { grade: { type: 'string' }, population: { type: 'integer' }, ratioBp: { type: 'integer' }, ratioPercent: { type: 'number' }, drawn: { type: 'integer' } } } },
    targets: { type: 'array', items: { type: 'object', properties: { order: { type: 'integer' }, uscc: { type: 'string' }, grade: { type: 'string' }, inspectors: { type: 'array', items: { type: 'string' } }, shortfall: { type: ['string', 'null'] } } } },
    createdBy: { type: 'string' }, createdAt: { type: 'string' }, articles: { type: 'array', items: { type: 'string' } },
  },
} as const;

export const importReport = {
  type: 'object',
  properties: {
    rows: { type: 'integer' }, stored: { type: 'integer' }, unchanged: { type: 'integer' }, skippedInvalid: { type: 'integer' },
    problems: { type: 'array', items: problem },
    warnings: { type: 'array', items: { type: 'object', properties: { row: { type: 'integer' }, warning: { type: 'string' } } } },
    rescored: { type: 'object', properties: { runId: { type: 'string' }, resumed: { type: 'boolean' }, total: { type: 'integer' }, applied: { type: 'integer' }, skipped: { type: 'integer' } } },
  },
} as const;

export const importBody = {
  type: 'object',
  required: ['format', 'content_base64'],
  properties: {
    format: { type: 'string', enum: ['csv', 'xlsx'] },
    content_base64: { type: 'string', description: '文件内容（Base64）' },
    skip_invalid: { type: 'boolean', default: false, description: '跳过错误行，只保存正确行' },
    on: date,
  },
} as const;
