/**
 * Medical rules in memory: claims settled per second by settleBatch with
 * explanations off and on (targets 1 000 000/s and 200 000/s), over
 * synthetic persons and claims of 2023; and the D5 §7 outpatient-pooling
 * rule written in Publicodes, evaluated on the same claims as a peer, with
 * the speed ratio (target ≥ 100×) and a check that both give the same
 * amounts. Prints figures; asserts nothing about time.
 *
 * MEDICAL_BENCH_CLAIMS (default 1 000 000), MEDICAL_BENCH_PERSONS (50 000),
 * MEDICAL_BENCH_PEER (3 000 claims for Publicodes, 0 to skip),
 * MEDICAL_BENCH_EXPLAIN (0 to skip the run with explanations).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import Engine from 'publicodes';

import { addDays } from '../src/core/dates.ts';
import { ParamRegistry } from '../src/core/params/registry.ts';
import { settlePooling } from '../src/medical/rules/d5/art6.outpatient_pooling.ts';
import {
  CATEGORY_CODES,
  MedicalParams,
  settleBatch,
  type Bill,
  type CategoryCode,
  type Claim,
  type Person,
  type PersonState,
  type PoolingParams,
} from '../src/medical/rules/index.ts';
import { Trace } from '../src/medical/rules/trace.ts';

const PARAMS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'params');
const CHUNK = 20_000;

const TARGET_PLAIN = 1_000_000;
const TARGET_EXPLAINED = 200_000;
const TARGET_RATIO = 100;

export async function run(): Promise<void> {
  const claimsTotal = Number(process.env.MEDICAL_BENCH_CLAIMS ?? 1_000_000);
  const personsTotal = Number(process.env.MEDICAL_BENCH_PERSONS ?? 50_000);
  const peerClaims = Number(process.env.MEDICAL_BENCH_PEER ?? 3_000);
  const params = new MedicalParams(ParamRegistry.load(PARAMS_DIR));
  const persons = syntheticPersons(personsTotal);

  // Warm-up, so the figures measure optimised code.
  settleAll(persons, Math.min(claimsTotal, 200_000), params, false);
  settleAll(persons, Math.min(claimsTotal, 40_000), params, true);

  const plain = settleAll(persons, claimsTotal, params, false);
  report('settleBatch, explanations off', plain, TARGET_PLAIN);
  console.log(
    `  pooled ${plain.pooled}, assisted ${plain.assisted} (tilt ${plain.tilted}), ` +
      `account ${plain.fromAccount} of ${claimsTotal}`,
  );
  if (process.env.MEDICAL_BENCH_EXPLAIN !== '0') {
    const explained = settleAll(persons, claimsTotal, params, true);
    report('settleBatch, explanations on ', explained, TARGET_EXPLAINED);
    console.log(`  same bills with and without explanations: ${plain.checksum === explained.checksum ? 'yes' : 'NO'}`);
  }

  if (peerClaims > 0) peer(persons, params, peerClaims);
}

interface Figures {
  claims: number;
  wallSeconds: number;
  cpuSeconds: number;
  checksum: number;
  pooled: number;
  assisted: number;
  tilted: number;
  fromAccount: number;
}

function report(label: string, f: Figures, target: number): void {
  const wall = f.claims / f.wallSeconds;
  const cpu = f.claims / f.cpuSeconds;
  console.log(
    `${label}: ${fmt(wall)} claims/s wall, ${fmt(cpu)} claims/s per CPU-second ` +
      `(${f.claims} claims, target ${fmt(target)}/s: ${wall >= target ? 'met' : cpu >= target ? 'met on CPU time, not wall' : 'not met'})`,
  );
}

/** Settle `total` claims in date order, in batches of CHUNK, carrying the states. */
function settleAll(persons: Person[], total: number, params: MedicalParams, explain: boolean): Figures {
  const byId = new Map(persons.map((p) => [p.personId, p]));
  const figures: Figures = { claims: 0, wallSeconds: 0, cpuSeconds: 0, checksum: 0, pooled: 0, assisted: 0, tilted: 0, fromAccount: 0 };
  const states = openingAccounts(persons);

  for (const chunk of claimChunks(persons.length, total)) {
    const wall = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    const result = settleBatch(byId, chunk, params, { states, explain });
    const used = process.cpuUsage(cpu);
    figures.wallSeconds += Number(process.hrtime.bigint() - wall) / 1e9;
    figures.cpuSeconds += (used.user + used.system) / 1e6;

    for (const [id, state] of result.states) states.set(id, state);
    figures.claims += chunk.length;
    tally(figures, result.bills);
  }
  return figures;
}

function tally(f: Figures, bills: readonly Bill[]): void {
  for (const b of bills) {
    f.checksum = (f.checksum * 31 + b.pooling + 7 * b.assistance + 13 * b.accountPaid + b.cashPaid) % 2_147_483_647;
    if (b.pooling > 0) f.pooled += 1;
    if (b.assistance > 0) f.assisted += 1;
    if (b.assistanceTilt > 0) f.tilted += 1;
    if (b.accountPaid > 0) f.fromAccount += 1;
  }
}

/**
 * The same D5 §7(1)–(4) rule in Publicodes, with the parameter values of
 * the snapshot, evaluated on the ordinary outpatient claims of employees of
 * the first batch with each claim's year-to-date state as input.
 */
function peer(persons: Person[], params: MedicalParams, count: number): void {
  const byId = new Map(persons.map((p) => [p.personId, p]));
  const sample: Array<{ claim: Claim; bill: Bill; person: Person }> = [];
  const states = openingAccounts(persons);
  for (const chunk of claimChunks(persons.length, 400_000)) {
    const result = settleBatch(byId, chunk, params, { states });
    for (const [id, state] of result.states) states.set(id, state);
    // The chunk is in date order already, so bills line up with claims.
    chunk.forEach((claim, i) => {
      const person = byId.get(claim.personId)!;
      const bill = result.bills[i]!;
      if (sample.length < count && claim.kind === 'outpatient' && person.scheme === 'employee' && bill.claimId === claim.claimId) {
        sample.push({ claim, person, bill });
      }
    });
    if (sample.length >= count) break;
  }
  const p = params.on(sample[0]!.claim.date).pooling!;
  const engine = new Engine(publicodesModel(p) as never);
  const node = engine.getRule('pooling . paid');

  let mismatches = 0;
  const peerWall = process.hrtime.bigint();
  for (const { claim, bill, person } of sample) {
    engine.setSituation(situationOf(claim, person, bill));
    if (engine.evaluate(node).nodeValue !== bill.pooling) mismatches += 1;
  }
  const peerSeconds = Number(process.hrtime.bigint() - peerWall) / 1e9;

  // Ours on the same claims and states: the pooling layer alone, repeated
  // until the time is long enough to measure.
  const repeats = Math.max(1, Math.ceil(2_000_000 / sample.length));
  const trace = new Trace(false);
  let sink = 0;
  const oursWall = process.hrtime.bigint();
  for (let r = 0; r < repeats; r += 1) {
    for (const { claim, bill, person } of sample) {
      sink += settlePooling(person, claim, bill.accumulatorsBefore, p, trace).paid;
    }
  }
  const oursSeconds = Number(process.hrtime.bigint() - oursWall) / 1e9;

  const peerRate = sample.length / peerSeconds;
  const oursRate = (sample.length * repeats) / oursSeconds;
  console.log(
    `outpatient pooling (D5 §7), Publicodes ${engineVersion()}: ${fmt(peerRate)} claims/s on ${sample.length} claims; ` +
      `ours ${fmt(oursRate)} claims/s; ratio ${fmt(oursRate / peerRate)}× (target ≥ ${TARGET_RATIO}×: ${oursRate / peerRate >= TARGET_RATIO ? 'met' : 'not met'})`,
  );
  console.log(`  same amounts as ours: ${mismatches === 0 ? 'yes' : `NO, ${mismatches} differ`} (checksum ${sink % 1000})`);
}

function publicodesModel(p: PoolingParams): Record<string, unknown> {
  const reduction =
    p.reductionReading === 'percentage_points'
      ? { valeur: 'pooling . base ratio - pooling . outside reduction' }
      : { valeur: 'pooling . base ratio * (10000 - pooling . outside reduction) / 10000', arrondi: 'oui' };
  return {
    claim: null,
    'claim . scope': { valeur: 0 },
    'claim . level': { valeur: 1 },
    'claim . retired': { valeur: 'non' },
    'claim . in city': { valeur: 'oui' },
    'claim . resident elsewhere': { valeur: 'non' },
    'claim . referral': { valeur: 'oui' },
    'claim . excluded': { valeur: 'non' },
    year: null,
    'year . deductible used': { valeur: 0 },
    'year . pooling paid': { valeur: 0 },
    pooling: null,
    'pooling . deductible': { valeur: p.deductible },
    'pooling . cap': { valeur: p.annualCap },
    'pooling . city standard': { 'une de ces conditions': ['claim . in city', 'claim . resident elsewhere'] },
    'pooling . payable': {
      'toutes ces conditions': ['claim . excluded = non', { 'une de ces conditions': ['pooling . city standard', 'claim . referral'] }],
    },
    'pooling . level ratio': {
      variations: [
        { si: 'claim . level = 1', alors: p.ratioByLevel[0] },
        { si: 'claim . level = 2', alors: p.ratioByLevel[1] },
        { sinon: p.ratioByLevel[2] },
      ],
    },
    'pooling . retiree bonus': { variations: [{ si: 'claim . retired', alors: p.retireeBonus }, { sinon: 0 }] },
    'pooling . base ratio': { valeur: 'pooling . level ratio + pooling . retiree bonus' },
    'pooling . outside reduction': { variations: [{ si: 'pooling . city standard', alors: 0 }, { sinon: p.referralReduction }] },
    'pooling . ratio': {
      variations: [{ si: 'pooling . city standard', alors: 'pooling . base ratio' }, { sinon: reduction }],
    },
    'pooling . deductible left': { valeur: 'pooling . deductible - year . deductible used', plancher: 0 },
    'pooling . deductible taken': { 'le minimum de': ['claim . scope', 'pooling . deductible left'] },
    'pooling . computed': {
      valeur: '(claim . scope - pooling . deductible taken) * pooling . ratio / 10000',
      arrondi: 'oui',
    },
    'pooling . cap left': { valeur: 'pooling . cap - year . pooling paid', plancher: 0 },
    'pooling . paid': {
      variations: [
        { si: 'pooling . payable', alors: { 'le minimum de': ['pooling . computed', 'pooling . cap left'] } },
        { sinon: 0 },
      ],
    },
  };
}

function situationOf(claim: Claim, person: Person, bill: Bill): Record<string, string | number> {
  const yes = (b: boolean) => (b ? 'oui' : 'non');
  return {
    'claim . scope': claim.policyScope - claim.basicPaid - claim.criticalPaid,
    'claim . level': claim.level,
    'claim . retired': yes(person.employment === 'retired'),
    'claim . in city': yes(claim.place === 'city'),
    'claim . resident elsewhere': yes(claim.residentElsewhere),
    'claim . referral': yes(claim.referral),
    'claim . excluded': yes(claim.exclusion !== null),
    'year . deductible used': bill.accumulatorsBefore.poolingDeductible,
    'year . pooling paid': bill.accumulatorsBefore.poolingPaid,
  };
}

function engineVersion(): string {
  const file = join(dirname(fileURLToPath(import.meta.url)), '..', 'node_modules', 'publicodes', 'package.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

/** A small deterministic generator (LCG), so every run settles the same claims. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 4_294_967_296;
  };
}

/** Two thirds employees (in service, retired, flexible), a third residents; a fifth hold a category. */
function syntheticPersons(count: number): Person[] {
  const rnd = random(20230101);
  const persons: Person[] = [];
  for (let i = 0; i < count; i += 1) {
    const resident = rnd() < 1 / 3;
    const e = rnd();
    const categories =
      rnd() < 0.2
        ? [{ code: CATEGORY_CODES[Math.floor(rnd() * CATEGORY_CODES.length)] as CategoryCode, from: '2020-01-01', to: null }]
        : [];
    persons.push({
      personId: `P${String(i).padStart(8, '0')}`,
      scheme: resident ? 'resident' : 'employee',
      employment: resident ? null : e < 0.6 ? 'in_service' : e < 0.9 ? 'retired' : 'flexible',
      categories,
    });
  }
  return persons;
}

function openingAccounts(persons: Person[]): Map<string, PersonState> {
  const rnd = random(7);
  return new Map(
    persons.map((p) => [p.personId, { account: p.scheme === 'employee' ? Math.floor(rnd() * 300_000) : 0, accumulators: null }]),
  );
}

/** Claims of 2023 in date order, CHUNK at a time, spread evenly over the days. */
function* claimChunks(persons: number, total: number): Generator<Claim[]> {
  const rnd = random(42);
  const dates = Array.from({ length: 365 }, (_, d) => addDays('2023-01-01', d));
  for (let start = 0; start < total; start += CHUNK) {
    const chunk: Claim[] = [];
    for (let i = start; i < Math.min(total, start + CHUNK); i += 1) {
      const k = rnd();
      const kind = k < 0.7 ? 'outpatient' : k < 0.85 ? 'chronic' : 'inpatient';
      const cost = Math.floor(rnd() * (kind === 'outpatient' ? 150_000 : 3_000_000));
      const policyScope = Math.floor(cost * (0.8 + 0.2 * rnd()));
      const basicPaid = kind === 'outpatient' ? 0 : Math.floor(policyScope * (0.4 + 0.3 * rnd()));
      const criticalPaid = kind === 'inpatient' && rnd() < 0.1 ? Math.floor((policyScope - basicPaid) * 0.3) : 0;
      const place = rnd() < 0.9 ? 'city' : rnd() < 0.5 ? 'province' : 'outside';
      chunk.push({
        claimId: `C${i}`,
        personId: `P${String(Math.floor(rnd() * persons)).padStart(8, '0')}`,
        date: dates[Math.floor((i / total) * 365)] ?? dates[364]!,
        kind,
        level: (1 + Math.floor(rnd() * 3)) as 1 | 2 | 3,
        place,
        referral: rnd() < 0.9,
        residentElsewhere: rnd() < 0.05,
        emergency: rnd() < 0.05,
        exclusion: rnd() < 0.02 ? 'work_injury' : null,
        total: cost,
        policyScope,
        basicPaid,
        criticalPaid,
        primaryFirstVisit: rnd() < 0.3,
      });
    }
    yield chunk;
  }
}

function fmt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}
