/**
 * When to propose ending a level-3 warning (D3 3.6(2)): the marked
 * fluctuation has gone, or complaints about the items have fallen clearly.
 * The city decides; the platform proposes after `clearPeriods` consecutive
 * complete monitoring periods that are clear. "Fallen clearly" is read as
 * the period's complaints below `ratio` of the baseline, the
 * mean per period over the weeks before the warning was published.
 * Levels 2 and 1 end when the province lifts them (3.6(1)): never proposed.
 */
import type { IsoDate } from '../../core/dates.ts';
import type { BasisPoints } from '../../core/money.ts';
import type { Level } from './types.ts';

export const LEVEL3_TERMINATION_RULE = 'd3.art3_6.level3_termination';

export interface TerminationSettings {
  /** Share of the baseline below which complaints count as fallen, in basis points (120% = 12000). */
  ratio: BasisPoints;
  clearPeriods: number;
  condition: 'either' | 'both';
}

export interface PeriodSignals {
  start: IsoDate;
  end: IsoDate;
  /** true: a detection rule fired on the warning's items; null: no detection was run. */
  fluctuation: boolean | null;
  complaints: number;
}

export interface PeriodVerdict extends PeriodSignals {
  fluctuationGone: boolean;
  complaintsFallen: boolean;
  clear: boolean;
}

export type TerminationCheck =
  | { outcome: 'province'; article: string; reason: string }
  | {
      outcome: 'propose' | 'not_yet';
      article: string;
      /** Complaints per period before the warning (total ÷ weeks). */
      baseline: number;
      /** Below this many a period's complaints count as fallen (ratio × baseline). */
      limit: number;
      periods: PeriodVerdict[];
      reason: string;
    };

/** The baseline as counted: complaints in the weeks before publication. */
export interface Baseline {
  total: number;
  weeks: number;
}

export function level3Termination(level: Level, base: Baseline, periods: readonly PeriodSignals[], s: TerminationSettings): TerminationCheck {
  if (level !== 3) {
    return { outcome: 'province', article: 'D3 3.6(1)', reason: '一级、二级预警在省政府解除价格干预措施及警情后终止，不由平台提出' };
  }

  // Compared in integers: complaints × 10000 × weeks < ratio × total. With
  // no complaints in the baseline, the complaints cannot show a fall.
  const baseline = base.total / base.weeks;
  const limit = (s.ratio * base.total) / (10_000 * base.weeks);
  const verdicts = periods.map((p) => {
    const fluctuationGone = p.fluctuation === false;
    const complaintsFallen = p.complaints * 10_000 * base.weeks < s.ratio * base.total;
    const clear = s.condition === 'either' ? fluctuationGone || complaintsFallen : fluctuationGone && complaintsFallen;
    return { ...p, fluctuationGone, complaintsFallen, clear };
  });

  let run = 0;
  for (const v of verdicts) run = v.clear ? run + 1 : 0;
  const propose = run >= s.clearPeriods;
  const reason = propose
    ? `最近连续 ${run} 个监测周期价格异常波动消失或投诉举报低于基期的 ${s.ratio / 100}%，建议报请市政府终止三级预警响应`
    : `连续平稳的监测周期 ${run} 个，未达 ${s.clearPeriods} 个`;
  return { outcome: propose ? 'propose' : 'not_yet', article: 'D3 3.6(2)', baseline, limit, periods: verdicts, reason };
}
