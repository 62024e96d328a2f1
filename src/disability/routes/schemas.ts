/** JSON schemas of /api/disability: what the web pages and the OpenAPI document see. */

const str = { type: 'string' } as const;
const strNull = { type: 'string', nullable: true } as const;
const int = { type: 'integer' } as const;
const bool = { type: 'boolean' } as const;
const anything = {} as const;

function obj(properties: Record<string, unknown>, required: string[] = []) {
  return { type: 'object', properties, ...(required.length ? { required } : {}) } as const;
}

function page(item: unknown) {
  return obj({ total: int, items: { type: 'array', items: item } });
}

export const problemsSchema = obj({
  code: str,
  message: str,
  details: { type: 'object', additionalProperties: true },
  problems: {
    type: 'array',
    items: obj({ row: int, field: str, value: anything, reason: str }),
  },
});

export const errorResponses = { 400: problemsSchema, 401: problemsSchema, 403: problemsSchema, 404: problemsSchema, 409: problemsSchema, 422: problemsSchema };

export const personIdParams = obj({ personId: str }, ['personId']);
export const monthParams = obj({ month: { type: 'string', description: 'YYYY-MM' } }, ['month']);
export const pageQuery = {
  limit: { type: 'integer', minimum: 1, maximum: 1000, default: 50 },
  offset: { type: 'integer', minimum: 0, default: 0 },
} as const;
export const onQuery = obj({ on: { type: 'string', description: 'YYYY-MM-DD，缺省为今天' } });

export const personSchema = obj({
  id: str, name: str, residentId: str, sex: str, birthDate: str, county: str, countyName: str,
  cardNumber: str, category: str, categoryLabel: str, grade: int, household: str, householdLabel: str,
  bankAccount: strNull, deceasedOn: strNull, movedAwayOn: strNull,
  synthetic: { type: 'boolean', description: '合成演示数据' },
  masked: { type: 'boolean', description: '姓名与证件号已按角色脱敏' },
});

export const personDetailSchema = obj({
  person: personSchema,
  households: { type: 'array', items: obj({ status: str, from: str, to: strNull, recordedBy: str, recordedAt: str }) },
  benefits: { type: 'array', items: obj({ kind: str, from: str, to: strNull, recordedBy: str }) },
  records: { type: 'array', items: obj({ id: str, kind: str, on: str, until: strNull, detail: strNull, recordedBy: str }) },
});

export const personBodySchema = obj({
  residentId: { type: 'string', description: '身份证号（18位，GB 11643）' },
  name: str,
  sex: { type: 'string', description: '男/女，可省略（由身份证号得出）' },
  birthDate: { type: 'string', description: 'YYYY-MM-DD，可省略（由身份证号得出）' },
  county: { type: 'string', description: '县区代码（GB/T 2260，2303xx）' },
  cardNumber: { type: 'string', description: '残疾人证号：身份证号＋类别1位＋等级1位' },
  household: { type: 'string', enum: ['dibao', 'dibao_marginal', 'tekun', 'none'] },
  householdFrom: { type: 'string', description: '家庭类别起始日期 YYYY-MM-DD' },
  bankAccount: { type: 'string', description: '发放账户（可省略）' },
}, ['residentId', 'name', 'county', 'cardNumber', 'household', 'householdFrom']);

export const reasonSchema = obj({ code: str, text: str, rule: str, article: str });

export const stepSchema = { type: 'object', additionalProperties: true, properties: { rule: str, article: str, text: str } } as const;

export const decisionSchema = obj({
  outcome: { type: 'string', enum: ['eligible', 'not_eligible'] },
  subsidy: str,
  amount: { type: 'integer', description: '月金额（分）' },
  basis: { type: 'string', enum: ['standard', 'county_extension'] },
  reasons: { type: 'array', items: reasonSchema },
  articles: { type: 'array', items: str },
  steps: { type: 'array', items: stepSchema },
});

export const eligibilitySchema = obj({ on: str, living: decisionSchema, care: decisionSchema, monthlyTotal: { type: 'integer', description: '两项合计（分）' }, monthlyTotalYuan: str });

export const careAnswerSchema = obj({ eligible: bool, rule: str, article: str, reasons: { type: 'array', items: str } });
export const careServicesSchema = obj({ on: str, sunshineHome: careAnswerSchema, tekunCare: careAnswerSchema });

export const applicationSchema = obj({
  id: str, personId: str, county: str, subsidy: str, subsidyLabel: str, channel: str, acceptedAt: strNull,
  status: str, statusLabel: str, receivedOn: str, reviewedOn: strNull, decidedOn: strNull, endedOn: strNull,
  review: { type: 'object', nullable: true, additionalProperties: true },
  reasons: { type: 'array', items: str },
  events: { type: 'array', items: obj({ action: str, from: strNull, to: str, on: str, note: strNull, by: str, at: str }) },
});

export const applicationBodySchema = obj({
  personId: str,
  subsidy: { type: 'string', enum: ['living', 'care'] },
  channel: { type: 'string', enum: ['local', 'cross_province'], default: 'local', description: 'cross_province：跨省通办' },
  acceptedAt: { type: 'string', description: '跨省通办受理地（省份）' },
  receivedOn: { type: 'string', description: '受理日期 YYYY-MM-DD' },
  note: str,
}, ['personId', 'subsidy', 'receivedOn']);

export const stepBodySchema = obj({
  on: { type: 'string', description: '办理日期 YYYY-MM-DD' },
  note: str,
  reasons: { type: 'array', items: str, description: '不予批准或终止的理由' },
}, ['on']);

const subsidyTotal = obj({ persons: int, amount: int, amountYuan: str, stopped: int });
const countyTotal = obj({ county: str, countyName: str, living: subsidyTotal, care: subsidyTotal, persons: int, amount: int, amountYuan: str });

export const payrollSummarySchema = obj({
  month: str, status: str, referenceDate: str,
  rerun: { type: 'boolean', description: '该月已完成，本次未重新计算' },
  runId: strNull, persons: int, amount: int, amountYuan: str,
  totals: { type: 'array', items: countyTotal },
  grandTotal: obj({ living: subsidyTotal, care: subsidyTotal, persons: int, amount: int, amountYuan: str }),
  changes: obj({ new: int, continued: int, changed: int, stopped: int }),
  startedAt: str, startedBy: str, finishedAt: strNull,
});

export const payrollLineSchema = obj({
  id: str, month: str, personId: str, name: str, residentId: str, cardNumber: str, bankAccount: strNull,
  county: str, countyName: str, subsidy: str, subsidyLabel: str, status: str, amount: int, amountYuan: str,
  change: { type: 'string', enum: ['new', 'continued', 'changed', 'stopped'] },
  previousAmountYuan: strNull, basis: strNull, reasons: { type: 'array', items: reasonSchema },
});
export const payrollLinesSchema = page(payrollLineSchema);

export const importReportSchema = obj({
  kind: str, rows: int, valid: int, invalid: int, stored: int, unchanged: int, runId: strNull,
  problems: { type: 'array', items: obj({ row: int, field: str, value: anything, reason: str }) },
});

const pathPoint = obj({ year: int, milestone: int });
export const trackedSchema = obj({
  id: str, number: int, label: str, kind: str, measure: str, source: str, article: str, rule: str,
  value: strNull, numerator: { type: 'integer', nullable: true }, denominator: { type: 'integer', nullable: true },
  target: str, milestone: strNull, comparison: str,
  status: { type: 'string', enum: ['met', 'on_track', 'off_track', 'no_data'] },
  flag: { type: 'string', nullable: true, enum: ['alarm', 'warning', null] },
  message: str, path: { type: 'array', items: pathPoint }, neededPerYear: { type: 'integer', nullable: true },
});
export const areaSchema = obj({ county: str, name: str, indicators: { type: 'array', items: trackedSchema } });

export const entrySchema = obj({
  id: str, series: str, seriesLabel: str, year: int, county: str, value: str, note: strNull,
  enteredBy: str, enteredRole: strNull, enteredAt: str,
});
export const entryBodySchema = obj({
  series: { type: 'string', enum: ['income_growth', 'gdp_growth', 'dibao_inclusion'] },
  year: int,
  county: { type: 'string', description: '县区代码；缺省为全市 230300' },
  value: { type: 'string', description: '百分数，如 6.5' },
  note: str,
}, ['series', 'year', 'value']);

export const monitoringSchema = obj({
  year: int, asOf: str, payrollMonth: strNull, synthetic: bool,
  city: areaSchema, counties: { type: 'array', items: areaSchema }, entries: { type: 'array', items: entrySchema },
});

export const findingSchema = obj({ county: str, name: str, indicator: str, number: int, label: str, flag: str, message: str });

export const evaluationSchema = obj({
  kind: str, title: str, year: int, asOf: str, synthetic: bool, payrollMonth: strNull, rule: str, article: str,
  city: areaSchema, counties: { type: 'array', items: areaSchema },
  summary: obj({ met: int, onTrack: int, offTrack: int, noData: int, alarms: int, warnings: int }),
  findings: { type: 'array', items: findingSchema },
  entries: { type: 'array', items: entrySchema },
});

export const employerBodySchema = obj({
  id: { type: 'string', description: '单位代码（统一社会信用代码）' },
  name: str,
  kind: { type: 'string', enum: ['party_government', 'public_institution', 'federation', 'enterprise', 'other'] },
  institutionType: { type: 'string', description: 'school（中小学）、kindergarten（幼儿园）或空' },
  level: { type: 'string', enum: ['province', 'city', 'county', 'township'] },
  county: str,
  posts: { type: 'integer', description: '编制数' },
  staff: { type: 'integer', description: '在职职工数' },
  disabledEmployees: { type: 'integer', description: '残疾职工数' },
  severeDisabledEmployees: { type: 'integer', description: '其中一、二级残疾职工数', default: 0 },
  asOf: { type: 'string', description: '统计日期 YYYY-MM-DD' },
}, ['id', 'name', 'kind', 'level', 'staff', 'disabledEmployees']);

export const quotaFindingSchema = obj({
  employerId: str, name: str, kind: str, level: str, county: strNull,
  duty: { type: 'string', enum: ['one_post', 'federation_share', 'none'] },
  status: { type: 'string', enum: ['met', 'short', 'not_in_scope'] },
  counted: int, required: int, meetsRatio: bool, shortfall: int, deadline: strNull,
  reasons: { type: 'array', items: str }, rule: str, articles: { type: 'array', items: str },
});
export const quotaReportSchema = obj({
  on: str, deadline: str, employers: int, short: int, met: int, notInScope: int,
  findings: { type: 'array', items: quotaFindingSchema },
});

const welfareCheck = obj({
  postsShare: { type: 'integer', nullable: true, description: '基点' }, postsMinimum: int, postsMet: { type: 'boolean', nullable: true },
  postsShortfall: int, fundShare: { type: 'integer', nullable: true }, fundMaximum: int, fundWithin: { type: 'boolean', nullable: true },
  messages: { type: 'array', items: str }, rules: { type: 'array', items: str },
});
export const welfarePostsSchema = obj({
  year: int, county: str, countyName: str, totalPosts: int, disabledPosts: int,
  fundTotalYuan: str, fundForDisabledPostsYuan: str, enteredBy: strNull, enteredAt: strNull, check: welfareCheck,
});
export const welfareBodySchema = obj({
  totalPosts: { type: 'integer', description: '人社部门开发公益性岗位总量' },
  disabledPosts: { type: 'integer', description: '其中残疾人公益性岗位' },
  fundTotalYuan: { type: 'string', description: '就业保障金（元）' },
  fundForDisabledPostsYuan: { type: 'string', description: '用于残疾人公益性岗位社保补贴（元）' },
}, ['totalPosts', 'disabledPosts', 'fundTotalYuan', 'fundForDisabledPostsYuan']);

export const careListSchema = obj({
  on: str, total: int,
  items: { type: 'array', items: { ...personSchema, properties: { ...personSchema.properties, age: int, reasons: { type: 'array', items: str } } } },
});

export const cardCheckSchema = obj({
  valid: bool, residentId: str, category: str, categoryLabel: str, grade: int, birthDate: str, sex: str, area: str,
  problems: { type: 'array', items: obj({ code: str, reason: str }) },
});
