/**
 * Restoring a snapshot into the account it was taken from, in one transaction: the account's
 * snapshotted tables are emptied and refilled with the snapshot's rows under their original
 * ids (ids are never handed out twice: AUTOINCREMENT on SQLite, sequences on PostgreSQL), so
 * everything that points at a record by id (links, a client's stored ids) points at it again.
 *
 * Consistency for the rest of the process: the deletes and inserts move the account's write
 * version through the tables' triggers and the restore bumps it once more, so no cache entry
 * (paging, contact items) made before the restore is ever served after it. Keys, the outbox,
 * subscriptions and batches are not part of a snapshot (account-data.ts) and are left alone,
 * so the workers find every row they hold a lease on where they left it.
 *
 * On PostgreSQL the account tables are locked against writes (reads go on) for the length of
 * the restore: a write committed between its deletes and its inserts would otherwise survive
 * it, half in the old state. Restores are operator actions, so the pause is acceptable.
 */
import { sql, type Kysely } from 'kysely';
import { bumpWriteVersion } from '../account-wipe.js';
import { dialectOf } from '../dialects/index.js';
import type { Database } from '../schema.js';
import type { Executor } from '../scope.js';
import type { DialectName } from '../url.js';
import { columnsOf, snapshotTables } from './account-data.js';
import { decodeSnapshot, SNAPSHOT_FORMAT, type CellValue, type TableRows } from './codec.js';
import { checkSnapshotName, SnapshotError } from './errors.js';
import './tables.js';

export interface RestoreResult {
  name: string;
  accountId: number;
  takenAt: number;
  /** Rows put back, by table (tables with none left out). */
  restored: Record<string, number>;
}

/** Bound parameters per INSERT statement, well under both databases' limits. */
const MAX_PARAMETERS = 30_000;

async function insertRows(db: Executor, table: string, data: TableRows, upsert: boolean): Promise<void> {
  if (data.rows.length === 0) return;
  const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / data.columns.length));
  const columns = sql.join(data.columns.map((c) => sql.id(c)));
  const onConflict = upsert
    ? sql`on conflict (id) do update set ${sql.join(data.columns.filter((c) => c !== 'id').map((c) => sql`${sql.id(c)} = excluded.${sql.id(c)}`))}`
    : sql``;
  for (let i = 0; i < data.rows.length; i += perStatement) {
    const chunk = data.rows.slice(i, i + perStatement);
    const values = sql.join(chunk.map((row: CellValue[]) => sql`(${sql.join(row)})`));
    await sql`insert into ${sql.table(table)} (${columns}) values ${values} ${onConflict}`.execute(db);
  }
}

/** Refuses a snapshot the current schema cannot hold (a table or column since removed). */
function checkFits(tables: Record<string, TableRows>, current: Map<string, Set<string>>): void {
  for (const [table, data] of Object.entries(tables)) {
    if (data.rows.length === 0) continue;
    const have = current.get(table);
    const missing = have ? data.columns.filter((c) => !have.has(c)) : data.columns;
    if (!have || missing.length > 0) {
      throw new SnapshotError('incompatible', `The snapshot holds ${have ? `columns ${missing.join(', ')} of ` : ''}table ${table}, which this database no longer has`);
    }
  }
}

export async function restoreSnapshot(db: Kysely<Database>, dialect: DialectName, name: string): Promise<RestoreResult> {
  const found = await db
    .selectFrom('snapshots')
    .select(['source_account', 'format', 'taken_at', 'data'])
    .where('name', '=', checkSnapshotName(name))
    .executeTakeFirst();
  if (!found) throw new SnapshotError('not-found', `No snapshot named '${name}'`);
  if (found.format !== SNAPSHOT_FORMAT) {
    throw new SnapshotError('incompatible', `Snapshot '${name}' has format ${found.format}; this Marquee reads format ${SNAPSHOT_FORMAT}`);
  }
  const payload = decodeSnapshot(Buffer.from(found.data));
  const accountId = found.source_account;
  return dialectOf(dialect).transaction(db, async (trx) => {
    const tables = await snapshotTables(trx, dialect);
    if (dialect === 'postgres') {
      await sql`lock table ${sql.join(tables.map((t) => sql.table(t)))} in share row exclusive mode`.execute(trx);
    } else {
      // Rows of a table may refer to rows of the same table inserted after them; checked at commit instead.
      await sql`pragma defer_foreign_keys = on`.execute(trx);
    }
    checkFits(payload.tables, await columnsOf(trx, dialect, tables));
    for (const table of [...tables].reverse()) {
      if (table === 'users') continue;
      await sql`delete from ${sql.table(table)} where account_id = ${accountId}`.execute(trx);
    }
    // The users the account's keys act as stay (the keys reference them); the snapshot's users are upserted.
    await trx
      .deleteFrom('users')
      .where('account_id', '=', accountId)
      .where('id', 'not in', trx.selectFrom('api_keys').select('user_id').where('account_id', '=', accountId).where('user_id', 'is not', null).$narrowType<{ user_id: number }>())
      .execute();
    const restored: Record<string, number> = {};
    for (const table of tables) {
      const data = payload.tables[table];
      if (!data || data.rows.length === 0) continue;
      await insertRows(trx, table, data, table === 'users');
      restored[table] = data.rows.length;
    }
    await bumpWriteVersion(trx, accountId);
    return { name, accountId, takenAt: Number(found.taken_at), restored };
  });
}
