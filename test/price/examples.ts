/** The shared worked cases of the price area, read as they are. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { ROOT } from '../../src/platform/context.ts';
import { SHARED_EXAMPLES } from '../helpers/shared.ts';

export const EXAMPLES = join(SHARED_EXAMPLES, 'price');

export function exampleText(name: string): string {
  return readFileSync(join(EXAMPLES, name), 'utf8');
}

export function priceCases(): any {
  return JSON.parse(exampleText('cases.json'));
}

/** A small CSV with a header row and no quoted fields. */
export function exampleCsv(name: string): Record<string, string>[] {
  const [header, ...lines] = exampleText(name).trim().split(/\r?\n/);
  const names = header!.split(',');
  return lines.map((line) => {
    const cells = line.split(',');
    return Object.fromEntries(names.map((n, i) => [n, cells[i] ?? '']));
  });
}
