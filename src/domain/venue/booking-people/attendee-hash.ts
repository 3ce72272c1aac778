/**
 * An attendee's hash: what a catering website link carries to find one attendee without an
 * account's key, so it must say nothing about the attendee and be impossible to guess. 128 bits
 * from the operating system's CSPRNG, as 32 hex digits (the shape of the page's example,
 * `a58cac7da5865295bec0a0136c618874`). The unique index on the column makes a repeat fail the
 * write instead of sharing a hash; at 2^-64 odds for four billion attendees, that never happens.
 */
import { randomBytes } from 'node:crypto';

export const ATTENDEE_HASH_LENGTH = 32;

export function newAttendeeHash(): string {
  return randomBytes(ATTENDEE_HASH_LENGTH / 2).toString('hex');
}
