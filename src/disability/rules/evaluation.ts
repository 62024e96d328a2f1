/**
 * The mid-term and final evaluation reports (D1 四(三) “中期评估和总结评估”):
 * for the evaluation year, every indicator of 专栏1 for the city and each
 * county, with the findings (alarms for 约束性, warnings for 预期性) listed
 * first. Pure assembly of tracked indicators; the service supplies them.
 */
import type { IsoDate } from '../../core/dates.ts';
import type { RuleDeclaration } from '../../core/params/articles.ts';
import type { TrackedIndicator } from './indicators/track.ts';

export const evaluationReportRule: RuleDeclaration = {
  id: 'd1.s4_3.evaluation_report',
  articles: ['D1 四(三)'],
  title: '规划实施中期评估与总结评估报告',
};

export type EvaluationKind = 'midterm' | 'final';

export const EVALUATION_TITLES: Readonly<Record<EvaluationKind, string>> = {
  midterm: '鸡西市“十四五”残疾人保障和发展规划实施中期评估',
  final: '鸡西市“十四五”残疾人保障和发展规划实施总结评估',
};

export interface AreaIndicators {
  county: string;
  name: string;
  indicators: TrackedIndicator[];
}

export interface Finding {
  county: string;
  name: string;
  indicator: TrackedIndicator['id'];
  number: number;
  label: string;
  flag: 'alarm' | 'warning';
  message: string;
}

export interface EvaluationReport {
  kind: EvaluationKind;
  title: string;
  year: number;
  asOf: IsoDate;
  /** True when the register holds synthetic demonstration data. */
  synthetic: boolean;
  city: AreaIndicators;
  counties: AreaIndicators[];
  summary: { met: number; onTrack: number; offTrack: number; noData: number; alarms: number; warnings: number };
  findings: Finding[];
  rule: string;
  article: string;
}

export function evaluationReport(input: {
  kind: EvaluationKind;
  year: number;
  asOf: IsoDate;
  synthetic: boolean;
  city: AreaIndicators;
  counties: AreaIndicators[];
}): EvaluationReport {
  const summary = { met: 0, onTrack: 0, offTrack: 0, noData: 0, alarms: 0, warnings: 0 };
  for (const i of input.city.indicators) {
    if (i.status === 'met') summary.met += 1;
    else if (i.status === 'on_track') summary.onTrack += 1;
    else if (i.status === 'off_track') summary.offTrack += 1;
    else summary.noData += 1;
  }

  const findings: Finding[] = [];
  for (const area of [input.city, ...input.counties]) {
    for (const i of area.indicators) {
      if (!i.flag) continue;
      findings.push({ county: area.county, name: area.name, indicator: i.id, number: i.number, label: i.label, flag: i.flag, message: i.message });
      if (area === input.city) summary[i.flag === 'alarm' ? 'alarms' : 'warnings'] += 1;
    }
  }
  findings.sort((a, b) => (a.flag === b.flag ? 0 : a.flag === 'alarm' ? -1 : 1) || a.number - b.number);

  return {
    kind: input.kind,
    title: EVALUATION_TITLES[input.kind],
    year: input.year,
    asOf: input.asOf,
    synthetic: input.synthetic,
    city: input.city,
    counties: input.counties,
    summary,
    findings,
    rule: evaluationReportRule.id,
    article: 'D1 四(三)',
  };
}
