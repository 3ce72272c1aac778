/**
 * The sandbox itself (loaded by index.ts on first use): a Marquee runtime on a copy of a
 * template database (template.ts), its HTTP server on 127.0.0.1 at a free port, and its
 * background workers, all owned by the sandbox object. Nothing is kept at module level but
 * the process's master key and the template images, so sandboxes side by side share no state:
 * every cache lives with its database (storage/per-database.ts) or its runtime.
 */
import { randomBytes } from 'node:crypto';
import { createApiKey } from '../auth/keys.js';
import { createClient } from '../client/index.js';
import { loadConfig } from '../config.js';
import { createLogger, createRuntime } from '../runtime.js';
import { DEMO_SEED, seedBatch } from '../seed/seed.js';
import { buildApp } from '../server/app.js';
import { ROUTE_PLUGINS } from '../server/plugins.js';
import { restoreSnapshot, takeSnapshot } from '../storage/snapshot/index.js';
import { openMemoryStorage } from './memory-storage.js';
import { START_SNAPSHOT, templateFor } from './template.js';
import type { Sandbox, SandboxOptions, SandboxSnapshot } from './types.js';

/** Seals the API secrets of every sandbox of this process; never written anywhere. */
const masterKey = randomBytes(32).toString('hex');

const DEFAULT_CONTACTS = 20;

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const contacts = options.contacts ?? DEFAULT_CONTACTS;
  const operatorToken = randomBytes(24).toString('base64url');
  // The process's environment is not read: a sandbox behaves the same on every machine.
  const config = loadConfig(
    {
      host: '127.0.0.1',
      port: 0,
      databaseUrl: 'sqlite::memory:',
      seed: false,
      masterKey,
      logLevel: options.logLevel ?? 'silent',
      validateResults: options.validateResults ?? false,
      rateLimitPerSecond: options.rateLimitPerSecond ?? 0,
      operatorToken,
    },
    {},
  );
  const log = createLogger(config.logLevel);
  const template = await templateFor({ seed: options.seed ?? true, contacts, randomSeed: options.randomSeed ?? DEMO_SEED }, config, log);
  const storage = openMemoryStorage(template.image);
  const runtime = await createRuntime(config, { storage, log });
  let app: Awaited<ReturnType<typeof buildApp>> | undefined;
  try {
    const { accountId } = template;
    const credentials = await createApiKey(storage.db, runtime.secrets, { accountId, label: 'sandbox' });
    app = await buildApp(runtime, ROUTE_PLUGINS);
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    // Links the server hands out (invitations, invoices) must point at this sandbox's port.
    (runtime as { publicUrl: string }).publicUrl = url;
    for (const worker of runtime.workers) worker.start();

    const server = app;
    let snapshots = 0;
    let closing: Promise<void> | undefined;
    return {
      url,
      key: credentials.key,
      secret: credentials.secret,
      accountId,
      operatorToken,
      client: createClient({ url, key: credentials.key, secret: credentials.secret, retries: 0 }),
      async seed(seedOptions = {}) {
        const result = await seedBatch(runtime, {
          accountId,
          contacts: seedOptions.contacts ?? contacts,
          ...(seedOptions.randomSeed !== undefined ? { randomSeed: seedOptions.randomSeed } : {}),
        });
        return { batch: result.batch, randomSeed: result.randomSeed, created: result.totals };
      },
      async reset() {
        await restoreSnapshot(storage.db, storage.dialect, START_SNAPSHOT);
      },
      async snapshot(name?: string): Promise<SandboxSnapshot> {
        snapshots += 1;
        const taken = await takeSnapshot(storage.db, storage.dialect, { name: name ?? `sandbox.${snapshots}`, accountId });
        return { name: taken.name, takenAt: taken.takenAt };
      },
      async restore(snapshot) {
        await restoreSnapshot(storage.db, storage.dialect, typeof snapshot === 'string' ? snapshot : snapshot.name);
      },
      close() {
        closing ??= (async () => {
          await server.close();
          await runtime.close();
        })();
        return closing;
      },
    };
  } catch (error) {
    await app?.close();
    await runtime.close();
    throw error;
  }
}
