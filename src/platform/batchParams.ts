/**
 * `--param NAME=VALUE` for batch commands: a short name (`income_last_year`)
 * or a full id (`medical.d4.art11_3.income_last_year`) resolved against the
 * registry, the value converted by the parameter's own unit.
 */
import type { FieldProblem } from '../core/errors.ts';
import type { ParamRegistry } from '../core/params/registry.ts';
import type { ParamOverride } from '../core/params/types.ts';
import { fail } from '../errorCatalog.ts';

/** The parameter id a short name stands for, within ids starting with `prefix`. */
export function resolveParamName(registry: ParamRegistry, name: string, prefix = ''): string[] {
  if (registry.has(name)) return [name];
  return registry
    .list()
    .map((d) => d.id)
    .filter((id) => id.startsWith(prefix) && id.endsWith(`.${name}`));
}

/** Parse overrides; any bad one fails with every problem listed. */
export function parseParamOverrides(
  registry: ParamRegistry,
  assignments: readonly string[],
  prefix = '',
): ParamOverride[] {
  const overrides: ParamOverride[] = [];
  const problems: FieldProblem[] = [];

  for (const assignment of assignments) {
    const at = assignment.indexOf('=');
    const name = at > 0 ? assignment.slice(0, at).trim() : '';
    const value = at > 0 ? assignment.slice(at + 1).trim() : '';
    if (!name) {
      problems.push({ field: 'param', value: assignment, reason: '参数应写作 名称=取值，如 income_last_year=20000.00' });
      continue;
    }

    const ids = resolveParamName(registry, name, prefix);
    if (ids.length !== 1) {
      problems.push({
        field: 'param',
        value: assignment,
        reason: ids.length === 0 ? `没有名为 ${name} 的政策参数` : `参数名 ${name} 不唯一：${ids.join('、')}`,
      });
      continue;
    }
    const definition = registry.definition(ids[0]!)!;
    const typed = definition.unit === 'list' ? value.split(',').map((v) => v.trim()).filter(Boolean) : value;
    overrides.push({ id: ids[0]!, value: typed, label: `--param ${name}` });
  }

  try {
    if (problems.length === 0) registry.withOverrides(overrides);
  } catch (error) {
    problems.push({ field: 'param', value: assignments.join(' '), reason: `参数取值无效：${(error as Error).message}` });
  }
  if (problems.length > 0) fail('ERR_CORE_PARAM_OVERRIDE_INVALID', { problems });
  return overrides;
}
