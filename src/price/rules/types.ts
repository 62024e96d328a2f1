/**
 * The vocabulary of the price rules (鸡政办规〔2022〕20号, D3): catalogue
 * items, monitoring points, observations in integer fen, complaints and
 * panic-buying reports. Plain data; no I/O.
 */
import type { IsoDate } from '../../core/dates.ts';
import type { Fen } from '../../core/money.ts';

/** Commodity and service groups the monitoring covers (spec “Monitoring”). */
export const CATEGORIES = [
  'grain', 'edible_oil', 'pork', 'beef', 'mutton', 'chicken', 'eggs', 'milk',
  'vegetables', 'fruit', 'salt', 'sugar', 'lpg', 'refined_oil', 'coal',
  'fertiliser', 'medicines', 'services',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const CATEGORY_LABELS: Record<Category, string> = {
  grain: '粮食', edible_oil: '食用油', pork: '猪肉', beef: '牛肉', mutton: '羊肉',
  chicken: '鸡肉', eggs: '鸡蛋', milk: '牛奶', vegetables: '蔬菜', fruit: '水果',
  salt: '食盐', sugar: '食糖', lpg: '液化气', refined_oil: '成品油', coal: '煤炭',
  fertiliser: '化肥', medicines: '药品', services: '重要服务',
};

/** The pseudo-item R1 uses for the vegetable basket (菜篮子). */
export const VEGETABLE_BASKET = 'vegetable_basket';

export interface CatalogueItem {
  id: string;
  name: string;
  category: Category;
  unit: string;
  /** 规格等级 */
  specification: string;
  /** 政府定价: scheduled adjustments never raise an alarm. */
  governmentSet: boolean;
  /** Member of the vegetable basket R1 watches. */
  inBasket: boolean;
  /** Plausible band; a price outside it is held for confirmation. */
  plausibleMinFen: Fen | null;
  plausibleMaxFen: Fen | null;
}

export type PointKind = 'market' | 'supermarket' | 'wholesale' | 'temporary';

export interface MonitoringPoint {
  id: string;
  name: string;
  /** GB/T 2260 code of the county or district (县(市)区). */
  county: string;
  kind: PointKind;
}

/** An accepted observation as the rules see it. */
export interface Observation {
  pointId: string;
  county: string;
  itemId: string;
  date: IsoDate;
  priceFen: Fen;
}

/** Sum and count of one point's observations of one item in one month. */
export interface MonthlyAggregate {
  pointId: string;
  county: string;
  itemId: string;
  month: string;
  sumFen: number;
  count: number;
}

/** 12315 complaints about an item in a county on a day (D3 3.3). */
export interface ComplaintCount {
  itemId: string;
  county: string;
  date: IsoDate;
  count: number;
}

export type PanicKind = 'competing' | 'rush' | 'sold_out';

export const PANIC_KIND_LABELS: Record<PanicKind, string> = {
  competing: '争购',
  rush: '抢购',
  sold_out: '脱销',
};

/** A market patrol's report of panic buying (D3 3.2.3). */
export interface PanicReport {
  id: string;
  itemId: string;
  county: string;
  pointId: string | null;
  date: IsoDate;
  kind: PanicKind;
}

/** 较大(三级), 重大(二级), 特别重大(一级) (D3 1.3). */
export type Level = 1 | 2 | 3;

export const LEVEL_LABELS: Record<Level, string> = {
  3: '较大（三级）',
  2: '重大（二级）',
  1: '特别重大（一级）',
};
