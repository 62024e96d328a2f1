/**
 * Temporary price subsidies, the amounts (D3 2.3(6)–(9), 2.4.1(3)): per
 * person and month, the monthly 低保 standard (urban or rural, by group)
 * times the triggering rate, rounded half up to whole yuan, with an
 * optional floor. Integer fen throughout: 700 × 6.3% = 44.1 → 44 yuan.
 */
import type { IsoMonth } from '../../core/dates.ts';
import { BP_ONE, roundHalfUp, type BasisPoints, type Fen } from '../../core/money.ts';

export const SUBSIDY_AMOUNT_RULE = 'd3.art2_3.subsidy_amount';
export const SUBSIDY_PAYMENT_RULE = 'd3.art2_3.subsidy_payment_list';

export type Rounding = 'yuan' | 'jiao' | 'fen';
export type Residence = 'urban' | 'rural';

export interface GroupRule {
  label: string;
  /** Which 低保 standard applies: fixed, or by the recipient's residence. */
  standard: Residence | 'residence';
  /** Paying department's code in the directory. */
  payer: string;
}

export interface AmountSettings {
  standards: Record<Residence, Fen>;
  rounding: Rounding;
  floor: Fen;
  groups: Record<string, GroupRule>;
}

const ROUNDING_FEN: Record<Rounding, number> = { yuan: 100, jiao: 10, fen: 1 };

/** standard × rate, rounded half up to the rounding unit, then the floor. */
export function subsidyAmount(standard: Fen, rate: BasisPoints, rounding: Rounding, floor: Fen = 0): Fen {
  const unit = ROUNDING_FEN[rounding];
  const amount = roundHalfUp(standard * rate, BP_ONE * unit) * unit;
  return Math.max(amount, floor);
}

export interface Recipient {
  id: string;
  group: string;
  residence: Residence;
  county: string;
}

export interface PaymentLine {
  recipientId: string;
  group: string;
  groupLabel: string;
  residence: Residence;
  county: string;
  standard: Fen;
  rate: BasisPoints;
  amount: Fen;
}

export interface DepartmentList {
  payer: string;
  lines: PaymentLine[];
  total: Fen;
  byGroup: Record<string, { count: number; total: Fen }>;
}

export interface PaymentList {
  indexMonth: IsoMonth;
  paymentMonth: IsoMonth;
  rate: BasisPoints;
  departments: DepartmentList[];
  /** Recipients of a group the month does not cover. */
  excluded: { recipientId: string; group: string; reason: string }[];
  total: Fen;
}

/** Each covered recipient's amount, grouped by paying department. */
export function paymentList(
  indexMonth: IsoMonth,
  paymentMonth: IsoMonth,
  rate: BasisPoints,
  recipients: readonly Recipient[],
  settings: AmountSettings,
): PaymentList {
  const departments = new Map<string, DepartmentList>();
  const excluded: PaymentList['excluded'] = [];

  for (const r of recipients) {
    const group = settings.groups[r.group];
    if (!group) {
      excluded.push({ recipientId: r.id, group: r.group, reason: `${indexMonth} 指数月的保障范围不含该类对象` });
      continue;
    }

    const residence = group.standard === 'residence' ? r.residence : group.standard;
    const standard = settings.standards[residence];
    const amount = subsidyAmount(standard, rate, settings.rounding, settings.floor);
    let list = departments.get(group.payer);
    if (!list) {
      list = { payer: group.payer, lines: [], total: 0, byGroup: {} };
      departments.set(group.payer, list);
    }
    list.lines.push({ recipientId: r.id, group: r.group, groupLabel: group.label, residence, county: r.county, standard, rate, amount });
    list.total += amount;
    const g = (list.byGroup[r.group] ??= { count: 0, total: 0 });
    g.count += 1;
    g.total += amount;
  }

  const sorted = [...departments.values()].sort((a, b) => a.payer.localeCompare(b.payer));
  return {
    indexMonth,
    paymentMonth,
    rate,
    departments: sorted,
    excluded,
    total: sorted.reduce((acc, d) => acc + d.total, 0),
  };
}
