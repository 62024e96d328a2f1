/** JSON schemas shared by the price routes (OpenAPI at /docs). */

export const TAGS = ['price'];

/** Documented caller headers; checked by callerFrom (401 when missing). */
export const callerHeaders = {
  type: 'object',
  properties: {
    'x-user': { type: 'string', description: '操作人账号（第4号任务统一认证前的过渡做法）' },
    'x-role': { type: 'string', description: '操作人角色：price_office、deputy_mayor、mayor、emergency_bureau、county_price、monitor …' },
  },
} as const;

export const isoDate = { type: 'string', format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' } as const;
export const isoMonth = { type: 'string', pattern: '^\\d{4}-\\d{2}$', description: 'YYYY-MM' } as const;
export const instant = { type: 'string', description: 'ISO 时间，如 2022-09-05T09:30:00+08:00；不带时区视为北京时间' } as const;
export const yuanText = { type: 'string', pattern: '^-?\\d+(\\.\\d{1,2})?$', description: '元，最多两位小数' } as const;
export const level = { type: 'integer', enum: [1, 2, 3], description: '3 较大（三级），2 重大（二级），1 特别重大（一级）' } as const;

export const problem = {
  type: 'object',
  properties: {
    row: { type: 'integer' },
    field: { type: 'string' },
    value: {},
    reason: { type: 'string' },
  },
} as const;

export const freeObject = { type: 'object', additionalProperties: true } as const;

export const idParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string' } },
} as const;

export const paramUse = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    value: {},
    from: { type: 'string' },
    citation: freeObject,
  },
} as const;

export const errorResponse = {
  type: 'object',
  properties: {
    code: { type: 'string' },
    message: { type: 'string' },
    details: freeObject,
    problems: { type: 'array', items: problem },
  },
} as const;

export const fileUpload = {
  type: 'object',
  required: ['name', 'contentBase64'],
  properties: {
    name: { type: 'string', description: '文件名，扩展名 .csv 或 .xlsx 决定格式' },
    contentBase64: { type: 'string', description: '文件内容（Base64）' },
  },
} as const;
