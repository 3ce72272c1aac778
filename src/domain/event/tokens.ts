/**
 * Secrets behind the event namespace's public URLs. Link secrets that must be shown again
 * (invite links, ticket pages) are stored as generated and checked in constant time; secrets
 * shown once (login tokens, sign-in cookies) are stored as SHA-256 hashes.
 */
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/** 144 random bits, URL-safe: 24 characters of [A-Za-z0-9_-]. */
export const newLinkSecret = (): string => randomBytes(18).toString('base64url');

export const isLinkSecret = (text: string): boolean => /^[A-Za-z0-9_-]{24}$/.test(text);

/** Compares a secret from a URL with the stored one without leaking where they differ. */
export function sameSecret(given: string, stored: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(stored);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** createLoginToken's token: 128 random bits as 32 hex digits, like iVvy's. */
export const newLoginToken = (): string => randomBytes(16).toString('hex');

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** Crockford's base 32: no I, L, O or U, so codes read aloud and typed back survive. */
const BASE32 = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A ticket barcode: 16 random base-32 characters (80 bits), scannable as Code 128. */
export function newBarcode(): string {
  let out = '';
  for (let i = 0; i < 16; i++) out += BASE32[randomInt(32)];
  return out;
}

const CODE_BITS = 40n;
const CODE_MASK = (1n << CODE_BITS) - 1n;
const MULTIPLIER = 0x9e3779b97fn; // odd, so multiplication is a bijection modulo 2^40
const OFFSET = 0x5bd1e99526n;

/**
 * An event's public code from its id: a bijection of the 40-bit id space written as 8 base-32
 * characters, so codes are unique by construction (no retry on collision) while consecutive
 * events do not get consecutive-looking codes.
 */
export function eventCodeOf(id: number): string {
  let x = BigInt(id) & CODE_MASK;
  x = (x * MULTIPLIER + OFFSET) & CODE_MASK;
  x ^= x >> 20n; // an xorshift by at least half the width is invertible too
  let out = '';
  for (let i = 0; i < 8; i++) {
    out = BASE32[Number(x & 31n)] + out;
    x >>= 5n;
  }
  return out;
}

/** A code no event can have, for the instant between inserting an event and naming it. */
export const provisionalEventCode = (): string => `new-${randomBytes(12).toString('hex')}`;
