/**
 * Objections (异议处理, D2 二(四)2): “有关单位在收到正式申请之日起7个工作日内
 * 进行信息比对，并按照规定处理完成”. The deadline counts Chinese working days
 * (statutory holidays skipped, make-up working days counted); the day of
 * receipt is not counted (Reading). A year the calendar does not cover is
 * refused, never guessed.
 */
import { addWorkingDays } from '../../core/calendar.ts';
import { addDays, type IsoDate } from '../../core/dates.ts';
import type { RuleDeclaration } from '../../core/params/articles.ts';

export const objectionDeadlineRule: RuleDeclaration = {
  id: 'd2.part2_4_2.objection_deadline',
  articles: ['D2 二(四)2'],
  title: '异议处理期限：收到正式申请之日起7个工作日',
};

export const objectionOutcomeRule: RuleDeclaration = {
  id: 'd2.part2_4_2.objection_outcome',
  articles: ['D2 二(四)2'],
  title: '异议成立：更正记录、重新评价、终止错误的约束惩戒措施',
};

export type Deadline =
  | { ok: true; deadline: IsoDate }
  | { ok: false; year: number };

/** The last day to settle: `days` working days after receipt. */
export function workingDayDeadline(received: IsoDate, days: number, receiptDayCounts: boolean): Deadline {
  // Counting the day of receipt is the same as starting the count a day earlier.
  const start = receiptDayCounts ? addDays(received, -1) : received;
  const result = addWorkingDays(start, days);
  return result.ok ? { ok: true, deadline: result.date } : { ok: false, year: result.year };
}

/** Open and past its deadline on `today`. */
export function isOverdue(open: boolean, deadline: IsoDate, today: IsoDate): boolean {
  return open && today > deadline;
}
