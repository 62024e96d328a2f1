/**
 * Chart options as pure functions of the credit API's answers: the score
 * broken down by indicator, the score over time against the grade
 * cut-offs, and how a sector's entities spread over the grades. Bars
 * differ by pattern as well as colour (decals), each chart describes
 * itself (aria), and every page shows the same figures in a table.
 */
import type { ResponseOf } from '../../api/client.ts';

export type ScoreView = ResponseOf<'/api/credit/entities/{uscc}/score'>;
export type HistoryView = ResponseOf<'/api/credit/entities/{uscc}/history'>;
export type DistributionView = ResponseOf<'/api/credit/sectors/{code}/distribution'>;
export interface Cutoff {
  grade?: string;
  min?: number;
}

export interface BreakdownRow {
  code: string;
  label: string;
  group: string;
  max: number;
  points: number;
  lost: number;
  records: string[];
  reason: string;
}

/** One row per indicator, in the table's order. */
export function breakdownRows(score: ScoreView): BreakdownRow[] {
  return (score.indicators ?? []).map((x) => ({
    code: x.code ?? '',
    label: x.label ?? x.code ?? '',
    group: x.group ?? '',
    max: x.max ?? 0,
    points: x.points ?? 0,
    lost: Math.max(0, (x.max ?? 0) - (x.points ?? 0)),
    records: x.records ?? [],
    reason: x.reason ?? '',
  }));
}

export function breakdownChartOptions(score: ScoreView) {
  const rows = breakdownRows(score);
  return {
    aria: { enabled: true, decal: { show: true } },
    title: { text: `各指标得分（共 ${score.score ?? 0} 分，满分 1000 分）`, left: 'center', textStyle: { fontSize: 14 } },
    tooltip: { trigger: 'axis' as const, axisPointer: { type: 'shadow' as const } },
    legend: { bottom: 0, data: ['得分', '未得分'] },
    grid: { left: 150, right: 24, top: 40, bottom: 48 },
    xAxis: { type: 'value' as const, name: '分' },
    yAxis: { type: 'category' as const, inverse: true, data: rows.map((r) => r.label), axisLabel: { interval: 0 } },
    series: [
      { name: '得分', type: 'bar' as const, stack: 'points', data: rows.map((r) => r.points), itemStyle: { color: '#0958d9' } },
      { name: '未得分', type: 'bar' as const, stack: 'points', data: rows.map((r) => r.lost), itemStyle: { color: '#bfbfbf' } },
    ],
  };
}

export interface HistoryPoint {
  on: string;
  score: number;
  grade: string;
  reason: string;
}

/** Oldest first: one point per stored result. */
export function historyPoints(history: HistoryView): HistoryPoint[] {
  return [...history]
    .map((h) => ({ on: h.evaluatedOn ?? '', score: h.score ?? 0, grade: h.grade ?? '', reason: h.reason ?? '', at: h.computedAt ?? '' }))
    .sort((a, b) => (a.on === b.on ? a.at.localeCompare(b.at) : a.on.localeCompare(b.on)))
    .map(({ on, score, grade, reason }) => ({ on, score, grade, reason }));
}

export function historyChartOptions(history: HistoryView, cutoffs: readonly Cutoff[]) {
  const points = historyPoints(history);
  const lines = cutoffs.filter((c) => c.grade && c.grade !== 'E' && typeof c.min === 'number');
  return {
    aria: { enabled: true },
    title: { text: '历次评价得分与等级分数线', left: 'center', textStyle: { fontSize: 14 } },
    tooltip: { trigger: 'axis' as const },
    legend: { bottom: 0, data: ['得分', ...lines.map((c) => `${c.grade}级线 ${c.min}`)] },
    grid: { left: 56, right: 24, top: 40, bottom: 64 },
    xAxis: { type: 'category' as const, data: points.map((p, i) => `${p.on}（第${i + 1}次）`) },
    yAxis: { type: 'value' as const, name: '分', min: 500, max: 1000 },
    series: [
      {
        name: '得分',
        type: 'line' as const,
        data: points.map((p) => p.score),
        symbol: 'circle',
        symbolSize: 8,
        label: { show: true, formatter: (p: { dataIndex: number }) => `${points[p.dataIndex]?.score} ${points[p.dataIndex]?.grade}` },
        itemStyle: { color: '#0958d9' },
      },
      ...lines.map((c) => ({
        name: `${c.grade}级线 ${c.min}`,
        type: 'line' as const,
        data: points.map(() => c.min as number),
        symbol: 'none',
        lineStyle: { type: 'dashed' as const, width: 1 },
        itemStyle: { color: '#595959' },
      })),
    ],
  };
}

export interface DistributionRow {
  key: string;
  label: string;
  count: number;
  share: string;
}

/** A–E with their categories, then 缺少行业指标 when a model lacks points. */
export function distributionRows(view: DistributionView): DistributionRow[] {
  const total = view.total ?? 0;
  const share = (n: number) => (total > 0 ? `${((n * 1000) / total / 10).toFixed(1)}%` : '—');
  const rows = (view.grades ?? []).map((g) => ({
    key: g.grade ?? '',
    label: `${g.grade}级 ${g.category ?? ''}`.trim(),
    count: g.count ?? 0,
    share: share(g.count ?? 0),
  }));
  if ((view.needsInput ?? 0) > 0) rows.push({ key: 'needs_input', label: '缺少行业指标', count: view.needsInput ?? 0, share: share(view.needsInput ?? 0) });
  return rows;
}

export function distributionChartOptions(view: DistributionView) {
  const rows = distributionRows(view);
  return {
    aria: { enabled: true, decal: { show: true } },
    title: { text: `${view.label ?? view.sector ?? ''}：信用等级分布（${view.on ?? ''}）`, left: 'center', textStyle: { fontSize: 14 } },
    tooltip: { trigger: 'axis' as const },
    grid: { left: 56, right: 24, top: 48, bottom: 48 },
    xAxis: { type: 'category' as const, data: rows.map((r) => r.label), axisLabel: { interval: 0 } },
    yAxis: { type: 'value' as const, name: '户', minInterval: 1 },
    series: [
      {
        name: '主体数',
        type: 'bar' as const,
        data: rows.map((r) => r.count),
        label: { show: true, position: 'top' as const },
        itemStyle: { color: '#0958d9' },
      },
    ],
  };
}
