import crypto from 'node:crypto';
import { promisify } from 'node:util';

// Looked up at each call (not bound once), so a test can watch that every sign-in runs it.
const scrypt = (password: string, salt: Buffer, keylen: number, options: crypto.ScryptOptions) =>
  (promisify(crypto.scrypt) as (password: string, salt: Buffer, keylen: number, options: crypto.ScryptOptions) => Promise<Buffer>)(password, salt, keylen, options);
const PARAMS = { N: 16384, r: 8, p: 1 };
const KEY_LENGTH = 32;

/** An scrypt hash with its parameters, so they can be raised later without breaking old hashes. */
export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.randomBytes(16);
  const key = await scrypt(password.normalize('NFC'), salt, KEY_LENGTH, PARAMS);
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64url');
  const actual = await scrypt(password.normalize('NFC'), Buffer.from(salt, 'base64url'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  });
  return crypto.timingSafeEqual(actual, expected);
}

let decoy: Promise<string> | undefined;

/**
 * Checks a password against a hash no password matches: a sign-in for an unknown email then
 * costs what a wrong password for a known one costs, so timing does not tell which emails exist.
 */
export async function verifyAgainstDecoy(password: string): Promise<false> {
  decoy ??= hashPassword(crypto.randomBytes(16).toString('base64url'));
  await verifyPassword(password, await decoy);
  return false;
}

/** A password people can type from a terminal: 18 characters of base64url, about 108 bits. */
export function generatePassword(): string {
  return crypto.randomBytes(14).toString('base64url').slice(0, 18);
}
