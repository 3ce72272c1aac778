/**
 * Real databases for tests: an SQLite file in a fresh temp dir, and a fresh database on the
 * PostgreSQL server of the machine. Every storage test runs against both.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export type DatabaseKind = 'sqlite' | 'postgres';

export const DATABASE_KINDS: readonly DatabaseKind[] = (process.env.MARQUEE_TEST_DATABASES ?? 'sqlite,postgres')
  .split(',')
  .map((s) => s.trim())
  .filter((s): s is DatabaseKind => s === 'sqlite' || s === 'postgres');

/** Admin connection used to create and drop the per-suite databases. */
export const PG_ADMIN_URL = process.env.MARQUEE_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  kind: DatabaseKind;
  url: string;
  /** A directory that is removed with the database (key files, SQLite files…). */
  dir: string;
  drop(): Promise<void>;
}

/**
 * A fresh, empty database (and its directory). With `empty: false` the PostgreSQL database is
 * only named, for the caller to create (template-database.ts copies a migrated template).
 */
export async function createTestDatabase(kind: DatabaseKind, options: { empty?: boolean } = {}): Promise<TestDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'marquee-test-'));
  if (kind === 'sqlite') {
    return {
      kind,
      url: `sqlite:${join(dir, 'marquee.db')}`,
      dir,
      async drop() {
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const name = `marquee_test_${randomBytes(6).toString('hex')}`;
  if (options.empty !== false) {
    const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
    await admin.connect();
    try {
      await admin.query(`create database ${name}`);
      // A test database never outlives a PostgreSQL crash, so commits need not wait for the WAL
      // flush (sequential suites spent ~20% of their time on it).
      await admin.query(`alter database ${name} set synchronous_commit = off`);
    } finally {
      await admin.end();
    }
  }
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    kind,
    url: url.toString(),
    dir,
    async drop() {
      const client = new pg.Client({ connectionString: PG_ADMIN_URL });
      await client.connect();
      try {
        await client.query(`drop database if exists ${name} with (force)`);
      } finally {
        await client.end();
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
