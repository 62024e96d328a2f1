/**
 * `fail` for the disability services: a code of src/disability/errors.ts or
 * of the platform catalog. The area's codes are read from their own table,
 * so services do not depend on when the module's `errors` are wired.
 */
import { PlatformError, type FieldProblem } from '../../core/errors.ts';
import { errorCatalog } from '../../errorCatalog.ts';
import { disabilityErrors, type DisabilityErrorCode } from '../errors.ts';

export function fail(
  code: DisabilityErrorCode | `ERR_CORE_${string}`,
  options: { message?: string; details?: Record<string, unknown>; problems?: FieldProblem[]; cause?: unknown } = {},
): never {
  const spec = (disabilityErrors as Record<string, (typeof disabilityErrors)[DisabilityErrorCode]>)[code] ?? errorCatalog[code];
  if (!spec) throw new Error(`error code ${code} is not in the catalog`);
  throw new PlatformError(code, spec, options);
}
