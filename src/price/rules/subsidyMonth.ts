/**
 * One index month of temporary price subsidies decided end to end: the
 * trigger with the thresholds in force for that month, then the monthly
 * amount per person on the urban and rural 低保 standards, paid in the month
 * the index is published (D3 2.3(6), 2.4.1(3)(4)).
 */
import { addMonthsToMonth, type IsoMonth } from '../../core/dates.ts';
import type { Decision } from '../../core/explain.ts';
import { formatPercent, formatYuan, type BasisPoints, type Fen } from '../../core/money.ts';
import { SUBSIDY_AMOUNT_RULE, subsidyAmount, type AmountSettings } from './subsidyAmount.ts';
import { decideTrigger, type IndexFigures, type TriggerKind, type TriggerThresholds } from './subsidyTrigger.ts';

export interface SubsidyMonth {
  indexMonth: IsoMonth;
  paymentMonth: IsoMonth;
  trigger: TriggerKind | null;
  rate: BasisPoints | null;
  rateFrom: 'cpi' | 'food' | null;
  /** Per person and month; 0 when the month does not trigger. */
  urban: Fen;
  rural: Fen;
  /** Groups covered that month. */
  groups: string[];
}

export function decideSubsidyMonth(
  figures: IndexFigures,
  thresholds: TriggerThresholds,
  settings: AmountSettings & { paymentLag: number },
): Decision<SubsidyMonth> {
  const trigger = decideTrigger(figures, thresholds);
  if (trigger.outcome !== 'decided') return trigger;

  const { rate } = trigger.result;
  const urban = rate === null ? 0 : subsidyAmount(settings.standards.urban, rate, settings.rounding, settings.floor);
  const rural = rate === null ? 0 : subsidyAmount(settings.standards.rural, rate, settings.rounding, settings.floor);
  const steps = [...trigger.steps];
  if (rate !== null) {
    steps.push({
      rule: SUBSIDY_AMOUNT_RULE,
      article: 'D3 2.3(6)',
      text: `城市低保标准 ${formatYuan(settings.standards.urban)} 元 × ${formatPercent(rate)} = ${formatYuan(urban)} 元；农村 ${formatYuan(settings.standards.rural)} 元 × ${formatPercent(rate)} = ${formatYuan(rural)} 元（四舍五入到${settings.rounding === 'yuan' ? '元' : settings.rounding === 'jiao' ? '角' : '分'}）`,
      values: { urbanStandard: settings.standards.urban, ruralStandard: settings.standards.rural, rate, urban, rural },
    });
  }
  return {
    outcome: 'decided',
    result: {
      indexMonth: figures.month,
      paymentMonth: addMonthsToMonth(figures.month, settings.paymentLag),
      trigger: trigger.result.trigger,
      rate,
      rateFrom: trigger.result.rateFrom,
      urban,
      rural,
      groups: Object.keys(settings.groups),
    },
    articles: [...trigger.articles, 'D3 2.3(6)'],
    steps,
  };
}
