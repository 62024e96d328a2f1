/**
 * The error mechanism. Codes are `ERR_<AREA>_<WHAT>`, each with an HTTP
 * status and a Chinese-first message; the catalog is assembled from every
 * area in `src/errorCatalog.ts` and documented in docs/errors.md, which a
 * test keeps in sync. "Not eligible" is never an error: it is a decision.
 */

export interface ErrorSpec {
  status: number;
  /** Chinese message shown to users. */
  message: string;
  /** English gloss for engineers. */
  en: string;
}

export type ErrorCatalogPart = Record<string, ErrorSpec>;

/** A problem with one field of one row of an input (file or request). */
export interface FieldProblem {
  row?: number;
  field: string;
  value?: unknown;
  reason: string;
}

export class PlatformError extends Error {
  readonly code: string;
  readonly status: number;
  readonly details: Record<string, unknown> | undefined;
  readonly problems: FieldProblem[] | undefined;

  constructor(
    code: string,
    spec: ErrorSpec,
    options: {
      message?: string;
      details?: Record<string, unknown>;
      problems?: FieldProblem[];
      cause?: unknown;
    } = {},
  ) {
    super(options.message ?? spec.message, { cause: options.cause });
    this.name = 'PlatformError';
    this.code = code;
    this.status = spec.status;
    this.details = options.details;
    this.problems = options.problems;
  }

  toJSON() {
    return {
      code: this.code,
      message: this.message,
      ...(this.details ? { details: this.details } : {}),
      ...(this.problems ? { problems: this.problems.map(shortened) } : {}),
    };
  }
}

/** Longest value echoed back in a problem; a huge cell is not sent back whole. */
export const PROBLEM_VALUE_MAX = 200;

function shortened(problem: FieldProblem): FieldProblem {
  const { value } = problem;
  if (typeof value !== 'string' || value.length <= PROBLEM_VALUE_MAX) return problem;
  return { ...problem, value: `${value.slice(0, PROBLEM_VALUE_MAX)}…（共 ${value.length} 个字符）` };
}

/** Errors every area shares. */
export const coreErrors = {
  ERR_CORE_INVALID_INPUT: {
    status: 400,
    message: '输入数据有误，请按提示修改后重新提交',
    en: 'the input has invalid fields',
  },
  ERR_CORE_BODY_TOO_LARGE: {
    status: 413,
    message: '提交的内容过大，请分批提交或改用文件上传',
    en: 'the request body is larger than the platform accepts',
  },
  ERR_CORE_NOT_FOUND: {
    status: 404,
    message: '未找到所请求的记录',
    en: 'the record does not exist',
  },
  ERR_CORE_CONFLICT: {
    status: 409,
    message: '与已保存的记录冲突',
    en: 'conflicts with a stored record',
  },
  ERR_CORE_PARAM_UNKNOWN: {
    status: 404,
    message: '没有这个政策参数',
    en: 'unknown parameter',
  },
  ERR_CORE_PARAM_NOT_IN_FORCE: {
    status: 422,
    message: '该日期没有生效的政策规定',
    en: 'no value of the parameter is in force on that date',
  },
  ERR_CORE_PARAM_OVERRIDE_INVALID: {
    status: 400,
    message: '参数调整值无效',
    en: 'a parameter override has an invalid value',
  },
  ERR_CORE_CALENDAR_NOT_COVERED: {
    status: 422,
    message: '工作日历尚未收录该年度的节假日安排，无法计算期限',
    en: 'the working-day calendar has no data for that year',
  },
  ERR_CORE_FILE_UNREADABLE: {
    status: 400,
    message: '文件无法读取，请上传 CSV（UTF-8 或 GBK）或 XLSX 文件',
    en: 'the file cannot be read as CSV or XLSX',
  },
  ERR_CORE_INTERNAL: {
    status: 500,
    message: '系统内部错误，请联系运维人员',
    en: 'internal error',
  },
} as const satisfies ErrorCatalogPart;
