/**
 * `fail` for the simulation services: a code of src/simulation/errors.ts or
 * of the platform catalog, read from the area's own table first so the
 * services do not depend on when the module's errors are wired.
 */
import { PlatformError, type FieldProblem } from '../../core/errors.ts';
import { errorCatalog } from '../../errorCatalog.ts';
import { simulationErrors } from '../errors.ts';

export type SimulationErrorCode = keyof typeof simulationErrors;

export function fail(
  code: SimulationErrorCode | `ERR_CORE_${string}`,
  options: { message?: string; details?: Record<string, unknown>; problems?: FieldProblem[]; cause?: unknown } = {},
): never {
  const spec = (simulationErrors as Record<string, (typeof simulationErrors)[SimulationErrorCode]>)[code] ?? errorCatalog[code];
  if (!spec) throw new Error(`error code ${code} is not in the catalog`);
  throw new PlatformError(code, spec, options);
}
