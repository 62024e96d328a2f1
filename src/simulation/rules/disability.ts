/**
 * The disability part of a scenario run: the two subsidies' payroll (D1
 * 三(一)5) for every month of a year, decided twice in memory by the
 * disability area's own monthly rule (payrollMonth, d1.s3_1_5.payroll_month)
 * under the rules in force and under the scenario. Nothing is read or
 * written here: the register comes in, the differences go out.
 *
 * The payroll pays only grant holders. A change that opens a subsidy to
 * persons without a grant (an extension, a dropped exclusion) shows them as
 * newly eligible, with what they would be paid had they applied; that
 * amount is kept apart from the payroll cost, since nobody has applied.
 */
import type { IsoDate, IsoMonth } from '../../core/dates.ts';
import type { Fen } from '../../core/money.ts';
import { careCountyExtensionRule } from '../../disability/rules/countyExtensions.ts';
import { careSubsidyRule, decideCare } from '../../disability/rules/careSubsidy.ts';
import { decideLiving, livingSubsidyRule } from '../../disability/rules/livingSubsidy.ts';
import { livingCountyExtensionRule } from '../../disability/rules/countyExtensions.ts';
import {
  grantActive,
  payrollMonth,
  payrollMonthRule,
  referenceDate,
  type Grant,
  type PayrollLine,
  type PayrollPerson,
  type PreviousLine,
} from '../../disability/rules/payrollMonth.ts';
import type { SubsidyParameters } from '../../disability/rules/subsidyParameters.ts';
import { CATEGORY_LABELS, SUBSIDY_LABELS, type Category, type Subsidy } from '../../disability/rules/types.ts';
import { situationOf, type BenefitSpan, type HouseholdSpan } from '../../disability/services/situation.ts';
import { distribution, type CostLine, type Crossing, type Distribution } from './outcome.ts';

/** A register entry as the payroll needs it, with every period it holds. */
export interface RegisterPerson {
  id: string;
  county: string;
  category: string;
  grade: number;
  deceased_on: IsoDate | null;
  moved_away_on: IsoDate | null;
  households: readonly HouseholdSpan[];
  benefits: readonly BenefitSpan[];
  grants: readonly Grant[];
}

/** One side of the run: which day decides a month, and the standards then. */
export interface PayrollRules {
  reference: (month: IsoMonth) => SubsidyParameters['situationReference'];
  paramsFor: (county: string, on: IsoDate) => SubsidyParameters;
}

export interface DisabilitySimulationInput {
  year: number;
  persons: readonly RegisterPerson[];
  /** Lines of the last payroll stored before January, by `${person}:${subsidy}`. */
  previous: ReadonlyMap<string, PreviousLine>;
  baseline: PayrollRules;
  scenario: PayrollRules;
}

interface Paid {
  living: Fen;
  care: Fen;
  livingMonths: number;
  careMonths: number;
}

export interface DisabilityPersonDelta {
  personId: string;
  county: string;
  category: string;
  grade: number;
  baseline: Paid;
  scenario: Paid;
  /** Scenario total minus baseline total over the year. */
  delta: Fen;
}

/** A person without a grant whom the scenario makes eligible (or no longer eligible). */
export interface NewlyEligible {
  personId: string;
  county: string;
  category: string;
  grade: number;
  subsidy: Subsidy;
  direction: 'in' | 'out';
  months: number;
  /** What the months would have paid under the side that finds them eligible. */
  amount: Fen;
  basis: 'standard' | 'county_extension';
}

export interface MonthTotal {
  month: IsoMonth;
  baseline: Fen;
  scenario: Fen;
  baselinePersons: number;
  scenarioPersons: number;
}

export interface DisabilitySimulation {
  year: number;
  persons: number;
  grantHolders: number;
  lines: CostLine[];
  months: MonthTotal[];
  changed: DisabilityPersonDelta[];
  newlyEligible: NewlyEligible[];
  distribution: Distribution;
  crossings: Crossing[];
}

const ITEM_RULES: Readonly<Record<Subsidy, { standard: string; extension: string }>> = {
  living: { standard: livingSubsidyRule.id, extension: livingCountyExtensionRule.id },
  care: { standard: careSubsidyRule.id, extension: careCountyExtensionRule.id },
};

const ARTICLES = ['D1 三(一)5', 'D1 专栏2 一2'];

function emptyPaid(): Paid {
  return { living: 0, care: 0, livingMonths: 0, careMonths: 0 };
}

class Side {
  previous: Map<string, PreviousLine>;
  readonly paid = new Map<string, Paid>();
  /** Grants this side's own payrolls ended (stop_ends_grant), by application. */
  readonly ended = new Map<string, IsoDate>();
  /** Persons holding such a grant. */
  readonly endedHolders = new Set<string>();

  constructor(readonly rules: PayrollRules, previous: ReadonlyMap<string, PreviousLine>) {
    this.previous = new Map(previous);
  }

  /** The reference day of `month` and the parameters per county on it. */
  prepare(month: IsoMonth): Prepared {
    const ref = referenceDate(month, this.rules.reference(month));
    const cache = new Map<string, SubsidyParameters>();
    const paramsFor = (county: string) => {
      let found = cache.get(county);
      if (!found) {
        found = this.rules.paramsFor(county, ref);
        cache.set(county, found);
      }
      return found;
    };
    return { month, ref, paramsFor };
  }

  /** The month's payroll over `persons` (their situations on the reference day). */
  pay(prepared: Prepared, persons: readonly PayrollPerson[]): PayrollLine[] {
    const result = payrollMonth({ month: prepared.month, referenceDate: prepared.ref, persons: this.own(persons), previous: this.previous, paramsFor: prepared.paramsFor });
    this.take(result.lines);
    const holderOf = new Map(result.lines.map((l) => [l.applicationId, l.personId]));
    for (const e of result.endedGrants) {
      this.ended.set(e.applicationId, e.endedOn);
      const holder = holderOf.get(e.applicationId);
      if (holder) this.endedHolders.add(holder);
    }
    return result.lines;
  }

  /** The persons with this side's endings applied to their grants. */
  own(persons: readonly PayrollPerson[]): readonly PayrollPerson[] {
    if (this.ended.size === 0) return persons;
    return persons.map((p) => (this.endedHolders.has(p.personId) ? { ...p, grants: this.grants(p.grants) } : p));
  }

  grants(grants: readonly Grant[]): readonly Grant[] {
    if (this.ended.size === 0) return grants;
    return grants.map((g) => {
      const ended = this.ended.get(g.applicationId);
      return ended && (g.endedOn === null || ended < g.endedOn) ? { ...g, endedOn: ended } : g;
    });
  }

  /** Whether both sides have ended the same grants. */
  sameEndings(other: Side): boolean {
    if (this.ended.size !== other.ended.size) return false;
    for (const [id, on] of this.ended) if (other.ended.get(id) !== on) return false;
    return true;
  }

  /** Lines decided elsewhere (the other side, when the month's rules are the same). */
  take(lines: readonly PayrollLine[]): void {
    this.previous = new Map();
    for (const line of lines) {
      this.previous.set(`${line.personId}:${line.subsidy}`, { county: line.county, amount: line.amount, status: line.status });
      if (line.status !== 'paid') continue;

      let paid = this.paid.get(line.personId);
      if (!paid) {
        paid = emptyPaid();
        this.paid.set(line.personId, paid);
      }
      paid[line.subsidy] += line.amount;
      if (line.subsidy === 'living') paid.livingMonths += 1;
      else paid.careMonths += 1;
    }
  }
}

interface Prepared {
  month: IsoMonth;
  ref: IsoDate;
  paramsFor: (county: string) => SubsidyParameters;
}

/** What decides a payroll line: everything but the explanation's parameter uses. */
function payrollKey(p: SubsidyParameters): string {
  return JSON.stringify([p.livingMonthly, p.careMonthly, p.careExtensionMonthly, p.extensions, p.exclusions, p.situationReference, p.paymentStart, p.stopEndsGrant]);
}

/** What decides eligibility alone (amounts aside). */
function eligibilityKey(p: SubsidyParameters): string {
  return JSON.stringify([p.extensions, p.exclusions, p.situationReference, p.paymentStart]);
}

function sameFor(counties: readonly string[], a: Prepared, b: Prepared, key: (p: SubsidyParameters) => string): Set<string> {
  const same = new Set<string>();
  if (a.ref !== b.ref) return same;
  for (const county of counties) if (key(a.paramsFor(county)) === key(b.paramsFor(county))) same.add(county);
  return same;
}

interface LineAcc {
  line: CostLine;
  subjects: Set<string>;
  rules: Set<string>;
}

class Lines {
  private readonly byKey = new Map<string, LineAcc>();

  add(line: PayrollLine, category: string, side: 'baseline' | 'scenario'): void {
    if (line.status !== 'paid' || line.amount === 0) return;

    const key = `${line.subsidy}|${line.county}|${category}`;
    let acc = this.byKey.get(key);
    if (!acc) {
      acc = {
        line: {
          area: 'disability',
          item: line.subsidy,
          itemTitle: SUBSIDY_LABELS[line.subsidy],
          county: line.county,
          category,
          categoryTitle: `${CATEGORY_LABELS[category as Category] ?? category}残疾`,
          baseline: 0,
          scenario: 0,
          delta: 0,
          entities: 0,
          rules: [],
          articles: ARTICLES,
        },
        subjects: new Set(),
        rules: new Set([payrollMonthRule.id]),
      };
      this.byKey.set(key, acc);
    }
    acc.line[side] += line.amount;
    acc.subjects.add(line.personId);
    const rules = ITEM_RULES[line.subsidy];
    acc.rules.add(line.basis === 'county_extension' ? rules.extension : rules.standard);
  }

  done(): CostLine[] {
    return [...this.byKey.values()]
      .map((acc) => ({ ...acc.line, delta: acc.line.scenario - acc.line.baseline, entities: acc.subjects.size, rules: [...acc.rules].sort() }))
      .sort((a, b) => a.item.localeCompare(b.item) || a.county.localeCompare(b.county) || a.category.localeCompare(b.category));
  }
}

function monthsOf(year: number): IsoMonth[] {
  return Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}` as IsoMonth);
}

function sumPaid(lines: readonly PayrollLine[]): { amount: Fen; persons: number } {
  const persons = new Set<string>();
  let amount = 0;
  for (const l of lines) {
    if (l.status !== 'paid') continue;
    amount += l.amount;
    persons.add(l.personId);
  }
  return { amount, persons: persons.size };
}

type Eligibility = { eligible: false } | { eligible: true; amount: Fen; basis: 'standard' | 'county_extension' };

function eligibleWithoutGrant(person: RegisterPerson, grants: readonly Grant[], subsidy: Subsidy, month: IsoMonth, ref: IsoDate, params: SubsidyParameters): Eligibility | undefined {
  if (grants.some((g) => g.subsidy === subsidy && grantActive(g, month, ref, params))) return undefined;

  const situation = situationOf(person, person.households, person.benefits, ref);
  const decision = subsidy === 'living' ? decideLiving(situation, params) : decideCare(situation, params);
  return decision.outcome === 'eligible' ? { eligible: true, amount: decision.amount, basis: decision.basis } : { eligible: false };
}

export function simulateDisability(input: DisabilitySimulationInput): DisabilitySimulation {
  const baseline = new Side(input.baseline, input.previous);
  const scenario = new Side(input.scenario, input.previous);
  const lines = new Lines();
  const months: MonthTotal[] = [];
  const byId = new Map(input.persons.map((p) => [p.id, p]));
  const eligibleMonths = new Map<string, NewlyEligible>();

  const counties = [...new Set(input.persons.map((p) => p.county))].sort();
  const holders = input.persons.filter((p) => p.grants.length > 0);
  const payrollPersons = (ref: IsoDate): PayrollPerson[] =>
    holders.map((p) => ({ personId: p.id, county: p.county, situation: situationOf(p, p.households, p.benefits, ref), grants: p.grants }));

  for (const month of monthsOf(input.year)) {
    const before = baseline.prepare(month);
    const after = scenario.prepare(month);
    const paidBefore = payrollPersons(before.ref);
    const beforeLines = baseline.pay(before, paidBefore);
    // A month whose rules are the same on both sides pays the same lines: decide it once.
    const samePayroll = baseline.sameEndings(scenario) && sameFor(counties, before, after, payrollKey).size === counties.length;
    let afterLines: PayrollLine[];
    if (samePayroll) {
      afterLines = beforeLines;
      scenario.take(afterLines);
    } else {
      afterLines = scenario.pay(after, after.ref === before.ref ? paidBefore : payrollPersons(after.ref));
    }
    for (const line of beforeLines) lines.add(line, byId.get(line.personId)?.category ?? 'unknown', 'baseline');
    for (const line of afterLines) lines.add(line, byId.get(line.personId)?.category ?? 'unknown', 'scenario');
    const b = sumPaid(beforeLines);
    const s = sumPaid(afterLines);
    months.push({ month, baseline: b.amount, scenario: s.amount, baselinePersons: b.persons, scenarioPersons: s.persons });

    // Eligibility without a grant moves only where what decides it moved.
    const sameEligibility = sameFor(counties, before, after, eligibilityKey);
    if (sameEligibility.size === counties.length) continue;

    for (const person of input.persons) {
      if (sameEligibility.has(person.county)) continue;

      for (const subsidy of ['living', 'care'] as const) {
        const was = eligibleWithoutGrant(person, baseline.grants(person.grants), subsidy, month, before.ref, before.paramsFor(person.county));
        const is = eligibleWithoutGrant(person, scenario.grants(person.grants), subsidy, month, after.ref, after.paramsFor(person.county));
        if (!was || !is || was.eligible === is.eligible) continue;

        const side = is.eligible ? is : (was as Extract<Eligibility, { eligible: true }>);
        const key = `${person.id}:${subsidy}:${is.eligible ? 'in' : 'out'}`;
        let entry = eligibleMonths.get(key);
        if (!entry) {
          entry = {
            personId: person.id,
            county: person.county,
            category: person.category,
            grade: person.grade,
            subsidy,
            direction: is.eligible ? 'in' : 'out',
            months: 0,
            amount: 0,
            basis: side.basis,
          };
          eligibleMonths.set(key, entry);
        }
        entry.months += 1;
        entry.amount += side.amount;
      }
    }
  }

  const changed: DisabilityPersonDelta[] = [];
  const crossings: Crossing[] = [];
  const deltas: Fen[] = [];
  for (const person of holders) {
    const b = baseline.paid.get(person.id) ?? emptyPaid();
    const s = scenario.paid.get(person.id) ?? emptyPaid();
    const delta = s.living + s.care - (b.living + b.care);
    deltas.push(delta);
    for (const subsidy of ['living', 'care'] as const) {
      const wasMonths = subsidy === 'living' ? b.livingMonths : b.careMonths;
      const isMonths = subsidy === 'living' ? s.livingMonths : s.careMonths;
      if ((wasMonths > 0) === (isMonths > 0)) continue;

      crossings.push({
        area: 'disability',
        subject: person.id,
        county: person.county,
        kind: `${subsidy}_paid:${isMonths > 0 ? 'in' : 'out'}`,
        title: isMonths > 0 ? `新获发${SUBSIDY_LABELS[subsidy]}` : `不再发放${SUBSIDY_LABELS[subsidy]}`,
        baseline: `发放 ${wasMonths} 个月`,
        scenario: `发放 ${isMonths} 个月`,
        rule: ITEM_RULES[subsidy].standard,
        article: 'D1 三(一)5',
      });
    }
    if (delta !== 0) {
      changed.push({ personId: person.id, county: person.county, category: person.category, grade: person.grade, baseline: b, scenario: s, delta });
    }
  }

  const newlyEligible = [...eligibleMonths.values()].sort(
    (x, y) => x.subsidy.localeCompare(y.subsidy) || x.county.localeCompare(y.county) || x.personId.localeCompare(y.personId),
  );
  for (const e of newlyEligible) {
    crossings.push({
      area: 'disability',
      subject: e.personId,
      county: e.county,
      kind: `${e.subsidy}_eligible:${e.direction}`,
      title: e.direction === 'in' ? `新符合${SUBSIDY_LABELS[e.subsidy]}条件（尚未申请）` : `不再符合${SUBSIDY_LABELS[e.subsidy]}条件（尚未申请）`,
      baseline: e.direction === 'in' ? '不符合' : `符合 ${e.months} 个月`,
      scenario: e.direction === 'in' ? `符合 ${e.months} 个月` : '不符合',
      rule: e.basis === 'county_extension' ? ITEM_RULES[e.subsidy].extension : ITEM_RULES[e.subsidy].standard,
      article: 'D1 三(一)5',
    });
  }
  changed.sort((x, y) => Math.abs(y.delta) - Math.abs(x.delta) || x.personId.localeCompare(y.personId));
  crossings.sort((x, y) => x.kind.localeCompare(y.kind) || x.subject.localeCompare(y.subject));

  return {
    year: input.year,
    persons: input.persons.length,
    grantHolders: holders.length,
    lines: lines.done(),
    months,
    changed,
    newlyEligible,
    distribution: distribution(deltas, holders.length),
    crossings,
  };
}
