/**
 * The fund chart's options as a pure function of the ledger: per county,
 * assistance spent against budget (D4 §19). Bars differ by pattern as well
 * as colour (decals), and the chart describes itself to screen readers.
 */
import type { FundView } from '../../api/pending.ts';
import { parseYuan } from '../../money.ts';

export interface FundRow {
  county: string;
  name: string;
  budget: number;
  spending: number;
}

/** One row per county that has a budget or spending; amounts in yuan. */
export function fundRows(ledger: FundView): FundRow[] {
  const rows = new Map<string, FundRow>();
  const yuan = (text: string) => (parseYuan(text) ?? 0) / 100;
  for (const b of ledger.budgets) rows.set(b.county, { county: b.county, name: b.name, budget: yuan(b.budget), spending: 0 });
  for (const s of ledger.spending) {
    const row = rows.get(s.county) ?? { county: s.county, name: s.name, budget: 0, spending: 0 };
    row.spending = yuan(s.spending);
    rows.set(s.county, row);
  }
  return [...rows.values()].sort((a, b) => a.county.localeCompare(b.county));
}

export function fundChartOptions(ledger: FundView) {
  const rows = fundRows(ledger);
  return {
    aria: { enabled: true, decal: { show: true } },
    title: { text: `${ledger.year} 年医疗救助支出与预算（元）`, left: 'center', textStyle: { fontSize: 14 } },
    tooltip: { trigger: 'axis' as const },
    legend: { bottom: 0, data: ['预算', '支出'] },
    grid: { left: 80, right: 24, top: 48, bottom: 56 },
    xAxis: { type: 'category' as const, data: rows.map((r) => r.name), axisLabel: { interval: 0 } },
    yAxis: { type: 'value' as const, name: '元' },
    series: [
      { name: '预算', type: 'bar' as const, data: rows.map((r) => r.budget), itemStyle: { color: '#8c8c8c' } },
      { name: '支出', type: 'bar' as const, data: rows.map((r) => r.spending), itemStyle: { color: '#0958d9' } },
    ],
  };
}
