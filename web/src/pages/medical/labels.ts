/**
 * Chinese words for the medical API's codes (src/medical/rules/types.ts,
 * src/medical/services/records.ts), for display only: the API keeps codes.
 */

export const SCHEMES: Record<string, string> = {
  employee: '职工医保',
  resident: '城乡居民医保',
};

export const EMPLOYMENTS: Record<string, string> = {
  in_service: '在职',
  retired: '退休',
  flexible: '单建统筹灵活就业',
};

/** D4 §6 categories, with the assistance tier of spec/medical.md. */
export const CATEGORIES: Record<string, string> = {
  tekun: '特困人员',
  dibao: '低保对象',
  orphan: '孤儿',
  unsupported_child: '事实无人抚养儿童',
  returned_poverty: '返贫致贫人口',
  dibao_marginal: '低保边缘家庭成员',
  rural_at_risk: '纳入监测范围的农村易返贫致贫人口',
  illness_poverty: '因病致贫重病患者',
};

export const CLAIM_KINDS: Record<string, string> = {
  outpatient: '普通门诊',
  chronic: '门诊慢特病',
  inpatient: '住院',
};

export const LEVELS: Record<string, string> = {
  '1': '一级及以下',
  '2': '二级',
  '3': '三级',
};

export const PLACES: Record<string, string> = {
  city: '市域内',
  province: '省内市外',
  outside: '省外',
};

export const EXCLUSIONS: Record<string, string> = {
  work_injury: '应由工伤保险支付',
  third_party: '应由第三人负担',
  public_health: '应由公共卫生负担',
  abroad: '在境外就医',
  wellness: '体育健身、养生保健、健康体检',
};

export const MOVEMENTS: Record<string, string> = {
  opening: '开户余额',
  credit: '按月划入',
  top_up: '补划差额',
  refund: '转出返还',
  inheritance: '继承拨付',
  payment: '结算支付',
  reversal: '冲销退回',
};

export const SEXES: Record<string, string> = { male: '男', female: '女' };

/** GB/T 2260 codes of the city and its counties (the fund's certifying offices). */
export const COUNTIES: Record<string, string> = {
  '230300': '鸡西市本级',
  '230302': '鸡冠区',
  '230303': '恒山区',
  '230304': '滴道区',
  '230305': '梨树区',
  '230306': '城子河区',
  '230307': '麻山区',
  '230321': '鸡东县',
  '230381': '虎林市',
  '230382': '密山市',
};

export const ACCUMULATORS: Record<string, string> = {
  pooling_deductible: '门诊统筹起付线已累计',
  pooling_paid: '门诊统筹已支付',
  assistance_deductible: '医疗救助起付线已累计',
  assistance_paid: '医疗救助已支付',
  tilt_burden: '倾斜救助个人负担累计',
  burden_after_insurance: '医保后个人负担累计',
  fund_paid: '统筹基金已支付',
  critical_paid: '大病保险已支付',
};

export function label(table: Record<string, string>, code: string | null | undefined): string {
  if (code === null || code === undefined || code === '') return '—';
  return table[code] ?? code;
}

/** The figures a rule step records (ExplanationStep.values), in Chinese. */
export const STEP_VALUES: Record<string, string> = {
  ratio: '支付比例',
  policyScope: '政策范围内费用',
  deductibleBefore: '起付线结算前已累计',
  deductibleAfter: '起付线结算后已累计',
  computed: '计算结果',
  paidBefore: '结算前本年已支付',
  paidAfter: '结算后本年已支付',
  share: '个人负担的政策范围内费用',
  balanceBefore: '账户结算前余额',
  balanceAfter: '账户结算后余额',
  total: '总费用',
  cash: '现金支付',
  eligible: '救助范围内金额',
  base: '计算基数',
  burdenBefore: '结算前个人负担累计',
  burdenWithClaim: '含本次的个人负担累计',
  threshold: '倾斜救助门槛',
  basicPaid: '基本医保支付',
  criticalPaid: '大病保险支付',
  credit: '划入金额',
  topUp: '补划金额',
  subsidy: '资助金额',
  income: '收入',
  spending: '支出',
  gap: '缺口',
  fromSurplus: '累计结余弥补',
};

/** Column names of the import files (src/medical/services/records.ts) as their Chinese headers. */
export const COLUMNS: Record<string, string> = {
  claim_id: '单据号',
  person_id: '身份证号',
  date: '就诊日期',
  kind: '就诊类型',
  level: '医院等级',
  place: '就医地',
  referral: '按规定转诊',
  resident_elsewhere: '异地居住备案',
  emergency: '急诊抢救',
  exclusion: '不予支付情形',
  total: '总费用',
  policy_scope: '政策范围内费用',
  basic_paid: '基本医保支付',
  critical_paid: '大病保险支付',
  primary_first_visit: '基层首诊',
  scheme: '参保类型',
  employment: '就业状态',
  categories: '救助类别',
  account_balance: '个人账户余额',
  county: '区县',
  name: '姓名',
  pooling: '门诊统筹支付',
  assistance: '医疗救助支付',
  assistance_tilt: '其中倾斜救助',
  account_paid: '个人账户支付',
  cash_paid: '个人现金支付',
};
