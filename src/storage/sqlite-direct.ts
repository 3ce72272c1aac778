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
}

const KEY = 'sqlite-direct';

/** Registers a database's connection (openStorage, for SQLite). */
export function registerDirect(executor: Executor, direct: DirectSqlite): void {
  perDatabase(executor, KEY, () => direct);
}

/** Runs `sql` now when it is safe (see above); undefined when the caller must go through Kysely. */
export function runDirect<R>(executor: Executor, inOwnTransaction: boolean, sql: string, parameters: readonly unknown[]): R[] | undefined {
  const direct = perDatabase<DirectSqlite | null>(executor, KEY, () => null);
  if (direct === null || (!inOwnTransaction && direct.native.inTransaction)) return undefined;
  const statement = direct.statements.prepare(sql) as unknown as SQLite.Statement;
  if (statement.reader) return statement.all(...(parameters as unknown[])) as R[];
  statement.run(...(parameters as unknown[]));
  return [];
}
