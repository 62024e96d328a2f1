/**
 * The synthetic demonstration register (合成演示数据): every value invented,
 * drawn from a fixed seed so every database gets the same rows, and sized to
 * the aggregates D1 一 publishes (disability.d1.s1.*): 4.9万 card holders,
 * 1.27万 living and 1.34万 care recipients, pension and medical enrolment
 * just over 91% and 96%, rehabilitation and device coverage just over 85%,
 * 99% school enrolment, 851 homes modified in 2016–2020. `small` is the
 * same population at one hundredth. County weights and the spread of ages
 * and categories are invented for the demonstration, not statistics.
 */
import { residentIdCheckChar } from '../../core/identity.ts';
import { allocateByLargestRemainder } from '../../core/money.ts';
import { addDays } from '../../core/dates.ts';
import type { Category } from '../rules/types.ts';

export const DEMO_SOURCE = '合成演示数据';

export interface DemoTargets {
  cardHolders: number;
  livingRecipients: number;
  careRecipients: number;
  /** Basis points. */
  pensionRate: number;
  medicalRate: number;
  rehabDeviceRate: number;
  schoolRate: number;
  homes2016to2020: number;
}

/** Invented weights of the nine counties, in code order. */
const COUNTY_WEIGHTS: ReadonlyArray<[string, number]> = [
  ['230302', 17], ['230303', 7], ['230304', 5], ['230305', 4], ['230306', 6],
  ['230307', 2], ['230321', 15], ['230381', 17], ['230382', 27],
];

const CATEGORY_WEIGHTS: ReadonlyArray<[Category, number]> = [
  ['physical', 50], ['visual', 10], ['hearing', 12], ['speech', 2], ['intellectual', 9], ['mental', 12], ['multiple', 5],
];

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉兰萍红建国建华淑珍淑兰凤兰桂兰文杰海燕丽娟志强志刚永生春梅冬梅秋菊国庆德明宝山长林玉珍凤英雪梅';

/** Years of the plan the demonstration covers, and the months whose payroll it runs. */
export const DEMO_YEARS = [2021, 2022, 2023, 2024, 2025] as const;
export const DEMO_PAYROLL_MONTHS = ['2021-12', '2022-12', '2023-12', '2024-12', '2025-11', '2025-12'] as const;

/** Homes modified and persons trained per year, city-wide (full size). */
const HOMES_PER_YEAR = [760, 770, 780, 790, 800];
const TRAINED_PER_YEAR = [400, 410, 420, 420, 430];

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A deterministic 0 … 999 draw for (person, salt), independent of generation order. */
function draw(n: number, salt: number): number {
  let h = Math.imul(n ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(salt + 0x27d4eb2f, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return ((h ^ (h >>> 16)) >>> 0) % 1000;
}

function shuffled(count: number, random: () => number): number[] {
  const list = Array.from({ length: count }, (_, i) => i);
  for (let i = count - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [list[i], list[j]] = [list[j]!, list[i]!];
  }
  return list;
}

function pick<T>(weights: ReadonlyArray<[T, number]>, r: number): T {
  const total = weights.reduce((s, [, w]) => s + w, 0);
  let x = r * total;
  for (const [value, w] of weights) {
    if (x < w) return value;
    x -= w;
  }
  return weights[weights.length - 1]![0];
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

export interface DemoPerson {
  n: number;
  id: string;
  residentId: string;
  name: string;
  sex: 'male' | 'female';
  birthDate: string;
  county: string;
  category: Category;
  grade: number;
  cardNumber: string;
  bankAccount: string;
  households: Array<{ status: string; from: string; to: string | null }>;
  benefits: Array<{ kind: string; from: string; to: string | null }>;
  grants: Array<{ subsidy: 'living' | 'care'; receivedOn: string; decidedOn: string; status: 'approved' | 'received' }>;
  records: Array<{ kind: string; on: string; until: string | null }>;
  deceasedOn: string | null;
  movedAwayOn: string | null;
}

function scaled(full: number, size: 'small' | 'full'): number {
  return size === 'full' ? full : Math.max(1, Math.round(full / 100));
}

/** Just over a published rate: the count of `base` that exceeds `bp` exactly. */
function justOver(base: number, bp: number): number {
  return Math.min(base, Math.floor((base * bp) / 10_000) + 1);
}

export function generateDemo(targets: DemoTargets, size: 'small' | 'full'): DemoPerson[] {
  const random = mulberry32(20_220_805);
  const total = scaled(targets.cardHolders, size);
  const living = scaled(targets.livingRecipients, size);
  const care = scaled(targets.careRecipients, size);
  const pending = size === 'full' ? 20 : 1;
  const leaving = size === 'full' ? 40 : 1;
  const dying = size === 'full' ? 25 : 1;
  const moving = size === 'full' ? 5 : 1;

  const countyCounts = allocateByLargestRemainder(total, COUNTY_WEIGHTS.map(([, w]) => w));
  const counties: string[] = [];
  COUNTY_WEIGHTS.forEach(([code], i) => { for (let k = 0; k < countyCounts[i]!; k += 1) counties.push(code); });

  const severeOrder = shuffled(total, random);
  const grade = new Array<number>(total).fill(3);
  severeOrder.forEach((n, i) => {
    if (i < care) grade[n] = i < Math.round(care * 0.4) ? 1 : 2;
    else grade[n] = i % 3 === 0 ? 3 : 4;
  });

  const householdOrder = shuffled(total, random);
  const status = new Array<string>(total).fill('none');
  householdOrder.forEach((n, i) => {
    if (i < living) status[n] = 'dibao';
    else if (i < living + Math.round(total * 0.06)) status[n] = 'dibao_marginal';
    else if (i < living + Math.round(total * 0.085)) status[n] = 'tekun';
  });
  const pendingSet = new Set(householdOrder.slice(total - pending));
  const leavingSet = new Set(householdOrder.slice(0, leaving));
  const dyingSet = new Set(severeOrder.slice(0, dying));
  const movingSet = new Set(householdOrder.slice(leaving, leaving + moving));

  const used = new Set<string>();
  const persons: DemoPerson[] = [];
  for (let n = 0; n < total; n += 1) {
    const county = counties[n]!;
    // Ages 0–89, weighted towards the old, as disability is.
    const r = random();
    const age = r < 0.04 ? Math.floor(random() * 16) : r < 0.48 ? 16 + Math.floor(random() * 44) : 60 + Math.floor(random() * 30);
    const birthYear = 2023 - age;
    let residentId = '';
    let birthDate = '';
    do {
      const month = 1 + Math.floor(random() * 12);
      const day = 1 + Math.floor(random() * 28);
      birthDate = `${birthYear}-${pad(month, 2)}-${pad(day, 2)}`;
      const first17 = `${county}${birthYear}${pad(month, 2)}${pad(day, 2)}${pad(Math.floor(random() * 1000), 3)}`;
      residentId = first17 + residentIdCheckChar(first17);
    } while (used.has(residentId));
    used.add(residentId);

    const sex = Number(residentId[16]) % 2 === 1 ? 'male' : 'female';
    const category = pick(CATEGORY_WEIGHTS, random());
    const categoryDigit = ['visual', 'hearing', 'speech', 'physical', 'intellectual', 'mental', 'multiple'].indexOf(category) + 1;
    const g = grade[n]!;
    const name = SURNAMES[Math.floor(random() * SURNAMES.length)]! + GIVEN[Math.floor(random() * GIVEN.length)]! + (random() < 0.6 ? GIVEN[Math.floor(random() * GIVEN.length)]! : '');
    const since = `${2012 + Math.floor(random() * 8)}-${pad(1 + Math.floor(random() * 12), 2)}-01`;

    const households: DemoPerson['households'] = [];
    if (pendingSet.has(n)) {
      households.push({ status: 'none', from: since, to: '2025-10-31' }, { status: 'dibao', from: '2025-11-01', to: null });
    } else if (leavingSet.has(n)) {
      households.push({ status: 'dibao', from: since, to: '2025-11-09' }, { status: 'none', from: '2025-11-10', to: null });
    } else {
      households.push({ status: status[n]!, from: since, to: null });
    }

    const grants: DemoPerson['grants'] = [];
    const granted = addDays(since, 45);
    if (status[n] === 'dibao' && !pendingSet.has(n)) grants.push({ subsidy: 'living', receivedOn: addDays(since, 20), decidedOn: granted, status: 'approved' });
    if (g <= 2) grants.push({ subsidy: 'care', receivedOn: addDays(since, 20), decidedOn: granted, status: 'approved' });
    if (pendingSet.has(n)) grants.push({ subsidy: 'living', receivedOn: '2025-11-20', decidedOn: '', status: 'received' });

    const benefits: DemoPerson['benefits'] = [];
    if (age < 16 && draw(n, 7) < 20) benefits.push({ kind: 'orphan_allowance', from: since, to: null });

    persons.push({
      n,
      id: `dp_demo_${pad(n, 6)}`,
      residentId,
      name,
      sex,
      birthDate,
      county,
      category,
      grade: g,
      cardNumber: `${residentId}${categoryDigit}${g}`,
      bankAccount: `DEMO${pad(n, 12)}`,
      households,
      benefits,
      grants,
      records: [],
      deceasedOn: dyingSet.has(n) ? `2025-11-${pad(1 + (n % 28), 2)}` : null,
      movedAwayOn: movingSet.has(n) ? '2025-11-15' : null,
    });
  }

  addRecords(persons, targets, size, random);
  return persons;
}

function ageAt(birthDate: string, on: string): number {
  const years = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return on.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/** Enrolments, services and modifications, at the published rates. */
function addRecords(persons: DemoPerson[], targets: DemoTargets, size: 'small' | 'full', random: () => number): void {
  const notEnrolled = (base: number, bp: number) => base - justOver(base, bp);
  const pensionMiss = notEnrolled(1000, targets.pensionRate) - 3;
  const medicalMiss = notEnrolled(1000, targets.medicalRate) - 4;

  for (const p of persons) {
    const birthYear = Number(p.birthDate.slice(0, 4));
    const sixteen = `${birthYear + 16}${p.birthDate.slice(4)}`;
    if (birthYear + 6 <= 2025 && birthYear + 15 >= 2021 && draw(p.n, 11) >= 7) {
      p.records.push({ kind: 'school_enrolment', on: `${Math.max(birthYear + 6, 2014)}-09-01`, until: `${birthYear + 16}-07-31` });
    }
    if (birthYear + 59 >= 2021 && birthYear + 16 <= 2025 && draw(p.n, 13) >= pensionMiss) {
      p.records.push({ kind: 'pension_enrolment', on: sixteen > '2016-01-01' ? sixteen : '2016-01-01', until: null });
    }
    if (draw(p.n, 17) >= medicalMiss) p.records.push({ kind: 'medical_enrolment', on: p.birthDate > '2016-01-01' ? p.birthDate : '2016-01-01', until: null });
  }

  // Needs assessed each year; the services just over the published rate of
  // them, exactly, so the coverage holds at any size.
  DEMO_YEARS.forEach((year, y) => {
    for (const [need, done, share, salt] of [['rehab_need', 'rehabilitation', 250, 20], ['device_need', 'device_fitted', 100, 40]] as const) {
      const needing = persons.filter((p) => draw(p.n, salt + y) < share);
      const missing = needing.length - justOver(needing.length, targets.rehabDeviceRate);
      needing.forEach((p, k) => {
        const month = pad(2 + (draw(p.n, 100 + y) % 8), 2);
        p.records.push({ kind: need, on: `${year}-${month}-05`, until: null });
        // Exactly `missing` of them, spread evenly, go without.
        const unserved = Math.floor(((k + 1) * missing) / needing.length) > Math.floor((k * missing) / needing.length);
        if (!unserved) p.records.push({ kind: done, on: `${year}-${month}-25`, until: null });
      });
    }
  });

  // Exact yearly counts of trainings (working age) and of modified homes.
  const working = persons.filter((p) => ageAt(p.birthDate, '2023-06-30') >= 16 && ageAt(p.birthDate, '2023-06-30') <= 55);
  const trainOrder = shuffled(working.length, random);
  let t = 0;
  DEMO_YEARS.forEach((year, y) => {
    for (let k = 0; k < scaled(TRAINED_PER_YEAR[y]!, size); k += 1) {
      working[trainOrder[t++]!]!.records.push({ kind: 'vocational_training', on: `${year}-${pad(3 + (k % 8), 2)}-15`, until: null });
    }
  });
  const homeOrder = shuffled(persons.length, random);
  let h = 0;
  for (let k = 0; k < scaled(targets.homes2016to2020, size); k += 1) {
    persons[homeOrder[h++]!]!.records.push({ kind: 'home_modification', on: `${2016 + (k % 5)}-${pad(4 + (k % 6), 2)}-10`, until: null });
  }
  DEMO_YEARS.forEach((year, y) => {
    for (let k = 0; k < scaled(HOMES_PER_YEAR[y]!, size); k += 1) {
      persons[homeOrder[h++]!]!.records.push({ kind: 'home_modification', on: `${year}-${pad(4 + (k % 6), 2)}-10`, until: null });
    }
  });
  for (const p of persons) {
    if (p.deceasedOn) p.records.push({ kind: 'death', on: p.deceasedOn, until: null });
    if (p.movedAwayOn) p.records.push({ kind: 'moved_away', on: p.movedAwayOn, until: null });
  }
}
