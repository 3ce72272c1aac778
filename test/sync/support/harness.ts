/** Builds sync configurations and environments against a test Marquee server. */
import pino from 'pino';
import { syncConfigSchema, type SyncConfig } from '../../../src/sync/config.js';
import type { Connector } from '../../../src/sync/connector.js';
import { openSync, type OpenedSync } from '../../../src/sync/environment.js';
import type { TestServer } from '../../support/server.js';

type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? (T[K] extends unknown[] ? T[K] : DeepPartial<T[K]>) : T[K] };

function mergeDeep(base: Record<string, unknown>, extra: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(extra)) {
    const b = out[k];
    out[k] =
      v !== null && typeof v === 'object' && !Array.isArray(v) && b !== null && typeof b === 'object' && !Array.isArray(b)
        ? mergeDeep(b as Record<string, unknown>, v as Record<string, unknown>)
        : v;
  }
  return out;
}

export function syncConfig(server: TestServer, crm: Record<string, unknown>, overrides: DeepPartial<SyncConfig> = {}): SyncConfig {
  const raw = mergeDeep(
    {
      profile: 'test',
      ivvy: { url: server.url, key: server.key, secret: server.secret },
      database: server.database.url,
      crm,
      sync: { retries: 3, retryBaseDelayMs: 20 },
    },
    overrides as Record<string, unknown>,
  );
  return syncConfigSchema.parse(raw);
}

export const quietLog = pino({ level: process.env.LOG_LEVEL ?? 'silent' });

export async function openTestSync(server: TestServer, config: SyncConfig, connector?: Connector): Promise<OpenedSync> {
  return openSync(config, { log: quietLog, storage: server.runtime.storage, ...(connector ? { connector } : {}) });
}
