/**
 * D4 §14: 因病致贫重病患者 are recognised on application, once a year; on
 * recognition, the applicant's own policy-scope personal-burden costs of the
 * 12 months before the application date count for assistance. Each claim is
 * settled under the deductible and cap of its own calendar year, and only
 * if D4 was in force on its date (§21).
 */
import { addMonths, yearOf, type IsoDate } from '../../../core/dates.ts';
import type { Decision, ExplanationStep } from '../../../core/explain.ts';
import type { Fen } from '../../../core/money.ts';
import type { RuleDeclaration } from '../../../core/params/articles.ts';
import { accumulatorsFor } from '../accumulators.ts';
import type { MedicalParams } from '../params.ts';
import { Trace } from '../trace.ts';
import type { CategoryCode, Claim, Person, YearAccumulators } from '../types.ts';
import { settleAssistance } from './assistanceLayer.ts';

export const retroactiveRule: RuleDeclaration = {
  id: 'd4.art14.retroactive',
  articles: ['D4 §14'],
  title: '依申请救助：申请之日前12个月内的费用计入救助范围',
};

export interface RetroactiveApplication {
  date: IsoDate;
  category: CategoryCode;
  /** Dates of this person's earlier applications (once a year, §14). */
  earlierApplications?: readonly IsoDate[];
}

export interface RetroactiveClaim {
  claimId: string;
  date: IsoDate;
  outcome: 'settled' | 'outside_window' | 'no_rule_in_force' | 'not_covered';
  assistance: Fen;
  tilt: Fen;
  /** Chinese reason. */
  reason: string;
  steps: ExplanationStep[];
  /** The year's totals around this claim, when it was settled. */
  accumulatorsBefore?: YearAccumulators;
  accumulatorsAfter?: YearAccumulators;
}

export interface RetroactiveSettlement {
  windowFrom: IsoDate;
  windowTo: IsoDate;
  claims: RetroactiveClaim[];
  /** Year-to-date totals after the retroactive settlement, by year. */
  accumulators: Map<number, YearAccumulators>;
}

export function settleRetroactive(
  person: Person,
  application: RetroactiveApplication,
  claims: readonly Claim[],
  params: MedicalParams,
  options: { accumulators?: ReadonlyMap<number, YearAccumulators>; explain?: boolean } = {},
): Decision<RetroactiveSettlement> {
  const snapshot = params.on(application.date);
  const articles = ['D4 §14'];

  if (!snapshot.monitoring) {
    return { outcome: 'no_rule_in_force', date: application.date, articles, steps: [] };
  }
  const year = yearOf(application.date);
  const sameYear = (application.earlierApplications ?? []).filter((d) => yearOf(d) === year);
  if (sameYear.length >= snapshot.monitoring.applicationsPerYear) {
    return {
      outcome: 'not_eligible',
      reasons: [`因病致贫风险救助对象每年申请${snapshot.monitoring.applicationsPerYear}次，${year}年已申请`],
      articles,
      steps: [],
    };
  }

  const windowFrom = addMonths(application.date, -snapshot.monitoring.retroMonths);
  const windowTo = application.date;
  const accumulators = new Map(options.accumulators ?? []);
  const ordered = [...claims].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const results: RetroactiveClaim[] = [];

  for (const claim of ordered) {
    const base = { claimId: claim.claimId, date: claim.date, assistance: 0, tilt: 0, steps: [] };
    if (claim.date < windowFrom || claim.date > windowTo) {
      const months = snapshot.monitoring.retroMonths;
      const reason = `不在申请之日前${months}个月内（${windowFrom}至${windowTo}）`;
      results.push({ ...base, outcome: 'outside_window', reason });
      continue;
    }
    const a = params.on(claim.date).assistance;
    if (!a) {
      results.push({ ...base, outcome: 'no_rule_in_force', reason: '就诊日期在暂行办法施行之前，不按本办法救助' });
      continue;
    }

    const claimYear = yearOf(claim.date);
    const before = accumulatorsFor(claimYear, accumulators.get(claimYear));
    const trace = new Trace(options.explain === true);
    const outcome = settleAssistance(person, claim, 0, before, a, trace, application.category);
    const after = {
      ...before,
      assistanceDeductible: before.assistanceDeductible + outcome.deductibleUsed,
      assistancePaid: before.assistancePaid + outcome.paid,
      tiltBurden: before.tiltBurden + outcome.burden,
    };
    accumulators.set(claimYear, after);
    const blocked = trace.notes.find((n) => n.code !== 'annual_cap_reached');
    results.push({
      ...base,
      outcome: blocked ? 'not_covered' : 'settled',
      assistance: outcome.paid,
      tilt: outcome.tilt,
      reason: blocked ? blocked.text : '依申请追溯救助',
      steps: trace.steps ?? [],
      accumulatorsBefore: before,
      accumulatorsAfter: after,
    });
  }

  return {
    outcome: 'decided',
    result: { windowFrom, windowTo, claims: results, accumulators },
    articles,
    steps: [],
  };
}
