/**
 * The medical parameters in force on a date, resolved once from the registry
 * into a typed snapshot and cached, so settling a claim reads plain fields
 * and never looks anything up. A section is null when its document is not
 * in force on that date (D5 §17, D4 §21): that layer pays nothing and the
 * bill says "no rule in force".
 */
import { PlatformError } from '../../core/errors.ts';
import type { ParamUse } from '../../core/explain.ts';
import { applyRate, parseYuan, type BasisPoints, type Fen } from '../../core/money.ts';
import type { IsoDate } from '../../core/dates.ts';
import type { ParamRegistry } from '../../core/params/registry.ts';
import type { ParamOverride, ParamValue } from '../../core/params/types.ts';
import { medicalErrors } from '../errors.ts';
import { CATEGORY_CODES, type CategoryCode, type ClaimKind } from './types.ts';

export type Tier = 'T1' | 'T2' | 'T3';
export type RatioReading = 'percentage_points' | 'relative';
export type DeductibleClause = 'art10_1' | 'art10_2' | 'art10_3';
export type ShortfallAllocation = 'by_certifier_spending' | 'by_certifier_overspend';

/** Parameter ids, in one place, by the rule that reads them. */
export const PARAM = {
  d5InForce: 'medical.d5.art17.in_force',
  poolingDeductible: 'medical.d5.art7_1.deductible',
  ratioLevel1: 'medical.d5.art7_1.ratio_level1',
  ratioLevel2: 'medical.d5.art7_1.ratio_level2',
  ratioLevel3: 'medical.d5.art7_1.ratio_level3',
  retireeBonus: 'medical.d5.art7_1.retiree_bonus',
  poolingCap: 'medical.d5.art7_1.annual_cap',
  referralReduction: 'medical.d5.art7_3.referral_reduction',
  reductionReading: 'medical.d5.art7_3.reduction_reading',
  fundAnnualLimit: 'medical.d5.art10.fund_annual_limit',
  inServiceRate: 'medical.d5.art4.in_service_rate',
  retireeMonthlyCredit: 'medical.d5.art4.retiree_monthly_credit',
  retireePensionShare: 'medical.d5.art4.retiree_pension_share',
  averagePension2022: 'medical.d5.art4.average_pension_2022',
  flexibleRate: 'medical.d5.art4.flexible_contribution_rate',

  d4InForce: 'medical.d4.art21.in_force',
  multiCategoryReading: 'medical.d4.art6.multi_category_reading',
  categoryTiers: 'medical.d4.art11.category_tiers',
  ratioT1: 'medical.d4.art11.ratio_t1',
  ratioT2: 'medical.d4.art11.ratio_t2',
  ratioT3: 'medical.d4.art11.ratio_t3',
  deductibleClause: 'medical.d4.art10.deductible_clause',
  deductible10_1: 'medical.d4.art10_1.deductible',
  deductible10_2: 'medical.d4.art10_2.deductible',
  deductible10_3: 'medical.d4.art10_3.deductible',
  assistanceCap: 'medical.d4.art9.annual_cap',
  coveredKinds: 'medical.d4.art8.covered_kinds',
  incomeLastYear: 'medical.d4.art11_3.income_last_year',
  tiltThresholdShare: 'medical.d4.art11_3.threshold_share',
  tiltRaise: 'medical.d4.art11_3.raise',
  tiltRaiseReading: 'medical.d4.art11_3.raise_reading',
  tiltBurdenReading: 'medical.d4.art11_3.burden_reading',
  tiltExcluded: 'medical.d4.art11_3.excluded_categories',
  depositFree: 'medical.d4.art16.deposit_free_categories',
  pushThreshold: 'medical.d4.art13.push_threshold',
  watchCategories: 'medical.d4.art12.watch_categories',
  heavyBurden: 'medical.d4.art12.heavy_burden_threshold',
  retroMonths: 'medical.d4.art14.retroactive_months',
  applicationsPerYear: 'medical.d4.art14.applications_per_year',
  contribution: 'medical.d4.art7.individual_contribution',
  fullCategories: 'medical.d4.art7_1.full_categories',
  fullShare: 'medical.d4.art7_1.full_share',
  fixedCategories: 'medical.d4.art7_2.fixed_categories',
  fixedShare: 'medical.d4.art7_2.fixed_share',
  transitionCategories: 'medical.d4.art7_3.transition_categories',
  transitionShare: 'medical.d4.art7_3.transition_share',
  transitionEnd: 'medical.d4.art7_3.transition_end',
  shortfallAllocation: 'medical.d4.art19.shortfall_allocation',
} as const;

/** D5 §6–§10: ordinary outpatient pooling. */
export interface PoolingParams {
  inForce: IsoDate;
  deductible: Fen;
  /** By institution level 1, 2, 3 (index 0, 1, 2). */
  ratioByLevel: readonly [BasisPoints, BasisPoints, BasisPoints];
  retireeBonus: BasisPoints;
  annualCap: Fen;
  referralReduction: BasisPoints;
  reductionReading: RatioReading;
  /** Null while the bureau has not entered it: the check is skipped. */
  fundAnnualLimit: Fen | null;
  use: {
    inForce: ParamUse;
    deductible: ParamUse;
    ratioByLevel: readonly [ParamUse, ParamUse, ParamUse];
    retireeBonus: ParamUse;
    annualCap: ParamUse;
    referralReduction: ParamUse;
    reductionReading: ParamUse;
    fundAnnualLimit: ParamUse;
  };
}

/** D5 §4: personal-account credits. */
export interface AccountParams {
  inForce: IsoDate;
  inServiceRate: BasisPoints;
  retireeMonthlyCredit: Fen;
  retireePensionShare: BasisPoints;
  /** Null until published: no top-up is computed. */
  averagePension2022: Fen | null;
  flexibleRate: BasisPoints;
  use: {
    inForce: ParamUse;
    inServiceRate: ParamUse;
    retireeMonthlyCredit: ParamUse;
    retireePensionShare: ParamUse;
    averagePension2022: ParamUse;
    flexibleRate: ParamUse;
  };
}

/** D4 §6, §8–§11, §16: medical assistance. */
export interface AssistanceParams {
  inForce: IsoDate;
  tierOf: Readonly<Record<CategoryCode, Tier>>;
  ratioOf: Readonly<Record<CategoryCode, BasisPoints>>;
  deductibleOf: Readonly<Record<CategoryCode, Fen>>;
  /** Lower is more favourable (D4 §6 reading): highest ratio, then lowest deductible. */
  rankOf: Readonly<Record<CategoryCode, number>>;
  annualCap: Fen;
  covers: Readonly<Record<ClaimKind, boolean>>;
  incomeLastYear: Fen;
  tiltThresholdShare: BasisPoints;
  /** incomeLastYear × tiltThresholdShare, rounded once. */
  tiltThreshold: Fen;
  tiltRaise: BasisPoints;
  tiltRaiseReading: RatioReading;
  tiltExcluded: ReadonlySet<CategoryCode>;
  depositFree: ReadonlySet<CategoryCode>;
  use: {
    inForce: ParamUse;
    multiCategoryReading: ParamUse;
    categoryTiers: ParamUse;
    ratioOf: Readonly<Record<CategoryCode, ParamUse>>;
    deductibleOf: Readonly<Record<CategoryCode, ParamUse>>;
    annualCap: ParamUse;
    coveredKinds: ParamUse;
    incomeLastYear: ParamUse;
    tiltThresholdShare: ParamUse;
    tiltRaise: ParamUse;
    tiltRaiseReading: ParamUse;
    tiltBurdenReading: ParamUse;
    tiltExcluded: ParamUse;
    depositFree: ParamUse;
  };
}

/** D4 §12–§14: monitoring, push list, applications. */
export interface MonitoringParams {
  pushThreshold: Fen;
  watchCategories: ReadonlySet<CategoryCode>;
  heavyBurden: Fen;
  retroMonths: number;
  applicationsPerYear: number;
  use: {
    pushThreshold: ParamUse;
    watchCategories: ParamUse;
    heavyBurden: ParamUse;
    retroMonths: ParamUse;
    applicationsPerYear: ParamUse;
  };
}

/** D4 §7: resident premium subsidies. */
export interface PremiumParams {
  contribution: Fen;
  full: ReadonlySet<CategoryCode>;
  fullShare: BasisPoints;
  fixed: ReadonlySet<CategoryCode>;
  fixedShare: BasisPoints;
  transition: ReadonlySet<CategoryCode>;
  transitionShare: BasisPoints;
  transitionEnd: IsoDate;
  use: {
    contribution: ParamUse;
    full: ParamUse;
    fullShare: ParamUse;
    fixed: ParamUse;
    fixedShare: ParamUse;
    transition: ParamUse;
    transitionShare: ParamUse;
    transitionEnd: ParamUse;
  };
}

/** D4 §19: fund shortfall. */
export interface FundParams {
  allocation: ShortfallAllocation;
  use: { allocation: ParamUse };
}

export interface MedicalSnapshot {
  date: IsoDate;
  /** Calendar year of the date: the accumulators' year. */
  year: number;
  pooling: PoolingParams | null;
  account: AccountParams | null;
  assistance: AssistanceParams | null;
  monitoring: MonitoringParams | null;
  premium: PremiumParams | null;
  fund: FundParams | null;
}

/**
 * Snapshots by date, built on first use. Create one per registry (and per
 * scenario: `MedicalParams.fromRegistry(registry, overrides)`); it is cheap
 * to keep and safe to share, being read-only once built.
 */
export class MedicalParams {
  readonly registry: ParamRegistry;
  private readonly cache = new Map<IsoDate, MedicalSnapshot>();
  private lastDate: IsoDate | undefined;
  private lastSnapshot: MedicalSnapshot | undefined;

  constructor(registry: ParamRegistry) {
    this.registry = registry;
  }

  static fromRegistry(
    registry: ParamRegistry,
    overrides: readonly ParamOverride[] = [],
  ): MedicalParams {
    return new MedicalParams(
      overrides.length > 0 ? registry.withOverrides(overrides) : registry,
    );
  }

  /** The parameters in force on `date`. */
  on(date: IsoDate): MedicalSnapshot {
    if (date === this.lastDate) return this.lastSnapshot!;

    let snapshot = this.cache.get(date);
    if (!snapshot) {
      snapshot = buildSnapshot(this.registry, date);
      this.cache.set(date, snapshot);
    }
    this.lastDate = date;
    this.lastSnapshot = snapshot;
    return snapshot;
  }
}

export function buildSnapshot(registry: ParamRegistry, date: IsoDate): MedicalSnapshot {
  const read = new Reader(registry, date);
  const d5 = read.inForce(PARAM.d5InForce);
  const d4 = read.inForce(PARAM.d4InForce);

  return {
    date,
    year: Number(date.slice(0, 4)),
    pooling: d5 ? poolingParams(read, d5) : null,
    account: d5 ? accountParams(read, d5) : null,
    assistance: d4 ? assistanceParams(read, d4) : null,
    monitoring: d4 ? monitoringParams(read) : null,
    premium: d4 ? premiumParams(read) : null,
    fund: d4 ? fundParams(read) : null,
  };
}

function poolingParams(read: Reader, inForce: ParamValue<string>): PoolingParams {
  const deductible = read.fen(PARAM.poolingDeductible);
  const levels = [
    read.bp(PARAM.ratioLevel1),
    read.bp(PARAM.ratioLevel2),
    read.bp(PARAM.ratioLevel3),
  ] as const;
  const retireeBonus = read.bp(PARAM.retireeBonus);
  const annualCap = read.fen(PARAM.poolingCap);
  const reduction = read.bp(PARAM.referralReduction);
  const reading = read.value<RatioReading>(PARAM.reductionReading);
  const limit = read.optionalYuan(PARAM.fundAnnualLimit);

  return {
    inForce: inForce.value,
    deductible: deductible.value,
    ratioByLevel: [levels[0].value, levels[1].value, levels[2].value],
    retireeBonus: retireeBonus.value,
    annualCap: annualCap.value,
    referralReduction: reduction.value,
    reductionReading: reading.value,
    fundAnnualLimit: limit.fen,
    use: {
      inForce: use(inForce),
      deductible: use(deductible),
      ratioByLevel: [use(levels[0]), use(levels[1]), use(levels[2])],
      retireeBonus: use(retireeBonus),
      annualCap: use(annualCap),
      referralReduction: use(reduction),
      reductionReading: use(reading),
      fundAnnualLimit: use(limit.param),
    },
  };
}

function accountParams(read: Reader, inForce: ParamValue<string>): AccountParams {
  const inService = read.bp(PARAM.inServiceRate);
  const retiree = read.fen(PARAM.retireeMonthlyCredit);
  const share = read.bp(PARAM.retireePensionShare);
  const pension = read.optionalYuan(PARAM.averagePension2022);
  const flexible = read.bp(PARAM.flexibleRate);

  return {
    inForce: inForce.value,
    inServiceRate: inService.value,
    retireeMonthlyCredit: retiree.value,
    retireePensionShare: share.value,
    averagePension2022: pension.fen,
    flexibleRate: flexible.value,
    use: {
      inForce: use(inForce),
      inServiceRate: use(inService),
      retireeMonthlyCredit: use(retiree),
      retireePensionShare: use(share),
      averagePension2022: use(pension.param),
      flexibleRate: use(flexible),
    },
  };
}

function assistanceParams(read: Reader, inForce: ParamValue<string>): AssistanceParams {
  const reading = read.value<string>(PARAM.multiCategoryReading);
  if (reading.value !== 'most_favourable') read.bad(PARAM.multiCategoryReading, reading.value);

  const tiers = read.categoryTable<Tier>(PARAM.categoryTiers, ['T1', 'T2', 'T3']);
  const clauses = read.categoryTable<DeductibleClause>(PARAM.deductibleClause, [
    'art10_1',
    'art10_2',
    'art10_3',
  ]);
  const ratioByTier = {
    T1: read.bp(PARAM.ratioT1),
    T2: read.bp(PARAM.ratioT2),
    T3: read.bp(PARAM.ratioT3),
  };
  const deductibleByClause = {
    art10_1: read.fen(PARAM.deductible10_1),
    art10_2: read.fen(PARAM.deductible10_2),
    art10_3: read.fen(PARAM.deductible10_3),
  };
  const cap = read.fen(PARAM.assistanceCap);
  const kinds = read.list(PARAM.coveredKinds, ['outpatient', 'chronic', 'inpatient']);
  const income = read.fen(PARAM.incomeLastYear);
  const share = read.bp(PARAM.tiltThresholdShare);
  const raise = read.bp(PARAM.tiltRaise);
  const raiseReading = read.value<RatioReading>(PARAM.tiltRaiseReading);
  const burdenReading = read.value<string>(PARAM.tiltBurdenReading);
  const excluded = read.categories(PARAM.tiltExcluded);
  const depositFree = read.categories(PARAM.depositFree);

  const tierOf = {} as Record<CategoryCode, Tier>;
  const ratioOf = {} as Record<CategoryCode, BasisPoints>;
  const deductibleOf = {} as Record<CategoryCode, Fen>;
  const ratioUse = {} as Record<CategoryCode, ParamUse>;
  const deductibleUse = {} as Record<CategoryCode, ParamUse>;
  for (const code of CATEGORY_CODES) {
    const tier = tiers.value[code];
    const clause = clauses.value[code];
    tierOf[code] = tier;
    ratioOf[code] = ratioByTier[tier].value;
    deductibleOf[code] = deductibleByClause[clause].value;
    ratioUse[code] = use(ratioByTier[tier]);
    deductibleUse[code] = use(deductibleByClause[clause]);
  }

  return {
    inForce: inForce.value,
    tierOf,
    ratioOf,
    deductibleOf,
    rankOf: favourabilityRanks(ratioOf, deductibleOf),
    annualCap: cap.value,
    covers: {
      outpatient: kinds.value.includes('outpatient'),
      chronic: kinds.value.includes('chronic'),
      inpatient: kinds.value.includes('inpatient'),
    },
    incomeLastYear: income.value,
    tiltThresholdShare: share.value,
    tiltThreshold: applyRate(income.value, share.value),
    tiltRaise: raise.value,
    tiltRaiseReading: raiseReading.value,
    tiltExcluded: new Set(excluded.value),
    depositFree: new Set(depositFree.value),
    use: {
      inForce: use(inForce),
      multiCategoryReading: use(reading),
      categoryTiers: use(tiers),
      ratioOf: ratioUse,
      deductibleOf: deductibleUse,
      annualCap: use(cap),
      coveredKinds: use(kinds),
      incomeLastYear: use(income),
      tiltThresholdShare: use(share),
      tiltRaise: use(raise),
      tiltRaiseReading: use(raiseReading),
      tiltBurdenReading: use(burdenReading),
      tiltExcluded: use(excluded),
      depositFree: use(depositFree),
    },
  };
}

/**
 * D4 §6 reading "most favourable": order the categories by ratio (highest
 * first), then deductible (lowest first), then the order of CATEGORY_CODES.
 */
function favourabilityRanks(
  ratioOf: Record<CategoryCode, BasisPoints>,
  deductibleOf: Record<CategoryCode, Fen>,
): Record<CategoryCode, number> {
  const order = [...CATEGORY_CODES].sort(
    (a, b) =>
      ratioOf[b] - ratioOf[a] ||
      deductibleOf[a] - deductibleOf[b] ||
      CATEGORY_CODES.indexOf(a) - CATEGORY_CODES.indexOf(b),
  );
  const ranks = {} as Record<CategoryCode, number>;
  order.forEach((code, index) => {
    ranks[code] = index;
  });
  return ranks;
}

function monitoringParams(read: Reader): MonitoringParams {
  const push = read.fen(PARAM.pushThreshold);
  const watch = read.categories(PARAM.watchCategories);
  const heavy = read.fen(PARAM.heavyBurden);
  const months = read.value<number>(PARAM.retroMonths);
  const perYear = read.value<number>(PARAM.applicationsPerYear);

  return {
    pushThreshold: push.value,
    watchCategories: new Set(watch.value),
    heavyBurden: heavy.value,
    retroMonths: months.value,
    applicationsPerYear: perYear.value,
    use: {
      pushThreshold: use(push),
      watchCategories: use(watch),
      heavyBurden: use(heavy),
      retroMonths: use(months),
      applicationsPerYear: use(perYear),
    },
  };
}

function premiumParams(read: Reader): PremiumParams {
  const contribution = read.fen(PARAM.contribution);
  const full = read.categories(PARAM.fullCategories);
  const fullShare = read.bp(PARAM.fullShare);
  const fixed = read.categories(PARAM.fixedCategories);
  const fixedShare = read.bp(PARAM.fixedShare);
  const transition = read.categories(PARAM.transitionCategories);
  const transitionShare = read.bp(PARAM.transitionShare);
  const transitionEnd = read.value<string>(PARAM.transitionEnd);

  return {
    contribution: contribution.value,
    full: new Set(full.value),
    fullShare: fullShare.value,
    fixed: new Set(fixed.value),
    fixedShare: fixedShare.value,
    transition: new Set(transition.value),
    transitionShare: transitionShare.value,
    transitionEnd: transitionEnd.value,
    use: {
      contribution: use(contribution),
      full: use(full),
      fullShare: use(fullShare),
      fixed: use(fixed),
      fixedShare: use(fixedShare),
      transition: use(transition),
      transitionShare: use(transitionShare),
      transitionEnd: use(transitionEnd),
    },
  };
}

function fundParams(read: Reader): FundParams {
  const allocation = read.value<ShortfallAllocation>(PARAM.shortfallAllocation);
  return { allocation: allocation.value, use: { allocation: use(allocation) } };
}

function use(param: ParamValue): ParamUse {
  return {
    id: param.id,
    value: param.version.raw,
    from: param.version.from,
    citation: param.version.citation,
  };
}

/** Reads one date's values, failing loudly on a missing or malformed one. */
class Reader {
  constructor(
    private readonly registry: ParamRegistry,
    private readonly date: IsoDate,
  ) {}

  /** The document's in-force date if it is in force on the date read. */
  inForce(id: string): ParamValue<string> | undefined {
    const param = this.registry.at<string>(id, this.date);
    return param && param.value <= this.date ? param : undefined;
  }

  value<T>(id: string): ParamValue<T> {
    const param = this.registry.at<T>(id, this.date);
    if (!param) {
      throw new PlatformError('ERR_MEDICAL_PARAM_INVALID', medicalErrors.ERR_MEDICAL_PARAM_INVALID, {
        details: { id, date: this.date, reason: 'no value in force' },
      });
    }
    return param;
  }

  fen(id: string): ParamValue<Fen> {
    return this.value<Fen>(id);
  }

  bp(id: string): ParamValue<BasisPoints> {
    return this.value<BasisPoints>(id);
  }

  /** A yuan amount written as text, or "unset" while the bureau has none. */
  optionalYuan(id: string): { param: ParamValue<string>; fen: Fen | null } {
    const param = this.value<string>(id);
    if (param.value === 'unset') return { param, fen: null };

    const fen = parseYuan(param.value);
    if (fen === undefined || fen < 0) this.bad(id, param.value);
    return { param, fen };
  }

  list<T extends string>(id: string, allowed: readonly T[]): ParamValue<T[]> {
    const param = this.value<unknown[]>(id);
    for (const item of param.value) {
      if (!allowed.includes(item as T)) this.bad(id, item);
    }
    return param as ParamValue<T[]>;
  }

  categories(id: string): ParamValue<CategoryCode[]> {
    return this.list<CategoryCode>(id, CATEGORY_CODES);
  }

  categoryTable<T extends string>(
    id: string,
    allowed: readonly T[],
  ): ParamValue<Record<CategoryCode, T>> {
    const param = this.value<Record<string, unknown>>(id);
    for (const code of CATEGORY_CODES) {
      if (!allowed.includes(param.value[code] as T)) this.bad(id, { [code]: param.value[code] });
    }
    return param as ParamValue<Record<CategoryCode, T>>;
  }

  bad(id: string, value: unknown): never {
    throw new PlatformError('ERR_MEDICAL_PARAM_INVALID', medicalErrors.ERR_MEDICAL_PARAM_INVALID, {
      details: { id, date: this.date, value },
    });
  }
}
