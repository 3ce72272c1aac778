/**
 * Verified requests need the key's secret, account and user on every call. Those never change
 * for a key, so they are cached in memory after the first lookup (secrets stay sealed in the
 * database). Only revocation changes a key: every process polls for recently revoked keys once
 * a second, so a revocation made by any process (the CLI, another server) takes effect
 * everywhere within about a second.
 */
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { BackgroundWorker } from '../worker.js';
import type { Database } from '../storage/schema.js';
import { findApiKey, type ApiKeyRecord } from './keys.js';
import type { SecretBox } from './secret-box.js';
import { reportCacheSize } from '../storage/cache-sizes.js';

export interface KeyResolver {
  find(key: string): Promise<ApiKeyRecord | null>;
  /** The record when it is cached already, without waiting for anything. */
  cached(key: string): ApiKeyRecord | undefined;
  /** Polls for revocations; started with the server. */
  readonly refresher: BackgroundWorker & { refresh(): Promise<void> };
}

/** Revocations are re-read over this window, so clocks of other hosts may lag behind ours. */
const OVERLAP_MS = 60_000;

export function createKeyResolver(
  db: Kysely<Database>,
  box: SecretBox,
  log: Logger,
  options: { refreshMs?: number; maxEntries?: number } = {},
): KeyResolver {
  const refreshMs = options.refreshMs ?? 1000;
  const maxEntries = options.maxEntries ?? 10_000;
  const cache = new Map<string, ApiKeyRecord>();
  reportCacheSize(db, 'api-keys', () => ({ entries: cache.size, bytes: null, limit: maxEntries, unit: 'entries' }));
  let since = Date.now() - OVERLAP_MS;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;

  async function refresh(): Promise<void> {
    const started = Date.now();
    const revoked = await db
      .selectFrom('api_keys')
      .select('key')
      .where('revoked_at', 'is not', null)
      .where('revoked_at', '>=', since)
      .execute();
    for (const { key } of revoked) {
      const entry = cache.get(key);
      if (entry) entry.revoked = true;
    }
    since = started - OVERLAP_MS;
  }

  const tick = () => {
    running = refresh().catch((error: unknown) => log.warn({ err: error }, 'key revocation poll failed'));
    void running.finally(() => {
      if (timer !== undefined) timer = setTimeout(tick, refreshMs);
    });
  };

  return {
    cached: (key) => cache.get(key),
    async find(key) {
      const cached = cache.get(key);
      if (cached) return cached;
      const record = await findApiKey(db, box, key);
      // Unknown keys are not cached: random keys must not fill memory.
      if (record) {
        if (cache.size >= maxEntries) cache.clear();
        cache.set(key, record);
      }
      return record;
    },
    refresher: {
      name: 'key-revocations',
      refresh,
      start() {
        since = Date.now() - OVERLAP_MS;
        timer = setTimeout(tick, refreshMs);
      },
      async stop() {
        if (timer) clearTimeout(timer);
        timer = undefined;
        await running;
      },
    },
  };
}
