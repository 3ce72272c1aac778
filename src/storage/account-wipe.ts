/**
 * Empties one account in one transaction: every row of every table that carries `account_id`
 * (read from the database's own catalogue, so a namespace's new tables are covered without
 * being listed anywhere), except what the account needs to go on calling the API with the
 * same key: the account row, its API keys, its primary user and the users its keys act as.
 * `marquee reset` uses it before seeding again; anything that restores an account can.
 *
 * Caches: everything a process keeps about an account's rows (paging-cache.ts, the contact
 * item cache) is valid only at the write version it was read at (write-versions.ts). The
 * deletes move that version through the tables' triggers, and the wipe bumps it once more
 * itself, so the version after a wipe is one no cached entry was made at, even for an account
 * whose versioned tables were already empty. `write_versions` itself is never emptied: a
 * version that went back to a number already seen would let a cache serve rows that are gone.
 */
import { sql, type Kysely } from 'kysely';
import { dialectOf } from './dialects/index.js';
import type { Database } from './schema.js';
import type { Executor } from './scope.js';
import type { DialectName } from './url.js';

/** Account tables a wipe leaves alone (users are thinned, not emptied). */
const KEPT = new Set(['accounts', 'api_keys', 'write_versions', 'users']);

export interface AccountTable {
  name: string;
  /** Its foreign keys to other account tables (not to itself, not to `accounts`). */
  foreignKeys: Array<{ column: string; table: string }>;
}

/** Every table with an `account_id` column, with the foreign keys between them. */
export async function accountTables(db: Executor, dialect: DialectName): Promise<AccountTable[]> {
  const [tables, keys] =
    dialect === 'sqlite'
      ? await Promise.all([
          sql<{ name: string }>`
            select m.name as name from sqlite_master m
            where m.type = 'table' and exists (select 1 from pragma_table_info(m.name) c where c.name = 'account_id')
            order by m.name`.execute(db),
          sql<{ child: string; column: string; parent: string }>`
            select m.name as child, f."from" as "column", f."table" as parent from sqlite_master m, pragma_foreign_key_list(m.name) f
            where m.type = 'table'`.execute(db),
        ])
      : await Promise.all([
          sql<{ name: string }>`
            select c.table_name as name from information_schema.columns c
            join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
            where c.table_schema = current_schema() and c.column_name = 'account_id' and t.table_type = 'BASE TABLE'
            order by c.table_name`.execute(db),
          sql<{ child: string; column: string; parent: string }>`
            select child.relname as child, a.attname as "column", parent.relname as parent from pg_constraint k
            join pg_class child on child.oid = k.conrelid
            join pg_class parent on parent.oid = k.confrelid
            join pg_namespace n on n.oid = child.relnamespace
            join pg_attribute a on a.attrelid = k.conrelid and a.attnum = any (k.conkey)
            where k.contype = 'f' and n.nspname = current_schema()`.execute(db),
        ]);
  const names = new Set(tables.rows.map((r) => r.name));
  return [...names].map((name) => ({
    name,
    foreignKeys: keys.rows
      .filter((k) => k.child === name && k.parent !== name && names.has(k.parent))
      .map((k) => ({ column: k.column, table: k.parent })),
  }));
}

/**
 * Referencing tables before the tables they reference, so each delete finds no dependent row
 * left (no cascade or set-null work, and a restricting key would not stop the wipe).
 */
export function childrenFirst(tables: readonly AccountTable[]): string[] {
  const order: string[] = [];
  const remaining = new Map(tables.map((t) => [t.name, t]));
  while (remaining.size > 0) {
    const ready = [...remaining.values()].filter((t) =>
      [...remaining.values()].every((other) => other.name === t.name || !other.foreignKeys.some((k) => k.table === t.name)),
    );
    // A cycle of foreign keys (none today) is deleted in name order; its keys cascade.
    const next = ready.length > 0 ? ready : [[...remaining.values()].sort((a, b) => a.name.localeCompare(b.name))[0]!];
    for (const t of next) {
      order.push(t.name);
      remaining.delete(t.name);
    }
  }
  return order;
}

export interface WipeResult {
  /** Rows deleted, by table (tables with none left out). */
  deleted: Record<string, number>;
}

/**
 * Deletes the account's data in one transaction, then moves its write version past every
 * cached one. `then` runs in the same transaction after the deletes: what must be true
 * exactly when the account is empty (reset records there which seeding comes next).
 */
export async function wipeAccount(
  db: Kysely<Database>,
  dialect: DialectName,
  accountId: number,
  then?: (trx: Executor) => Promise<void>,
): Promise<WipeResult> {
  return dialectOf(dialect).transaction(db, async (trx) => {
    const tables = childrenFirst(await accountTables(trx, dialect)).filter((t) => !KEPT.has(t));
    const deleted: Record<string, number> = {};
    const count = (table: string, n: bigint | number | undefined) => {
      if (n !== undefined && Number(n) > 0) deleted[table] = Number(n);
    };
    for (const table of tables) {
      const result = await sql`delete from ${sql.table(table)} where account_id = ${accountId}`.execute(trx);
      count(table, result.numAffectedRows);
    }
    const users = await trx
      .deleteFrom('users')
      .where('account_id', '=', accountId)
      .where('is_primary', '=', 0)
      .where('id', 'not in', trx.selectFrom('api_keys').select('user_id').where('account_id', '=', accountId).where('user_id', 'is not', null).$narrowType<{ user_id: number }>())
      .executeTakeFirst();
    count('users', users.numDeletedRows);
    await then?.(trx);
    await bumpWriteVersion(trx, accountId);
    return { deleted };
  });
}

/** One more step of the account's write version (the triggers' counter row of shard 0). */
export async function bumpWriteVersion(db: Executor, accountId: number): Promise<void> {
  await db
    .insertInto('write_versions')
    .values({ account_id: accountId, shard: 0, version: 1 })
    .onConflict((oc) => oc.columns(['account_id', 'shard']).doUpdateSet({ version: sql<number>`write_versions.version + 1` }))
    .execute();
}
