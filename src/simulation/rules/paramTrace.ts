/**
 * Which value of each changed parameter applied when, in the baseline and
 * in the scenario, over the period run: the first thing a reader of a
 * result needs to trace a figure back to its parameters and articles.
 */
import type { IsoDate } from '../../core/dates.ts';
import type { ParamRegistry } from '../../core/params/registry.ts';
import type { ParamVersion } from '../../core/params/types.ts';

export interface VersionView {
  from: IsoDate;
  to: IsoDate | null;
  /** As written in the file or in the scenario. */
  value: unknown;
  /** The scenario's label when the value is the scenario's. */
  override: string | null;
  note: string | null;
}

export interface ParamTraceRow {
  id: string;
  label: string;
  unit: string;
  document: string;
  /** 文号 */
  number: string;
  article: string;
  baseline: VersionView[];
  scenario: VersionView[];
}

export function paramTrace(
  baseline: ParamRegistry,
  scenario: ParamRegistry,
  ids: readonly string[],
  period: { from: IsoDate; to: IsoDate },
): ParamTraceRow[] {
  const rows: ParamTraceRow[] = [];
  for (const id of [...new Set(ids)]) {
    const definition = baseline.definition(id);
    const changed = scenario.definition(id);
    if (!definition || !changed) continue;

    rows.push({
      id,
      label: definition.label,
      unit: definition.unit,
      document: definition.citation.document,
      number: definition.citation.number,
      article: definition.citation.article,
      baseline: within(definition.versions, period),
      scenario: within(changed.versions, period),
    });
  }
  return rows;
}

function within(versions: readonly ParamVersion[], period: { from: IsoDate; to: IsoDate }): VersionView[] {
  return versions
    .filter((v) => v.from <= period.to && (!v.to || v.to >= period.from))
    .map((v) => ({
      from: v.from,
      to: v.to ?? null,
      value: v.raw,
      override: v.override ?? null,
      note: v.note ?? null,
    }));
}
