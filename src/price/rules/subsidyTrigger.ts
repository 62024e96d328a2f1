/**
 * Temporary price subsidies, the trigger (D3 2.4.1(3)(4); national linkage
 * mechanism 发改价格〔2021〕1553号): an index month triggers when CPI or food
 * CPI year on year reaches the threshold in force for that month. Each
 * month is decided on its own; a month with a figure missing is decided
 * only if the figure present already triggers.
 */
import type { IsoMonth } from '../../core/dates.ts';
import type { Decision, ExplanationStep } from '../../core/explain.ts';
import { formatPercent, type BasisPoints } from '../../core/money.ts';

export const SUBSIDY_TRIGGER_RULE = 'd3.art2_4_1.subsidy_trigger';
export const SUBSIDY_TRIGGER_ARTICLE = 'D3 2.4.1(4)';

export interface IndexFigures {
  month: IsoMonth;
  /** CPI year on year, basis points; null if not published or not entered. */
  cpi: BasisPoints | null;
  food: BasisPoints | null;
}

export interface TriggerThresholds {
  cpi: BasisPoints;
  food: BasisPoints;
}

export type TriggerKind = 'cpi' | 'food' | 'both';

export interface Trigger {
  month: IsoMonth;
  trigger: TriggerKind | null;
  /** The rate the amount uses: the higher of the triggering figures. */
  rate: BasisPoints | null;
  rateFrom: 'cpi' | 'food' | null;
}

export function decideTrigger(figures: IndexFigures, thresholds: TriggerThresholds): Decision<Trigger> {
  const articles = [SUBSIDY_TRIGGER_ARTICLE];
  const cpiHits = figures.cpi !== null && figures.cpi >= thresholds.cpi;
  const foodHits = figures.food !== null && figures.food >= thresholds.food;
  const step: ExplanationStep = {
    rule: SUBSIDY_TRIGGER_RULE,
    article: SUBSIDY_TRIGGER_ARTICLE,
    text: `${figures.month} CPI 同比 ${show(figures.cpi)}（启动条件 ${formatPercent(thresholds.cpi)}），食品价格同比 ${show(figures.food)}（启动条件 ${formatPercent(thresholds.food)}）`,
    values: {
      cpi: figures.cpi,
      food: figures.food,
      cpiThreshold: thresholds.cpi,
      foodThreshold: thresholds.food,
    },
  };

  if (!cpiHits && !foodHits && (figures.cpi === null || figures.food === null)) {
    const missing = [
      ...(figures.cpi === null ? ['cpi'] : []),
      ...(figures.food === null ? ['food'] : []),
    ];
    return { outcome: 'needs_input', missing, articles, steps: [step] };
  }

  const trigger: TriggerKind | null = cpiHits && foodHits ? 'both' : cpiHits ? 'cpi' : foodHits ? 'food' : null;
  let rate: BasisPoints | null = null;
  let rateFrom: 'cpi' | 'food' | null = null;
  if (cpiHits) [rate, rateFrom] = [figures.cpi!, 'cpi'];
  if (foodHits && (rate === null || figures.food! > rate)) [rate, rateFrom] = [figures.food!, 'food'];

  return { outcome: 'decided', result: { month: figures.month, trigger, rate, rateFrom }, articles, steps: [step] };
}

function show(bp: BasisPoints | null): string {
  return bp === null ? '未录入' : formatPercent(bp);
}
