/**
 * TOTP second factor (RFC 6238) with otplib 13's functional API. A code is
 * accepted once: the time step it matched is stored and later codes must
 * come from a later step (`afterTimeStep`), so an overheard code cannot be
 * replayed.
 */
import { generate, generateSecret, generateURI, verify } from 'otplib';

export function newTotpSecret(): string {
  return generateSecret();
}

export function totpUri(secret: string, username: string): string {
  return generateURI({ issuer: '鸡西市政策执行平台', label: username, secret });
}

/** The current code; tests and the demo use it. */
export function totpCode(secret: string, epochSeconds?: number): Promise<string> {
  return generate({ secret, ...(epochSeconds !== undefined ? { epoch: epochSeconds } : {}) });
}

/** The matched time step, or undefined when the code is wrong or replayed. */
export async function checkTotp(
  secret: string,
  token: string,
  lastStep: number | null,
  epochSeconds?: number,
): Promise<number | undefined> {
  if (!/^\d{6}$/.test(token)) return undefined;

  const result = await verify({
    secret,
    token,
    // One step of clock drift either way.
    epochTolerance: 30,
    ...(lastStep !== null ? { afterTimeStep: lastStep } : {}),
    ...(epochSeconds !== undefined ? { epoch: epochSeconds } : {}),
  });
  return result.valid && 'timeStep' in result ? result.timeStep : undefined;
}
