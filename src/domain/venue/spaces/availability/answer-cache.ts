/**
 * getAvailableFunctionSpaces answers kept per process, and served again while the account's
 * write version is the one they were computed at. Booking widgets ask the same few questions
 * (today, this weekend, a given evening) over and over, and every answer costs a dozen
 * statements' worth of rows and the conflict search over all the venue's spaces.
 *
 * Safety rests on the write version (storage/write-versions.ts): everything an answer is made of
 * (venues, function_spaces, function_space_parts, function_space_event_types,
 * function_space_layouts, space_occupancies) is versioned by 0026_venue_read_paths,
 * an answer is kept only with the version its rows were read at (available-spaces-reads.ts), and
 * served only when that is still the version, i.e. on unchanged data; a write through any
 * server process moves it. Nothing is kept or served inside a transaction.
 */
import { perDatabase } from '../../../../storage/per-database.js';
import type { Scope } from '../../../../storage/scope.js';
import { tenantKey, type TenantKey } from '../../../../storage/tenant-key.js';
import { currentWriteVersion, currentWriteVersionNow } from '../../../../storage/write-versions.js';

/**
 * Answers kept per process (all accounts); the oldest go first. A page of 100 spaces is some
 * 20 kB of JSON, a few times that as objects: at most a few tens of MB.
 */
const LIMIT = 1_024;

interface Entry<A> {
  version: number;
  answer: A;
}

function cacheOf(store: Scope): Map<TenantKey, Entry<unknown>> {
  return perDatabase(store.executor, 'venue-available-spaces', () => new Map<TenantKey, Entry<unknown>>());
}

/** The kept answer to `question` (the call's parameters, as text), when the data has not changed since. */
export async function keptAnswer<A>(store: Scope, question: string): Promise<A | undefined> {
  if (store.inTransaction) return undefined;
  const entry = cacheOf(store).get(tenantKey(store, question));
  if (entry === undefined) return undefined;
  const version = currentWriteVersionNow(store) ?? (await currentWriteVersion(store));
  return entry.version === version ? (entry.answer as A) : undefined;
}

/** Keeps an answer computed from rows read at `version` (undefined: not known to be one version). */
export function keepAnswer<A>(store: Scope, question: string, version: number | undefined, answer: A): void {
  if (store.inTransaction || version === undefined) return;
  const cache = cacheOf(store);
  const key = tenantKey(store, question);
  cache.delete(key);
  cache.set(key, { version, answer });
  if (cache.size > LIMIT) cache.delete(cache.keys().next().value as TenantKey);
}
