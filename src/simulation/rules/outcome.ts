/**
 * What every area's simulation returns, so results read alike: cost lines
 * (an item, a county, a category, baseline and scenario amounts, the rules
 * and articles that produced them), the distribution of gains and losses
 * over the persons or entities reached, and the thresholds crossed.
 */
import type { Fen } from '../../core/money.ts';
import type { Area } from './scenario.ts';

export interface CostLine {
  area: Area;
  /** What is paid or counted: pooling, assistance, living, care, subsidy … */
  item: string;
  itemTitle: string;
  county: string;
  category: string;
  categoryTitle: string;
  baseline: Fen;
  scenario: Fen;
  delta: Fen;
  /** Persons or entities with an amount in either run. */
  entities: number;
  /** Rule ids and articles the amounts came from. */
  rules: string[];
  articles: string[];
}

export interface Crossing {
  area: Area;
  /** Person id, 统一社会信用代码, or a price item. */
  subject: string;
  county: string;
  kind: string;
  /** Chinese description: 新纳入医疗救助, 新达到年度限额 … */
  title: string;
  baseline: string;
  scenario: string;
  rule: string;
  article: string;
}

export interface Totals {
  baseline: Fen;
  scenario: Fen;
  delta: Fen;
}

export interface GroupTotal extends Totals {
  key: string;
  title: string;
  entities: number;
}

/** Sum cost lines by a key (county, category, item), largest change first. */
export function totalsBy(
  lines: readonly CostLine[],
  key: (line: CostLine) => string,
  title: (line: CostLine) => string,
): GroupTotal[] {
  const groups = new Map<string, GroupTotal>();
  for (const line of lines) {
    const k = key(line);
    let group = groups.get(k);
    if (!group) {
      group = { key: k, title: title(line), baseline: 0, scenario: 0, delta: 0, entities: 0 };
      groups.set(k, group);
    }
    group.baseline += line.baseline;
    group.scenario += line.scenario;
    group.delta += line.delta;
    group.entities += line.entities;
  }
  return [...groups.values()].sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta) || a.key.localeCompare(b.key));
}

export function sumLines(lines: readonly CostLine[]): Totals {
  let baseline = 0;
  let scenario = 0;
  for (const line of lines) {
    baseline += line.baseline;
    scenario += line.scenario;
  }
  return { baseline, scenario, delta: scenario - baseline };
}

/**
 * Presentation bands for the distribution of changes, in fen: (0, 100元],
 * (100元, 500元], … They only group the result for reading; no policy
 * threshold is implied, and a caller may pass its own.
 */
export const DEFAULT_BAND_EDGES: readonly Fen[] = [10_000, 50_000, 100_000, 500_000];

export interface Band {
  /** Lower bound, exclusive. */
  above: Fen;
  /** Upper bound, inclusive; null for the last band. */
  upTo: Fen | null;
  gainers: number;
  losers: number;
  gained: Fen;
  lost: Fen;
}

export interface Distribution {
  /** What the changes are counted in: fen, or grade steps (credit: an entity one grade up gains 1). */
  unit: 'fen' | 'grades';
  /** Persons or entities looked at. */
  entities: number;
  gainers: number;
  losers: number;
  unchanged: number;
  /** Sum of the gains, and of the losses (positive). */
  gained: Fen;
  lost: Fen;
  largestGain: Fen;
  largestLoss: Fen;
  bands: Band[];
}

/** Who gains (delta > 0), who loses (delta < 0), by how much. */
export function distribution(
  deltas: Iterable<number>,
  entities: number,
  edges: readonly number[] = DEFAULT_BAND_EDGES,
  unit: Distribution['unit'] = 'fen',
): Distribution {
  const bands: Band[] = [];
  let above = 0;
  for (const edge of edges) {
    bands.push({ above, upTo: edge, gainers: 0, losers: 0, gained: 0, lost: 0 });
    above = edge;
  }
  bands.push({ above, upTo: null, gainers: 0, losers: 0, gained: 0, lost: 0 });

  const result: Distribution = { unit, entities, gainers: 0, losers: 0, unchanged: 0, gained: 0, lost: 0, largestGain: 0, largestLoss: 0, bands };
  let changed = 0;
  for (const delta of deltas) {
    if (delta === 0) continue;

    changed += 1;
    const size = Math.abs(delta);
    const band = bands.find((b) => b.upTo === null || size <= b.upTo)!;
    if (delta > 0) {
      result.gainers += 1;
      result.gained += size;
      band.gainers += 1;
      band.gained += size;
      if (size > result.largestGain) result.largestGain = size;
    } else {
      result.losers += 1;
      result.lost += size;
      band.losers += 1;
      band.lost += size;
      if (size > result.largestLoss) result.largestLoss = size;
    }
  }
  result.unchanged = entities - changed;
  return result;
}
