/**
 * The catalogue of monitored items and the monitoring points per county
 * (D3 3.1.1, 3.2.1). Changes are upserts by code; nothing is deleted, an
 * item or point is made inactive.
 */
import type { FieldProblem } from '../../core/errors.ts';
import { parseYuan } from '../../core/money.ts';
import { fail } from '../../errorCatalog.ts';
import type { PlatformContext } from '../../platform/context.ts';
import { formatInstant } from '../rules/clock.ts';
import { isCounty } from '../rules/counties.ts';
import { CATEGORIES, type CatalogueItem, type Category, type MonitoringPoint, type PointKind } from '../rules/types.ts';
import type { PriceItemTable, PricePointTable } from '../storage/tables.ts';

export interface ItemInput {
  id: string;
  name: string;
  category: string;
  unit: string;
  specification?: string;
  governmentSet?: boolean;
  inBasket?: boolean;
  /** yuan, e.g. "1.00" */
  plausibleMin?: string | null;
  plausibleMax?: string | null;
  active?: boolean;
}

export interface PointInput {
  id: string;
  name: string;
  county: string;
  kind: string;
  warningId?: string | null;
  active?: boolean;
}

const POINT_KINDS: readonly PointKind[] = ['market', 'supermarket', 'wholesale', 'temporary'];
const CODE = /^[A-Za-z0-9_.-]{1,64}$/;

export function itemFromRow(row: PriceItemTable): CatalogueItem & { active: boolean } {
  return {
    id: row.id,
    name: row.name,
    category: row.category as Category,
    unit: row.unit,
    specification: row.specification,
    governmentSet: row.government_set === 1,
    inBasket: row.in_basket === 1,
    plausibleMinFen: row.plausible_min_fen,
    plausibleMaxFen: row.plausible_max_fen,
    active: row.active === 1,
  };
}

export function pointFromRow(row: PricePointTable): MonitoringPoint & { warningId: string | null; active: boolean } {
  return { id: row.id, name: row.name, county: row.county, kind: row.kind as PointKind, warningId: row.warning_id, active: row.active === 1 };
}

function money(field: string, text: string | null | undefined, problems: FieldProblem[]): number | null {
  if (text === null || text === undefined || text === '') return null;
  const fen = parseYuan(text);
  if (fen === undefined || fen <= 0) {
    problems.push({ field, value: text, reason: '应为大于0的金额（元，最多两位小数）' });
    return null;
  }
  return fen;
}

export async function listItems(ctx: PlatformContext, options: { all?: boolean } = {}) {
  let query = ctx.store.db.selectFrom('price_item').selectAll().orderBy('category').orderBy('id');
  if (!options.all) query = query.where('active', '=', 1);
  return (await query.execute()).map(itemFromRow);
}

export async function upsertItems(ctx: PlatformContext, inputs: readonly ItemInput[]) {
  const problems: FieldProblem[] = [];
  const rows: PriceItemTable[] = [];
  const now = formatInstant(Date.now());
  inputs.forEach((input, index) => {
    const own: FieldProblem[] = [];
    if (!CODE.test(input.id ?? '')) own.push({ field: 'id', value: input.id, reason: '代码只能由字母、数字、下划线、点或连字符组成' });
    if (!input.name?.trim()) own.push({ field: 'name', reason: '品种名称不能为空' });
    if (!CATEGORIES.includes(input.category as Category)) own.push({ field: 'category', value: input.category, reason: `类别应为 ${CATEGORIES.join('、')} 之一` });
    if (!input.unit?.trim()) own.push({ field: 'unit', reason: '计价单位不能为空' });
    const min = money('plausibleMin', input.plausibleMin, own);
    const max = money('plausibleMax', input.plausibleMax, own);
    if (min !== null && max !== null && min > max) own.push({ field: 'plausibleMax', value: input.plausibleMax, reason: '合理价格上限不能低于下限' });
    problems.push(...own.map((p) => ({ ...p, row: index + 1 })));
    rows.push({
      id: input.id,
      name: input.name?.trim() ?? '',
      category: input.category,
      unit: input.unit?.trim() ?? '',
      specification: input.specification?.trim() ?? '',
      government_set: input.governmentSet ? 1 : 0,
      in_basket: (input.inBasket ?? input.category === 'vegetables') ? 1 : 0,
      plausible_min_fen: min,
      plausible_max_fen: max,
      active: input.active === false ? 0 : 1,
      updated_at: now,
    });
  });
  if (problems.length > 0) fail('ERR_CORE_INVALID_INPUT', { problems });

  await ctx.store.db.transaction().execute(async (trx) => {
    for (const row of rows) {
      const { id: _id, ...rest } = row;
      await trx.insertInto('price_item').values(row).onConflict((oc) => oc.column('id').doUpdateSet(rest)).execute();
    }
  });
  return rows.map(itemFromRow);
}

export async function listPoints(ctx: PlatformContext, options: { county?: string; all?: boolean } = {}) {
  let query = ctx.store.db.selectFrom('price_point').selectAll().orderBy('county').orderBy('id');
  if (options.county) query = query.where('county', '=', options.county);
  if (!options.all) query = query.where('active', '=', 1);
  return (await query.execute()).map(pointFromRow);
}

export async function upsertPoints(ctx: PlatformContext, inputs: readonly PointInput[]) {
  const problems: FieldProblem[] = [];
  const now = formatInstant(Date.now());
  const rows: PricePointTable[] = inputs.map((input, index) => {
    const row = index + 1;
    if (!CODE.test(input.id ?? '')) problems.push({ row, field: 'id', value: input.id, reason: '代码只能由字母、数字、下划线、点或连字符组成' });
    if (!input.name?.trim()) problems.push({ row, field: 'name', reason: '监测点名称不能为空' });
    if (!isCounty(input.county)) problems.push({ row, field: 'county', value: input.county, reason: '应为鸡西市县(市)区的行政区划代码，如 230302' });
    if (!POINT_KINDS.includes(input.kind as PointKind)) problems.push({ row, field: 'kind', value: input.kind, reason: `类型应为 ${POINT_KINDS.join('、')} 之一` });
    if (input.kind === 'temporary' && !input.warningId) problems.push({ row, field: 'warningId', reason: '临时价格监测点须注明所属预警（3.2.1）' });
    return {
      id: input.id,
      name: input.name?.trim() ?? '',
      county: input.county,
      kind: input.kind,
      warning_id: input.warningId ?? null,
      active: input.active === false ? 0 : 1,
      updated_at: now,
    };
  });
  if (problems.length > 0) fail('ERR_CORE_INVALID_INPUT', { problems });

  await ctx.store.db.transaction().execute(async (trx) => {
    for (const row of rows) {
      const { id: _id, ...rest } = row;
      await trx.insertInto('price_point').values(row).onConflict((oc) => oc.column('id').doUpdateSet(rest)).execute();
    }
  });
  return rows.map(pointFromRow);
}
