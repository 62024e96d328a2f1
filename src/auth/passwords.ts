/** Passwords: argon2id hashes (RFC 9106 defaults of @node-rs/argon2). */
import { randomInt } from 'node:crypto';

import { hash, verify } from '@node-rs/argon2';

// Algorithm.Argon2id; the enum is `const` in the typings, which isolated
// modules cannot inline.
const ARGON2ID = 2;

export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID as never });
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when the user does not exist, so timing does not tell. */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword('decoy-password-never-matches');
  return decoy;
}

export function passwordProblem(password: string, minLength: number): string | undefined {
  if (password.length < minLength) return `密码至少 ${minLength} 位`;
  if (!/[A-Za-z]/.test(password) || !/\d/.test(password)) return '密码须同时包含字母和数字';
  return undefined;
}

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';

/** A random initial password: 16 characters, letters and digits. */
export function generatePassword(): string {
  for (;;) {
    let out = '';
    for (let i = 0; i < 16; i += 1) out += ALPHABET[randomInt(ALPHABET.length)];
    if (!passwordProblem(out, 12)) return out;
  }
}
