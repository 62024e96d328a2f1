/**
 * The medical part of a scenario run: a year's claims settled twice in
 * memory, under the rules in force and under the scenario, by the medical
 * area's own one-stop rule (settleClaim, D4 §2) with each person's totals
 * carried from claim to claim. Nothing is read or written here: the claims,
 * persons and account movements come in, the differences go out.
 *
 * What moves: outpatient pooling (D5 §6–§10) and assistance with its tilt
 * (D4 §8–§11); the personal account and cash take what is left. Account
 * movements outside settlement (credits, top-ups) are replayed as stored.
 */
import type { Fen } from '../../core/money.ts';
import {
  CATEGORY_NAMES,
  initialState,
  medicalRules,
  pushCrossed,
  settleClaim,
  type Bill,
  type CategoryCode,
  type Claim,
  type MedicalParams,
  type Person,
  type PersonState,
} from '../../medical/rules/index.ts';
import { distribution, type CostLine, type Crossing, type Distribution } from './outcome.ts';

/** The amounts of the bill stored for the claim, to check the baseline run against. */
export interface StoredAmounts {
  pooling: Fen;
  assistance: Fen;
  accountPaid: Fen;
  cashPaid: Fen;
}

export interface MedicalClaimInput {
  claim: Claim;
  /** The rules' view of the person on the claim's date. */
  person: Person;
  /** Certifying county (GB/T 2260), for the cost lines and the fund (D4 §19). */
  county: string;
  /**
   * Money that entered (or left) the personal account outside settlement
   * since the person's previous claim of the year; for the first claim,
   * the balance before it.
   */
  accountInflow: Fen;
  stored?: StoredAmounts;
}

export interface MedicalSimulationInput {
  year: number;
  /** In settlement order: date, then the order they were settled in. */
  claims: readonly MedicalClaimInput[];
  baseline: MedicalParams;
  scenario: MedicalParams;
}

interface Tally {
  pooling: Fen;
  assistance: Fen;
  tilt: Fen;
  poolingCapped: boolean;
  assistanceCapped: boolean;
  pushed: boolean;
  category: CategoryCode | null;
}

export interface PersonDelta {
  personId: string;
  county: string;
  /** Assistance category settled under (scenario, else baseline), or the employment of a pooling member. */
  category: string;
  claims: number;
  baseline: { pooling: Fen; assistance: Fen; total: Fen };
  scenario: { pooling: Fen; assistance: Fen; total: Fen };
  /** Scenario total minus baseline total: positive means the person pays less. */
  delta: Fen;
}

export interface ClaimDelta {
  claimId: string;
  personId: string;
  date: string;
  county: string;
  baseline: { pooling: Fen; assistance: Fen; accountPaid: Fen; cashPaid: Fen };
  scenario: { pooling: Fen; assistance: Fen; accountPaid: Fen; cashPaid: Fen };
  articles: string[];
}

export interface MedicalSimulation {
  year: number;
  claims: number;
  persons: number;
  /** The baseline run against the bills as stored. */
  reproduced: { compared: number; matching: number; differing: string[] };
  lines: CostLine[];
  /** Persons whose amounts or thresholds change. */
  changed: PersonDelta[];
  distribution: Distribution;
  crossings: Crossing[];
  claimDeltas: ClaimDelta[];
  /** Assistance spending by certifying county, for the fund ledger (D4 §19). */
  assistanceByCounty: { baseline: Record<string, Fen>; scenario: Record<string, Fen> };
}

export const EMPLOYMENT_TITLES: Readonly<Record<string, string>> = {
  in_service: '在职职工',
  retired: '退休人员',
  flexible: '灵活就业人员',
  none: '居民医保',
};

const LAYERS = {
  pooling: { title: '职工普通门诊统筹', prefix: 'D5' },
  assistance: { title: '医疗救助（含倾斜救助）', prefix: 'D4' },
} as const;

const DIFFERING_SHOWN = 20;

function emptyTally(): Tally {
  return { pooling: 0, assistance: 0, tilt: 0, poolingCapped: false, assistanceCapped: false, pushed: false, category: null };
}

function record(tally: Tally, bill: Bill, pushed: boolean): void {
  tally.pooling += bill.pooling;
  tally.assistance += bill.assistance;
  tally.tilt += bill.assistanceTilt;
  if (bill.category) tally.category = bill.category;
  if (pushed) tally.pushed = true;
  for (const note of bill.notes) {
    if (note.code !== 'annual_cap_reached') continue;
    if (note.layer === 'pooling') tally.poolingCapped = true;
    if (note.layer === 'assistance') tally.assistanceCapped = true;
  }
}

class Run {
  readonly states = new Map<string, PersonState>();
  readonly tallies = new Map<string, Tally>();

  constructor(readonly params: MedicalParams) {}

  settle(input: MedicalClaimInput): Bill {
    const { claim, person } = input;
    const held = this.states.get(claim.personId) ?? initialState();
    const state: PersonState = { account: Math.max(0, held.account + input.accountInflow), accumulators: held.accumulators };
    const bill = settleClaim(person, claim, state, this.params);
    this.states.set(claim.personId, { account: bill.accountAfter, accumulators: bill.accumulatorsAfter });

    const monitoring = this.params.on(claim.date).monitoring;
    const pushed = monitoring
      ? pushCrossed(bill.accumulatorsBefore.burdenAfterInsurance, bill.accumulatorsAfter.burdenAfterInsurance, monitoring)
      : false;
    let tally = this.tallies.get(claim.personId);
    if (!tally) {
      tally = emptyTally();
      this.tallies.set(claim.personId, tally);
    }
    record(tally, bill, pushed);
    return bill;
  }
}

interface LineAcc {
  line: CostLine;
  subjects: Set<string>;
  articles: Set<string>;
}

class Lines {
  private readonly byKey = new Map<string, LineAcc>();

  add(layer: keyof typeof LAYERS, county: string, category: string, personId: string, side: 'baseline' | 'scenario', amount: Fen, articles: readonly string[]): void {
    if (amount === 0) return;

    const key = `${layer}|${county}|${category}`;
    let acc = this.byKey.get(key);
    if (!acc) {
      acc = {
        line: {
          area: 'medical',
          item: layer,
          itemTitle: LAYERS[layer].title,
          county,
          category,
          categoryTitle: CATEGORY_NAMES[category as CategoryCode] ?? EMPLOYMENT_TITLES[category] ?? category,
          baseline: 0,
          scenario: 0,
          delta: 0,
          entities: 0,
          rules: [],
          articles: [],
        },
        subjects: new Set(),
        articles: new Set(),
      };
      this.byKey.set(key, acc);
    }
    acc.line[side] += amount;
    acc.subjects.add(personId);
    const prefix = LAYERS[layer].prefix;
    for (const article of articles) if (article.startsWith(prefix)) acc.articles.add(article);
  }

  done(): CostLine[] {
    const lines: CostLine[] = [];
    for (const acc of this.byKey.values()) {
      const articles = [...acc.articles].sort();
      lines.push({
        ...acc.line,
        delta: acc.line.scenario - acc.line.baseline,
        entities: acc.subjects.size,
        articles,
        rules: medicalRules.filter((r) => r.articles.some((a) => acc.articles.has(a))).map((r) => r.id),
      });
    }
    return lines.sort((a, b) => a.item.localeCompare(b.item) || a.county.localeCompare(b.county) || a.category.localeCompare(b.category));
  }
}

function sameAmounts(bill: Bill, stored: StoredAmounts): boolean {
  return (
    bill.pooling === stored.pooling &&
    bill.assistance === stored.assistance &&
    bill.accountPaid === stored.accountPaid &&
    bill.cashPaid === stored.cashPaid
  );
}

function poolingCategory(person: Person): string {
  return person.employment ?? 'none';
}

export function simulateMedical(input: MedicalSimulationInput): MedicalSimulation {
  const baseline = new Run(input.baseline);
  const scenario = new Run(input.scenario);
  const lines = new Lines();
  const claimDeltas: ClaimDelta[] = [];
  const reproduced = { compared: 0, matching: 0, differing: [] as string[] };
  const counties = new Map<string, string>();
  const claimsOf = new Map<string, number>();
  const poolingCategories = new Map<string, string>();
  const assistanceByCounty = { baseline: {} as Record<string, Fen>, scenario: {} as Record<string, Fen> };

  for (const item of input.claims) {
    const before = baseline.settle(item);
    const after = scenario.settle(item);
    const personId = item.claim.personId;
    counties.set(personId, item.county);
    claimsOf.set(personId, (claimsOf.get(personId) ?? 0) + 1);
    poolingCategories.set(personId, poolingCategory(item.person));

    if (item.stored) {
      reproduced.compared += 1;
      if (sameAmounts(before, item.stored)) reproduced.matching += 1;
      else if (reproduced.differing.length < DIFFERING_SHOWN) reproduced.differing.push(item.claim.claimId);
    }

    const employment = poolingCategory(item.person);
    lines.add('pooling', item.county, employment, personId, 'baseline', before.pooling, before.articles);
    lines.add('pooling', item.county, employment, personId, 'scenario', after.pooling, after.articles);
    lines.add('assistance', item.county, before.category ?? 'none', personId, 'baseline', before.assistance, before.articles);
    lines.add('assistance', item.county, after.category ?? 'none', personId, 'scenario', after.assistance, after.articles);
    if (before.assistance) assistanceByCounty.baseline[item.county] = (assistanceByCounty.baseline[item.county] ?? 0) + before.assistance;
    if (after.assistance) assistanceByCounty.scenario[item.county] = (assistanceByCounty.scenario[item.county] ?? 0) + after.assistance;

    if (before.pooling !== after.pooling || before.assistance !== after.assistance || before.accountPaid !== after.accountPaid) {
      claimDeltas.push({
        claimId: item.claim.claimId,
        personId,
        date: item.claim.date,
        county: item.county,
        baseline: { pooling: before.pooling, assistance: before.assistance, accountPaid: before.accountPaid, cashPaid: before.cashPaid },
        scenario: { pooling: after.pooling, assistance: after.assistance, accountPaid: after.accountPaid, cashPaid: after.cashPaid },
        articles: [...new Set([...before.articles, ...after.articles])],
      });
    }
  }

  const changed: PersonDelta[] = [];
  const crossings: Crossing[] = [];
  const deltas: Fen[] = [];
  for (const [personId, b] of baseline.tallies) {
    const s = scenario.tallies.get(personId)!;
    const county = counties.get(personId)!;
    const delta = s.pooling + s.assistance - (b.pooling + b.assistance);
    deltas.push(delta);

    const found = crossingsOf(personId, county, b, s);
    crossings.push(...found);
    if (delta !== 0 || found.length > 0) {
      changed.push({
        personId,
        county,
        category: s.category ?? b.category ?? poolingCategories.get(personId)!,
        claims: claimsOf.get(personId)!,
        baseline: { pooling: b.pooling, assistance: b.assistance, total: b.pooling + b.assistance },
        scenario: { pooling: s.pooling, assistance: s.assistance, total: s.pooling + s.assistance },
        delta,
      });
    }
  }
  changed.sort((x, y) => Math.abs(y.delta) - Math.abs(x.delta) || x.personId.localeCompare(y.personId));
  crossings.sort((x, y) => x.kind.localeCompare(y.kind) || x.subject.localeCompare(y.subject));

  return {
    year: input.year,
    claims: input.claims.length,
    persons: baseline.tallies.size,
    reproduced,
    lines: lines.done(),
    changed,
    distribution: distribution(deltas, baseline.tallies.size),
    crossings,
    claimDeltas,
    assistanceByCounty,
  };
}

interface Threshold {
  kind: string;
  gained: string;
  lost: string;
  rule: string;
  article: string;
  held: (t: Tally) => boolean;
}

/** The thresholds whose crossing the result lists person by person. */
const THRESHOLDS: readonly Threshold[] = [
  { kind: 'assistance_paid', gained: '新获医疗救助', lost: '不再获得医疗救助', rule: 'd4.art10.deductible', article: 'D4 §10', held: (t) => t.assistance > 0 },
  { kind: 'assistance_tilt', gained: '新获倾斜救助', lost: '不再获得倾斜救助', rule: 'd4.art11_3.tilt', article: 'D4 §11(3)', held: (t) => t.tilt > 0 },
  { kind: 'assistance_capped', gained: '新达到医疗救助年度限额', lost: '不再达到医疗救助年度限额', rule: 'd4.art9.annual_cap', article: 'D4 §9', held: (t) => t.assistanceCapped },
  { kind: 'pooling_capped', gained: '新达到门诊统筹年度限额', lost: '不再达到门诊统筹年度限额', rule: 'd5.art7_1.annual_cap', article: 'D5 §7(1)', held: (t) => t.poolingCapped },
  { kind: 'push_list', gained: '新进入推送名单', lost: '不再进入推送名单', rule: 'd4.art13.push_list', article: 'D4 §13', held: (t) => t.pushed },
];

function crossingsOf(personId: string, county: string, b: Tally, s: Tally): Crossing[] {
  const found: Crossing[] = [];
  for (const t of THRESHOLDS) {
    const was = t.held(b);
    const is = t.held(s);
    if (was === is) continue;

    found.push({
      area: 'medical',
      subject: personId,
      county,
      kind: `${t.kind}:${is ? 'in' : 'out'}`,
      title: is ? t.gained : t.lost,
      baseline: was ? '是' : '否',
      scenario: is ? '是' : '否',
      rule: t.rule,
      article: t.article,
    });
  }
  return found;
}
