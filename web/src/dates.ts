/** The platform's own date functions, shared with the server (pure). */
export { isIsoDate, todayInBeijing, withinInterval } from '../../src/core/dates.ts';
