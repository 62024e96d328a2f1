/**
 * Where a refused industry model's problems go in the editor: the API
 * names a row by index (`indicators[1].weight`) or the public-score row by
 * its code (`indicators.public_score.weight`); both land under that row's
 * field. Problems about the model as a whole stay in the error notice.
 */
export interface FieldErrors {
  name: (string | number)[];
  errors: string[];
}

export function modelProblemFields(problems: readonly { field?: string; reason?: string }[], codes: readonly string[]): FieldErrors[] {
  const found = new Map<string, FieldErrors>();
  for (const p of problems) {
    const field = p.field ?? '';
    const byIndex = /^indicators\[(\d+)\]\.(\w+)$/.exec(field);
    const byCode = /^indicators\.(\w+)\.(\w+)$/.exec(field);
    let row: number | undefined;
    let key: string | undefined;
    if (byIndex) {
      row = Number(byIndex[1]);
      key = byIndex[2];
    } else if (byCode) {
      row = codes.indexOf(byCode[1]!);
      key = byCode[2];
    }
    if (row === undefined || row < 0 || !key) continue;

    // Points are not edited here (they follow from the weight): show them under the weight.
    const name = ['indicators', row, key === 'points' ? 'weight' : key];
    const id = name.join('.');
    const entry = found.get(id) ?? { name, errors: [] };
    entry.errors.push(p.reason ?? '');
    found.set(id, entry);
  }
  return [...found.values()];
}
