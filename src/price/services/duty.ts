/**
 * The warning duty roster (D3 3.2.2, 3.5 值班制度) and the drills held
 * (D3 7.1), with the date the next comprehensive drill is due.
 */
import { randomUUID } from 'node:crypto';

import { isIsoDate, todayInBeijing, type IsoDate } from '../../core/dates.ts';
import type { FieldProblem } from '../../core/errors.ts';
import { fail } from '../../errorCatalog.ts';
import type { PlatformContext } from '../../platform/context.ts';
import { formatInstant, parseInstant } from '../rules/clock.ts';
import { DRILL_DUE_RULE, drillStatus, type Drill } from '../rules/drillDue.ts';
import type { Caller } from './access.ts';
import { drillSettings, required } from './warningSettings.ts';

export interface DutyInput {
  date: IsoDate;
  kind: 'monitor' | 'technical';
  person: string;
  phone: string;
  fullDay?: boolean;
  unit?: string;
}

export async function addDuty(ctx: PlatformContext, rows: readonly DutyInput[], caller: Caller, enteredAtText?: string) {
  const problems: FieldProblem[] = [];
  rows.forEach((r, i) => {
    const row = i + 1;
    if (!isIsoDate(r.date)) problems.push({ row, field: 'date', value: r.date, reason: '日期应为 YYYY-MM-DD' });
    if (!['monitor', 'technical'].includes(r.kind)) problems.push({ row, field: 'kind', value: r.kind, reason: '应为 monitor（专职监测人员）或 technical（技术保障人员）' });
    if (!r.person?.trim()) problems.push({ row, field: 'person', reason: '须填写值班人员' });
    if (!r.phone?.trim()) problems.push({ row, field: 'phone', reason: '须填写移动值班电话（24小时畅通）' });
  });
  const enteredAt = enteredAtText === undefined ? Date.now() : parseInstant(enteredAtText);
  if (enteredAt === undefined || enteredAt > Date.now() + 60_000) problems.push({ field: 'enteredAt', value: enteredAtText, reason: '时间格式有误或晚于现在' });
  if (problems.length > 0) fail('ERR_CORE_INVALID_INPUT', { problems });

  const at = formatInstant(enteredAt!);
  await ctx.store.db.transaction().execute(async (trx) => {
    for (const r of rows) {
      const values = {
        id: `${r.date}|${r.kind}|${r.person.trim()}`, date: r.date, kind: r.kind, person: r.person.trim(), phone: r.phone.trim(),
        full_day: r.fullDay ? 1 : 0, unit: r.unit ?? '市应急指挥部办公室', entered_by: caller.user, entered_at: at,
      };
      await trx.insertInto('price_duty').values(values)
        .onConflict((oc) => oc.column('id').doUpdateSet({ phone: values.phone, full_day: values.full_day, unit: values.unit }))
        .execute();
    }
  });
  return { stored: rows.length };
}

export async function listDuty(ctx: PlatformContext, range: { from?: IsoDate; to?: IsoDate } = {}) {
  let query = ctx.store.db.selectFrom('price_duty').selectAll().orderBy('date').orderBy('kind').orderBy('person');
  if (range.from) query = query.where('date', '>=', range.from);
  if (range.to) query = query.where('date', '<=', range.to);
  const rows = await query.execute();
  return rows.map((r) => ({ date: r.date, kind: r.kind, person: r.person, phone: r.phone, fullDay: r.full_day === 1, unit: r.unit, enteredAt: r.entered_at }));
}

export async function recordDrill(ctx: PlatformContext, input: { date: IsoDate; kind: Drill['kind']; note?: string }, caller: Caller) {
  const problems: FieldProblem[] = [];
  if (!isIsoDate(input.date)) problems.push({ field: 'date', value: input.date, reason: '日期应为 YYYY-MM-DD' });
  else if (input.date > todayInBeijing()) problems.push({ field: 'date', value: input.date, reason: '演练日期晚于今天' });
  if (!['comprehensive', 'tabletop', 'field'].includes(input.kind)) problems.push({ field: 'kind', value: input.kind, reason: '应为 comprehensive（综合）、tabletop（桌面推演）或 field（实战）' });
  if (problems.length > 0) fail('ERR_CORE_INVALID_INPUT', { problems });

  await ctx.store.db.insertInto('price_drill').values({
    id: randomUUID(), date: input.date, kind: input.kind, note: input.note ?? '', entered_by: caller.user, entered_at: formatInstant(Date.now()),
  }).execute();
  ctx.logger.info({ rule: DRILL_DUE_RULE, article: 'D3 7.1', kind: input.kind }, 'drill recorded');
  return drills(ctx);
}

export async function drills(ctx: PlatformContext, asOf: IsoDate = todayInBeijing()) {
  const rows = await ctx.store.db.selectFrom('price_drill').selectAll().orderBy('date', 'desc').execute();
  const settings = required(drillSettings(ctx.params, asOf));
  const list = rows.map((r) => ({ id: r.id, date: r.date, kind: r.kind as Drill['kind'], note: r.note, enteredBy: r.entered_by }));
  return { drills: list, next: drillStatus(list, asOf, settings.intervalYears, settings.planFrom), rule: DRILL_DUE_RULE };
}
