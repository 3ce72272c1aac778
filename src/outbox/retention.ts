/**
 * Outbox retention: a change is kept until it is older than the retention AND nothing can still
 * need it — every confirmed subscription of its account and endpoint has been handed it (its
 * cursor is past the change), and no delivery of it is pending or dead-lettered (a dead letter
 * can be redelivered, and its message is rebuilt from the change). Without this the outbox grew
 * by every write forever (the benches added ~50,000 rows a run).
 */
import { sql, type SqlBool } from 'kysely';
import type { Storage } from '../storage/database.js';
import { dialectOf } from '../storage/dialects/index.js';
import { DEAD } from '../notify/tables.js';

/** Deletes up to `limit` expired changes; returns how many. */
export async function purgeOutboxSlice(storage: Storage, cutoff: number, limit: number): Promise<number> {
  const { db, dialect } = storage;
  const seq = dialectOf(dialect).outbox.seq('c');
  const expired = db
    .selectFrom('changes as c')
    .select('c.id')
    .where('c.created_at', '<', cutoff)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('notification_deliveries as d')
            .select(sql`1`.as('one'))
            .whereRef('d.change_id', '=', 'c.id')
            .where('d.status', 'in', ['pending', DEAD]),
        ),
      ),
    )
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('notification_subscriptions as s')
            .select(sql`1`.as('one'))
            .whereRef('s.account_id', '=', 'c.account_id')
            .whereRef('s.endpoint', '=', 'c.endpoint')
            .where('s.status', '=', 'confirmed')
            .where(sql<SqlBool>`(${seq} > s.cursor_seq or (${seq} = s.cursor_seq and c.id >= s.cursor_id))`),
        ),
      ),
    )
    .orderBy('c.id')
    .limit(limit);
  const result = await db.deleteFrom('changes').where('id', 'in', expired).executeTakeFirst();
  return Number(result.numDeletedRows);
}
