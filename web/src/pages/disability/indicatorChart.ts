/**
 * The dashboard chart as a pure function of the monitoring answers
 * (GET /api/disability/indicators, one per year): for one indicator of 专栏1
 * and one area, the path needed to reach the 2025 target against the value
 * reached each year. Percent milestones arrive in basis points and values
 * as text; the chart shows percent. Series differ by line style and symbol
 * as well as colour, and the chart describes itself (aria).
 */
import type { ResponseOf } from '../../api/client.ts';

export type Monitoring = ResponseOf<'/api/disability/indicators'>;
type Area = NonNullable<Monitoring['city']>;
export type Tracked = NonNullable<Area['indicators']>[number];

export interface IndicatorPoint {
  year: number;
  /** The value the path requires by the end of the year; null without a path. */
  milestone: number | null;
  value: number | null;
  status: string | null;
}

export interface IndicatorSeries {
  id: string;
  number: number;
  label: string;
  kind: string;
  measure: string;
  /** The 2025 target in the chart's unit; null when the box states none in figures. */
  target: number | null;
  unit: string;
  points: IndicatorPoint[];
}

function areaOf(m: Monitoring, county: string): Area | undefined {
  if (!county || county === m.city?.county) return m.city;
  return (m.counties ?? []).find((c) => c.county === county);
}

function number(text: string | null | undefined): number | null {
  if (text === null || text === undefined || text === '') return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}

/** One indicator of one area over the years answered, in the chart's unit. */
export function indicatorSeries(answers: readonly Monitoring[], id: string, county = ''): IndicatorSeries | undefined {
  const years = [...answers].sort((a, b) => (a.year ?? 0) - (b.year ?? 0));
  let first: Tracked | undefined;
  const points: IndicatorPoint[] = [];
  for (const m of years) {
    const found = areaOf(m, county)?.indicators?.find((i) => i.id === id);
    if (!found) continue;
    first ??= found;
    const path = (found.path ?? []).find((p) => p.year === m.year);
    const scale = found.measure === 'percent' ? 100 : 1;
    points.push({
      year: m.year ?? 0,
      milestone: path?.milestone === undefined || path.milestone === null ? null : path.milestone / scale,
      value: found.status === 'no_data' ? null : number(found.value),
      status: found.status ?? null,
    });
  }
  if (!first) return undefined;
  return {
    id,
    number: first.number ?? 0,
    label: first.label ?? id,
    kind: first.kind ?? 'expected',
    measure: first.measure ?? 'percent',
    target: first.measure === 'in_step' ? null : number(first.target),
    unit: first.measure === 'percent' || first.measure === 'in_step' ? '%' : first.id === 'home_modifications' ? '户' : '人',
    points,
  };
}

export function indicatorChartOptions(series: IndicatorSeries) {
  const kind = series.kind === 'binding' ? '约束性' : '预期性';
  const hasPath = series.points.some((p) => p.milestone !== null);
  return {
    aria: { enabled: true, decal: { show: true } },
    title: { text: `指标${series.number} ${series.label}（${kind}）`, left: 'center', textStyle: { fontSize: 14 } },
    tooltip: { trigger: 'axis' as const },
    legend: { bottom: 0, data: [...(hasPath ? ['达标路径'] : []), '实际值'] },
    grid: { left: 64, right: 32, top: 48, bottom: 56 },
    xAxis: { type: 'category' as const, data: series.points.map((p) => String(p.year)) },
    yAxis: { type: 'value' as const, name: series.unit, scale: series.measure === 'percent' },
    series: [
      ...(hasPath
        ? [
            {
              name: '达标路径',
              type: 'line' as const,
              data: series.points.map((p) => p.milestone),
              lineStyle: { type: 'dashed' as const, color: '#595959', width: 2 },
              itemStyle: { color: '#595959' },
              symbol: 'rect',
              symbolSize: 8,
              ...(series.target !== null
                ? { markLine: { symbol: 'none', label: { position: 'insideEndTop' as const, formatter: `2025年目标 ${series.target}` }, lineStyle: { color: '#595959' }, data: [{ yAxis: series.target }] } }
                : {}),
            },
          ]
        : []),
      {
        name: '实际值',
        type: 'line' as const,
        data: series.points.map((p) => p.value),
        lineStyle: { type: 'solid' as const, color: '#0958d9', width: 3 },
        itemStyle: { color: '#0958d9' },
        symbol: 'circle',
        symbolSize: 9,
        connectNulls: false,
      },
    ],
  };
}
