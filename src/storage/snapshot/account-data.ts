/**
 * What an account snapshot holds: every table with an `account_id` column (read from the
 * database's catalogue, as account-wipe.ts does, so a namespace's new tables are covered
 * without being listed), except the account's identity and the work in flight:
 *
 * - `accounts`, `api_keys`: the account and its keys stay as they are, so the key a client
 *   (or a sandbox) holds goes on working across a restore, as across a reset;
 * - `write_versions`: caches' validity counters only ever grow (write-versions.ts);
 * - `changes`, `notification_subscriptions`, `notification_deliveries`: the outbox and
 *   the subscriptions reading it by cursor. Changes already committed are announced whatever
 *   is restored later (at-least-once delivery of what happened), and a subscription's cursor
 *   only makes sense against the outbox it walks, so neither is rolled back;
 * - `batches`, `batch_jobs`: a batch the worker may be running; its results stay readable.
 *
 * `users` is snapshotted, but restored by upsert: the users the account's keys act as are
 * never removed (their keys reference them).
 */
import { sql } from 'kysely';
import { accountTables, childrenFirst } from '../account-wipe.js';
import type { Executor } from '../scope.js';
import type { DialectName } from '../url.js';
import type { CellValue, TableRows } from './codec.js';

export const NOT_SNAPSHOTTED: ReadonlySet<string> = new Set([
  'accounts',
  'api_keys',
  'write_versions',
  'changes',
  'notification_subscriptions',
  'notification_deliveries',
  'batches',
  'batch_jobs',
]);

/** The snapshotted tables, referenced tables before the tables referencing them. */
export async function snapshotTables(db: Executor, dialect: DialectName): Promise<string[]> {
  const tables = (await accountTables(db, dialect)).filter((t) => !NOT_SNAPSHOTTED.has(t.name));
  return childrenFirst(tables).reverse();
}

/** The columns of each table, as the database has them now. */
export async function columnsOf(db: Executor, dialect: DialectName, tables: readonly string[]): Promise<Map<string, Set<string>>> {
  const rows =
    dialect === 'sqlite'
      ? await sql<{ t: string; c: string }>`
          select m.name as t, c.name as c from sqlite_master m, pragma_table_info(m.name) c where m.type = 'table'`.execute(db)
      : await sql<{ t: string; c: string }>`
          select table_name as t, column_name as c from information_schema.columns where table_schema = current_schema()`.execute(db);
  const wanted = new Set(tables);
  const out = new Map<string, Set<string>>();
  for (const { t, c } of rows.rows) {
    if (!wanted.has(t)) continue;
    const set = out.get(t) ?? new Set<string>();
    set.add(c);
    out.set(t, set);
  }
  return out;
}

function cell(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'number' || typeof value === 'string' || Buffer.isBuffer(value)) return value;
  if (value instanceof Uint8Array) return Buffer.from(value);
  // Every column is an integer, float, text or bytes (storage/ddl.ts); anything else is a schema change to handle here.
  throw new Error(`unexpected column value of type ${typeof value} in a snapshot`);
}

/** The account's rows of one table, in id order where the table has ids. */
export async function readRows(db: Executor, table: string, columns: ReadonlySet<string>, accountId: number): Promise<TableRows> {
  const names = [...columns].sort();
  const order = columns.has('id') ? sql`order by id` : sql``;
  const result = await sql<Record<string, unknown>>`
    select ${sql.join(names.map((c) => sql.id(c)))} from ${sql.table(table)} where account_id = ${accountId} ${order}`.execute(db);
  return { columns: names, rows: result.rows.map((row) => names.map((c) => cell(row[c]))) };
}
