/** Small hand-built catalogues and observations for the price rule tests. */
import type { CatalogueItem, Category, Observation } from '../../src/price/rules/types.ts';

export function item(id: string, category: Category, extra: Partial<CatalogueItem> = {}): CatalogueItem {
  return {
    id,
    name: id,
    category,
    unit: '元/500克',
    specification: '',
    governmentSet: false,
    inBasket: category === 'vegetables',
    plausibleMinFen: null,
    plausibleMaxFen: null,
    ...extra,
  };
}

/** Points p1–p3 in 鸡冠区, p4 in 鸡东县, p5 in 虎林市. */
export const COUNTY_OF: Record<string, string> = {
  p1: '230302', p2: '230302', p3: '230302', p4: '230321', p5: '230381',
};

export function obs(pointId: string, itemId: string, date: string, priceFen: number): Observation {
  return { pointId, county: COUNTY_OF[pointId]!, itemId, date, priceFen };
}

/** The same price at several points on one date. */
export function at(points: string[], itemId: string, date: string, priceFen: number): Observation[] {
  return points.map((p) => obs(p, itemId, date, priceFen));
}
