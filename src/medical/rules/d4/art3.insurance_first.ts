/**
 * D4 §3: insurance first, assistance after (先保险后救助). Basic insurance and
 * 大病保险 for inpatient and chronic/special claims are not defined in the
 * bulletin: the platform takes their payments as handed over by the national
 * platform, and assistance starts from what they left.
 */
import { formatYuan } from '../../../core/money.ts';
import type { RuleDeclaration } from '../../../core/params/articles.ts';
import type { Trace } from '../trace.ts';
import type { Claim } from '../types.ts';

export const insuranceFirstRule: RuleDeclaration = {
  id: 'd4.art3.insurance_first',
  articles: ['D4 §3'],
  title: '先保险后救助：基本医保、大病保险按移交数额',
};

export function recordHandover(claim: Claim, trace: Trace): void {
  if (claim.basicPaid === 0 && claim.criticalPaid === 0) return;

  trace.article('D4 §3');
  if (trace.steps) {
    trace.step(
      insuranceFirstRule.id,
      'D4 §3',
      `基本医保支付${formatYuan(claim.basicPaid)}元、大病保险支付${formatYuan(claim.criticalPaid)}元（按移交数额）`,
      undefined,
      { basicPaid: formatYuan(claim.basicPaid), criticalPaid: formatYuan(claim.criticalPaid) },
    );
  }
}
