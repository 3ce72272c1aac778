/**
 * Runs the seeders into one account, and creates the demo account on first start.
 *
 * A seeding is reproducible: every random choice the seeders make comes from one faker seeded
 * with the run's seed (chosen at random when none is given), and the seeders' "now" is, when a
 * seed is given, the start of the current UTC day, so the same seed gives the same records and
 * field values all day. Each seeding is recorded (runs.ts): `seedOnce` leaves a seeded account
 * alone unless asked to add a batch, and `resetAccount` seeds it again as it was first seeded.
 */
import { randomInt } from 'node:crypto';
import type { Faker } from '@faker-js/faker';
import { createAccount, findDemoAccount } from '../auth/accounts.js';
import { createApiKey, findApiKey, listApiKeys } from '../auth/keys.js';
import type { Runtime } from '../runtime.js';
import { createScope } from '../storage/scope.js';
import { SEEDERS } from '../domain/index.js';
import { claimSeedRun, finishSeedRun, listSeedRuns, type SeedRun } from './runs.js';

const DAY = 86_400_000;

export interface SeedOptions {
  accountId: number;
  contacts: number;
  /** Seed for faker, so a given seed always produces the same data (default: a random one, recorded). */
  randomSeed?: number;
  /** The seeders' "now" (default: the start of today, UTC, with a seed; the clock without). */
  now?: number;
}

/** The instant a seeded run takes as "now": the start of the current UTC day. */
export function anchoredNow(clock = Date.now()): number {
  return Math.floor(clock / DAY) * DAY;
}

/**
 * Faker for one batch. The first batch uses the seed itself (so `--random-seed N` means what it
 * always meant); later batches mix in their number, so `--add` with the same seed adds new
 * records rather than the first batch's again. Faker (every locale's data, ~50 ms to load) is
 * imported on first use: a server that does not seed never loads it.
 */
async function fakerFor(randomSeed: number, batch: number): Promise<Faker> {
  const { Faker, en } = await import('@faker-js/faker');
  const faker = new Faker({ locale: [en] });
  faker.seed(batch === 1 ? randomSeed : [randomSeed, batch]);
  return faker;
}

export interface SeedResult {
  accountId: number;
  batch: number;
  randomSeed: number;
  now: number;
  totals: Record<string, number>;
}

/** Seeds one more batch into the account (the first, or another on top) and records it. */
export async function seedBatch(runtime: Runtime, options: SeedOptions): Promise<SeedResult> {
  const db = runtime.storage.db;
  const runs = await listSeedRuns(db, options.accountId);
  const plan: PlannedRun = {
    batch: Math.max(0, ...runs.map((r) => r.batch)) + 1,
    randomSeed: options.randomSeed ?? randomInt(2 ** 31),
    contacts: options.contacts,
    now: options.now ?? (options.randomSeed === undefined ? Date.now() : anchoredNow()),
  };
  await claimSeedRun(db, options.accountId, { ...plan, startedAt: Date.now() });
  return runClaimedBatch(runtime, options.accountId, plan);
}

export interface PlannedRun {
  batch: number;
  randomSeed: number;
  contacts: number;
  now: number;
}

/** Runs every seeder for a batch already claimed in `seed_runs`, then marks it finished. */
export async function runClaimedBatch(runtime: Runtime, accountId: number, plan: PlannedRun): Promise<SeedResult> {
  const db = runtime.storage.db;
  const faker = await fakerFor(plan.randomSeed, plan.batch);
  // faker.date.* measure from this instead of the clock.
  faker.setDefaultRefDate(plan.now);
  const store = createScope(db, accountId, runtime.storage.dialect);
  const totals: Record<string, number> = {};
  for (const seeder of SEEDERS) {
    const counts = await seeder.seed({
      store,
      faker,
      log: runtime.log,
      publicUrl: runtime.publicUrl,
      // Seeded emails are the record of mail sent in the seeded past: logged, never delivered.
      mail: { ...runtime.mail, delivers: false },
      now: plan.now,
      contacts: plan.contacts,
    });
    for (const [name, n] of Object.entries(counts)) totals[name] = (totals[name] ?? 0) + n;
    runtime.log.debug({ seeder: seeder.name, counts }, 'seeded');
  }
  await finishSeedRun(db, accountId, plan.batch, totals, Date.now());
  return { accountId, batch: plan.batch, randomSeed: plan.randomSeed, now: plan.now, totals };
}

/** Seeds a batch into the account and returns the seeders' counts (tests layer batches with it). */
export async function seedAccount(runtime: Runtime, options: SeedOptions): Promise<Record<string, number>> {
  return (await seedBatch(runtime, options)).totals;
}

export type SeedOnceResult = ({ changed: true } & SeedResult) | { changed: false; accountId: number; runs: SeedRun[] };

/**
 * Seeds the account unless it was seeded already; with `add`, seeds another batch either way.
 * What `marquee seed` and the first-start demo seeding do.
 */
export async function seedOnce(runtime: Runtime, options: SeedOptions & { add?: boolean }): Promise<SeedOnceResult> {
  const runs = await listSeedRuns(runtime.storage.db, options.accountId);
  if (runs.length > 0 && !options.add) return { changed: false, accountId: options.accountId, runs };
  return { changed: true, ...(await seedBatch(runtime, options)) };
}

export interface DemoCredentials {
  accountId: number;
  key: string;
  secret: string;
  created: boolean;
}

export const DEMO_CONTACTS = 250;
/** The demo account's seed: every fresh Marquee starts with the same demo data. */
export const DEMO_SEED = 2026;

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
    const result = await seedOnce(runtime, { accountId, contacts: DEMO_CONTACTS, randomSeed: DEMO_SEED });
    if (result.changed) runtime.log.info({ accountId, ...result.totals }, 'demo account seeded');
  }
  for (const summary of await listApiKeys(db, accountId)) {
    if (summary.revokedAt !== null) continue;
    const record = await findApiKey(db, runtime.secrets, summary.key);
    if (record) return { accountId, key: record.key, secret: record.secret, created };
  }
  const fresh = await createApiKey(db, runtime.secrets, { accountId, label: 'demo' });
  return { accountId, key: fresh.key, secret: fresh.secret, created };
}
