/**
 * Structured logs with Pino: object first, short lower-case message. Names
 * and ID numbers never reach a log: the known fields are redacted and any
 * 18-character resident ID inside a string (a URL, a message) is masked.
 */
import pino, { type Logger } from 'pino';

const ID_IN_TEXT = /\b(\d{6})(\d{8})(\d{3}[\dXx])\b/g;

export function scrubText(text: string): string {
  return text.replace(ID_IN_TEXT, '$1********$3');
}

export const REDACT_PATHS = [
  'name', '*.name', 'personName', '*.personName',
  'personId', '*.personId', 'person_id', '*.person_id',
  'idNumber', '*.idNumber', 'id_number', '*.id_number',
  'password', '*.password', 'req.headers.authorization', 'req.headers.cookie',
  'res.headers["set-cookie"]',
];

export function createLogger(options: { level?: string } = {}): Logger {
  const level = options.level ?? process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'silent' : 'info');
  return pino({
    level,
    redact: { paths: REDACT_PATHS, censor: '[masked]' },
    serializers: {
      req: (req: { method?: string; url?: string; id?: string }) => ({
        method: req.method,
        url: req.url ? scrubText(req.url) : undefined,
        id: req.id,
      }),
    },
    hooks: {
      logMethod(args, method) {
        const scrubbed = args.map((a) => (typeof a === 'string' ? scrubText(a) : a));
        return method.apply(this, scrubbed as Parameters<typeof method>);
      },
    },
  });
}
