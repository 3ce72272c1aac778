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

const PG_SHARDS = 16;

/** Creates the counters, and the triggers of the given tables (used by migration 0010). */
export async function installWriteVersions(db: Kysely<unknown>, dialect: DialectName, tables: readonly string[]): Promise<void> {
  await db.schema
    .createTable('write_versions')
    .addColumn('account_id', 'integer', (c) => c.notNull())
    .addColumn('shard', 'integer', (c) => c.notNull())
    .addColumn('version', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('write_versions_pk', ['account_id', 'shard'])
    .execute();
  if (dialect === 'postgres') await createBumpFunction(db);
  for (const table of tables) await versionTable(db, dialect, table);
}

async function createBumpFunction(db: Kysely<unknown>): Promise<void> {
  // The transaction-local setting lists the accounts this transaction already bumped, so a
  // bulk write bumps each account once rather than once per row.
  await sql
    .raw(
      `CREATE FUNCTION marquee_bump_write_version() RETURNS trigger LANGUAGE plpgsql AS $$
       DECLARE
         bumped text := coalesce(current_setting('marquee.bumped_accounts', true), '');
         account integer;
       BEGIN
         FOREACH account IN ARRAY (CASE TG_OP
             WHEN 'INSERT' THEN ARRAY[NEW.account_id]
             WHEN 'DELETE' THEN ARRAY[OLD.account_id]
             ELSE ARRAY[NEW.account_id, OLD.account_id] END) LOOP
           IF position(',' || account || ',' IN bumped) = 0 THEN
             INSERT INTO write_versions (account_id, shard, version)
               VALUES (account, pg_backend_pid() % ${PG_SHARDS}, 1)
               ON CONFLICT (account_id, shard) DO UPDATE SET version = write_versions.version + 1;
             bumped := bumped || ',' || account || ',';
             PERFORM set_config('marquee.bumped_accounts', bumped, true);
           END IF;
         END LOOP;
         RETURN NULL;
       END $$`,
    )
    .execute(db);
}

/**
 * Installs the trigger(s) that move the version on every write to `table` (rows carry
 * `account_id`). A namespace's migration calls it for each table it declares versioned.
 */
export async function versionTable(db: Kysely<unknown>, dialect: DialectName, table: string): Promise<void> {
  if (!/^[a-z_]+$/.test(table)) throw new Error(`unexpected table name ${table}`);
  if (dialect === 'postgres') {
    await sql
      .raw(
        `CREATE CONSTRAINT TRIGGER ${table}_write_version AFTER INSERT OR UPDATE OR DELETE ON ${table} ` +
          `DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION marquee_bump_write_version()`,
      )
      .execute(db);
    return;
  }
  const bump = (row: 'NEW' | 'OLD') =>
    `INSERT INTO write_versions (account_id, shard, version) VALUES (${row}.account_id, 0, 1) ` +
    `ON CONFLICT (account_id, shard) DO UPDATE SET version = version + 1;`;
  await sql.raw(`CREATE TRIGGER ${table}_write_version_insert AFTER INSERT ON ${table} BEGIN ${bump('NEW')} END`).execute(db);
  await sql.raw(`CREATE TRIGGER ${table}_write_version_delete AFTER DELETE ON ${table} BEGIN ${bump('OLD')} END`).execute(db);
  // An update that moves a row to another account (never done, but possible) changes both.
  const previous =
    `INSERT INTO write_versions (account_id, shard, version) SELECT OLD.account_id, 0, 1 ` +
    `WHERE OLD.account_id <> NEW.account_id ON CONFLICT (account_id, shard) DO UPDATE SET version = version + 1;`;
  await sql
    .raw(`CREATE TRIGGER ${table}_write_version_update AFTER UPDATE ON ${table} BEGIN ${bump('NEW')} ${previous} END`)
    .execute(db);
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

/** The account's write version now. */
export async function currentWriteVersion(store: Scope): Promise<number> {
  const [row] = await versionNow(store, {});
  return Number(row?.version ?? 0);
}

/** The account's write version now, synchronously, when the database allows it (prepared.ts `now`). */
export function currentWriteVersionNow(store: Scope): number | undefined {
  const rows = versionNow.now(store, {});
  return rows === undefined ? undefined : Number(rows[0]?.version ?? 0);
}
