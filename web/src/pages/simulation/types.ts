/** The simulation API's answers, from the generated client. */
import type { ResponseOf } from '../../api/client.ts';

export type Scenario = ResponseOf<'/api/simulation/scenarios/{id}'>;
export type RunResult = ResponseOf<'/api/simulation/runs/{runId}'>;
export type RunSummary = ResponseOf<'/api/simulation/runs'>[number];
export type Comparison = ResponseOf<'/api/simulation/compare'>;
export type AreaInfo = ResponseOf<'/api/simulation/areas'>[number];
export type GroupTotal = NonNullable<RunResult['byCounty']>[number];
export type AreaResult = NonNullable<RunResult['results']>[number];

export const AREA_TITLES: Record<string, string> = {
  medical: '医保',
  disability: '残联',
  credit: '信用',
  price: '价格',
};

/** Fen to yuan for a chart axis (display only; tables print formatYuan). */
export function chartYuan(fen: number | undefined): number {
  return Math.round(fen ?? 0) / 100;
}
