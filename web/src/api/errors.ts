/**
 * The one error contract. The platform answers a failure with
 * `{code, message, details?, problems?: [{row, field, value, reason}]}`
 * (src/core/errors.ts PlatformError.toJSON); every failed request in the
 * interface becomes an ApiError and is shown by <ErrorNotice> — forms also
 * put each problem under its own field.
 */
import type { FieldProblem } from '../../../src/core/errors.ts';

export type Problem = FieldProblem;

export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly problems: Problem[];
  readonly details: Record<string, unknown> | undefined;

  constructor(
    code: string,
    message: string,
    options: { status?: number; problems?: Problem[]; details?: Record<string, unknown> } = {},
  ) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = options.status ?? 0;
    this.problems = options.problems ?? [];
    this.details = options.details;
  }
}

interface ErrorBody {
  code?: unknown;
  message?: unknown;
  problems?: unknown;
  details?: unknown;
}

/** Turn whatever a failed call produced into an ApiError. */
export function toApiError(cause: unknown, status = 0): ApiError {
  if (cause instanceof ApiError) return cause;

  if (cause instanceof DOMException && cause.name === 'AbortError') {
    return new ApiError('ERR_WEB_ABORTED', '请求已取消', { status });
  }
  if (cause instanceof TypeError) {
    return new ApiError('ERR_WEB_NETWORK', '无法连接平台服务器，请检查网络后重试', { status });
  }

  const body = (cause ?? {}) as ErrorBody;
  if (typeof body.code === 'string' && typeof body.message === 'string') {
    return new ApiError(body.code, body.message, {
      status,
      problems: Array.isArray(body.problems) ? (body.problems as Problem[]) : [],
      ...(body.details && typeof body.details === 'object'
        ? { details: body.details as Record<string, unknown> }
        : {}),
    });
  }

  return new ApiError(
    'ERR_WEB_UNEXPECTED',
    status >= 500 ? '平台服务器暂时无法处理请求，请稍后重试' : '平台返回了无法识别的结果',
    { status },
  );
}

/** Field names as the API writes them ("body/claim/total", "total") → last segment. */
export function problemFieldName(field: string): string {
  const parts = field.split(/[/.]/).filter(Boolean);
  return parts[parts.length - 1] ?? field;
}
