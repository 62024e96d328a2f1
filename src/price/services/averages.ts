/**
 * Average price series for charts and reports: the city (or one county)
 * average of an item by date, 旬 or month, over accepted observations, with
 * the number of points behind each value. Unrounded averages are rounded
 * only for display.
 */
import type { IsoDate } from '../../core/dates.ts';
import type { PlatformContext } from '../../platform/context.ts';
import { averageOf, pointMeans } from '../rules/averages.ts';
import { formatYuanRatio } from '../rules/exact.ts';
import { xunLabel, xunOf } from '../rules/periods.ts';
import type { Observation } from '../rules/types.ts';

export type Granularity = 'date' | 'xun' | 'month';

export interface AveragePoint {
  period: string;
  label: string;
  average: string;
  points: number;
}

export async function averageSeries(
  ctx: PlatformContext,
  query: { itemId: string; from: IsoDate; to: IsoDate; by: Granularity; county?: string },
): Promise<AveragePoint[]> {
  let select = ctx.store.db.selectFrom('price_observation')
    .select(['point_id', 'county', 'item_id', 'date', 'price_fen'])
    .where('status', '=', 'accepted')
    .where('item_id', '=', query.itemId)
    .where('date', '>=', query.from)
    .where('date', '<=', query.to);
  if (query.county) select = select.where('county', '=', query.county);
  const rows: Observation[] = (await select.execute())
    .map((r) => ({ pointId: r.point_id, county: r.county, itemId: r.item_id, date: r.date, priceFen: r.price_fen }));

  const periodOf = (date: string) => query.by === 'date' ? date : query.by === 'month' ? date.slice(0, 7) : xunOf(date).key;
  const groups = new Map<string, Observation[]>();
  for (const o of rows) {
    const key = periodOf(o.date);
    groups.set(key, [...(groups.get(key) ?? []), o]);
  }

  return [...groups.keys()].sort().map((period) => {
    const average = averageOf(pointMeans(groups.get(period)!))!;
    const label = query.by === 'xun' ? xunLabel(xunOf(groups.get(period)![0]!.date)) : period;
    return { period, label, average: formatYuanRatio(average.average, 2), points: average.points.length };
  });
}
