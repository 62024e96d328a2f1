/**
 * Temporary price subsidies (D3 2.3(5)–(9), 2.4.1(2)–(4)): the month's CPI
 * and food CPI from the data group, each index month decided on its own,
 * and the payment list per paying department for the recipients on record.
 * A payment run for a month replaces that month's list in one transaction.
 */
import { isIsoMonth, type IsoMonth } from '../../core/dates.ts';
import type { Decision } from '../../core/explain.ts';
import type { FieldProblem } from '../../core/errors.ts';
import { parsePercent, type BasisPoints } from '../../core/money.ts';
import type { ParamRegistry } from '../../core/params/registry.ts';
import { fail } from '../../errorCatalog.ts';
import type { ColumnSpec, TableRow } from '../../io/table.ts';
import type { PlatformContext } from '../../platform/context.ts';
import { formatInstant } from '../rules/clock.ts';
import { isCounty } from '../rules/counties.ts';
import { paymentList, SUBSIDY_PAYMENT_RULE, type PaymentList, type Recipient, type Residence } from '../rules/subsidyAmount.ts';
import { decideSubsidyMonth, type SubsidyMonth } from '../rules/subsidyMonth.ts';
import type { IndexFigures } from '../rules/subsidyTrigger.ts';
import type { Caller } from './access.ts';
import { subsidySettings, triggerThresholds } from './settings.ts';

export const INDEX_COLUMNS: readonly ColumnSpec[] = [
  { name: 'month', label: '指数月份', aliases: ['月份'] },
  { name: 'cpi_yoy_percent', label: 'CPI同比(%)', aliases: ['cpi', 'CPI同比', 'CPI同比涨幅'] },
  { name: 'food_cpi_yoy_percent', label: '食品价格同比(%)', aliases: ['food', '食品价格同比', '食品价格同比涨幅'], required: false },
];

export const DECISION_COLUMNS = [
  { name: 'month', label: '指数月份' },
  { name: 'cpi_yoy_percent', label: 'CPI同比(%)' },
  { name: 'food_cpi_yoy_percent', label: '食品价格同比(%)' },
  { name: 'outcome', label: '结论' },
  { name: 'trigger', label: '启动依据' },
  { name: 'rate_percent', label: '补贴比例(%)' },
  { name: 'cpi_threshold_percent', label: 'CPI启动条件(%)' },
  { name: 'food_threshold_percent', label: '食品启动条件(%)' },
  { name: 'payment_month', label: '发放月份' },
  { name: 'urban_yuan', label: '城市每人每月(元)' },
  { name: 'rural_yuan', label: '农村每人每月(元)' },
  { name: 'groups', label: '保障对象' },
  { name: 'missing', label: '缺少数据' },
];

export const PAYMENT_COLUMNS = [
  { name: 'payer', label: '发放部门' },
  { name: 'recipient_id', label: '对象编号' },
  { name: 'group', label: '对象类别' },
  { name: 'residence', label: '城乡' },
  { name: 'county', label: '县(市)区' },
  { name: 'standard_yuan', label: '低保标准(元)' },
  { name: 'rate_percent', label: '补贴比例(%)' },
  { name: 'amount_yuan', label: '补贴金额(元)' },
];

function percentText(bp: BasisPoints | null): string {
  return bp === null ? '' : String(bp / 100);
}

/** Rows of month, CPI, food CPI, checked whole. */
export function figuresFromRows(rows: readonly TableRow[], headerProblems: readonly FieldProblem[] = []): IndexFigures[] {
  const problems: FieldProblem[] = [...headerProblems];
  const figures: IndexFigures[] = [];
  const seen = new Set<string>();
  for (const { row, values } of rows) {
    const month = values.month ?? '';
    if (!isIsoMonth(month)) problems.push({ row, field: 'month', value: month, reason: '月份应为 YYYY-MM' });
    else if (seen.has(month)) problems.push({ row, field: 'month', value: month, reason: '月份重复' });
    seen.add(month);
    const read = (field: string): BasisPoints | null => {
      const text = (values[field] ?? '').trim();
      if (text === '') return null;
      const bp = parsePercent(text);
      if (bp === undefined) problems.push({ row, field, value: text, reason: '应为百分数，如 2.5 或 -0.3' });
      return bp ?? null;
    };
    figures.push({ month, cpi: read('cpi_yoy_percent'), food: read('food_cpi_yoy_percent') });
  }
  if (problems.length > 0) fail('ERR_PRICE_SERIES_INVALID', { problems });
  return figures.sort((a, b) => a.month.localeCompare(b.month));
}

export type MonthDecision = Decision<SubsidyMonth> & { figures: IndexFigures; thresholds: { cpi: BasisPoints; food: BasisPoints } | null };

export function decideMonth(params: ParamRegistry, figures: IndexFigures): MonthDecision {
  const thresholds = triggerThresholds(params, figures.month);
  const settings = subsidySettings(params, figures.month);
  if (!thresholds.ok || !settings.ok) {
    return { outcome: 'no_rule_in_force', date: `${figures.month}-01`, articles: ['D3 2.4.1(4)'], steps: [], figures, thresholds: null };
  }
  return { ...decideSubsidyMonth(figures, thresholds.settings, settings.settings), figures, thresholds: thresholds.settings };
}

export function decisionRow(d: MonthDecision) {
  const result = d.outcome === 'decided' ? d.result : undefined;
  return {
    month: d.figures.month,
    cpi_yoy_percent: percentText(d.figures.cpi),
    food_cpi_yoy_percent: percentText(d.figures.food),
    outcome: d.outcome,
    trigger: result?.trigger ?? '',
    rate_percent: percentText(result?.rate ?? null),
    cpi_threshold_percent: percentText(d.thresholds?.cpi ?? null),
    food_threshold_percent: percentText(d.thresholds?.food ?? null),
    payment_month: result?.trigger ? result.paymentMonth : '',
    urban_yuan: result ? String(result.urban / 100) : '',
    rural_yuan: result ? String(result.rural / 100) : '',
    groups: result?.trigger ? result.groups.join(';') : '',
    missing: d.outcome === 'needs_input' ? d.missing.join(';') : '',
  };
}

export async function upsertIndexMonths(ctx: PlatformContext, figures: readonly IndexFigures[], source: string, caller: Caller) {
  const at = formatInstant(Date.now());
  await ctx.store.db.transaction().execute(async (trx) => {
    for (const f of figures) {
      const values = { cpi_bp: f.cpi, food_bp: f.food, source, entered_by: caller.user, entered_at: at };
      await trx.insertInto('price_index_month').values({ month: f.month, ...values })
        .onConflict((oc) => oc.column('month').doUpdateSet(values)).execute();
    }
  });
  return { stored: figures.length };
}

export async function listIndexMonths(ctx: PlatformContext, range: { from?: IsoMonth; to?: IsoMonth } = {}) {
  let query = ctx.store.db.selectFrom('price_index_month').selectAll();
  if (range.from) query = query.where('month', '>=', range.from);
  if (range.to) query = query.where('month', '<=', range.to);
  return (await query.orderBy('month').execute()).map((r) => ({
    figures: { month: r.month, cpi: r.cpi_bp, food: r.food_bp } as IndexFigures,
    source: r.source,
    enteredBy: r.entered_by,
    enteredAt: r.entered_at,
  }));
}

export async function storedDecisions(ctx: PlatformContext, range: { from?: IsoMonth; to?: IsoMonth } = {}) {
  return (await listIndexMonths(ctx, range)).map((m) => decideMonth(ctx.params, m.figures));
}

export interface RecipientInput {
  id: string;
  group: string;
  residence: Residence;
  county: string;
  from: IsoMonth;
  to?: IsoMonth | null;
}

export async function upsertRecipients(ctx: PlatformContext, rows: readonly RecipientInput[]) {
  const problems: FieldProblem[] = [];
  rows.forEach((r, i) => {
    const row = i + 1;
    if (!/^[A-Za-z0-9_.-]{1,64}$/.test(r.id ?? '')) problems.push({ row, field: 'id', value: r.id, reason: '对象编号只能由字母、数字、下划线、点或连字符组成（不存姓名、身份证号）' });
    if (!r.group) problems.push({ row, field: 'group', reason: '对象类别不能为空' });
    if (r.residence !== 'urban' && r.residence !== 'rural') problems.push({ row, field: 'residence', value: r.residence, reason: '应为 urban（城市）或 rural（农村）' });
    if (!isCounty(r.county)) problems.push({ row, field: 'county', value: r.county, reason: '应为鸡西市县(市)区的行政区划代码' });
    if (!isIsoMonth(r.from ?? '')) problems.push({ row, field: 'from', value: r.from, reason: '起始月份应为 YYYY-MM' });
    if (r.to && (!isIsoMonth(r.to) || r.to < r.from)) problems.push({ row, field: 'to', value: r.to, reason: '终止月份应为不早于起始月份的 YYYY-MM' });
  });
  if (problems.length > 0) fail('ERR_CORE_INVALID_INPUT', { problems });

  const at = formatInstant(Date.now());
  await ctx.store.db.transaction().execute(async (trx) => {
    for (const r of rows) {
      const values = { group_code: r.group, residence: r.residence, county: r.county, from_month: r.from, to_month: r.to ?? null, updated_at: at };
      await trx.insertInto('price_recipient').values({ id: r.id, ...values }).onConflict((oc) => oc.column('id').doUpdateSet(values)).execute();
    }
  });
  return { stored: rows.length };
}

export type PaymentRun =
  | { triggered: true; decision: MonthDecision; list: PaymentList }
  | { triggered: false; decision: MonthDecision };

/** Decide the month from its stored figures and write its payment list. */
export async function runPayments(ctx: PlatformContext, indexMonth: IsoMonth, caller: Caller): Promise<PaymentRun> {
  const stored = (await listIndexMonths(ctx, { from: indexMonth, to: indexMonth }))[0];
  if (!stored) fail('ERR_PRICE_INDEX_MISSING', { details: { indexMonth } });

  const decision = decideMonth(ctx.params, stored.figures);
  if (decision.outcome === 'needs_input') fail('ERR_PRICE_INDEX_MISSING', { details: { indexMonth, missing: decision.missing } });
  if (decision.outcome !== 'decided' || decision.result.rate === null) {
    await ctx.store.db.deleteFrom('price_payment').where('index_month', '=', indexMonth).execute();
    return { triggered: false, decision };
  }

  const settings = subsidySettings(ctx.params, indexMonth);
  if (!settings.ok) fail('ERR_PRICE_PARAM_INVALID', { details: { indexMonth, missing: settings.missing } });
  const { paymentMonth, rate } = decision.result;
  const recipients: Recipient[] = (await ctx.store.db.selectFrom('price_recipient').selectAll()
    .where('from_month', '<=', paymentMonth)
    .where((eb) => eb.or([eb('to_month', 'is', null), eb('to_month', '>=', paymentMonth)]))
    .orderBy('id')
    .execute()).map((r) => ({ id: r.id, group: r.group_code, residence: r.residence as Residence, county: r.county }));
  const list = paymentList(indexMonth, paymentMonth, rate, recipients, settings.settings);

  const at = formatInstant(Date.now());
  const lines = list.departments.flatMap((d) => d.lines.map((l) => ({
    id: `${indexMonth}|${l.recipientId}`, index_month: indexMonth, payment_month: paymentMonth, recipient_id: l.recipientId,
    group_code: l.group, payer: d.payer, residence: l.residence, county: l.county, standard_fen: l.standard,
    rate_bp: l.rate, amount_fen: l.amount, created_at: at, created_by: caller.user,
  })));
  await ctx.store.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('price_payment').where('index_month', '=', indexMonth).execute();
    for (let i = 0; i < lines.length; i += 500) await trx.insertInto('price_payment').values(lines.slice(i, i + 500)).execute();
  });

  ctx.logger.info({ rule: SUBSIDY_PAYMENT_RULE, article: 'D3 2.3(6)', indexMonth, paymentMonth, lines: lines.length, total: list.total }, 'subsidy payment list written');
  return { triggered: true, decision, list };
}

export async function storedPayments(ctx: PlatformContext, indexMonth: IsoMonth, payer?: string) {
  let query = ctx.store.db.selectFrom('price_payment').selectAll().where('index_month', '=', indexMonth);
  if (payer) query = query.where('payer', '=', payer);
  return (await query.orderBy('payer').orderBy('recipient_id').execute()).map((r) => ({
    payer: r.payer,
    recipient_id: r.recipient_id,
    group: r.group_code,
    residence: r.residence,
    county: r.county,
    standard_yuan: (r.standard_fen / 100).toFixed(2),
    rate_percent: (r.rate_bp / 100).toFixed(1),
    amount_yuan: (r.amount_fen / 100).toFixed(2),
  }));
}
