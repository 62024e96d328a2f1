/**
 * Scenarios side by side: each run's totals by area, item, county and
 * category next to the baseline. Runs of one year only; when the runs'
 * baselines differ (the data or the rules in force changed between them)
 * the comparison says so instead of hiding it.
 */
import type { Fen } from '../../core/money.ts';
import type { GroupTotal, Totals } from './outcome.ts';
import type { SimulationResult } from './result.ts';

export type CompareGroup = 'total' | 'area' | 'item' | 'county' | 'category';

export interface CompareRow {
  group: CompareGroup;
  key: string;
  title: string;
  baseline: Fen;
  /** One amount per run, in the order given. */
  scenarios: Fen[];
}

export interface Comparison {
  year: number;
  runs: Array<{ runId: string; scenarioId: string; name: string; ranAt: string; totals: Totals }>;
  /** False when the runs were compared with different baselines. */
  baselineConsistent: boolean;
  rows: CompareRow[];
}

const GROUPS: ReadonlyArray<[CompareGroup, (r: SimulationResult) => GroupTotal[]]> = [
  ['area', (r) => r.byArea],
  ['item', (r) => r.byItem],
  ['county', (r) => r.byCounty],
  ['category', (r) => r.byCategory],
];

/** Undefined when the runs are not of one year. */
export function compareResults(results: readonly SimulationResult[]): Comparison | undefined {
  const year = results[0]?.year;
  if (year === undefined || results.some((r) => r.year !== year)) return undefined;

  const rows: CompareRow[] = [
    { group: 'total', key: 'total', title: '合计', baseline: results[0]!.totals.baseline, scenarios: results.map((r) => r.totals.scenario) },
  ];
  let consistent = results.every((r) => r.totals.baseline === results[0]!.totals.baseline);

  for (const [group, of] of GROUPS) {
    const keys = new Map<string, string>();
    for (const r of results) for (const g of of(r)) keys.set(g.key, g.title);
    for (const [key, title] of [...keys].sort((a, b) => a[0].localeCompare(b[0]))) {
      const found = results.map((r) => of(r).find((g) => g.key === key));
      const baselines = found.filter((g): g is GroupTotal => g !== undefined).map((g) => g.baseline);
      if (baselines.some((b) => b !== baselines[0])) consistent = false;
      rows.push({ group, key, title, baseline: baselines[0] ?? 0, scenarios: found.map((g) => g?.scenario ?? 0) });
    }
  }

  return {
    year,
    runs: results.map((r) => ({ runId: r.runId, scenarioId: r.scenario.id, name: r.scenario.name, ranAt: r.ranAt, totals: r.totals })),
    baselineConsistent: consistent,
    rows,
  };
}
