/**
 * Whole answers kept per process, per account, and served again while the account's write
 * version is the one they were computed at. For reads that clients poll (a booking widget's
 * availability, an integration re-reading a booking) and that cost many statements each.
 *
 * Safety rests on the write version (write-versions.ts): every table an answer is made of must
 * be versioned (the caller's migration and its namespace's `versionedTables` say so, and the
 * write-versions test writes each of them). An answer is kept only with a version its rows are
 * known to have been read at (the same version read before and after them, or one read
 * transaction), and served only while that is still the version, i.e. on unchanged data; a
 * write through any server process moves it. Nothing is kept or served inside a transaction,
 * whose own writes are not versioned until it commits. Keys go through tenantKey, so one
 * account never finds another's answer.
 */
import { boundedMap, type BoundedMap } from './bounded-map.js';
import { reportCacheSize } from './cache-sizes.js';
import { perDatabase } from './per-database.js';
import type { Scope } from './scope.js';
import { tenantKey, type TenantKey } from './tenant-key.js';
import { currentWriteVersion, currentWriteVersionNow } from './write-versions.js';

export interface AnswerCacheOptions<A> {
  /** Names the cache among the database's per-process state. */
  name: string;
  /** The most an answer cache holds, in bytes as `weigh` counts them (entries when it is not given); the oldest go first. */
  limit: number;
  weigh?: (answer: A) => number;
}

export interface AnswerCache<A> {
  /** The kept answer to `question`, when the account's data has not changed since. */
  kept(store: Scope, question: string): Promise<A | undefined>;
  /** Keeps an answer computed from rows read at `version` (undefined: not known to be one version). */
  keep(store: Scope, question: string, version: number | undefined, answer: A): void;
  /**
   * Answers from the cache, or computes the answer and keeps it when the version read before
   * computing is still the version after (so every statement in between read that same data).
   */
  answer(store: Scope, question: string, compute: () => Promise<A>): Promise<A>;
}

interface Entry<A> {
  version: number;
  answer: A;
}

export function answerCache<A>(options: AnswerCacheOptions<A>): AnswerCache<A> {
  const weigh = options.weigh ?? (() => 1);
  const unit = options.weigh === undefined ? 'entries' : 'bytes';
  const stateOf = (store: Scope) =>
    perDatabase(store.executor, `answers:${options.name}`, (): BoundedMap<TenantKey, Entry<A>> => {
      const state = boundedMap<TenantKey, Entry<A>>(options.limit, (entry) => weigh(entry.answer));
      reportCacheSize(store.executor, `answers:${options.name}`, () => ({
        entries: state.size,
        bytes: unit === 'bytes' ? state.weight : null,
        limit: options.limit,
        unit,
      }));
      return state;
    });

  /** The kept answer at the current version, and that version when it had to be read. */
  const lookup = async (store: Scope, question: string): Promise<{ answer?: A; version?: number }> => {
    if (store.inTransaction) return {};
    const entry = stateOf(store).get(tenantKey(store, question));
    if (entry === undefined) return {};
    const version = currentWriteVersionNow(store) ?? (await currentWriteVersion(store));
    return entry.version === version ? { answer: entry.answer, version } : { version };
  };

  const cache: AnswerCache<A> = {
    async kept(store, question) {
      return (await lookup(store, question)).answer;
    },
    keep(store, question, version, answer) {
      if (store.inTransaction || version === undefined) return;
      stateOf(store).set(tenantKey(store, question), { version, answer });
    },
    async answer(store, question, compute) {
      if (store.inTransaction) return compute();
      const found = await lookup(store, question);
      if (found.answer !== undefined) return found.answer;
      // The version the lookup read, when it read one, is the one to compute under.
      const before = found.version ?? (await currentWriteVersion(store));
      const answer = await compute();
      if ((await currentWriteVersion(store)) === before) cache.keep(store, question, before, answer);
      return answer;
    },
  };
  return cache;
}
