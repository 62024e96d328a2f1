/**
 * `fail` for the medical services: a code of the platform catalog or of
 * src/medical/errors.ts. The medical codes are read from their own table so
 * the services do not depend on when the module's `errors` are wired.
 */
import { PlatformError, type FieldProblem } from '../../core/errors.ts';
import { errorCatalog } from '../../errorCatalog.ts';
import { medicalErrors, type MedicalErrorCode } from '../errors.ts';

export function fail(
  code: MedicalErrorCode | `ERR_CORE_${string}`,
  options: { message?: string; details?: Record<string, unknown>; problems?: FieldProblem[]; cause?: unknown } = {},
): never {
  const spec = (medicalErrors as Record<string, (typeof medicalErrors)[MedicalErrorCode]>)[code] ?? errorCatalog[code];
  if (!spec) throw new Error(`error code ${code} is not in the catalog`);
  throw new PlatformError(code, spec, options);
}
