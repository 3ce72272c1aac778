/**
 * Taking a snapshot: every snapshotted table of the account (account-data.ts) read in one
 * transaction that sees one state of the database (repeatable read on PostgreSQL; SQLite's
 * transaction is that already), and stored under its name in the same transaction.
 */
import type { Kysely } from 'kysely';
import { dialectOf } from '../dialects/index.js';
import type { Database } from '../schema.js';
import type { Executor } from '../scope.js';
import type { DialectName } from '../url.js';
import { columnsOf, readRows, snapshotTables } from './account-data.js';
import { encodeSnapshot, SNAPSHOT_FORMAT, type TableRows } from './codec.js';
import { checkSnapshotName, SnapshotError } from './errors.js';
import './tables.js';

export interface SnapshotSummary {
  name: string;
  accountId: number;
  takenAt: number;
  rows: number;
  bytes: number;
}

/** A transaction whose reads all see the same committed state. */
export function consistentTransaction<R>(db: Kysely<Database>, dialect: DialectName, work: (trx: Executor) => Promise<R>): Promise<R> {
  if (dialect === 'postgres') return db.transaction().setIsolationLevel('repeatable read').execute(work);
  return dialectOf(dialect).transaction(db, work);
}

/** Saves the account's data as snapshot `name`, replacing a snapshot of that name. */
export async function takeSnapshot(
  db: Kysely<Database>,
  dialect: DialectName,
  input: { name: string; accountId: number; now?: number },
): Promise<SnapshotSummary & { replaced: boolean }> {
  const name = checkSnapshotName(input.name);
  return consistentTransaction(db, dialect, async (trx) => {
    const account = await trx.selectFrom('accounts').select('id').where('id', '=', input.accountId).executeTakeFirst();
    if (!account) throw new SnapshotError('not-found', `No account ${input.accountId}`);
    const tables = await snapshotTables(trx, dialect);
    const columns = await columnsOf(trx, dialect, tables);
    const data: Record<string, TableRows> = {};
    let rows = 0;
    for (const table of tables) {
      data[table] = await readRows(trx, table, columns.get(table) ?? new Set(), input.accountId);
      rows += data[table].rows.length;
    }
    const takenAt = input.now ?? Date.now();
    const bytes = encodeSnapshot({ accountId: input.accountId, takenAt, tables: data });
    const replaced = await trx.deleteFrom('snapshots').where('name', '=', name).executeTakeFirst();
    await trx
      .insertInto('snapshots')
      .values({ name, source_account: input.accountId, format: SNAPSHOT_FORMAT, taken_at: takenAt, row_count: rows, byte_size: bytes.length, data: bytes })
      .execute();
    return { name, accountId: input.accountId, takenAt, rows, bytes: bytes.length, replaced: Number(replaced.numDeletedRows) > 0 };
  });
}

export async function listSnapshots(db: Executor, accountId?: number): Promise<SnapshotSummary[]> {
  let query = db.selectFrom('snapshots').select(['name', 'source_account', 'taken_at', 'row_count', 'byte_size']);
  if (accountId !== undefined) query = query.where('source_account', '=', accountId);
  const rows = await query.orderBy('taken_at').orderBy('name').execute();
  return rows.map((r) => ({ name: r.name, accountId: r.source_account, takenAt: Number(r.taken_at), rows: r.row_count, bytes: r.byte_size }));
}

export async function deleteSnapshot(db: Executor, name: string): Promise<void> {
  const result = await db.deleteFrom('snapshots').where('name', '=', checkSnapshotName(name)).executeTakeFirst();
  if (Number(result.numDeletedRows) === 0) throw new SnapshotError('not-found', `No snapshot named '${name}'`);
}
