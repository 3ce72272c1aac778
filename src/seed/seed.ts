/** Runs the seeders into one account, and creates the demo account on first start. */
import { faker as baseFaker, Faker, en } from '@faker-js/faker';
import { createAccount, findDemoAccount } from '../auth/accounts.js';
import { createApiKey, findApiKey, listApiKeys } from '../auth/keys.js';
import type { Runtime } from '../runtime.js';
import { createScope } from '../storage/scope.js';
import { SEEDERS } from '../domain/index.js';

export interface SeedOptions {
  accountId: number;
  contacts: number;
  /** Seed for faker, so a given seed always produces the same data. */
  randomSeed?: number;
}

export async function seedAccount(runtime: Runtime, options: SeedOptions): Promise<Record<string, number>> {
  const faker = options.randomSeed === undefined ? baseFaker : new Faker({ locale: [en] });
  if (options.randomSeed !== undefined) faker.seed(options.randomSeed);
  const store = createScope(runtime.storage.db, options.accountId, runtime.storage.dialect);
  const totals: Record<string, number> = {};
  for (const seeder of SEEDERS) {
    const counts = await seeder.seed({
      store,
      faker,
      log: runtime.log,
      publicUrl: runtime.publicUrl,
      // Seeded emails are the record of mail sent in the seeded past: logged, never delivered.
      mail: { ...runtime.mail, delivers: false },
      now: Date.now(),
      contacts: options.contacts,
    });
    for (const [name, n] of Object.entries(counts)) totals[name] = (totals[name] ?? 0) + n;
    runtime.log.debug({ seeder: seeder.name, counts }, 'seeded');
  }
  return totals;
}

export interface DemoCredentials {
  accountId: number;
  key: string;
  secret: string;
  created: boolean;
}

export const DEMO_CONTACTS = 250;

/** The demo account with its primary user, empty. */
export async function createDemoAccount(runtime: Runtime): Promise<number> {
  const account = await createAccount(runtime.storage.db, {
    name: 'Marquee Demo',
    isDemo: true,
    primaryUser: { firstName: 'Demo', lastName: 'Administrator', email: 'admin@demo.marquee.local', isPrimary: true },
  });
  return account.accountId;
}

/**
 * Returns the demo account's credentials, creating the account (with a primary user, a key and
 * seed data) when the database has none yet.
 */
export async function ensureDemoAccount(runtime: Runtime, seed: boolean): Promise<DemoCredentials | null> {
  const db = runtime.storage.db;
  let accountId = await findDemoAccount(db);
  let created = false;
  if (accountId === null) {
    if (!seed) return null;
    accountId = await createDemoAccount(runtime);
    created = true;
    const totals = await seedAccount(runtime, { accountId, contacts: DEMO_CONTACTS, randomSeed: 2026 });
    runtime.log.info({ accountId, ...totals }, 'demo account seeded');
  }
  for (const summary of await listApiKeys(db, accountId)) {
    if (summary.revokedAt !== null) continue;
    const record = await findApiKey(db, runtime.secrets, summary.key);
    if (record) return { accountId, key: record.key, secret: record.secret, created };
  }
  const fresh = await createApiKey(db, runtime.secrets, { accountId, label: 'demo' });
  return { accountId, key: fresh.key, secret: fresh.secret, created };
}
