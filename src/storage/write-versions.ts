/**
 * The write version of an account: a number that grows with every committed transaction that
 * wrote to one of the versioned tables in that account, maintained by triggers in the same
 * transaction as the write. Two statements that read the same version, each in its own
 * snapshot, therefore read identical versioned data. The paging cache (paging-cache.ts) and
 * the contact list item cache rely on exactly this to reuse what they computed earlier.
 *
 * The version is the sum of a few counter rows. SQLite has one writer at a time and uses one
 * row per account. On PostgreSQL each backend adds to the row of its own shard
 * (pg_backend_pid() modulo 16), once per transaction, from a trigger deferred to commit time:
 * the counter row is locked only while the transaction commits, when it waits for nothing
 * else, so concurrent writers never form a lock cycle through it.
 */
import { sql, type ExpressionBuilder, type Kysely, type RawBuilder } from 'kysely';
import { dialectOf } from './dialects/index.js';
import { freshReads } from './fresh-reads.js';
import { prepared } from './prepared.js';
import { perDatabase } from './per-database.js';
import type { Executor, Scope } from './scope.js';
import type { DialectName } from './url.js';

export interface WriteVersionsTable {
  account_id: number;
  shard: number;
  version: number;
}

declare module './schema.js' {
  interface Database {
    write_versions: WriteVersionsTable;
  }
}

/**
 * Tables whose writes move the version, with the column that identifies a row (null for link
 * tables). A cache may rely on the version only for data read from these tables.
 */
export type VersionedTables = Readonly<Record<string, { readonly key: string | null }>>;

const NONE: VersionedTables = Object.freeze({});

/**
 * Tells the caches of one database which tables are versioned: the namespaces' lists
 * (domain/index.ts), given when storage is opened. A database nobody told caches nothing.
 */
export function useVersionedTables(executor: Executor, tables: VersionedTables): void {
  perDatabase(executor, 'versioned-tables', () => ({ tables: NONE })).tables = tables;
}

export function versionedTablesOf(executor: Executor): VersionedTables {
  return perDatabase(executor, 'versioned-tables', () => ({ tables: NONE })).tables;
}

/** Creates the counters, and the triggers of the given tables (used by migration 0010). */
export async function installWriteVersions(db: Kysely<unknown>, dialect: DialectName, tables: readonly string[]): Promise<void> {
  await db.schema
    .createTable('write_versions')
    .addColumn('account_id', 'integer', (c) => c.notNull())
    .addColumn('shard', 'integer', (c) => c.notNull())
    .addColumn('version', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('write_versions_pk', ['account_id', 'shard'])
    .execute();
  await dialectOf(dialect).installVersionCounter(db);
  for (const table of tables) await versionTable(db, dialect, table);
}

/**
 * Installs the trigger(s) that move the version on every write to `table` (rows carry
 * `account_id`). A namespace's migration calls it for each table it declares versioned.
 */
export async function versionTable(db: Kysely<unknown>, dialect: DialectName, table: string): Promise<void> {
  if (!/^[a-z_]+$/.test(table)) throw new Error(`unexpected table name ${table}`);
  await dialectOf(dialect).versionTable(db, table);
}

/** The account's write version as an expression, read in the snapshot of the statement it is part of. */
export function writeVersionOf(
  eb: ExpressionBuilder<any, any>, // eslint-disable-line @typescript-eslint/no-explicit-any
  accountId: number,
): RawBuilder<number> {
  return sql<number>`(${eb
    .selectFrom('write_versions')
    .select(sql<number>`cast(coalesce(sum(write_versions.version), 0) as bigint)`.as('v'))
    .where('write_versions.account_id', '=', accountId)})`;
}

const versionNow = prepared((store) =>
  store.selectFrom('write_versions').select(sql<number>`cast(coalesce(sum(write_versions.version), 0) as bigint)`.as('version')),
);

async function readWriteVersion(store: Scope): Promise<number> {
  const [row] = await versionNow(store, {});
  return Number(row?.version ?? 0);
}

/**
 * The account's write version now. Outside a transaction, concurrent requests of one account
 * share reads (fresh-reads.ts: never one that started before the caller asked), so on
 * PostgreSQL, where every cached read starts with this round trip, an account's version is
 * read about once per round trip however many requests wait for it.
 */
export function currentWriteVersion(store: Scope): Promise<number> {
  if (store.inTransaction) return readWriteVersion(store);
  return perDatabase(store.executor, 'write-version-reads', () => freshReads<number, number>()).read(store.accountId, () => readWriteVersion(store));
}

/** The account's write version now, synchronously, when the database allows it (prepared.ts `now`). */
export function currentWriteVersionNow(store: Scope): number | undefined {
  const rows = versionNow.now(store, {});
  return rows === undefined ? undefined : Number(rows[0]?.version ?? 0);
}
