/**
 * The dashboard's chart options as pure functions of its data.
 *
 * Price lines: the average per 旬 (or day, month) of one item for the city
 * and each county, with the R1 thresholds of D3 1.3 drawn as the price at
 * which the next period's change reaches the yellow and the red light
 * (previous city average × (1 + threshold), in integer fen). Lines differ
 * by symbol and dash as well as colour, and the chart describes itself.
 *
 * IFPA: the indicator of a monthly series with its classes as bands
 * (normal within ±moderate, moderately high up to abnormal, abnormally
 * high above), the bounds read from price.d3.art1_3.r4_ifpa_classes.
 */
import { applyRate, BP_ONE, formatYuan, parsePercent, parseYuan } from '../../../../src/core/money.ts';

export interface AveragePoint {
  period?: string;
  label?: string;
  average?: string;
  points?: number;
}

export interface AreaSeries {
  /** `city` or a county code. */
  area: string;
  name: string;
  points: readonly AveragePoint[];
}

/** R1 thresholds of the item's category, in percent as the parameter writes them. */
export interface R1Thresholds {
  yellow: string;
  red: string;
}

export interface PriceChartInput {
  itemName: string;
  unit: string;
  areas: readonly AreaSeries[];
  thresholds?: R1Thresholds | undefined;
}

export interface PriceRow {
  period: string;
  label: string;
  /** Average per area (yuan text), null where the area had no price. */
  values: Record<string, string | null>;
  /** Prices at which this period's change against the previous city average reaches the light. */
  yellow: string | null;
  red: string | null;
}

/** The price at which a change of `percent` on `previous` is reached, in yuan text. */
export function thresholdPrice(previous: string, percent: string): string | null {
  const fen = parseYuan(previous);
  const bp = parsePercent(percent);
  if (fen === undefined || bp === undefined) return null;
  return formatYuan(applyRate(fen, BP_ONE + bp));
}

/** One row per period of any area, oldest first; thresholds from the city line. */
export function priceRows(input: PriceChartInput): PriceRow[] {
  const periods = new Map<string, string>();
  for (const area of input.areas) {
    for (const p of area.points) if (p.period) periods.set(p.period, p.label ?? p.period);
  }
  const ordered = [...periods.keys()].sort();
  const city = input.areas.find((a) => a.area === 'city');
  const cityAverage = new Map((city?.points ?? []).map((p) => [p.period ?? '', p.average ?? '']));

  return ordered.map((period, index) => {
    const values: Record<string, string | null> = {};
    for (const area of input.areas) values[area.area] = area.points.find((p) => p.period === period)?.average ?? null;
    const previous = index > 0 ? cityAverage.get(ordered[index - 1]!) : undefined;
    const at = (percent: string | undefined) => (previous && percent !== undefined ? thresholdPrice(previous, percent) : null);
    return { period, label: periods.get(period)!, values, yellow: at(input.thresholds?.yellow), red: at(input.thresholds?.red) };
  });
}

const AREA_COLOURS = ['#0958d9', '#237804', '#531dab', '#006d75', '#ad2102', '#874d00', '#1d39c4', '#9e1068', '#3f6600', '#595959'];
const SYMBOLS = ['circle', 'rect', 'triangle', 'diamond', 'pin', 'arrow', 'roundRect', 'emptyCircle', 'emptyRect', 'emptyTriangle'];
const YELLOW = '#ad6800';
const RED = '#a8071a';

const number = (text: string | null) => (text === null ? null : Number(text));

export function priceChartOptions(input: PriceChartInput) {
  const rows = priceRows(input);
  const lines = input.areas.map((area, i) => ({
    name: area.name,
    type: 'line' as const,
    data: rows.map((r) => number(r.values[area.area] ?? null)),
    connectNulls: true,
    symbol: SYMBOLS[i % SYMBOLS.length],
    symbolSize: area.area === 'city' ? 9 : 7,
    lineStyle: { width: area.area === 'city' ? 3 : 1.5, type: 'solid' as const },
    itemStyle: { color: AREA_COLOURS[i % AREA_COLOURS.length] },
  }));
  const thresholds = input.thresholds
    ? [
        {
          name: `黄灯阈值（旬环比 ≥ ${input.thresholds.yellow}%）`,
          type: 'line' as const,
          data: rows.map((r) => number(r.yellow)),
          symbol: 'none',
          step: 'middle' as const,
          lineStyle: { type: 'dashed' as const, width: 2, color: YELLOW },
          itemStyle: { color: YELLOW },
        },
        {
          name: `红灯阈值（旬环比 ≥ ${input.thresholds.red}%）`,
          type: 'line' as const,
          data: rows.map((r) => number(r.red)),
          symbol: 'none',
          step: 'middle' as const,
          lineStyle: { type: 'dotted' as const, width: 2, color: RED },
          itemStyle: { color: RED },
        },
      ]
    : [];
  const series = [...lines, ...thresholds];

  return {
    aria: { enabled: true, decal: { show: true } },
    title: { text: `${input.itemName}均价（${input.unit}）`, left: 'center', textStyle: { fontSize: 14 } },
    tooltip: { trigger: 'axis' as const },
    legend: { bottom: 0, data: series.map((s) => s.name) },
    grid: { left: 64, right: 24, top: 48, bottom: 72 },
    xAxis: { type: 'category' as const, data: rows.map((r) => r.label), boundaryGap: false },
    yAxis: { type: 'value' as const, name: input.unit, scale: true },
    series,
  };
}

export interface IfpaRow {
  month?: string;
  cqgr?: string;
  cagr?: string;
  ifpa?: string;
  class?: string;
}

export interface IfpaBounds {
  abnormal: number;
  moderate: number;
}

/** The months with an indicator (the first years only build the history). */
export function ifpaRowsWithValue(rows: readonly IfpaRow[]): IfpaRow[] {
  return rows.filter((r) => r.ifpa !== undefined && r.ifpa !== '' && Number.isFinite(Number(r.ifpa)));
}

export function ifpaChartOptions(rows: readonly IfpaRow[], bounds: IfpaBounds, title: string) {
  const shown = ifpaRowsWithValue(rows);
  const values = shown.map((r) => Number(r.ifpa));
  const top = Math.max(bounds.abnormal + 0.5, ...values.map((v) => Math.ceil(v)));
  const bottom = Math.min(-bounds.abnormal - 0.5, ...values.map((v) => Math.floor(v)));
  const band = (name: string, from: number, to: number, color: string) => [
    { name, yAxis: from, itemStyle: { color, opacity: 0.18 }, label: { color: '#262626' } },
    { yAxis: to },
  ];

  return {
    aria: { enabled: true, decal: { show: true } },
    title: { text: title, left: 'center', textStyle: { fontSize: 14 } },
    tooltip: { trigger: 'axis' as const },
    legend: { bottom: 0, data: ['IFPA'] },
    grid: { left: 56, right: 96, top: 48, bottom: 56 },
    xAxis: { type: 'category' as const, data: shown.map((r) => r.month ?? '') },
    yAxis: { type: 'value' as const, name: 'z', min: bottom, max: top },
    series: [
      {
        name: 'IFPA',
        type: 'line' as const,
        data: values,
        symbol: 'circle',
        symbolSize: 7,
        lineStyle: { width: 2 },
        itemStyle: { color: '#0958d9' },
        markArea: {
          silent: true,
          label: { position: 'right' as const },
          data: [
            band('异常偏高', bounds.abnormal, top, RED),
            band('中度偏高', bounds.moderate, bounds.abnormal, YELLOW),
            band('正常', -bounds.moderate, bounds.moderate, '#237804'),
          ],
        },
        markLine: {
          silent: true,
          symbol: 'none',
          label: { position: 'start' as const, formatter: '{c}' },
          lineStyle: { type: 'dashed' as const, color: '#595959' },
          data: [{ yAxis: bounds.abnormal }, { yAxis: bounds.moderate }, { yAxis: -bounds.moderate }],
        },
      },
    ],
  };
}
