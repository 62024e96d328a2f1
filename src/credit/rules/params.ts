/**
 * The parameters the credit rules use, read once for an evaluation date.
 * Rules take the typed object; services and the command line build it.
 */
import type { IsoDate } from '../../core/dates.ts';
import type { ParamRegistry } from '../../core/params/registry.ts';
import { parseIndicatorTable } from './indicatorTable.ts';
import type {
  Category,
  CategoryCode,
  Grade,
  GradeCutoff,
  IndicatorTable,
  RecordStatus,
} from './types.ts';

export const PARAM = {
  indicatorTable: 'credit.d2.appendix.indicator_table',
  publicityYears: 'credit.d2.appendix.publicity_years',
  countingStatuses: 'credit.d2.appendix.counting_statuses',
  gradeCutoffs: 'credit.d2.part2_2_2.grade_cutoffs',
  gradeCategories: 'credit.d2.part2_2_1.grade_categories',
  publicFloor: 'credit.d2.part2_2_2.public_floor',
  sectors: 'credit.d2.part2_3.sectors',
  sectorTarget: 'credit.d2.part1_3.sector_target',
  measures: 'credit.d2.part2_3.measures',
  entitlements: 'credit.d2.part2_3.entitlements',
  samplingRatios: 'credit.d2.part2_3.sampling_ratios',
  sampleRounding: 'credit.d2.part2_3.sample_rounding',
  inspectorsPerEntity: 'credit.d2.part2_3.inspectors_per_entity',
  objectionWorkingDays: 'credit.d2.part2_4_2.objection_working_days',
  receiptDayCounts: 'credit.d2.part2_4_2.receipt_day_counts',
  repairWorkingDays: 'credit.d2.part2_4_3.repair_working_days',
  minPublicityMonths: 'credit.d2.part2_4_3.min_publicity_months',
  repairableIndicators: 'credit.d2.part2_4_3.repairable_indicators',
  usccRegistrationCodes: 'credit.d2.part2_1_1.uscc_registration_codes',
  usccUnknownArea: 'credit.d2.part2_1_1.uscc_unknown_area',
  usccLowerCase: 'credit.d2.part2_1_1.uscc_lower_case',
} as const;

export interface PublicityYears {
  default: number;
  indicators?: Record<string, number>;
}

export interface ScoringParams {
  table: IndicatorTable;
  cutoffs: GradeCutoff[];
  categories: Record<Grade, Category>;
  publicityYears: PublicityYears;
  countingStatuses: RecordStatus[];
}

export class ParamMissing extends Error {
  constructor(readonly id: string, readonly on: IsoDate) {
    super(`parameter ${id} has no value in force on ${on}`);
    this.name = 'ParamMissing';
  }
}

/** The value in force on `on`, or ParamMissing (the service reports it). */
export function valueOn<T>(registry: ParamRegistry, id: string, on: IsoDate): T {
  const found = registry.at<T>(id, on);
  if (!found) throw new ParamMissing(id, on);
  return found.value;
}

export class TableInvalid extends Error {
  constructor(readonly problems: Array<{ field: string; value?: unknown; reason: string }>) {
    super('indicator table invalid');
    this.name = 'TableInvalid';
  }
}

/**
 * Everything scoring needs on `on`. `table` replaces the parameter's table
 * (a province file passed on the command line).
 */
export function scoringParams(
  registry: ParamRegistry,
  on: IsoDate,
  table?: IndicatorTable,
): ScoringParams {
  let indicatorTable = table;
  if (!indicatorTable) {
    const found = registry.at(PARAM.indicatorTable, on);
    if (!found) throw new ParamMissing(PARAM.indicatorTable, on);
    const checked = parseIndicatorTable(found.value, `${PARAM.indicatorTable}@${found.version.from}`);
    if (!checked.ok) throw new TableInvalid(checked.problems);
    indicatorTable = checked.table;
  }

  const rawCategories = valueOn<Record<string, { code: CategoryCode; label: string }>>(registry, PARAM.gradeCategories, on);
  const categories = {} as Record<Grade, Category>;
  for (const [grade, c] of Object.entries(rawCategories)) {
    categories[grade as Grade] = { code: c.code, label: c.label };
  }

  return {
    table: indicatorTable,
    cutoffs: [...valueOn<GradeCutoff[]>(registry, PARAM.gradeCutoffs, on)].sort((a, b) => b.min - a.min),
    categories,
    publicityYears: valueOn<PublicityYears>(registry, PARAM.publicityYears, on),
    countingStatuses: valueOn<RecordStatus[]>(registry, PARAM.countingStatuses, on),
  };
}
