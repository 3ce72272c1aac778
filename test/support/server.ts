/**
 * Boots a real Marquee (Fastify on a random port, real storage) for integration tests, with
 * an account, its primary user and a key, and an SDK client signed with that key.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { createAccount, createUser } from '../../src/auth/accounts.js';
import { createApiKey } from '../../src/auth/keys.js';
import { createClient, type MarqueeClient } from '../../src/client/index.js';
import { loadConfig, type ConfigOverrides } from '../../src/config.js';
import { createLogger, createRuntime, type Runtime } from '../../src/runtime.js';
import { buildApp } from '../../src/server/app.js';
import { ROUTE_PLUGINS } from '../../src/server/plugins.js';
import type { Registry } from '../../src/registry/registry.js';
import { createScope, type Scope } from '../../src/storage/scope.js';
import type { DatabaseKind, TestDatabase } from './databases.js';
import { createMigratedTestDatabase } from './template-database.js';

export interface TestServer {
  kind: DatabaseKind;
  database: TestDatabase;
  url: string;
  app: FastifyInstance;
  runtime: Runtime;
  accountId: number;
  primaryUserId: number;
  key: string;
  secret: string;
  client: MarqueeClient;
  /** Tenant-scoped storage access for arranging and asserting data directly. */
  store(accountId?: number): Scope;
  /** A second account with its own key and client, for tenancy tests. */
  newAccount(options?: { withUser?: 'primary' | 'secondary' | 'none'; keyKind?: 'account' | 'partner' }): Promise<{
    accountId: number;
    userId: number | null;
    key: string;
    secret: string;
    client: MarqueeClient;
  }>;
  close(): Promise<void>;
}

export interface TestServerOptions {
  /** Replaces the full action registry (e.g. to prove unimplemented actions answer 501). */
  registry?: Registry;
  /** Logger to use instead of one at the configured level (tests that read the logs). */
  log?: Logger;
}

export async function startTestServer(
  kind: DatabaseKind,
  overrides: ConfigOverrides = {},
  options: TestServerOptions = {},
): Promise<TestServer> {
  const database = await createMigratedTestDatabase(kind);
  const config = loadConfig(
    {
      host: '127.0.0.1',
      port: 0,
      databaseUrl: database.url,
      seed: false,
      masterKey: randomBytes(32).toString('hex'),
      masterKeyFile: join(database.dir, 'master.key'),
      rateLimitPerSecond: 0,
      validateResults: true,
      logLevel: process.env.LOG_LEVEL ?? 'silent',
      // Housekeeping deletes aged rows of template databases mid-test (suites that count every
      // table would see it); its own suite runs it directly.
      retention: { intervalMs: 24 * 3600_000 },
      ...overrides,
    },
    {},
  );
  const runtime = await createRuntime(config, {
    log: options.log ?? createLogger(config.logLevel),
    ...(options.registry ? { registry: options.registry } : {}),
  });
  const app = await buildApp(runtime, ROUTE_PLUGINS);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const url = `http://127.0.0.1:${port}`;
  // Links handed out by the server (invite links, invoices) must point at this instance.
  (runtime as { publicUrl: string }).publicUrl = url;
  for (const worker of runtime.workers) worker.start();

  const db = runtime.storage.db;
  const newAccount: TestServer['newAccount'] = async (options = {}) => {
    const withUser = options.withUser ?? 'none';
    const { accountId, primaryUserId } = await createAccount(db, {
      name: `Test account ${randomBytes(3).toString('hex')}`,
      primaryUser: { firstName: 'Pat', lastName: 'Primary', email: 'pat@example.com', isPrimary: true },
    });
    let userId: number | null = null;
    if (withUser === 'primary') userId = primaryUserId;
    if (withUser === 'secondary') {
      userId = await createUser(db, accountId, { firstName: 'Sam', lastName: 'Second', email: 'sam@example.com', isPrimary: false });
    }
    const key = await createApiKey(db, runtime.secrets, { accountId, userId, kind: options.keyKind ?? 'account' });
    return { accountId, userId, key: key.key, secret: key.secret, client: createClient({ url, key: key.key, secret: key.secret, retries: 0 }) };
  };
  const main = await newAccount({ withUser: 'none' });
  const primary = await db
    .selectFrom('users')
    .select('id')
    .where('account_id', '=', main.accountId)
    .where('is_primary', '=', 1)
    .executeTakeFirstOrThrow();

  return {
    kind,
    database,
    url,
    app,
    runtime,
    accountId: main.accountId,
    primaryUserId: primary.id,
    key: main.key,
    secret: main.secret,
    client: main.client,
    store: (accountId = main.accountId) => createScope(db, accountId, runtime.storage.dialect),
    newAccount,
    async close() {
      await app.close();
      await runtime.close();
      await database.drop();
    },
  };
}
