/**
 * Synthetic persons and claims (合成演示数据), in the import format, from a
 * seed: the same seed gives the same rows. Resident IDs carry a Jixi county
 * code, a real birth date and a valid GB 11643 check character, and belong
 * to no one. Used by the demonstration data set, the kill test and the
 * benchmark.
 */
import { addDays } from '../../core/dates.ts';
import { residentIdCheckChar } from '../../core/identity.ts';
import { formatYuan } from '../../core/money.ts';
import type { TableRow } from '../../io/table.ts';
import type { CategoryCode } from '../rules/types.ts';

export const DEMO_SOURCE = '合成演示数据';

/** mulberry32: small, fast, good enough for synthetic data. */
export function randomFrom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

// Rough population shares of Jixi's county-level divisions.
const COUNTIES: Array<[string, number]> = [
  ['230302', 18], ['230303', 8], ['230304', 5], ['230305', 4], ['230306', 6],
  ['230307', 1], ['230321', 17], ['230381', 14], ['230382', 27],
];

const CATEGORIES: Array<[CategoryCode, number]> = [
  ['dibao', 30], ['tekun', 6], ['orphan', 1], ['unsupported_child', 1], ['returned_poverty', 6],
  ['dibao_marginal', 22], ['rural_at_risk', 24], ['illness_poverty', 10],
];

function pick<T>(random: () => number, weighted: ReadonlyArray<readonly [T, number]>): T {
  const total = weighted.reduce((s, [, w]) => s + w, 0);
  let r = random() * total;
  for (const [value, weight] of weighted) {
    r -= weight;
    if (r < 0) return value;
  }
  return weighted.at(-1)![0];
}

function between(random: () => number, low: number, high: number): number {
  return low + Math.floor(random() * (high - low + 1));
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

export interface DemoOptions {
  persons: number;
  claims: number;
  year?: number;
  seed?: number;
}

export interface DemoRows {
  persons: TableRow[];
  claims: TableRow[];
}

function makePersonId(random: () => number, used: Set<string>): string {
  for (;;) {
    const county = pick(random, COUNTIES);
    const birth = addDays('1940-01-01', between(random, 0, 27_000));
    const first17 = `${county}${birth.replace(/-/g, '')}${pad(between(random, 1, 999), 3)}`;
    const id = first17 + residentIdCheckChar(first17);
    if (!used.has(id)) {
      used.add(id);
      return id;
    }
  }
}

function personRow(random: () => number, id: string, year: number): Record<string, string> {
  const birthYear = Number(id.slice(6, 10));
  const age = year - birthYear;
  const employee = age >= 18 && random() < 0.45;
  const employment = !employee ? '' : age >= 60 ? 'retired' : random() < 0.08 ? 'flexible' : 'in_service';
  const hasAccount = employee && employment !== 'flexible';

  let categories = '';
  if (random() < 0.16) {
    const code = pick(random, CATEGORIES);
    const from = addDays(`${year - 3}-01-01`, between(random, 0, 1300));
    const to = random() < 0.15 ? addDays(from, between(random, 120, 900)) : '';
    categories = `${code}:${from}:${to}`;
  }
  return {
    person_id: id,
    scheme: employee ? 'employee' : 'resident',
    employment,
    categories,
    account_balance: hasAccount ? formatYuan(between(random, 0, 300_000)) : '',
  };
}

function claimRow(random: () => number, claimId: string, personId: string, year: number): Record<string, string> {
  const date = addDays(`${year}-01-01`, between(random, 0, 364));
  const roll = random();
  const kind = roll < 0.7 ? 'outpatient' : roll < 0.85 ? 'chronic' : 'inpatient';
  const level = String(pick(random, [[1, 45], [2, 35], [3, 20]] as const));
  const placeRoll = random();
  const place = placeRoll < 0.88 ? 'city' : placeRoll < 0.97 ? 'province' : 'outside';
  const exclusionRoll = random();
  const exclusion = exclusionRoll < 0.01 ? 'work_injury' : exclusionRoll < 0.02 ? 'third_party' : exclusionRoll < 0.025 ? 'wellness' : '';

  // Amounts in fen; policy scope a share of the total; the upstream payers
  // well inside the policy scope (outpatient pooling is the platform's own).
  const total =
    kind === 'outpatient' ? between(random, 3_000, 300_000) : kind === 'chronic' ? between(random, 20_000, 800_000) : between(random, 300_000, 9_000_000);
  const policyScope = Math.floor((total * between(random, 75, 100)) / 100);
  const basicShare = kind === 'outpatient' ? 0 : between(random, 45, 75);
  const basicPaid = Math.floor((policyScope * basicShare) / 100);
  const criticalPaid = kind === 'inpatient' && policyScope - basicPaid > 1_500_000 ? Math.floor((policyScope - basicPaid - 1_500_000) * 0.6) : 0;

  return {
    claim_id: claimId,
    person_id: personId,
    date,
    kind,
    level,
    place,
    referral: place === 'city' || random() < 0.8 ? 'yes' : 'no',
    resident_elsewhere: random() < 0.03 ? 'yes' : 'no',
    emergency: random() < 0.05 ? 'yes' : 'no',
    exclusion,
    total: formatYuan(total),
    policy_scope: formatYuan(policyScope),
    basic_paid: formatYuan(basicPaid),
    critical_paid: formatYuan(criticalPaid),
  };
}

/** Persons and claims of one year; claims in file order, not date order. */
export function generateDemoRows(options: DemoOptions): DemoRows {
  const year = options.year ?? 2023;
  const random = randomFrom(options.seed ?? 20_221_005);
  const used = new Set<string>();
  const persons: TableRow[] = [];
  for (let i = 0; i < options.persons; i += 1) {
    persons.push({ row: i + 2, values: personRow(random, makePersonId(random, used), year) });
  }
  const claims: TableRow[] = [];
  for (let i = 0; i < options.claims; i += 1) {
    // A few persons use care much more than most.
    const who = Math.floor(random() ** 2 * persons.length);
    claims.push({ row: i + 2, values: claimRow(random, `demo-${year}-${pad(i + 1, 7)}`, persons[who]!.values.person_id!, year) });
  }
  return { persons, claims };
}

/** One claim row at a time, for files too large to hold (the benchmark). */
export function* generateClaimRows(personIds: readonly string[], count: number, options: { year?: number; seed?: number } = {}): Generator<Record<string, string>> {
  const year = options.year ?? 2023;
  const random = randomFrom(options.seed ?? 7);
  for (let i = 0; i < count; i += 1) {
    const who = Math.floor(random() ** 2 * personIds.length);
    yield claimRow(random, `bench-${year}-${pad(i + 1, 8)}`, personIds[who]!, year);
  }
}
