/**
 * Every rule of the price area with the articles of D3 it implements; the
 * manifest params/d3-price/articles.yaml maps each article to these ids and
 * a test keeps the two in step.
 */
import type { RuleDeclaration } from '../../core/params/articles.ts';
import { BREADTH_RULE } from './breadthGuard.ts';
import { R1_RULE } from './r1TenDayChange.ts';
import { R2_RULE } from './r2OneOffRise.ts';
import { R3_RULE } from './r3ContinuousRise.ts';
import { R4_RULE } from './r4PriceAnomaly.ts';
import { R5_RULE } from './r5Complaints.ts';
import { R6_RULE } from './r6PanicBuying.ts';
import { SUBSIDY_AMOUNT_RULE, SUBSIDY_PAYMENT_RULE } from './subsidyAmount.ts';
import { SUBSIDY_TRIGGER_RULE } from './subsidyTrigger.ts';

export const priceRules: readonly RuleDeclaration[] = [
  { id: R1_RULE, articles: ['D3 1.3', 'D3 3.4(2)'], title: 'R1 旬环比达到黄色阈值提出三级预警建议' },
  { id: R2_RULE, articles: ['D3 1.3', 'D3 3.4(2)'], title: 'R2 较上次监测一次性涨幅超限' },
  { id: R3_RULE, articles: ['D3 1.3', 'D3 3.4(2)'], title: 'R3 窗口期内连续上涨累计超限' },
  { id: R4_RULE, articles: ['D3 1.3', 'D3 3.4(2)', 'D3 3.1.1'], title: 'R4 月均价统计异常（IFPA，历史不足时 ALPS）' },
  { id: R5_RULE, articles: ['D3 1.3', 'D3 3.3', 'D3 3.4(2)'], title: 'R5 价格投诉举报数量明显增加' },
  { id: R6_RULE, articles: ['D3 3.2.3', 'D3 3.4(2)'], title: 'R6 市场巡查报告争购、抢购、脱销' },
  { id: BREADTH_RULE, articles: ['D3 1.3'], title: '全市或部分区域：全市均价至少3个监测点，或至少2个县(市)区' },
  { id: SUBSIDY_TRIGGER_RULE, articles: ['D3 2.4.1(4)', 'D3 2.4.1(3)'], title: '价格补贴联动机制按指数月启动' },
  { id: SUBSIDY_AMOUNT_RULE, articles: ['D3 2.3(6)', 'D3 2.4.1(3)'], title: '价格临时补贴金额：低保标准 × 触发涨幅，四舍五入到元' },
  { id: SUBSIDY_PAYMENT_RULE, articles: ['D3 2.3(5)', 'D3 2.3(6)', 'D3 2.3(7)', 'D3 2.3(8)', 'D3 2.3(9)', 'D3 2.4.1(2)', 'D3 2.4.1(3)'], title: '按发放部门编制价格临时补贴发放清单' },
];
