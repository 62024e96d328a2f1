/** JSON schemas of the medical API, shared by its routes. */

const money = { type: 'string', description: '金额（元，两位小数）' } as const;
const text = { type: 'string' } as const;
const nullableText = { type: 'string', nullable: true } as const;

export const problemsSchema = {
  type: 'object',
  properties: {
    code: text,
    message: text,
    details: { type: 'object', additionalProperties: true },
    problems: {
      type: 'array',
      items: {
        type: 'object',
        properties: { file: text, row: { type: 'integer' }, field: text, value: {}, reason: text },
      },
    },
  },
} as const;

const accumulators = {
  type: 'object',
  properties: {
    year: { type: 'integer' },
    pooling_deductible: money,
    pooling_paid: money,
    assistance_deductible: money,
    assistance_paid: money,
    tilt_burden: money,
    burden_after_insurance: money,
    fund_paid: money,
    critical_paid: money,
  },
} as const;

export const accumulatorsSchema = accumulators;

export const billSchema = {
  type: 'object',
  properties: {
    claim_id: text,
    person_id: text,
    kind: { type: 'string', enum: ['settlement', 'reversal', 'retroactive'] },
    status: text,
    reverses: text,
    reason: text,
    date: text,
    total: money,
    policy_scope: money,
    basic_paid: money,
    critical_paid: money,
    pooling: money,
    assistance: money,
    assistance_tilt: money,
    account_paid: money,
    cash_paid: money,
    category: text,
    deposit_free: { type: 'boolean' },
    account_before: money,
    account_after: money,
    accumulators_before: accumulators,
    accumulators_after: accumulators,
    articles: { type: 'array', items: text },
    notes: {
      type: 'array',
      items: { type: 'object', properties: { layer: text, code: text, rule: text, article: text, text } },
    },
    steps: { type: 'array', items: { type: 'object', additionalProperties: true } },
  },
} as const;

/** The claim as in the import file: canonical column names, yuan amounts. */
export const claimBodySchema = {
  type: 'object',
  required: [
    'claim_id', 'person_id', 'date', 'kind', 'level', 'place', 'referral',
    'resident_elsewhere', 'emergency', 'total', 'policy_scope', 'basic_paid', 'critical_paid',
  ],
  properties: {
    claim_id: { type: 'string', description: '单据号（幂等键）' },
    person_id: { type: 'string', description: '身份证号' },
    date: { type: 'string', description: '就诊日期 YYYY-MM-DD' },
    kind: { type: 'string', description: 'outpatient 普通门诊 | chronic 门诊慢特病 | inpatient 住院' },
    level: { type: 'string', description: '1 一级及以下 | 2 二级 | 3 三级' },
    place: { type: 'string', description: 'city 市域内 | province 省内市外 | outside 省外' },
    referral: { type: 'string', description: 'yes | no 按规定转诊（市域外已转诊备案）' },
    resident_elsewhere: { type: 'string', description: 'yes | no 异地居住备案' },
    emergency: { type: 'string', description: 'yes | no 急诊抢救' },
    exclusion: { type: 'string', description: '空，或 work_injury | third_party | public_health | abroad | wellness' },
    total: money,
    policy_scope: money,
    basic_paid: money,
    critical_paid: money,
    primary_first_visit: { type: 'string', description: 'yes | no 基层首诊转诊（D4 第十六条）' },
    explain: { type: 'boolean', description: '附上计算步骤' },
  },
} as const;

export const personBodySchema = {
  type: 'object',
  required: ['person_id', 'scheme'],
  properties: {
    person_id: { type: 'string', description: '身份证号（GB 11643，校验位与出生日期均须有效）' },
    scheme: { type: 'string', description: 'employee 职工医保 | resident 城乡居民医保' },
    employment: { type: 'string', description: 'in_service 在职 | retired 退休 | flexible 单建统筹灵活就业；居民不填' },
    categories: { type: 'string', description: '救助类别，如 dibao:2022-01-01:;tekun:2021-01-01:2023-12-31' },
    account_balance: { type: 'string', description: '个人账户开户余额（元），仅首次登记时生效' },
    county: { type: 'string', description: '认定地区代码（缺省取身份证号前六位）' },
    name: { type: 'string', description: '姓名（列表中脱敏显示）' },
    enrolments: {
      type: 'array',
      description: '分时段参保（如在职转退休）；给出时代替 scheme/employment，以最后一段为准',
      items: {
        type: 'object',
        required: ['scheme'],
        properties: { scheme: { type: 'string' }, employment: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' } },
      },
    },
  },
} as const;

export const personSchema = {
  type: 'object',
  properties: {
    person_id: text,
    name: nullableText,
    birth_date: nullableText,
    sex: text,
    county: text,
    source: nullableText,
    account_balance: nullableText,
    enrolments: {
      type: 'array',
      items: { type: 'object', properties: { scheme: text, employment: nullableText, from: nullableText, to: nullableText } },
    },
    categories: {
      type: 'array',
      items: { type: 'object', properties: { code: text, from: nullableText, to: nullableText } },
    },
  },
} as const;

export const personIdParams = {
  type: 'object',
  required: ['personId'],
  properties: { personId: { type: 'string', description: '身份证号' } },
} as const;

export const yearQuery = {
  type: 'object',
  required: ['year'],
  properties: {
    year: { type: 'integer', minimum: 2000, maximum: 2100 },
    format: { type: 'string', enum: ['json', 'csv', 'xlsx'], default: 'json' },
  },
} as const;

export const listRowSchema = {
  type: 'object',
  properties: {
    person_id: text,
    year: { type: 'integer' },
    burden: money,
    county: text,
    category: text,
    reason: text,
    critical_paid: money,
  },
} as const;

/** D4 §14: an application for recognition as 因病致贫重病患者. */
export const retroactiveBodySchema = {
  type: 'object',
  required: ['date', 'category', 'decided_by'],
  additionalProperties: false,
  properties: {
    date: { type: 'string', description: '申请日期 YYYY-MM-DD：自该日起认定，追溯该日前12个月内的费用' },
    category: { type: 'string', enum: ['illness_poverty'], description: 'illness_poverty 因病致贫重病患者' },
    decided_by: { type: 'string', minLength: 2, maxLength: 200, description: '认定文书或文号' },
    valid_to: { type: 'string', description: '认定有效期终止日期（可空，空为长期）' },
    application_id: { type: 'string', maxLength: 100, description: '申请编号（幂等键），缺省为 retro:身份证号:申请日期' },
  },
} as const;

export const retroactiveResultSchema = {
  type: 'object',
  properties: {
    outcome: { type: 'string', enum: ['applied', 'existing', 'preview', 'not_eligible', 'no_rule_in_force'] },
    application_id: text,
    person_id: text,
    date: text,
    category: text,
    decided_by: text,
    valid_from: text,
    valid_to: nullableText,
    window_from: nullableText,
    window_to: nullableText,
    reasons: { type: 'array', items: text },
    articles: { type: 'array', items: text },
    total: money,
    claims: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          claim_id: text,
          date: text,
          outcome: { type: 'string', description: 'settled | outside_window | no_rule_in_force | not_covered | already_assisted | reversed' },
          assistance: money,
          assistance_tilt: money,
          reason: text,
          steps: { type: 'array', items: { type: 'object', additionalProperties: true } },
        },
      },
    },
    years: {
      type: 'array',
      items: { type: 'object', properties: { year: { type: 'integer' }, before: accumulators, after: accumulators } },
    },
  },
} as const;
