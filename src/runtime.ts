/**
 * Everything a running Marquee needs, assembled once: storage (migrated), the secret box for
 * API secrets, the action registry, the logger, and the background workers later modules
 * attach. The HTTP server, the batch runner and the CLI all work from a Runtime.
 */
import { resolve } from 'node:path';
import pino, { type Logger } from 'pino';
import { createKeyResolver, type KeyResolver } from './auth/key-cache.js';
import { createSecretBox, decodeMasterKey, loadOrCreateKeyFile, type SecretBox } from './auth/secret-box.js';
import { createBatchWorker } from './batch/worker.js';
import type { Config } from './config.js';
import { createSmtpTransport } from './mail/transport.js';
import { createHousekeepingWorker } from './housekeeping/worker.js';
import { createMailWorker } from './mail/worker.js';
import { createNotificationWorker } from './notify/worker.js';
import { ACTIONS, MIGRATIONS, VERSIONED_TABLES } from './domain/index.js';
import type { DispatchDeps } from './registry/dispatch.js';
import { createRegistry, type Registry } from './registry/registry.js';
import { openStorage, type Storage } from './storage/database.js';
import type { BackgroundWorker } from './worker.js';
import { migrateToLatest } from './storage/migrate.js';

export interface Runtime extends DispatchDeps {
  readonly config: Config;
  readonly secrets: SecretBox;
  /** API key lookups for request verification (cached; revocations polled). */
  readonly keys: KeyResolver;
  readonly workers: BackgroundWorker[];
  close(): Promise<void>;
}

export function createLogger(level: string): Logger {
  // Logs go to stderr: stdout is for what a command prints (the start banner, JSON answers).
  return pino(
    {
      level,
      redact: {
        paths: ['req.headers["x-api-authorization"]', 'secret', '*.secret', 'signature'],
        censor: '[redacted]',
      },
    },
    pino.destination({ fd: 2, sync: true }),
  );
}

export function masterKeyOf(config: Pick<Config, 'masterKey' | 'masterKeyFile'>): Buffer {
  return config.masterKey ? decodeMasterKey(config.masterKey) : loadOrCreateKeyFile(resolve(config.masterKeyFile));
}

export async function createRuntime(
  config: Config,
  options: { log?: Logger; registry?: Registry; storage?: Storage } = {},
): Promise<Runtime> {
  const log = options.log ?? createLogger(config.logLevel);
  const secrets = createSecretBox(masterKeyOf(config));
  const storage = options.storage ?? (await openStorage(config.databaseUrl, { versionedTables: VERSIONED_TABLES, pgPrepare: config.pgPrepare }));
  try {
    const applied = await migrateToLatest(storage, MIGRATIONS);
    if (applied.length > 0) log.info({ migrations: applied }, 'database migrated');
  } catch (error) {
    await storage.close();
    throw error;
  }
  const registry = options.registry ?? createRegistry(ACTIONS);
  const keys = createKeyResolver(storage.db, secrets, log);
  const workers: BackgroundWorker[] = [keys.refresher];
  if (config.smtpUrl) workers.push(createMailWorker(storage, await createSmtpTransport(config.smtpUrl), log));
  const runtime: Runtime = {
    config,
    storage,
    secrets,
    keys,
    registry,
    log,
    publicUrl: config.publicUrl,
    validateResults: config.validateResults,
    strictParams: config.strictParams,
    mail: { delivers: config.smtpUrl !== undefined, from: config.mailFrom },
    workers,
    async close() {
      await Promise.all(workers.map((w) => w.stop()));
      await storage.close();
    },
  };
  workers.push(
    createBatchWorker(runtime, config.workers),
    createNotificationWorker(runtime, config.workers),
    createHousekeepingWorker(storage, config.retention, log),
  );
  return runtime;
}
