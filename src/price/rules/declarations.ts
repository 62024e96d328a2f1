/**
 * Every rule of the price area with the articles of D3 it implements; the
 * manifest params/d3-price/articles.yaml maps each article to these ids and
 * a test keeps the two in step.
 */
import type { RuleDeclaration } from '../../core/params/articles.ts';
import { BREADTH_RULE } from './breadthGuard.ts';
import { CAP_RULE } from './cap.ts';
import { DRILL_DUE_RULE } from './drillDue.ts';
import { INCIDENT_CLOCKS_RULE, INCIDENT_CONTENT_RULE } from './incidentClocks.ts';
import { LEVEL3_TERMINATION_RULE } from './level3Termination.ts';
import { PLAUSIBILITY_RULE } from './plausibility.ts';
import { R1_RULE } from './r1TenDayChange.ts';
import { R2_RULE } from './r2OneOffRise.ts';
import { R3_RULE } from './r3ContinuousRise.ts';
import { R4_RULE } from './r4PriceAnomaly.ts';
import { R5_RULE } from './r5Complaints.ts';
import { R6_RULE } from './r6PanicBuying.ts';
import { AFTER_EVENT_RULE, RESPONSE_TASKS_RULE } from './responseTasks.ts';
import { SUBSIDY_AMOUNT_RULE, SUBSIDY_PAYMENT_RULE } from './subsidyAmount.ts';
import { SUBSIDY_TRIGGER_RULE } from './subsidyTrigger.ts';
import { WARNING_STATES_RULE } from './warningStates.ts';

export const priceRules: readonly RuleDeclaration[] = [
  { id: R1_RULE, articles: ['D3 1.3', 'D3 3.4(2)'], title: 'R1 旬环比达到黄色阈值提出三级预警建议' },
  { id: R2_RULE, articles: ['D3 1.3', 'D3 3.4(2)'], title: 'R2 较上次监测一次性涨幅超限' },
  { id: R3_RULE, articles: ['D3 1.3', 'D3 3.4(2)'], title: 'R3 窗口期内连续上涨累计超限' },
  { id: R4_RULE, articles: ['D3 1.3', 'D3 3.4(2)', 'D3 3.1.1'], title: 'R4 月均价统计异常（IFPA，历史不足时 ALPS）' },
  { id: R5_RULE, articles: ['D3 1.3', 'D3 3.3', 'D3 3.4(2)'], title: 'R5 价格投诉举报数量明显增加' },
  { id: R6_RULE, articles: ['D3 3.2.3', 'D3 3.4(2)'], title: 'R6 市场巡查报告争购、抢购、脱销' },
  { id: BREADTH_RULE, articles: ['D3 1.3'], title: '全市或部分区域：全市均价至少3个监测点，或至少2个县(市)区' },
  { id: PLAUSIBILITY_RULE, articles: ['D3 1.4(1)', 'D3 3.1.1'], title: '报价超出合理区间或与上期相比变动过大时暂存待核实（不漏报、不错报）' },
  { id: WARNING_STATES_RULE, articles: ['D3 1.3', 'D3 3.4', 'D3 3.4(1)', 'D3 3.4(2)', 'D3 3.5.2', 'D3 3.5.3', 'D3 3.6(1)'], title: '预警状态：提出、批准、发布、调整级别、终止；二级、一级依省政府文件' },
  { id: LEVEL3_TERMINATION_RULE, articles: ['D3 3.6(2)', 'D3 3.6(1)'], title: '三级预警终止建议：连续平稳的监测周期（价格异常波动消失或投诉举报明显减少）' },
  { id: CAP_RULE, articles: ['D3 3.4', 'D3 3.4(1)', 'D3 3.4(2)'], title: '预警信息以 CAP 1.2 发布、更新、解除（GB/T 35965.1 标识）' },
  { id: RESPONSE_TASKS_RULE, articles: ['D3 1.4(1)', 'D3 1.4(2)', 'D3 1.4(3)', 'D3 3.1.3(2)', 'D3 3.2.2', 'D3 3.5', 'D3 3.5.1', 'D3 3.5.2', 'D3 3.5.3'], title: '预警响应任务：定点监测、县(市)区报送、值班安排' },
  { id: AFTER_EVENT_RULE, articles: ['D3 5.3'], title: '响应终止后10日内工作总结、20日内总结评估报告' },
  { id: INCIDENT_CLOCKS_RULE, articles: ['D3 4.1(1)', 'D3 3.1.3(1)'], title: '突发事件信息报告各环节时限' },
  { id: INCIDENT_CONTENT_RULE, articles: ['D3 4.1(2)', 'D3 3.1.2'], title: '信息报告内容：时间、地点、来源、性质、范围、趋势、措施' },
  { id: DRILL_DUE_RULE, articles: ['D3 7.1'], title: '至少每3年进行1次综合应急演练' },
  { id: SUBSIDY_TRIGGER_RULE, articles: ['D3 2.4.1(4)', 'D3 2.4.1(3)'], title: '价格补贴联动机制按指数月启动' },
  { id: SUBSIDY_AMOUNT_RULE, articles: ['D3 2.3(6)', 'D3 2.4.1(3)'], title: '价格临时补贴金额：低保标准 × 触发涨幅，四舍五入到元' },
  { id: SUBSIDY_PAYMENT_RULE, articles: ['D3 2.3(5)', 'D3 2.3(6)', 'D3 2.3(7)', 'D3 2.3(8)', 'D3 2.3(9)', 'D3 2.4.1(2)', 'D3 2.4.1(3)'], title: '按发放部门编制价格临时补贴发放清单' },
];
