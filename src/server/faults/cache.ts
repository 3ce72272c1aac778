/**
 * The fault rules a server applies, cached per API key: a rule set by the CLI or by another
 * server's operator endpoint is seen here within `refreshMs` (a second by default), like a
 * key's revocation (auth/key-cache.ts). An entry is re-read when a call finds it older than
 * that, so a server with no traffic does no polling; a fresh entry is answered without waiting,
 * which keeps the check off the hot path. Bounded: random keys never reach it (only
 * authenticated ones), and a full cache is emptied rather than grown.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../storage/schema.js';
import type { FaultRule } from './rule.js';
import { rulesForKey } from './store.js';

export interface FaultRuleCache {
  /** The key's rules when read within the refresh interval, without waiting. */
  cached(key: string): readonly FaultRule[] | undefined;
  /** Reads the key's rules (one query for concurrent callers) and caches them. */
  load(key: string, accountId: number): Promise<readonly FaultRule[]>;
  /** Forgets every entry: the next call of each key reads its rules again. */
  invalidate(): void;
}

interface Entry {
  rules: readonly FaultRule[];
  loadedAt: number;
}

export function createFaultRuleCache(
  db: Kysely<Database>,
  options: { refreshMs?: number; maxEntries?: number; now?: () => number } = {},
): FaultRuleCache {
  const refreshMs = options.refreshMs ?? 1000;
  const maxEntries = options.maxEntries ?? 10_000;
  const now = options.now ?? Date.now;
  const entries = new Map<string, Entry>();
  const loading = new Map<string, Promise<readonly FaultRule[]>>();
  // Bumped by invalidate(), so a read started before it cannot store what it read after it.
  let generation = 0;

  return {
    cached(key) {
      const entry = entries.get(key);
      return entry !== undefined && now() - entry.loadedAt < refreshMs ? entry.rules : undefined;
    },
    load(key, accountId) {
      const pending = loading.get(key);
      if (pending) return pending;
      const started = generation;
      const loadedAt = now();
      const read = rulesForKey(db, key, accountId)
        .then((rules) => {
          if (started === generation) {
            if (entries.size >= maxEntries && !entries.has(key)) entries.clear();
            entries.set(key, { rules, loadedAt });
          }
          return rules;
        })
        .finally(() => loading.delete(key));
      loading.set(key, read);
      return read;
    },
    invalidate() {
      generation++;
      entries.clear();
      loading.clear();
    },
  };
}
