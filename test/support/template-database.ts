/**
 * Migrated databases for test servers, copied from a template instead of migrated one by one.
 * Migrating a fresh PostgreSQL database costs seconds (dozens of migrations, hundreds of tables
 * and indexes), and every suite of the run needs one per database kind; copying a template
 * costs a fraction of that. The template is named after the migrations' names and code, so a
 * changed or added migration makes a new one, and it is built once per machine by whichever
 * test process gets there first (the others use it when it appears).
 */
import { createHash, randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { MIGRATIONS } from '../../src/domain/index.js';
import { openStorage } from '../../src/storage/database.js';
import { migrateToLatest } from '../../src/storage/migrate.js';
import { createTestDatabase, PG_ADMIN_URL, type DatabaseKind, type TestDatabase } from './databases.js';

const migrationsKey = createHash('sha1')
  .update(MIGRATIONS.map((m) => `${m.name}\n${m.up.toString()}`).join('\n'))
  .digest('hex')
  .slice(0, 16);

async function migrate(url: string): Promise<void> {
  const storage = await openStorage(url);
  try {
    await migrateToLatest(storage, MIGRATIONS);
  } finally {
    await storage.close();
  }
}

let sqliteTemplate: Promise<string> | undefined;

/** A migrated SQLite file: the one file is the whole database. */
function sqliteTemplateFile(): Promise<string> {
  sqliteTemplate ??= (async () => {
    const dir = join(tmpdir(), 'marquee-test-templates');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `sqlite-${migrationsKey}.db`);
    if (existsSync(file)) return file;
    const building = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
    try {
      // Closing the last connection checkpoints the WAL into the file and removes it.
      await migrate(`sqlite:${building}`);
      if (existsSync(`${building}-wal`)) throw new Error(`the template ${building} kept its WAL file after closing`);
      renameSync(building, file);
    } finally {
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${building}${suffix}`, { force: true });
    }
    return file;
  })();
  return sqliteTemplate;
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const databaseUrl = (name: string): string => {
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
};

let postgresTemplate: Promise<string> | undefined;
/** Templates (and unfinished builds) of other migration sets left in place, newest first. */
const KEPT_TEMPLATES = 4;

/** A migrated PostgreSQL database no one connects to, for CREATE DATABASE … TEMPLATE. */
function postgresTemplateName(): Promise<string> {
  postgresTemplate ??= (async () => {
    const name = `marquee_tmpl_${migrationsKey}`;
    const exists = await admin(async (c) => (await c.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1);
    if (exists) return name;
    const building = `${name}_b${randomBytes(4).toString('hex')}`;
    await admin((c) => c.query(`create database ${building}`));
    await migrate(databaseUrl(building));
    await admin(async (c) => {
      try {
        await c.query(`alter database ${building} rename to ${name}`);
      } catch {
        // Another test process built it first: use theirs.
        await c.query(`drop database if exists ${building} with (force)`);
      }
      // Templates of older migrations pile up as migrations change; the newest few are kept,
      // since another checkout (a branch, a CI clone) may be running its tests on one of them.
      const older = await c.query<{ datname: string }>(
        "select datname from pg_database where datname like 'marquee\\_tmpl\\_%' and datname not like $1 order by oid desc offset $2",
        [`${name}%`, KEPT_TEMPLATES],
      );
      for (const row of older.rows) await c.query(`drop database if exists ${row.datname} with (force)`).catch(() => undefined);
    });
    return name;
  })();
  return postgresTemplate;
}

/** A fresh database with every migration applied, as a test server's storage. */
export async function createMigratedTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  const database = await createTestDatabase(kind, { empty: false });
  if (kind === 'sqlite') {
    copyFileSync(await sqliteTemplateFile(), database.url.slice('sqlite:'.length));
    return database;
  }
  const template = await postgresTemplateName();
  const name = new URL(database.url).pathname.slice(1);
  for (let attempt = 0; ; attempt++) {
    try {
      await admin((c) => c.query(`create database ${name} template ${template}`));
      // A test database never outlives a PostgreSQL crash, so commits need not wait for the WAL
      // flush (sequential suites spent ~20% of their time on it).
      await admin((c) => c.query(`alter database ${name} set synchronous_commit = off`));
      return database;
    } catch (error) {
      // The template is briefly in use while another process renames or checks it.
      if (attempt >= 20 || !/being accessed by other users/.test(String(error))) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 + attempt * 25));
    }
  }
}
