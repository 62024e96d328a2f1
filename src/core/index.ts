export * from './money.ts';
export * from './dates.ts';
export * from './calendar.ts';
export * from './errors.ts';
export * from './explain.ts';
export * from './identity.ts';
export * from './params/index.ts';
export { createLogger, scrubText } from './logger.ts';
