/**
 * Chart options as pure functions of a run's result: cost by county
 * (baseline against scenario) and the distribution of gains and losses.
 * Bars differ by pattern as well as colour (decals); every chart has its
 * figures in a table beside it.
 */
import { formatYuan } from '../../money.ts';
import { chartYuan, type AreaResult, type GroupTotal } from './types.ts';

export function countyChartOptions(groups: readonly GroupTotal[], year: number) {
  const rows = [...groups].sort((a, b) => (a.key ?? '').localeCompare(b.key ?? ''));
  return {
    aria: { enabled: true, decal: { show: true } },
    title: { text: `${year} 年分县区成本：基线与方案（元）`, left: 'center', textStyle: { fontSize: 14 } },
    tooltip: { trigger: 'axis' as const },
    legend: { bottom: 0, data: ['基线', '方案'] },
    grid: { left: 90, right: 24, top: 48, bottom: 64 },
    xAxis: { type: 'category' as const, data: rows.map((r) => r.title), axisLabel: { interval: 0, rotate: rows.length > 6 ? 30 : 0 } },
    yAxis: { type: 'value' as const, name: '元' },
    series: [
      { name: '基线', type: 'bar' as const, data: rows.map((r) => chartYuan(r.baseline)), itemStyle: { color: '#8c8c8c' } },
      { name: '方案', type: 'bar' as const, data: rows.map((r) => chartYuan(r.scenario)), itemStyle: { color: '#0958d9' } },
    ],
  };
}

export function bandLabel(above: number | undefined, upTo: number | null | undefined, unit?: string): string {
  if (unit === 'grades') return upTo === null || upTo === undefined ? `${above ?? 0} 级以上` : `${above ?? 0}–${upTo} 级`;
  return upTo === null || upTo === undefined ? `${formatYuan(above ?? 0)} 元以上` : `${formatYuan(above ?? 0)}–${formatYuan(upTo)} 元`;
}

export function distributionChartOptions(area: AreaResult, title: string) {
  const bands = area.distribution?.bands ?? [];
  const grades = area.distribution?.unit === 'grades';
  return {
    aria: { enabled: true, decal: { show: true } },
    title: { text: grades ? `${title}：等级上升与下降的主体数（按变化幅度）` : `${title}：受益与受损人数（按变化幅度）`, left: 'center', textStyle: { fontSize: 14 } },
    tooltip: { trigger: 'axis' as const },
    legend: { bottom: 0, data: grades ? ['上升', '下降'] : ['受益', '受损'] },
    grid: { left: 60, right: 24, top: 48, bottom: 64 },
    xAxis: { type: 'category' as const, data: bands.map((b) => bandLabel(b.above, b.upTo, area.distribution?.unit)), axisLabel: { interval: 0 } },
    yAxis: { type: 'value' as const, name: grades ? '个' : '人（户）', minInterval: 1 },
    series: [
      { name: grades ? '上升' : '受益', type: 'bar' as const, data: bands.map((b) => b.gainers ?? 0), itemStyle: { color: '#389e0d' } },
      { name: grades ? '下降' : '受损', type: 'bar' as const, data: bands.map((b) => b.losers ?? 0), itemStyle: { color: '#cf1322' } },
    ],
  };
}
