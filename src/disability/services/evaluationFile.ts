/**
 * The evaluation report (D1 四(三)) as a workbook an office can file:
 * 说明, 全市指标, 分县区, 预警与提示, 录入记录. Text cells pass the formula guard.
 */
import ExcelJS from 'exceljs';

import { safeCell } from '../../io/table.ts';
import type { EvaluationReport } from '../rules/evaluation.ts';
import type { TrackedIndicator } from '../rules/indicators/track.ts';
import type { EntryView } from './indicators.ts';

const STATUS_LABELS: Record<TrackedIndicator['status'], string> = {
  met: '已达标',
  on_track: '符合进度',
  off_track: '滞后',
  no_data: '无数据',
};

const FLAG_LABELS = { alarm: '预警（约束性）', warning: '提示（预期性）' } as const;
const KIND_LABELS = { binding: '约束性', expected: '预期性' } as const;

function addSheet(workbook: ExcelJS.Workbook, name: string, header: string[], rows: unknown[][], widths: number[]): void {
  const sheet = workbook.addWorksheet(name);
  sheet.addRow(header).font = { bold: true };
  for (const row of rows) sheet.addRow(row.map((v) => safeCell(v)));
  widths.forEach((w, i) => { sheet.getColumn(i + 1).width = w; });
}

export async function evaluationWorkbook(report: EvaluationReport & { entries: EntryView[]; payrollMonth: string | null }): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.title = report.title;

  addSheet(workbook, '说明', ['项目', '内容'], [
    ['报告', report.title],
    ['评估年度', report.year],
    ['数据截至', report.asOf],
    ['补贴覆盖率所用发放名册', report.payrollMonth ?? '本年度尚无已完成的发放名册'],
    ['数据性质', report.synthetic ? '合成演示数据（非真实数据，仅供演示）' : '登记数据'],
    ['依据', '鸡政规〔2022〕8号《鸡西市“十四五”残疾人保障和发展规划》专栏1、四(三)'],
    ['指标汇总', `已达标${report.summary.met}项，符合进度${report.summary.onTrack}项，滞后${report.summary.offTrack}项，无数据${report.summary.noData}项；预警${report.summary.alarms}项，提示${report.summary.warnings}项`],
  ], [24, 90]);

  const indicatorRow = (i: TrackedIndicator) => [
    i.number, i.label, KIND_LABELS[i.kind], i.source === 'register' ? '登记数据计算' : '人工录入',
    i.value ?? '—', i.target, i.milestone ?? '—', STATUS_LABELS[i.status], i.flag ? FLAG_LABELS[i.flag] : '', i.message,
  ];
  addSheet(workbook, '全市指标',
    ['序号', '指标', '属性', '来源', '实际值', '2025年目标', '本期进度要求', '状态', '预警', '说明'],
    report.city.indicators.map(indicatorRow), [6, 36, 8, 12, 10, 14, 14, 10, 14, 60]);

  const countyRows: unknown[][] = [];
  for (const area of report.counties) {
    for (const i of area.indicators) countyRows.push([area.county, area.name, ...indicatorRow(i)]);
  }
  addSheet(workbook, '分县区',
    ['县区代码', '县(市)区', '序号', '指标', '属性', '来源', '实际值', '目标', '本期进度要求', '状态', '预警', '说明'],
    countyRows, [10, 10, 6, 36, 8, 12, 10, 14, 14, 10, 14, 60]);

  addSheet(workbook, '预警与提示', ['县区代码', '县(市)区', '序号', '指标', '类别', '说明'],
    report.findings.map((f) => [f.county, f.name, f.number, f.label, FLAG_LABELS[f.flag], f.message]), [10, 12, 6, 36, 14, 70]);

  addSheet(workbook, '录入记录', ['录入项', '年度', '县区代码', '数值(%)', '说明', '录入人', '角色', '录入时间'],
    report.entries.map((e) => [e.seriesLabel, e.year, e.county, e.value, e.note ?? '', e.enteredBy, e.enteredRole ?? '', e.enteredAt]),
    [30, 8, 10, 10, 30, 14, 14, 24]);

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
