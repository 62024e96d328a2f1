/**
 * The organisation D3 2 sets up, as the directory starts: the command
 * (2.1), its office (2.2), the member units and their duties (2.3), the
 * on-site command's 8 working groups with lead and member units (2.4.1),
 * and the expert group (2.6). Contacts are not in the plan: the office
 * enters them, and every change is logged (6.1 联络联系方式变更报备制度).
 * Ids are stable: tasks and reports are addressed to them.
 */

export type EntryKind = 'position' | 'office' | 'member_unit' | 'working_group' | 'expert';

export interface DirectoryEntry {
  id: string;
  kind: EntryKind;
  name: string;
  /** Duties, lead and members, holder, contacts. */
  data: Record<string, unknown>;
  article: string;
}

const unit = (id: string, name: string, duty: string, n: number): DirectoryEntry =>
  ({ id, kind: 'member_unit', name, data: { duty }, article: `D3 2.3(${n})` });

const group = (id: string, name: string, lead: string, members: string[], duty: string, n: number): DirectoryEntry =>
  ({ id, kind: 'working_group', name, data: { lead, members, duty }, article: `D3 2.4.1(${n})` });

const AFFECTED = 'affected_county_government';

export const DIRECTORY_SEED: readonly DirectoryEntry[] = [
  { id: 'commander', kind: 'position', name: '总指挥', data: { holder: '市政府分管副市长' }, article: 'D3 2.1' },
  { id: 'deputy_secretary', kind: 'position', name: '副总指挥', data: { holder: '市政府分管副秘书长' }, article: 'D3 2.1' },
  { id: 'deputy_ndrc', kind: 'position', name: '副总指挥', data: { holder: '市发改委主任' }, article: 'D3 2.1' },
  { id: 'office', kind: 'office', name: '市应急指挥部办公室', data: { seat: '市发改委', director: '市发改委主任兼任', duty: '综合协调等日常工作' }, article: 'D3 2.2' },

  unit('publicity', '市委宣传部（市政府新闻办）', '媒体活动的管理、协调和指导，做好后续发布和报道，正确引导社会舆论', 1),
  unit('ndrc', '市发改委', '综合协调；会同有关单位做好重要商品和服务价格的监测预警、调控和供应，提出动用市级商品储备的建议', 2),
  unit('samr', '市市场监管局', '市场价格监督检查，查处价格违法行为，配合实施价格紧急措施或干预措施，受理消费者投诉举报', 3),
  unit('police', '市公安局', '维持出现市场价格异常波动场所的治安秩序，保证道路交通运输畅通，配合打击扰乱市场秩序的违法犯罪活动', 4),
  unit('finance', '市财政局', '组织协调应急资金并监督管理，拨付困难群体基本生活补贴', 5),
  unit('civil_affairs', '市民政局', '社会救助相关事宜，城乡低保和特困群体的统计及价格临时补贴发放', 6),
  unit('education', '市教育局', '大中专院校家庭经济特殊困难学生价格临时补贴资金发放', 7),
  unit('hrss', '市人社局', '领取失业保险金群体的统计及价格临时补贴发放', 8),
  unit('veterans', '市退役军人事务局', '城乡重点优抚对象统计及价格临时补贴发放', 9),
  unit('transport', '市交通运输局', '组织安排应急商品的运输车辆，保障应急商品专用通道畅通', 10),
  unit('railway', '鸡西铁路车务段', '组织安排应急商品的铁路运力', 10),
  unit('agriculture', '市农业农村局', '农产品和农业生产资料供求、价格分析和监测预警，“菜篮子”市长负责制考核，确定种养殖计划', 11),
  unit('commerce', '市商务局（市投资合作促进局）', '市场供应，完善居民生活必需品投放网络，组织应急商品的采购、供应', 12),
  unit('statistics', '市统计局', '统计、监测与价格应急工作相关的数据', 13),
  unit('nbs_survey', '国家统计局鸡西调查队', '统计、监测与价格应急工作相关的数据', 13),
  unit('grain', '市粮食局', '粮食（含原粮、成品粮、食用油）的调控供应', 14),
  unit('miit', '市工信局', '相关工业产品的生产供应及食盐的调控供应', 15),
  unit('emergency', '市应急管理局', '指导预案的修订；通过市政府突发事件预警信息发布平台统一发布预警（3.4）', 16),
  unit('coop', '市供销社', '重要农业生产资料供应主渠道，稳供保价', 17),
  unit('media', '市融媒体发展中心', '组织发布相关新闻报导，正确引导舆论', 18),

  group('wg_supplies', '物资保障组', 'ndrc', ['commerce', 'miit', 'agriculture', 'grain', 'transport', AFFECTED], '动态掌握各类物资储备，组织物资调拨、采购和运送', 1),
  group('wg_funds', '资金保障组', 'finance', [AFFECTED], '安排应急资金，确保经费及时足额拨付，保障困难群众基本生活', 2),
  group('wg_relief', '社会救助组', 'civil_affairs', ['education', 'hrss', 'veterans', AFFECTED], '社会救助，价格临时补贴对象的统计及补贴发放', 3),
  group('wg_data', '数据保障组', 'statistics', ['nbs_survey', AFFECTED], '统计、监测，提供当月 CPI 同比涨幅、食品价格当月同比涨幅等信息', 4),
  group('wg_order', '治安秩序保障组', 'police', ['affected_police'], '安全警戒、秩序维护、人员疏散和必要的交通管制', 5),
  group('wg_market', '市场秩序监督检查组', 'samr', [AFFECTED], '维护市场秩序，打击散布涨价信息、哄抬价格等行为，配合实施价格紧急或干预措施', 6),
  group('wg_policy', '政策综合组', 'ndrc', ['agriculture', 'commerce', 'grain', AFFECTED], '研究、起草加强价格管理政策，组织起草有关文件', 7),
  group('wg_monitoring', '监测预警组', 'ndrc', ['agriculture', 'commerce', 'grain', AFFECTED], '应急价格监测预警；接收、汇总各地上报的价格监测信息，编写、报送简报', 8),

  { id: 'expert_1', kind: 'expert', name: '李润昌', data: { post: '市发改委副主任' }, article: 'D3 2.6' },
  { id: 'expert_2', kind: 'expert', name: '董国明', data: { post: '市商务局（市投资合作促进局）副局长' }, article: 'D3 2.6' },
  { id: 'expert_3', kind: 'expert', name: '张晓新', data: { post: '市市场监管局副局长' }, article: 'D3 2.6' },
  { id: 'expert_4', kind: 'expert', name: '张伟', data: { post: '市农业农村局副局长' }, article: 'D3 2.6' },
];

/** Owners the tasks and reports name that are not directory entries. */
export const OTHER_OWNERS: Readonly<Record<string, string>> = {
  [AFFECTED]: '事发地县(市)区政府',
  affected_police: '事发地公安机关',
  monitor: '市场价格监测人员',
  county_price: '县(市)区价格主管部门',
  county_gov: '县(市)区政府',
  city_party_office: '市委办公室（信息科）',
  city_gov_duty: '市政府办公室（市政府总值班室）',
  province_duty: '省委、省政府总值班室',
  province_price_office: '省价格应急指挥部办公室及省级对口部门',
};
