/**
 * Chinese words for the price API's codes (src/price/rules/types.ts,
 * src/price/routes/*), for display only: the API keeps codes.
 */
import { ROLES as PLATFORM_ROLES } from '../../../../src/auth/roles.ts';

export { CATEGORY_LABELS } from '../../../../src/price/rules/types.ts';
export { COUNTIES, CITY_CODE } from '../../../../src/price/rules/counties.ts';

export const POINT_KINDS: Record<string, string> = {
  market: '农贸市场',
  supermarket: '超市',
  wholesale: '批发市场',
  temporary: '临时监测点',
};

export const OBSERVATION_STATUS: Record<string, string> = {
  accepted: '已采用',
  held: '待核实',
  rejected: '已作废',
};

/** D3 1.3 detection rules as spec/price.md names them. */
export const RULES: Record<string, string> = {
  R1: 'R1 旬环比涨幅',
  R2: 'R2 一次性涨幅',
  R3: 'R3 连续上涨累计涨幅',
  R4: 'R4 价格异常指标（IFPA/ALPS）',
  R5: 'R5 12315 投诉举报激增',
  R6: 'R6 抢购、脱销报告',
};

export const LIGHTS: Record<string, string> = { yellow: '黄灯', red: '红灯' };

export const SCOPES: Record<string, string> = { city: '全市均价', counties: '至少 2 个县(市)区' };

export const IFPA_CLASSES: Record<string, string> = {
  abnormally_high: '异常偏高',
  moderately_high: '中度偏高',
  normal: '正常',
  moderately_low: '中度偏低',
  abnormally_low: '异常偏低',
  insufficient: '历史不足',
};

export const LEVELS: Record<string, string> = { '3': '三级（较大）', '2': '二级（重大）', '1': '一级（特别重大）' };

/** The platform's roles that act in the price area (src/auth/roles.ts, src/price/routes/access.ts). */
export const ROLES: Record<string, string> = Object.fromEntries(
  (['price_office', 'deputy_mayor', 'mayor', 'emergency_bureau', 'regulator', 'civil_affairs', 'finance'] as const).map((r) => [r, PLATFORM_ROLES[r].title]),
);

export const PAYERS: Record<string, string> = {
  civil_affairs: '民政部门',
  human_resources: '人力资源和社会保障部门',
  veterans_affairs: '退役军人事务部门',
  education: '教育部门',
};

export const SUBSIDY_GROUPS: Record<string, string> = {
  dibao: '城乡低保对象',
  tekun: '特困人员',
  orphan: '孤儿',
  unsupported_child: '事实无人抚养儿童',
  unemployment_insurance: '失业保险金领取人员',
  youfu: '重点优抚对象',
  student: '家庭经济困难学生',
};

export const TRIGGERS: Record<string, string> = { cpi: 'CPI 同比', food: '食品价格同比', both: 'CPI 与食品价格同比' };

/** Field names of the observation form and API, for error reports. */
export const OBSERVATION_FIELDS: Record<string, string> = {
  item: '项目',
  itemId: '项目',
  specification: '规格等级',
  unit: '单位',
  price: '本期均价',
  previous: '上期均价',
  change: '变动幅度',
  note: '备注',
  point: '监测点',
  pointId: '监测点',
  date: '日期',
};

export function label(table: Record<string, string>, code: string | null | undefined): string {
  if (code === null || code === undefined || code === '') return '—';
  return table[code] ?? code;
}

/** The values a finding carries (src/price/rules/detectLevel3.ts), in Chinese. */
export const FINDING_VALUES: Record<string, string> = {
  previousPeriod: '上期',
  currentPeriod: '本期',
  previousAverage: '上期均价（元）',
  currentAverage: '本期均价（元）',
  changePercent: '涨幅（%）',
  light: '灯色',
  yellowPercent: '黄灯阈值（%）',
  redPercent: '红灯阈值（%）',
  previousDate: '上次监测日期',
  date: '本次监测日期',
  abovePercent: '界限（%）',
  from: '起始',
  to: '截止',
  rises: '上涨次数',
  window: '时间窗',
  method: '方法',
  month: '月份',
  value: '指标值',
  class: '分级',
  years: '往年数据年数',
  recent: '近期',
  recentFrom: '近期起始日',
  baselineFrom: '基期起始日',
  baseline: '基期件数',
  baselinePerWindow: '基期同期均值（件）',
  ratioPercent: '倍数界限（%）',
  minCount: '最少件数',
  reports: '报告份数',
  kinds: '类型',
  reportIds: '报告编号',
};

export const AREA_NAMES = (area: string, counties: Record<string, string>): string => (area === 'city' ? '全市' : (counties[area] ?? area));

export const WARNING_STATES: Record<string, string> = {
  proposed: '已提出建议',
  approved: '已批准',
  published: '已发布',
  terminated: '已终止',
  rejected: '未批准',
};

export const WARNING_ACTIONS: Record<string, string> = {
  propose: '提出预警建议',
  approve: '批准',
  reject: '不予批准',
  publish: '发布',
  change_level: '调整级别',
  terminate: '终止',
};

export const TASK_KINDS: Record<string, string> = {
  monitoring_round: '定点监测',
  county_report: '县(市)区报送',
  duty_roster: '值班安排',
  summary: '工作总结',
  evaluation: '评估报告',
};

/** Task states (src/price/routes/warnings.ts): the word carries the meaning, the colour repeats it. */
export const TASK_STATUS: Record<string, string> = {
  met: '按时完成',
  late: '逾期完成',
  overdue: '已逾期未完成',
  open: '未到期',
};

export const CLOCK_STATUS: Record<string, string> = {
  met: '按时报告',
  missed: '逾期报告',
  pending: '未到时限',
  overdue: '已超时未报',
  done: '已报告',
};

export const CLOCK_MODES: Record<string, string> = {
  any: '报告',
  phone: '电话报告',
  written: '书面报告',
  brief_written: '简要书面报告',
  full_written: '详细书面报告',
};

export const ENTRY_KINDS: Record<string, string> = {
  position: '指挥部',
  office: '办公室',
  member_unit: '成员单位',
  working_group: '现场指挥部工作组',
  expert: '专家组',
};

/** Keys of a directory entry's data (src/price/services/directorySeed.ts). */
export const ENTRY_FIELDS: Record<string, string> = {
  holder: '担任',
  seat: '设在',
  director: '主任',
  duty: '职责',
  lead: '牵头单位',
  members: '成员单位',
  post: '职务',
  contact: '联系人',
  phone: '联系电话',
  article: '依据',
};
