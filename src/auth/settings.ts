/**
 * Security settings. These are not policy numbers from the bulletin but the
 * platform's own operating choices; each can be set by environment variable
 * so an operator can tighten them without a release.
 */

export interface AuthSettings {
  /** A session ends this long after login, whatever happens (minutes). */
  sessionAbsoluteMinutes: number;
  /** …and this long after the last request (minutes). */
  sessionIdleMinutes: number;
  /** Failed logins in a row before the account locks. */
  lockAfterFailures: number;
  /** How long a lock lasts (minutes). */
  lockMinutes: number;
  /** Login attempts per client address per minute. */
  loginRatePerMinute: number;
  passwordMinLength: number;
  /** Send cookies only over HTTPS (on behind a TLS-terminating proxy). */
  secureCookies: boolean;
  /** Administrators must have a second factor to log in. */
  adminTotpRequired: boolean;
}

function numberFrom(name: string, fallback: number): number {
  const raw = process.env[name];
  const value = raw === undefined ? NaN : Number(raw);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

export function authSettings(overrides: Partial<AuthSettings> = {}): AuthSettings {
  return {
    sessionAbsoluteMinutes: numberFrom('JIXI_SESSION_ABSOLUTE_MINUTES', 8 * 60),
    sessionIdleMinutes: numberFrom('JIXI_SESSION_IDLE_MINUTES', 30),
    lockAfterFailures: numberFrom('JIXI_LOCK_AFTER_FAILURES', 5),
    lockMinutes: numberFrom('JIXI_LOCK_MINUTES', 15),
    loginRatePerMinute: numberFrom('JIXI_LOGIN_RATE_PER_MINUTE', 20),
    passwordMinLength: numberFrom('JIXI_PASSWORD_MIN_LENGTH', 12),
    secureCookies: process.env.JIXI_SECURE_COOKIES === '1',
    adminTotpRequired: process.env.JIXI_ADMIN_TOTP === 'required',
    ...overrides,
  };
}

export const SESSION_COOKIE = 'jixi_session';
export const CSRF_COOKIE = 'jixi_csrf';
export const CSRF_HEADER = 'x-csrf-token';
