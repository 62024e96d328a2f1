/**
 * The new-scenario form's values to the API's body: a parameter's value is
 * typed as its file writes it (yuan "3000.00", percent 70, a list, a table
 * as JSON), so the server converts it by the parameter's own unit.
 */
export interface ChangeFormValues {
  id?: string;
  value?: string;
  from?: string;
  to?: string;
}

export interface ScenarioFormValues {
  name?: string;
  purpose?: string;
  author?: string;
  changes?: ChangeFormValues[];
}

export function typedValue(unit: string | undefined, text: string): unknown {
  const value = text.trim();
  if (unit === 'list') return value.startsWith('[') ? safeJson(value) : value.split(/[,，、]/).map((v) => v.trim()).filter(Boolean);
  if (unit === 'table') return safeJson(value);
  if (unit === 'boolean') return value === '是' ? true : value === '否' ? false : value;
  return value;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export function scenarioBody(values: ScenarioFormValues, unitOf: (id: string) => string | undefined) {
  return {
    name: (values.name ?? '').trim(),
    purpose: (values.purpose ?? '').trim(),
    author: (values.author ?? '').trim(),
    changes: (values.changes ?? []).map((c) => ({
      id: c.id ?? '',
      value: typedValue(unitOf(c.id ?? ''), c.value ?? ''),
      ...(c.from?.trim() ? { from: c.from.trim() } : {}),
      ...(c.to?.trim() ? { to: c.to.trim() } : {}),
    })),
  };
}
