/**
 * Whether a record counts in the score on a date. Reading (D2 附件, 二(四)2,
 * 二(四)3): a record counts from its decision while its status counts
 * (active, under objection), until its last day in force (`until`, e.g.
 * removal from the abnormal-operation list) and inside its publicity
 * window (its own window_years, else the indicator's, else the default).
 */
import { addMonths, type IsoDate } from '../../core/dates.ts';
import type { RuleDeclaration } from '../../core/params/articles.ts';
import type { PublicityYears } from './params.ts';
import type { CreditRecord, RecordStatus } from './types.ts';

export const recordCountsRule: RuleDeclaration = {
  id: 'd2.appendix.record_counts',
  articles: ['D2 附件', 'D2 二(四)2', 'D2 二(四)3'],
  title: '信用记录在评价日是否计分（状态、移出日期、公示期）',
};

export type RecordCount =
  | { counts: true }
  | { counts: false; reason: string };

export const NOT_YET: RecordCount = { counts: false, reason: '决定日期晚于评价日' };
export const ENDED: RecordCount = { counts: false, reason: '已移出或已终止（until 之后）' };
export const OUTSIDE_WINDOW: RecordCount = { counts: false, reason: '已超过计分有效期（公示期）' };
export const COUNTS: RecordCount = { counts: true };

const STATUS_REASONS: Record<RecordStatus, RecordCount> = {
  active: { counts: false, reason: '状态为有效' },
  under_objection: { counts: false, reason: '异议处理中' },
  corrected: { counts: false, reason: '经异议核实已更正，不计分' },
  repaired: { counts: false, reason: '已完成信用修复，不计分' },
  expired: { counts: false, reason: '已过期，不计分' },
};

/** The end of a record's window: decided + years (exclusive). Memoised. */
export class WindowEnds {
  private readonly cache = new Map<string, IsoDate>();

  end(decided: IsoDate, years: number): IsoDate {
    const key = years === 3 ? decided : `${years}|${decided}`;
    let end = this.cache.get(key);
    if (end === undefined) {
      end = addMonths(decided, 12 * years);
      this.cache.set(key, end);
    }
    return end;
  }
}

export function windowYearsOf(record: CreditRecord, publicity: PublicityYears): number {
  return record.windowYears ?? publicity.indicators?.[record.indicator] ?? publicity.default;
}

export function recordCounts(
  record: CreditRecord,
  on: IsoDate,
  counting: ReadonlySet<RecordStatus>,
  publicity: PublicityYears,
  windows: WindowEnds,
): RecordCount {
  if (!counting.has(record.status)) return STATUS_REASONS[record.status];
  if (record.decided > on) return NOT_YET;
  if (record.until && on > record.until) return ENDED;
  if (on >= windows.end(record.decided, windowYearsOf(record, publicity))) return OUTSIDE_WINDOW;
  return COUNTS;
}
