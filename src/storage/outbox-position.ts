/**
 * Where a reader of the `changes` outbox stands, and how far it may safely read.
 *
 * A reader keeps a cursor `(seq, id)` and reads rows at or after it in `(seq, id)` order. The
 * catch is that ids are handed out when a row is inserted, not when its transaction commits:
 * - SQLite has one writer at a time, so ids are in commit order and `seq` is simply the id.
 * - On PostgreSQL a transaction holding id 10 may commit after another one that wrote id 11;
 *   a reader that advanced past 11 would never see 10. There `seq` is the id of the writing
 *   transaction (column `txid`, filled by a default), and a reader only reads rows whose
 *   transaction is older than every writer of this database still running. Rows below that
 *   horizon are final: no later commit can add one, so the cursor never skips.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Executor } from './scope.js';
import type { DialectName } from './url.js';

export interface OutboxPosition {
  /** The ordering column of `changes` (qualified with the given alias). */
  seq(alias: string): RawBuilder<number>;
  /** Rows with `seq` below this are final; null when every visible row is (SQLite). */
  horizon(db: Executor): Promise<number | null>;
  /** The cursor of a reader that wants only changes committed from now on. */
  start(db: Executor): Promise<{ seq: number; id: number }>;
}

const sqlite: OutboxPosition = {
  seq: (alias) => sql<number>`${sql.ref(`${alias}.id`)}`,
  horizon: async () => null,
  async start(db) {
    const row = await sql<{ next: number | null }>`select max(id) + 1 as next from changes`.execute(db);
    return { seq: Number(row.rows[0]?.next ?? 1), id: 0 };
  },
};

const XID_SPAN = 2 ** 32;

const postgres: OutboxPosition = {
  seq: (alias) => sql<number>`${sql.ref(`${alias}.txid`)}`,
  async horizon(db) {
    // The snapshot's own xmin would do, but it counts writers in every database of the
    // cluster: one long transaction elsewhere would stall delivery here. So the horizon is
    // the oldest writer connected to this database, or the next transaction id when there is
    // none. The xmax is read first; a writer that starts after it gets a larger id anyway.
    const { rows } = await sql<{ xmax: string; running: string[] | null }>`
      select pg_snapshot_xmax(pg_current_snapshot())::text as xmax,
        (select array_agg(backend_xid::text) from pg_stat_activity
          where datname = current_database() and backend_xid is not null) as running`.execute(db);
    const xmax = Number(rows[0]?.xmax);
    let horizon = xmax;
    const epochBase = xmax - (xmax % XID_SPAN);
    for (const text of rows[0]?.running ?? []) {
      // pg_stat_activity shows 32-bit xids; put each in the epoch that makes it nearest xmax.
      let full = epochBase + Number(text);
      if (full - xmax > XID_SPAN / 2) full -= XID_SPAN;
      if (full < horizon) horizon = full;
    }
    return horizon;
  },
  async start(db) {
    return { seq: (await postgres.horizon(db)) ?? 0, id: 0 };
  },
};

export function outboxPosition(dialect: DialectName): OutboxPosition {
  return dialect === 'postgres' ? postgres : sqlite;
}

/** The column added to `changes` on PostgreSQL (see the migration 0003_batch_notify). */
export const PG_TXID_DEFAULT = sql`(pg_current_xact_id()::text::bigint)`;
