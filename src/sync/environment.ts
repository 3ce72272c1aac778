/**
 * Opens everything a sync needs from its configuration: Marquee's storage (migrated) for the
 * sync state, the iVvy SDK, the batch writer and the CRM connector.
 */
import type { Logger } from 'pino';
import { MIGRATIONS } from '../domain/index.js';
import { migrateToLatest } from '../storage/migrate.js';
import { openStorage, type Storage } from '../storage/database.js';
import type { SyncConfig } from './config.js';
import { createConnector } from './connectors/index.js';
import type { Connector } from './connector.js';
import type { SyncEnvironment } from './engine/run.js';
import { createIvvyApi } from './ivvy/api.js';
import { createIvvyWriter } from './ivvy/writes.js';
import type { ModuleSettings } from './module.js';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry.js';
import { createSyncState } from './store/index.js';

export interface OpenedSync {
  env: SyncEnvironment;
  storage: Storage;
  config: SyncConfig;
  close(): Promise<void>;
}

export interface OpenOptions {
  log: Logger;
  /** Use this storage instead of opening `config.database` (tests, the CLI's shared runtime). */
  storage?: Storage;
  /** Use this connector instead of the configured one. */
  connector?: Connector;
}

export function retryPolicyOf(config: SyncConfig): RetryPolicy {
  return { ...DEFAULT_RETRY_POLICY, retries: config.sync.retries, baseDelayMs: config.sync.retryBaseDelayMs };
}

export async function openSync(config: SyncConfig, options: OpenOptions): Promise<OpenedSync> {
  const ownStorage = options.storage === undefined;
  const storage = options.storage ?? (await openStorage(config.database));
  try {
    if (ownStorage) await migrateToLatest(storage, MIGRATIONS);
  } catch (error) {
    await storage.close();
    throw error;
  }
  const policy = retryPolicyOf(config);
  const log = options.log;
  const api = createIvvyApi({
    url: config.ivvy.url,
    key: config.ivvy.key,
    secret: config.ivvy.secret,
    policy,
    // The reason in words: a retry is routine, and a stack trace would bury the message.
    onRetry: (info) =>
      log.warn({ attempt: info.attempt, delayMs: info.delayMs, reason: info.error instanceof Error ? info.error.message : String(info.error) }, 'retrying an iVvy call'),
  });
  const connector = options.connector ?? createConnector(config, policy);
  const env: SyncEnvironment = {
    state: createSyncState(storage.db, config.profile),
    api,
    writer: createIvvyWriter(api, { useBatch: config.ivvy.useBatch }),
    connector,
    log,
    settings: {
      pageSize: config.sync.pageSize,
      overlapMs: config.sync.overlapSeconds * 1000,
      conflictPolicy: config.sync.conflictPolicy,
      reconcileEveryMs: config.sync.reconcileEveryMinutes * 60_000,
      maxDeleteRatio: config.sync.maxDeleteRatio,
      ...(config.sync.defaultRegion !== undefined ? { defaultRegion: config.sync.defaultRegion } : {}),
      // One-way modules have no field owners or custom fields (and the email log no deletions):
      // the engine sees empty ones.
      modules: Object.fromEntries(
        Object.entries(config.modules).map(([name, settings]) => [
          name,
          { fieldOwners: {}, customFields: [], onDelete: 'ignore', ...settings } as ModuleSettings,
        ]),
      ),
    },
  };
  return {
    env,
    storage,
    config,
    async close() {
      await connector.close();
      if (ownStorage) await storage.close();
    },
  };
}
