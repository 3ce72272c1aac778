/**
 * Bench datasets: an SQLite file or a PostgreSQL database holding one account with N seeded
 * contacts. Building a million contacts takes minutes, so a dataset is kept (SQLite files
 * under the data directory, PostgreSQL databases named marquee_bench_<n>) and reused by later
 * runs after a check that it is intact; `--fresh` rebuilds.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { openStorage } from '../../src/storage/database.js';
import { MIGRATIONS } from '../../src/domain/index.js';
import { migrateToLatest } from '../../src/storage/migrate.js';
import { DEFAULT_RETENTION } from '../../src/housekeeping/settings.js';
import { purgeExpired, type Purged } from '../../src/housekeeping/worker.js';
import { startChild, tsEntry } from '../lib/child.js';

/** Bump when the recipe changes (seeder, random seed): older kept datasets are rebuilt. */
const RECIPE = 1;
const RANDOM_SEED = 20261123;

export type DatabaseKind = 'sqlite' | 'postgres';

export interface Dataset {
  readonly kind: DatabaseKind;
  readonly contacts: number;
  readonly url: string;
  readonly masterKey: string;
  readonly accountId: number;
  readonly key: string;
  readonly secret: string;
  /** json-server's db.json with the same contacts, when requested. */
  readonly jsonServerFile: string | null;
  readonly recipe: number;
  /** How many of the contacts carry heavy records (heavy.ts); 0 for the plain datasets. */
  readonly heavy: number;
  /** Seconds it took to seed (when built by this run), for the report. */
  readonly seedSeconds: number | null;
}

export interface DatasetOptions {
  dataDir: string;
  /** Admin URL of the PostgreSQL server (databases are created next to it). */
  postgresUrl: string;
  fresh: boolean;
  log: (line: string) => void;
}

function manifestPath(dataDir: string): string {
  return join(dataDir, 'manifest.json');
}

function readManifest(dataDir: string): Record<string, Dataset> {
  const file = manifestPath(dataDir);
  if (!existsSync(file)) return {};
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Record<string, Dataset>;
  } catch {
    return {};
  }
}

function writeManifest(dataDir: string, manifest: Record<string, Dataset>): void {
  writeFileSync(manifestPath(dataDir), `${JSON.stringify(manifest, null, 2)}\n`);
}

function pgDatabaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function withAdmin<T>(adminUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * A bulk load is followed by ANALYZE, as PostgreSQL's documentation asks: without statistics
 * (autovacuum may be off, as on the test server here) the planner guesses a few rows per
 * account, prefers bitmap scans plus a sort to ordered index scans, and a page after a
 * remembered position or a batch of related rows then reads every row after it (measured:
 * 2 ms instead of 0.1 ms per page at 100,000 contacts, 27 ms instead of 0.1 ms for a page's
 * group memberships). Kept datasets built before this was done are analysed once.
 */
async function analyseIfNever(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ analysed: boolean }>(
      `select last_analyze is not null or last_autoanalyze is not null as analysed from pg_stat_user_tables where relname = 'contacts'`,
    );
    if (rows[0]?.analysed !== true) await client.query('analyze');
  } finally {
    await client.end();
  }
}

/**
 * Drops what earlier runs left behind that a server would purge only days later (the write
 * cases' outbox rows, ~50,000 a run), so a reused dataset measures the same database each time.
 */
async function tidy(dataset: Dataset): Promise<Purged> {
  const storage = await openStorage(dataset.url);
  let purged: Purged;
  try {
    purged = await purgeExpired(storage, { ...DEFAULT_RETENTION, outboxMs: 0, deliveryLogMs: 0, batchResultsMs: 0, batchSize: 10_000 });
  } finally {
    await storage.close();
  }
  // What autovacuum does on a production server, which the test server here runs without: the
  // write cases leave some 20,000 dead contact versions a run (every update touches an indexed
  // column, so none is a HOT update), and the purge as many dead outbox rows.
  if (dataset.kind === 'postgres') await withAdmin(dataset.url, (client) => client.query('vacuum analyze').then(() => undefined));
  return purged;
}

/**
 * A kept dataset is usable when it migrates to the current schema and still holds the
 * account's N contacts and its key.
 */
async function intact(dataset: Dataset): Promise<boolean> {
  if (dataset.recipe !== RECIPE || dataset.heavy === undefined) return false;
  if (dataset.jsonServerFile !== null && !existsSync(dataset.jsonServerFile)) return false;
  if (dataset.kind === 'sqlite' && !existsSync(dataset.url.slice('sqlite:'.length))) return false;
  try {
    const storage = await openStorage(dataset.url);
    try {
      await migrateToLatest(storage, MIGRATIONS);
      const key = await storage.db.selectFrom('api_keys').select('key').where('key', '=', dataset.key).executeTakeFirst();
      const row = await storage.db
        .selectFrom('contacts')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('account_id', '=', dataset.accountId)
        .executeTakeFirst();
      const ok = key !== undefined && Number(row?.n ?? -1) === dataset.contacts;
      if (ok && dataset.kind === 'postgres') await analyseIfNever(dataset.url);
      return ok;
    } finally {
      await storage.close();
    }
  } catch {
    return false;
  }
}

export async function prepareDataset(
  kind: DatabaseKind,
  contacts: number,
  options: DatasetOptions & { jsonServer?: boolean; heavy?: number },
): Promise<Dataset> {
  const dataDir = resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const heavy = options.heavy ?? 0;
  const id = heavy > 0 ? `${kind}-${contacts}-heavy-${heavy}` : `${kind}-${contacts}`;
  const manifest = readManifest(dataDir);
  const kept = manifest[id];
  const wantJson = options.jsonServer === true;
  if (!options.fresh && kept && (!wantJson || kept.jsonServerFile !== null) && (await intact(kept))) {
    options.log(`dataset ${id}: reusing ${kept.kind === 'sqlite' ? kept.url : kept.url.replace(/\/\/[^@]*@/, '//')}`);
    const purged = await tidy(kept);
    if (purged.outbox > 0) options.log(`dataset ${id}: purged ${purged.outbox.toLocaleString('en-US')} outbox rows of earlier runs`);
    return { ...kept, seedSeconds: null };
  }

  let url: string;
  if (kind === 'sqlite') {
    const file = join(dataDir, `${id}.db`);
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
    url = `sqlite:${file}`;
  } else {
    const name = `marquee_bench_${id.slice(kind.length + 1).replace(/-/g, '_')}`;
    await withAdmin(options.postgresUrl, async (admin) => {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.query(`create database ${name}`);
    });
    url = pgDatabaseUrl(options.postgresUrl, name);
  }
  const masterKey = randomBytes(32).toString('hex');
  const jsonServerFile = wantJson ? join(dataDir, `json-server-${id}.json`) : null;
  options.log(`dataset ${id}: seeding ${contacts.toLocaleString('en-US')} contacts${heavy > 0 ? `, ${heavy.toLocaleString('en-US')} of them with heavy records` : ''}…`);
  const entry = tsEntry(join(import.meta.dirname, 'build.ts'), ['--max-old-space-size=8192']);
  const child = await startChild({
    prefix: [],
    command: entry.command,
    args: [
      ...entry.args,
      JSON.stringify({ url, contacts, masterKey, randomSeed: RANDOM_SEED, heavy, ...(jsonServerFile ? { jsonServerFile } : {}) }),
    ],
    timeoutMs: 60 * 60 * 1000,
  });
  const built = child.ready as { accountId: number; key: string; secret: string; seedSeconds: number };
  await new Promise<void>((done) => (child.process.exitCode !== null ? done() : child.process.once('exit', () => done())));
  const dataset: Dataset = {
    kind,
    contacts,
    url,
    masterKey,
    accountId: built.accountId,
    key: built.key,
    secret: built.secret,
    jsonServerFile,
    recipe: RECIPE,
    heavy,
    seedSeconds: built.seedSeconds,
  };
  if (kind === 'postgres') await withAdmin(url, (client) => client.query('analyze').then(() => undefined));
  options.log(`dataset ${id}: seeded in ${built.seedSeconds.toFixed(1)} s`);
  writeManifest(dataDir, { ...readManifest(dataDir), [id]: { ...dataset, seedSeconds: null } });
  return dataset;
}
