/**
 * A run's result as one document: the scenario, the parameters it changed
 * (baseline and scenario values over the period), each area's cost lines,
 * distribution and crossings, and the totals by county, category and item.
 * Assembled purely from what the areas returned.
 */
import type { IsoDate } from '../../core/dates.ts';
import { totalsBy, sumLines, type CostLine, type Crossing, type Distribution, type GroupTotal, type Totals } from './outcome.ts';
import type { ParamTraceRow } from './paramTrace.ts';
import { AREA_TITLES, type Area, type ScenarioChange } from './scenario.ts';

/** A summary table an area adds to its result: shown on the page and in the workbook. */
export interface AreaTable {
  key: string;
  title: string;
  /** Worksheet name in the workbook (at most 31 characters). */
  sheet: string;
  /** `fen` columns are amounts, written in yuan. */
  columns: Array<{ key: string; title: string; kind: 'text' | 'count' | 'fen' }>;
  rows: Array<Record<string, string | number>>;
}

export interface AreaResult<Detail = unknown> {
  area: Area;
  lines: CostLine[];
  distribution: Distribution;
  crossings: Crossing[];
  /** What was looked at: claims, persons, entities, months … */
  counts: Record<string, number>;
  /** Parameter ids the area's rules read (for the trace). */
  paramIds: string[];
  /** Time the area took, reading included. */
  durationMs?: number;
  /** Readings or approximations the reader should know of. */
  notes: string[];
  /** Summary tables beyond the cost lines: grade distributions, months triggered … */
  tables?: AreaTable[];
  detail: Detail;
}

export interface SimulationResult {
  runId: string;
  scenario: { id: string; name: string; purpose: string; author: string; changes: ScenarioChange[] };
  year: number;
  period: { from: IsoDate; to: IsoDate };
  areas: Area[];
  ranAt: string;
  durationMs: number;
  /** What the scenario is compared with. */
  baseline: string;
  parameters: ParamTraceRow[];
  /** Every parameter the areas' rules read, with its values over the period (unchanged ones too). */
  parametersUsed?: ParamTraceRow[];
  totals: Totals;
  byArea: GroupTotal[];
  byCounty: GroupTotal[];
  byCategory: GroupTotal[];
  byItem: GroupTotal[];
  lines: CostLine[];
  crossings: Crossing[];
  results: AreaResult[];
  counties: Record<string, string>;
}

export function assembleResult(input: Omit<SimulationResult, 'totals' | 'byArea' | 'byCounty' | 'byCategory' | 'byItem' | 'lines' | 'crossings' | 'areas'>): SimulationResult {
  const lines = input.results.flatMap((r) => r.lines);
  const counties = input.counties;
  return {
    ...input,
    areas: input.results.map((r) => r.area),
    totals: sumLines(lines),
    byArea: totalsBy(lines, (l) => l.area, (l) => AREA_TITLES[l.area]),
    byCounty: totalsBy(lines, (l) => l.county, (l) => counties[l.county] ?? l.county),
    byCategory: totalsBy(lines, (l) => `${l.area}:${l.category}`, (l) => `${AREA_TITLES[l.area]}·${l.categoryTitle}`),
    byItem: totalsBy(lines, (l) => `${l.area}:${l.item}`, (l) => `${AREA_TITLES[l.area]}·${l.itemTitle}`),
    lines,
    crossings: input.results.flatMap((r) => r.crossings),
  };
}

