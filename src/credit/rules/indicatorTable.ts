/**
 * The indicator table of the appendix (黑龙江省市场主体公共信用综合评价指标体系)
 * as data: read from the parameter `credit.d2.appendix.indicator_table` or
 * from a file the province publishes, and checked before any score is
 * computed with it. D2 附件.
 */
import type { FieldProblem } from '../../core/errors.ts';
import type {
  IndicatorDefinition,
  IndicatorGroup,
  IndicatorRuleKind,
  IndicatorTable,
} from './types.ts';

const RULE_KINDS: ReadonlySet<string> = new Set<IndicatorRuleKind>([
  'operating_years',
  'lose_on_any',
  'steps_by_count',
  'earn_on_any',
]);

export type TableCheck =
  | { ok: true; table: IndicatorTable }
  | { ok: false; problems: FieldProblem[] };

interface RawTable {
  full_score?: unknown;
  groups?: unknown;
  indicators?: unknown;
}

function isInt(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

/** Check a raw table (YAML/JSON shape) and return it typed, or every problem. */
export function parseIndicatorTable(raw: unknown, source: string): TableCheck {
  const problems: FieldProblem[] = [];
  const table = (raw ?? {}) as RawTable;

  if (!isInt(table.full_score)) {
    problems.push({ field: 'full_score', value: table.full_score, reason: '满分应为非负整数' });
  }
  if (!Array.isArray(table.groups) || table.groups.length === 0) {
    problems.push({ field: 'groups', reason: '缺少一级指标' });
  }
  if (!Array.isArray(table.indicators) || table.indicators.length === 0) {
    problems.push({ field: 'indicators', reason: '缺少二级指标' });
  }
  if (problems.length) return { ok: false, problems };

  const groups: IndicatorGroup[] = [];
  for (const [i, g] of (table.groups as Array<Record<string, unknown>>).entries()) {
    if (typeof g.code !== 'string' || typeof g.label !== 'string' || !isInt(g.points)) {
      problems.push({ field: `groups[${i}]`, value: g, reason: '一级指标应有 code、label 与整数分值 points' });
      continue;
    }
    groups.push({ code: g.code, label: g.label, points: g.points });
  }

  const groupCodes = new Set(groups.map((g) => g.code));
  const indicators: IndicatorDefinition[] = [];
  const seen = new Set<string>();
  for (const [i, x] of (table.indicators as Array<Record<string, unknown>>).entries()) {
    const field = `indicators[${i}]`;
    if (typeof x.code !== 'string' || typeof x.label !== 'string' || !isInt(x.points)) {
      problems.push({ field, value: x.code, reason: '二级指标应有 code、label 与整数分值 points' });
      continue;
    }
    if (seen.has(x.code)) problems.push({ field, value: x.code, reason: '指标代码重复' });
    seen.add(x.code);
    if (typeof x.group !== 'string' || !groupCodes.has(x.group)) {
      problems.push({ field, value: x.group, reason: '所属一级指标不存在' });
    }
    if (typeof x.rule !== 'string' || !RULE_KINDS.has(x.rule)) {
      problems.push({ field, value: x.rule, reason: '计分规则应为 operating_years、lose_on_any、steps_by_count 或 earn_on_any' });
      continue;
    }
    const rule = x.rule as IndicatorRuleKind;
    if (rule === 'operating_years' && !isInt(x.min_years)) {
      problems.push({ field, value: x.min_years, reason: '经营年限规则需要 min_years' });
    }
    if (rule === 'steps_by_count') {
      const steps = x.steps;
      if (!Array.isArray(steps) || steps.length < 2 || !steps.every(isInt) || steps[0] !== x.points) {
        problems.push({ field, value: steps, reason: '分档规则需要 steps，首档等于该指标分值' });
      }
    }
    indicators.push({
      code: x.code,
      label: x.label,
      group: String(x.group),
      points: x.points,
      rule,
      ...(isInt(x.min_years) ? { minYears: x.min_years } : {}),
      ...(Array.isArray(x.steps) ? { steps: x.steps as number[] } : {}),
      ...(typeof x.text === 'string' ? { text: x.text } : {}),
    });
  }
  if (problems.length) return { ok: false, problems };

  // The points must add up (the printed appendix lost one; see the file).
  for (const group of groups) {
    const sum = indicators.filter((x) => x.group === group.code).reduce((a, x) => a + x.points, 0);
    if (sum !== group.points) {
      problems.push({ field: `groups.${group.code}`, value: sum, reason: `二级指标分值合计 ${sum} 分，与一级指标“${group.label}” ${group.points} 分不符` });
    }
  }
  const total = groups.reduce((a, g) => a + g.points, 0);
  if (total !== table.full_score) {
    problems.push({ field: 'full_score', value: total, reason: `一级指标合计 ${total} 分，与满分 ${String(table.full_score)} 分不符` });
  }
  if (problems.length) return { ok: false, problems };

  return { ok: true, table: { fullScore: table.full_score as number, groups, indicators, source } };
}
