/**
 * The breadth guard (D3 1.3: “在全市范围内或部分区域内”): a rule proposes
 * level 3 when it holds on the city average of at least `minPoints` points,
 * or on the averages of at least `minCounties` counties.
 */
export const BREADTH_RULE = 'd3.art1_3.breadth_guard';

export interface BreadthSettings {
  minPoints: number;
  minCounties: number;
  countyMinPoints: number;
}

export interface AreaOutcome<V> {
  /** "city" or a county code. */
  area: string;
  points: string[];
  holds: boolean;
  values: V;
}

export interface BreadthResult<V> {
  fires: boolean;
  scope: 'city' | 'counties' | null;
  city: AreaOutcome<V> | undefined;
  /** Counties where the rule held on enough points. */
  counties: AreaOutcome<V>[];
  /** Why it did not fire, when it did not. */
  reason?: string;
}

export function applyBreadthGuard<V>(
  city: AreaOutcome<V> | undefined,
  counties: readonly AreaOutcome<V>[],
  settings: BreadthSettings,
): BreadthResult<V> {
  const cityCounts = city !== undefined && city.points.length >= settings.minPoints;
  const holding = counties.filter((c) => c.holds && c.points.length >= settings.countyMinPoints);

  if (cityCounts && city.holds) return { fires: true, scope: 'city', city, counties: holding };
  if (holding.length >= settings.minCounties) return { fires: true, scope: 'counties', city, counties: holding };

  const reason = city?.holds && !cityCounts
    ? `全市均价仅有 ${city.points.length} 个监测点，少于 ${settings.minPoints} 个`
    : holding.length > 0
      ? `仅 ${holding.length} 个县(市)区触发，少于 ${settings.minCounties} 个`
      : '未触发';
  return { fires: false, scope: null, city, counties: holding, reason };
}
