/**
 * The parameter registry for the pure rule tests, loaded straight from
 * params/ so these tests depend on nothing but the rules and the core.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { ParamRegistry } from '../../../src/core/params/registry.ts';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

let registry: ParamRegistry | undefined;

export function loadParams(): ParamRegistry {
  registry ??= ParamRegistry.load(join(ROOT, 'params'));
  return registry;
}
