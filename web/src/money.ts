/**
 * The platform's own money functions, shared with the server: integer fen
 * in, yuan text and Chinese capitals (大写) out. Pure; no second copy.
 */
export { formatYuan, toChineseCapital } from '../../src/core/money.ts';
export { parseYuan } from '../../src/core/money.ts';
