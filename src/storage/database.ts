/**
 * Opens the database named by a URL: better-sqlite3 (WAL) for `sqlite:` URLs, a pg pool for
 * `postgres://`. Everything above this module sees the same `Kysely<Database>`.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql, type SqliteDatabase, type SqliteStatement } from 'kysely';
import pg from 'pg';
import { prepareRepeatedStatements } from './pg-prepared.js';
import { startCheckpointer } from './checkpointer.js';
import { registerDirect } from './sqlite-direct.js';
import type { Database } from './schema.js';
import { parseDatabaseUrl, type DialectName } from './url.js';
import { useVersionedTables, type VersionedTables } from './write-versions.js';

export interface Storage {
  readonly db: Kysely<Database>;
  readonly dialect: DialectName;
  /** For SQLite, the file path (or `:memory:`); for PostgreSQL, the connection string. */
  readonly location: string;
  ping(): Promise<void>;
  close(): Promise<void>;
}

const INT8_OID = 20;

/** Parses PostgreSQL bigint as a JS number: ids, counts and epoch-ms instants all fit in 2^53. */
const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8_OID) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format);
  },
};

/**
 * Kysely prepares a fresh better-sqlite3 statement for every query, and preparing costs more
 * than running a typical indexed lookup. Queries built by Kysely have a small set of distinct
 * SQL texts, so their statements are kept and reused (bounded, oldest evicted first).
 */
export function withStatementCache(native: SQLite.Database, limit = 1000): SqliteDatabase {
  const cache = new Map<string, SqliteStatement>();
  return {
    close: () => native.close(),
    prepare(text: string): SqliteStatement {
      let statement = cache.get(text);
      if (statement === undefined) {
        statement = native.prepare(text) as unknown as SqliteStatement;
        if (cache.size >= limit) cache.delete(cache.keys().next().value as string);
        cache.set(text, statement);
      }
      return statement;
    },
  };
}

export interface OpenOptions {
  /** Maximum pool size for PostgreSQL. */
  poolSize?: number;
  /** Tables whose writes move the account write version; caches trust nothing else. */
  versionedTables?: VersionedTables;
  /** PostgreSQL: name repeated statements (pg-prepared.ts); default on. */
  pgPrepare?: boolean;
}

export async function openStorage(url: string, options: OpenOptions = {}): Promise<Storage> {
  const target = parseDatabaseUrl(url);
  if (target.dialect === 'sqlite') {
    if (!target.memory) mkdirSync(dirname(target.file), { recursive: true });
    const native = new SQLite(target.file);
    native.pragma('journal_mode = WAL');
    native.pragma('synchronous = NORMAL');
    native.pragma('foreign_keys = ON');
    native.pragma('busy_timeout = 5000');
    // 32 MiB of page cache rather than SQLite's 2 MiB: related rows of a page of contacts are
    // spread over many pages, and every page not cached is a read from the OS (a few µs from
    // its page cache). Not more: it is most of what a server holds after paging through a
    // large collection, and issue 21 bounds the resident set at 250 MB (docs/performance.md).
    native.pragma('cache_size = -32768');
    // Checkpoints run on their own thread (checkpointer.ts); the WAL file is trimmed back when reset.
    const checkpointer = target.memory ? null : startCheckpointer(target.file);
    if (checkpointer) {
      native.pragma('wal_autocheckpoint = 0');
      native.pragma(`journal_size_limit = ${64 * 1024 * 1024}`);
    }
    const statements = withStatementCache(native);
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: statements }) });
    registerDirect(db, { native, statements });
    useVersionedTables(db, options.versionedTables ?? {});
    return {
      db,
      dialect: 'sqlite',
      location: target.file,
      async ping() {
        await sql`select 1`.execute(db);
      },
      async close() {
        await checkpointer?.stop();
        await db.destroy();
      },
    };
  }
  const pool = new pg.Pool({
    connectionString: target.connectionString,
    max: options.poolSize ?? 10,
    types: pgTypes,
  });
  // A pool error on an idle client (server restart) must not crash the process; the next
  // checkout reconnects.
  pool.on('error', () => undefined);
  if (options.pgPrepare ?? true) prepareRepeatedStatements(pool);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  useVersionedTables(db, options.versionedTables ?? {});
  return {
    db,
    dialect: 'postgres',
    location: target.connectionString,
    async ping() {
      await sql`select 1`.execute(db);
    },
    async close() {
      await db.destroy();
    },
  };
}
