/**
 * What each per-process cache of a database holds now, beside its bound. A cache registers a
 * reporter when its state is first made; /metrics (server/metrics.ts) publishes the figures and
 * the bench prints them after paging through a whole collection, so a bound that does not hold
 * shows as a number above its limit rather than as a slow climb in resident memory.
 */
import { perDatabase } from './per-database.js';
import type { Executor } from './scope.js';

export interface CacheSize {
  entries: number;
  /** Bytes held, for caches bounded in bytes; null for caches bounded in entries. */
  bytes: number | null;
  /** The bound: entries or bytes, whichever the cache counts. */
  limit: number;
  unit: 'entries' | 'bytes';
}

type Reporters = Map<string, () => CacheSize>;

const reportersOf = (executor: Executor): Reporters => perDatabase(executor, 'cache-sizes', (): Reporters => new Map());

/** Registers (or replaces) the reporter of the cache called `name` on this database. */
export function reportCacheSize(executor: Executor, name: string, size: () => CacheSize): void {
  reportersOf(executor).set(name, size);
}

/** Every registered cache of the database, by name. */
export function cacheSizes(executor: Executor): Array<{ name: string } & CacheSize> {
  return [...reportersOf(executor)].map(([name, size]) => ({ name, ...size() }));
}
