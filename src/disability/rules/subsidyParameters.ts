/**
 * The parameters of the two subsidies (D1 三(一)5) in force on one day for
 * one county, resolved once so a monthly run does not look them up per
 * person. Amounts are fen; extensions and exclusions are switches.
 */
import type { IsoDate } from '../../core/dates.ts';
import type { ParamUse } from '../../core/explain.ts';
import { parseYuan, type Fen } from '../../core/money.ts';
import type { ParamRegistry } from '../../core/params/registry.ts';

export const P = {
  living: 'disability.d1.s3_1_5.living_monthly',
  care1: 'disability.d1.s3_1_5.care_monthly_grade_1',
  care2: 'disability.d1.s3_1_5.care_monthly_grade_2',
  careExtension: 'disability.d1.s3_1_5.care_monthly_extension',
  careExtensionByCounty: 'disability.d1.s3_1_5.care_monthly_extension_by_county',
  extensions: 'disability.d1.s3_1_5.county_extensions',
  excludeTekun: 'disability.d1.s3_1_5.living_excludes_tekun',
  excludeOrphan: 'disability.d1.s3_1_5.living_excludes_orphan_allowance',
  excludeUnsupported: 'disability.d1.s3_1_5.living_excludes_unsupported_child_allowance',
  excludeLtc: 'disability.d1.s3_1_5.care_excludes_ltc_insurance',
  reference: 'disability.d1.s3_1_5.situation_reference',
  paymentStart: 'disability.d1.s3_1_5.payment_start',
  stopEndsGrant: 'disability.d1.s3_1_5.stop_ends_grant',
} as const;

/** A county's 扩面 decisions (D1 三(一)5 “有条件的县(市)区可…”). */
export interface CountyExtensions {
  living_to_dibao_marginal: boolean;
  living_to_other_hardship: boolean;
  care_to_grade_3_4_intellectual_mental: boolean;
  care_to_grade_3_4_other_categories: boolean;
}

export const NO_EXTENSIONS: CountyExtensions = {
  living_to_dibao_marginal: false,
  living_to_other_hardship: false,
  care_to_grade_3_4_intellectual_mental: false,
  care_to_grade_3_4_other_categories: false,
};

export interface SubsidyParameters {
  on: IsoDate;
  county: string;
  livingMonthly: Fen;
  careMonthly: { 1: Fen; 2: Fen };
  careExtensionMonthly: Fen;
  extensions: CountyExtensions;
  exclusions: {
    livingTekun: boolean;
    livingOrphanAllowance: boolean;
    livingUnsupportedChildAllowance: boolean;
    careLtcInsurance: boolean;
  };
  situationReference: 'first_day_of_month' | 'last_day_of_month';
  paymentStart: 'approval_month' | 'month_after_approval';
  stopEndsGrant: boolean;
  /** Every parameter read, for explanations. */
  uses: ParamUse[];
}

/** The parameters for `county` on `on`, or the first one not in force then. */
export function subsidyParameters(
  params: ParamRegistry,
  county: string,
  on: IsoDate,
): { ok: true; value: SubsidyParameters } | { ok: false; missing: string } {
  const uses: ParamUse[] = [];
  let missing: string | undefined;
  const read = <T>(id: string): T => {
    const found = params.at<T>(id, on);
    if (!found) {
      missing ??= id;
      return undefined as T;
    }
    uses.push({ id, value: found.value, from: found.version.from, citation: found.version.citation });
    return found.value;
  };

  const livingMonthly = read<Fen>(P.living);
  const care1 = read<Fen>(P.care1);
  const care2 = read<Fen>(P.care2);
  const cityExtension = read<Fen>(P.careExtension);
  const byCounty = read<Record<string, string>>(P.careExtensionByCounty) ?? {};
  const allExtensions = read<Record<string, Partial<CountyExtensions>>>(P.extensions) ?? {};
  const value: SubsidyParameters = {
    on,
    county,
    livingMonthly,
    careMonthly: { 1: care1, 2: care2 },
    careExtensionMonthly: countyAmount(byCounty[county]) ?? cityExtension,
    extensions: { ...NO_EXTENSIONS, ...(allExtensions[county] ?? {}) },
    exclusions: {
      livingTekun: read<boolean>(P.excludeTekun),
      livingOrphanAllowance: read<boolean>(P.excludeOrphan),
      livingUnsupportedChildAllowance: read<boolean>(P.excludeUnsupported),
      careLtcInsurance: read<boolean>(P.excludeLtc),
    },
    situationReference: read(P.reference),
    paymentStart: read(P.paymentStart),
    stopEndsGrant: read<boolean>(P.stopEndsGrant),
    uses,
  };

  if (missing) return { ok: false, missing };
  return { ok: true, value };
}

function countyAmount(raw: string | number | undefined): Fen | undefined {
  if (raw === undefined) return undefined;
  const fen = parseYuan(String(raw));
  if (fen === undefined) throw new RangeError(`bad county extension amount ${String(raw)}`);
  return fen;
}
