/**
 * A run as an XLSX workbook, one sheet per part of the result, so every
 * figure sits next to the rules, articles and parameter values it came
 * from. Amounts are written in yuan (two decimals) as numbers, for the
 * officer's own sums; text cells go through safeCell (no formulas).
 */
import ExcelJS from 'exceljs';

import { formatYuan, type Fen } from '../../core/money.ts';
import { safeCell } from '../../io/table.ts';
import type { AreaResult, SimulationResult } from '../rules/result.ts';
import { AREA_TITLES } from '../rules/scenario.ts';
import { AREA_PLUGINS } from './areas.ts';

export interface ExportOptions {
  /** Masks personal fields of detail rows for callers without the need. */
  mask?: <T extends Record<string, unknown>>(rows: readonly T[]) => T[];
}

export interface Column {
  key: string;
  header: string;
  money?: boolean;
  width?: number;
}

/** A detail sheet an area adds to the workbook. */
export interface SheetSpec {
  name: string;
  columns: readonly Column[];
  rows: readonly Record<string, unknown>[];
  /** Rows name persons: masked for callers without the need. */
  personal: boolean;
}

export type DetailSheets = (area: AreaResult, counties: Readonly<Record<string, string>>) => SheetSpec[];

const yuanNumber = (fen: Fen) => Number(formatYuan(fen));

function sheet(workbook: ExcelJS.Workbook, name: string, columns: readonly Column[], rows: readonly Record<string, unknown>[]): void {
  const ws = workbook.addWorksheet(name);
  ws.columns = columns.map((c) => ({ key: c.key, header: c.header, width: c.width ?? (c.money ? 14 : 18) }));
  for (const row of rows) {
    const values: Record<string, unknown> = {};
    for (const c of columns) {
      const v = row[c.key];
      values[c.key] = c.money && typeof v === 'number' ? yuanNumber(v) : safeCell(Array.isArray(v) ? v.join('、') : v);
    }
    ws.addRow(values);
  }
  ws.getRow(1).font = { bold: true };
  for (const [index, c] of columns.entries()) {
    if (c.money) ws.getColumn(index + 1).numFmt = '#,##0.00';
  }
  ws.views = [{ state: 'frozen', ySplit: 1 }];
}

const totalColumns: Column[] = [
  { key: 'title', header: '项目', width: 28 },
  { key: 'baseline', header: '基线（元）', money: true },
  { key: 'scenario', header: '方案（元）', money: true },
  { key: 'delta', header: '变化（元）', money: true },
  { key: 'entities', header: '涉及人数/户数' },
];

export async function resultWorkbook(result: SimulationResult, options: ExportOptions = {}): Promise<Buffer> {
  const mask = options.mask ?? (<T,>(rows: readonly T[]) => [...rows]);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '鸡西市政策执行平台 政策测算';
  workbook.created = new Date(result.ranAt);

  sheet(workbook, '方案', [
    { key: 'field', header: '项目', width: 16 },
    { key: 'value', header: '内容', width: 80 },
  ], [
    { field: '方案名称', value: result.scenario.name },
    { field: '测算目的', value: result.scenario.purpose },
    { field: '编制人', value: result.scenario.author },
    { field: '测算年度', value: String(result.year) },
    { field: '测算领域', value: result.areas.map((a) => AREA_TITLES[a]).join('、') },
    { field: '比较基线', value: result.baseline },
    { field: '测算时间', value: result.ranAt },
    { field: '测算编号', value: result.runId },
    { field: '基线合计（元）', value: formatYuan(result.totals.baseline) },
    { field: '方案合计（元）', value: formatYuan(result.totals.scenario) },
    { field: '变化（元）', value: formatYuan(result.totals.delta) },
    ...result.results.flatMap((r) => r.notes.map((n) => ({ field: `说明（${AREA_TITLES[r.area]}）`, value: n }))),
  ]);

  sheet(workbook, '参数调整', [
    { key: 'id', header: '参数', width: 40 },
    { key: 'label', header: '名称', width: 36 },
    { key: 'number', header: '文号', width: 22 },
    { key: 'article', header: '条款', width: 14 },
    { key: 'unit', header: '单位', width: 10 },
    { key: 'baseline', header: '基线取值（时段）', width: 40 },
    { key: 'scenario', header: '方案取值（时段）', width: 40 },
  ], result.parameters.map((p) => ({
    ...p,
    baseline: p.baseline.map(versionText).join('；'),
    scenario: p.scenario.map(versionText).join('；'),
  })));

  sheet(workbook, '所用参数', [
    { key: 'id', header: '参数', width: 44 },
    { key: 'label', header: '名称', width: 36 },
    { key: 'number', header: '文号', width: 22 },
    { key: 'article', header: '条款', width: 14 },
    { key: 'changed', header: '是否调整', width: 10 },
    { key: 'baseline', header: '基线取值（时段）', width: 40 },
    { key: 'scenario', header: '方案取值（时段）', width: 40 },
  ], (result.parametersUsed ?? []).map((p) => ({
    ...p,
    changed: result.parameters.some((c) => c.id === p.id) ? '是' : '否',
    baseline: p.baseline.map(versionText).join('；'),
    scenario: p.scenario.map(versionText).join('；'),
  })));

  sheet(workbook, '汇总', [{ key: 'group', header: '分组', width: 10 }, ...totalColumns], [
    { group: '合计', title: '全部', ...result.totals, entities: '' },
    ...result.byArea.map((g) => ({ group: '领域', ...g })),
    ...result.byItem.map((g) => ({ group: '项目', ...g })),
    ...result.byCounty.map((g) => ({ group: '县区', ...g })),
    ...result.byCategory.map((g) => ({ group: '类别', ...g })),
  ]);

  sheet(workbook, '成本明细', [
    { key: 'areaTitle', header: '领域', width: 8 },
    { key: 'itemTitle', header: '项目', width: 24 },
    { key: 'countyTitle', header: '县区', width: 14 },
    { key: 'categoryTitle', header: '类别', width: 22 },
    { key: 'baseline', header: '基线（元）', money: true },
    { key: 'scenario', header: '方案（元）', money: true },
    { key: 'delta', header: '变化（元）', money: true },
    { key: 'entities', header: '涉及人数/户数' },
    { key: 'articles', header: '适用条款', width: 40 },
    { key: 'rules', header: '规则', width: 60 },
  ], result.lines.map((l) => ({ ...l, areaTitle: AREA_TITLES[l.area], countyTitle: result.counties[l.county] ?? l.county })));

  sheet(workbook, '受益与受损分布', [
    { key: 'areaTitle', header: '领域', width: 8 },
    { key: 'band', header: '变化幅度（元）', width: 20 },
    { key: 'gainers', header: '受益人数' },
    { key: 'gained', header: '受益金额（元）', money: true },
    { key: 'losers', header: '受损人数' },
    { key: 'lost', header: '受损金额（元）', money: true },
  ], result.results.flatMap((r) => {
    // Credit counts grade steps, not money: written as text with the unit.
    const points = r.distribution.unit === 'grades';
    const size = (v: number) => (points ? `${v} 级` : v);
    return [
      ...r.distribution.bands.map((b) => ({ areaTitle: AREA_TITLES[r.area], band: bandText(b.above, b.upTo, points), ...b, gained: size(b.gained), lost: size(b.lost) })),
      { areaTitle: AREA_TITLES[r.area], band: `合计（不变 ${r.distribution.unchanged}）`, gainers: r.distribution.gainers, gained: size(r.distribution.gained), losers: r.distribution.losers, lost: size(r.distribution.lost) },
    ];
  }));

  sheet(workbook, '跨越门槛', [
    { key: 'areaTitle', header: '领域', width: 8 },
    { key: 'title', header: '变化', width: 26 },
    { key: 'subject', header: '对象', width: 22 },
    { key: 'countyTitle', header: '县区', width: 14 },
    { key: 'baseline', header: '基线', width: 10 },
    { key: 'scenario', header: '方案', width: 10 },
    { key: 'rule', header: '规则', width: 28 },
    { key: 'article', header: '条款', width: 14 },
  ], mask(result.crossings.map((c) => ({ ...c, areaTitle: AREA_TITLES[c.area], countyTitle: result.counties[c.county] ?? c.county }))));

  for (const area of result.results) {
    for (const table of area.tables ?? []) {
      sheet(workbook, table.sheet, table.columns.map((c) => ({ key: c.key, header: c.title, money: c.kind === 'fen', width: c.kind === 'text' ? 24 : 14 })), table.rows);
    }
    for (const spec of AREA_PLUGINS[area.area]?.sheets(area, result.counties) ?? []) {
      sheet(workbook, spec.name, spec.columns, spec.personal ? mask(spec.rows) : spec.rows);
    }
  }

  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function versionText(v: { from: string; to: string | null; value: unknown; override: string | null }): string {
  const value = typeof v.value === 'object' ? JSON.stringify(v.value) : String(v.value);
  return `${v.from}${v.to ? `至${v.to}` : '起'}：${value}${v.override ? `（${v.override}）` : ''}`;
}

function bandText(above: Fen, upTo: Fen | null, points = false): string {
  if (points) return upTo === null ? `${above} 级以上` : `${above}–${upTo} 级`;
  return upTo === null ? `${formatYuan(above)} 以上` : `${formatYuan(above)}–${formatYuan(upTo)}`;
}

