/**
 * The price part of the demonstration data set (合成演示数据): a catalogue,
 * monitoring points in every county and district of 鸡西市, one price per
 * point, item and 旬 from 2022-06 to 2022-12 from a seeded generator, a few
 * 12315 complaint counts, one detection run as of 2022-12-20 (eggs rise
 * about 4% in 12月中旬, so R1 fires) and the level-3 warning proposed from
 * it, left for the officer to approve. For the 价格临时补贴 page, the 2022
 * national CPI figures of examples/price/cpi_national.csv (NBS, real input)
 * and synthetic recipients, with the payment lists of the triggered months.
 * Everything goes through the price services; skipped when already present.
 */
import type { IsoDate, IsoMonth } from '../../core/dates.ts';
import type { PlatformContext } from '../../platform/context.ts';
import { COUNTIES } from '../rules/counties.ts';
import type { Caller } from '../services/access.ts';
import { listItems, upsertItems, upsertPoints, type ItemInput, type PointInput } from '../services/catalogue.ts';
import { runDetection } from '../services/detection.ts';
import { listDirectory } from '../services/directory.ts';
import { ingestObservations, type Candidate } from '../services/observations.ts';
import { recordComplaints } from '../services/signals.ts';
import { runPayments, upsertIndexMonths, upsertRecipients, type RecipientInput } from '../services/subsidies.ts';
import { proposeWarning } from '../services/warnings.ts';

export const MARK = '（合成演示）';
export const DEMO_SIZES = {
  full: { pointsPerCounty: 5, items: 'all', recipients: 600 },
  small: { pointsPerCounty: 2, items: 'core', recipients: 60 },
} as const;
export const DEMO_MONTHS: readonly IsoMonth[] = ['2022-06', '2022-07', '2022-08', '2022-09', '2022-10', '2022-11', '2022-12'];
/** One price per 旬 (上旬, 中旬, 下旬), on these days. */
export const DEMO_DAYS = ['05', '15', '25'] as const;
export const DEMO_DETECTION_ON: IsoDate = '2022-12-20';
/** The item planted to rise: +4.2% from 2022-12-11, R1 (eggs, yellow at 3%). */
export const DEMO_RISING_ITEM = 'eggs';
const RISE_FROM: IsoDate = '2022-12-11';
const RISE = 1.042;

const OFFICE: Caller = { user: 'demo-price-office', role: 'price_office' };

interface DemoItem extends ItemInput {
  /** Base price, yuan. */
  base: number;
  /** Extra change per 旬 within [from, to] months (a realistic drift, well below every threshold). */
  drift?: { from: IsoMonth; to: IsoMonth; perXun: number };
  core?: boolean;
}

const ITEMS: readonly DemoItem[] = [
  { id: 'rice', name: '粳米', category: 'grain', unit: '元/500克', specification: '一级', base: 2.9, core: true },
  { id: 'flour', name: '面粉', category: 'grain', unit: '元/500克', specification: '标准粉', base: 2.3 },
  { id: 'soy_oil', name: '大豆油', category: 'edible_oil', unit: '元/5升', specification: '桶装', base: 68, core: true },
  { id: 'peanut_oil', name: '花生油', category: 'edible_oil', unit: '元/5升', specification: '桶装', base: 125 },
  { id: 'pork_lean', name: '猪肉', category: 'pork', unit: '元/500克', specification: '精瘦肉', base: 14.5, drift: { from: '2022-09', to: '2022-10', perXun: 0.012 }, core: true },
  { id: 'pork_belly', name: '猪肉', category: 'pork', unit: '元/500克', specification: '五花肉', base: 13, drift: { from: '2022-09', to: '2022-10', perXun: 0.012 } },
  { id: 'beef', name: '牛肉', category: 'beef', unit: '元/500克', specification: '鲜牛肉', base: 40 },
  { id: 'mutton', name: '羊肉', category: 'mutton', unit: '元/500克', specification: '鲜羊肉', base: 42 },
  { id: 'chicken', name: '白条鸡', category: 'chicken', unit: '元/500克', specification: '', base: 11, core: true },
  { id: 'eggs', name: '鸡蛋', category: 'eggs', unit: '元/500克', specification: '散装', base: 5.2, core: true },
  { id: 'milk', name: '牛奶', category: 'milk', unit: '元/500克', specification: '袋装', base: 3.6 },
  { id: 'cabbage', name: '大白菜', category: 'vegetables', unit: '元/500克', specification: '', base: 1.2, drift: { from: '2022-11', to: '2022-12', perXun: 0.015 }, core: true },
  { id: 'potato', name: '土豆', category: 'vegetables', unit: '元/500克', specification: '', base: 1.4, core: true },
  { id: 'cucumber', name: '黄瓜', category: 'vegetables', unit: '元/500克', specification: '', base: 3.2, drift: { from: '2022-11', to: '2022-12', perXun: 0.02 }, core: true },
  { id: 'tomato', name: '西红柿', category: 'vegetables', unit: '元/500克', specification: '', base: 3.6, drift: { from: '2022-11', to: '2022-12', perXun: 0.02 } },
  { id: 'carrot', name: '胡萝卜', category: 'vegetables', unit: '元/500克', specification: '', base: 1.8 },
  { id: 'apple', name: '苹果', category: 'fruit', unit: '元/500克', specification: '富士', base: 5 },
  { id: 'salt', name: '食盐', category: 'salt', unit: '元/袋', specification: '加碘 400克', base: 2.5 },
  { id: 'sugar', name: '白砂糖', category: 'sugar', unit: '元/500克', specification: '', base: 4.6 },
  { id: 'lpg', name: '液化石油气', category: 'lpg', unit: '元/瓶', specification: '15公斤', base: 115 },
  { id: 'gasoline92', name: '汽油', category: 'refined_oil', unit: '元/升', specification: '92号', base: 8.2, governmentSet: true },
  { id: 'coal', name: '民用煤', category: 'coal', unit: '元/吨', specification: '块煤', base: 1150 },
];

const KINDS = ['market', 'supermarket', 'wholesale'] as const;
const KIND_LABELS: Record<(typeof KINDS)[number], string> = { market: '农贸市场', supermarket: '超市', wholesale: '批发市场' };

/** mulberry32: the same data on every database. */
function generator(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function demoItems(size: 'small' | 'full'): DemoItem[] {
  return DEMO_SIZES[size].items === 'all' ? [...ITEMS] : ITEMS.filter((i) => i.core);
}

export function demoPoints(size: 'small' | 'full'): PointInput[] {
  const points: PointInput[] = [];
  for (const [code, name] of Object.entries(COUNTIES)) {
    for (let n = 1; n <= DEMO_SIZES[size].pointsPerCounty; n += 1) {
      const kind = KINDS[(n - 1) % KINDS.length]!;
      points.push({ id: `demo-${code}-${n}`, name: `${name}${KIND_LABELS[kind]}${n}号监测点${MARK}`, county: code, kind });
    }
  }
  return points;
}

/** The smooth price of an item on a date, before the point's offset and noise. */
function basePrice(item: DemoItem, month: IsoMonth, xun: number, date: IsoDate): number {
  let price = item.base;
  if (item.drift) {
    for (const m of DEMO_MONTHS) {
      for (let x = 0; x < 3; x += 1) {
        if (m > month || (m === month && x > xun)) continue;
        if (m >= item.drift.from && m <= item.drift.to) price *= 1 + item.drift.perXun;
      }
    }
  }
  if (item.id === DEMO_RISING_ITEM && date >= RISE_FROM) price *= RISE;
  return price;
}

/** Candidates for one month: one price per point, item and 旬. */
export function demoObservations(size: 'small' | 'full', month: IsoMonth): Candidate[] {
  const items = demoItems(size);
  const points = demoPoints(size);
  const candidates: Candidate[] = [];
  for (const [p, point] of points.entries()) {
    for (const [i, item] of items.entries()) {
      // A fixed offset per point (±2%) and a small noise per price (±0.4%).
      const offset = 1 + (generator(1000 + p * 97 + i)() - 0.5) * 0.04;
      const noise = generator(DEMO_MONTHS.indexOf(month) * 100_003 + p * 1009 + i * 7);
      DEMO_DAYS.forEach((day, xun) => {
        const date = `${month}-${day}`;
        const fen = Math.max(1, Math.round(basePrice(item, month, xun, date) * offset * (1 + (noise() - 0.5) * 0.008) * 100));
        candidates.push({ row: candidates.length + 1, point: point.id, itemId: item.id, date, price: (fen / 100).toFixed(2), note: '合成演示数据' });
      });
    }
  }
  return candidates;
}

/** A few 12315 counts, far below R5's minimum of 10. */
export function demoComplaints(): Array<{ itemId: string; county: string; date: IsoDate; count: number }> {
  return [
    { itemId: 'eggs', county: '230302', date: '2022-12-16', count: 3 },
    { itemId: 'eggs', county: '230302', date: '2022-12-18', count: 2 },
    { itemId: 'eggs', county: '230382', date: '2022-12-17', count: 1 },
    { itemId: 'pork_lean', county: '230302', date: '2022-10-12', count: 2 },
    { itemId: 'cabbage', county: '230381', date: '2022-11-24', count: 1 },
  ];
}

/** National CPI and food CPI year on year of 2022, % (NBS, examples/price/cpi_national.csv). */
const CPI_2022: ReadonlyArray<[IsoMonth, number, number]> = [
  ['2022-01', 0.9, -3.8], ['2022-02', 0.9, -3.9], ['2022-03', 1.5, -1.5], ['2022-04', 2.1, 1.9],
  ['2022-05', 2.1, 2.3], ['2022-06', 2.5, 2.9], ['2022-07', 2.7, 6.3], ['2022-08', 2.5, 6.1],
  ['2022-09', 2.8, 8.8], ['2022-10', 2.1, 7.0], ['2022-11', 1.6, 3.7], ['2022-12', 1.8, 4.8],
];

const GROUPS = ['dibao', 'dibao', 'dibao', 'tekun', 'unemployment_insurance', 'youfu', 'student', 'orphan'];

export function demoRecipients(size: 'small' | 'full'): RecipientInput[] {
  const random = generator(2022);
  const counties = Object.keys(COUNTIES);
  return Array.from({ length: DEMO_SIZES[size].recipients }, (_, i) => ({
    id: `demo-recipient-${String(i + 1).padStart(4, '0')}`,
    group: GROUPS[Math.floor(random() * GROUPS.length)]!,
    residence: random() < 0.6 ? 'urban' as const : 'rural' as const,
    county: counties[Math.floor(random() * counties.length)]!,
    from: '2022-01',
  }));
}

export interface PriceDemoResult {
  seeded: boolean;
  items: number;
  points: number;
  observations: number;
  detectionId?: string;
  warningId?: string;
}

export async function seedPriceDemo(
  ctx: PlatformContext,
  options: { size: 'small' | 'full'; onProgress?: (done: number, total: number) => void },
): Promise<PriceDemoResult> {
  const present = await ctx.store.db.selectFrom('price_point').select('id').where('name', 'like', `%${MARK}`).limit(1).executeTakeFirst();
  if (present) {
    ctx.logger.info({ area: 'price' }, 'demonstration data already present');
    return { seeded: false, items: 0, points: 0, observations: 0 };
  }

  // The organisation directory is written on first read.
  await listDirectory(ctx);

  const items = demoItems(options.size);
  const known = new Set((await listItems(ctx, { all: true })).map((i) => i.id));
  await upsertItems(ctx, items.filter((i) => !known.has(i.id)).map(({ base, drift: _d, core: _c, ...item }) => ({
    ...item,
    plausibleMin: (base * 0.3).toFixed(2),
    plausibleMax: (base * 3).toFixed(2),
  })));
  const points = demoPoints(options.size);
  await upsertPoints(ctx, points);

  let observations = 0;
  for (const [m, month] of DEMO_MONTHS.entries()) {
    const report = await ingestObservations(ctx, demoObservations(options.size, month), {
      source: 'import', skipInvalid: false, caller: OFFICE, batchId: `demo-price-${month}`,
    });
    observations += report.stored;
    options.onProgress?.(m + 1, DEMO_MONTHS.length + 2);
  }

  await recordComplaints(ctx, demoComplaints(), OFFICE);

  const detection = await runDetection(ctx, DEMO_DETECTION_ON, OFFICE);
  let warningId: string | undefined;
  if (detection.outcome === 'decided' && detection.proposes) {
    const fired = detection.findings.filter((f) => f.itemId === DEMO_RISING_ITEM);
    const warning = await proposeWarning(ctx, {
      level: 3,
      title: `鸡蛋价格旬环比上涨${MARK}`,
      description: '合成演示：12月中旬鸡蛋零售均价较上旬上涨，检测规则R1提示启动三级（较大）预警，待市政府分管领导批准。',
      items: [DEMO_RISING_ITEM],
      areas: [...new Set(fired.flatMap((f) => f.counties))],
      detectionId: detection.id,
      note: '合成演示数据',
      at: `${DEMO_DETECTION_ON}T16:00`,
    }, OFFICE);
    warningId = warning.id;
  }
  options.onProgress?.(DEMO_MONTHS.length + 1, DEMO_MONTHS.length + 2);

  await upsertIndexMonths(ctx, CPI_2022.map(([month, cpi, food]) => ({ month, cpi: Math.round(cpi * 100), food: Math.round(food * 100) })),
    '国家统计局全国数据（examples/price/cpi_national.csv），演示用', OFFICE);
  await upsertRecipients(ctx, demoRecipients(options.size));
  for (const [month] of CPI_2022) await runPayments(ctx, month, OFFICE);
  options.onProgress?.(DEMO_MONTHS.length + 2, DEMO_MONTHS.length + 2);

  ctx.logger.info({ area: 'price', items: items.length, points: points.length, observations, proposes: detection.outcome === 'decided' && detection.proposes }, 'demonstration data seeded');
  return {
    seeded: true, items: items.length, points: points.length, observations,
    ...(detection.outcome === 'decided' ? { detectionId: detection.id } : {}),
    ...(warningId ? { warningId } : {}),
  };
}
