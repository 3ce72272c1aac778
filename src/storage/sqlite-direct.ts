/**
 * Running an SQLite statement without Kysely's connection machinery. better-sqlite3 is
 * synchronous, so Kysely's per-query promise chain and connection mutex only matter while a
 * transaction holds the one connection across awaits. Prepared queries (prepared.ts) run
 * directly when that cannot be the case: inside their own transaction, or when no transaction
 * is open on the connection at all. The statement and its results are exactly what Kysely's
 * SQLite driver would have used.
 */
import type SQLite from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';
import { perDatabase } from './per-database.js';
import type { Executor } from './scope.js';

export interface DirectSqlite {
  readonly native: SQLite.Database;
  /** The same statement cache Kysely's driver prepares from. */
  readonly statements: SqliteDatabase;
  /** Set while `readNow` holds its read transaction (see there). */
  reading?: boolean;
}

const KEY = 'sqlite-direct';

/** Registers a database's connection (openStorage, for SQLite). */
export function registerDirect(executor: Executor, direct: DirectSqlite): void {
  perDatabase(executor, KEY, () => direct);
}

/** Runs `sql` now when it is safe (see above); undefined when the caller must go through Kysely. */
export function runDirect<R>(executor: Executor, inOwnTransaction: boolean, sql: string, parameters: readonly unknown[]): R[] | undefined {
  const direct = perDatabase<DirectSqlite | null>(executor, KEY, () => null);
  if (direct === null || (!inOwnTransaction && direct.native.inTransaction && direct.reading !== true)) return undefined;
  const statement = direct.statements.prepare(sql) as unknown as SQLite.Statement;
  if (statement.reader) return statement.all(...(parameters as unknown[])) as R[];
  statement.run(...(parameters as unknown[]));
  return [];
}

/**
 * Runs `read` (synchronous, reads only) inside one read transaction when the connection is
 * free, and returns what it returns; undefined when that is not possible (not SQLite, or a
 * transaction is open), and the caller takes its usual path. In WAL mode every statement
 * outside a transaction takes and releases a read lock and checks the file (three system
 * calls); a request's few reads in one transaction pay that once, and see one snapshot.
 * Nothing else can run on the connection meanwhile: `read` never yields.
 */
export function readNow<T>(executor: Executor, read: () => T | undefined): T | undefined {
  const direct = perDatabase<DirectSqlite | null>(executor, KEY, () => null);
  if (direct === null || direct.native.inTransaction) return undefined;
  const begin = direct.statements.prepare('begin') as unknown as SQLite.Statement;
  const commit = direct.statements.prepare('commit') as unknown as SQLite.Statement;
  begin.run();
  direct.reading = true;
  try {
    return read();
  } finally {
    direct.reading = false;
    commit.run();
  }
}
