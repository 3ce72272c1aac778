/**
 * Hands new outbox rows to confirmed subscriptions: for each subscription whose endpoint has
 * changes past its cursor, one transaction queues a delivery per change (in outbox order) and
 * moves the cursor past them. The cursor update is conditional on the cursor read, so two
 * processes doing this at once cannot both queue the same change.
 */
import { randomUUID } from 'node:crypto';
import { sql, type SqlBool } from 'kysely';
import type { Storage } from '../storage/database.js';
import { dialectOf } from '../storage/dialects/index.js';

const CHUNK = 500;

class CursorMoved extends Error {}

/** Queues deliveries for every change that is due; returns how many were queued. */
export async function fanOut(storage: Storage, now: number = Date.now()): Promise<number> {
  const { db, dialect } = storage;
  const position = dialectOf(dialect).outbox;
  const horizon = await position.horizon(db);
  const seq = position.seq('c');
  const below = horizon === null ? sql<SqlBool>`1 = 1` : sql<SqlBool>`${seq} < ${horizon}`;

  const due = await db
    .selectFrom('notification_subscriptions as s')
    .select(['s.id', 's.account_id', 's.endpoint', 's.url', 's.cursor_seq', 's.cursor_id'])
    .where('s.status', '=', 'confirmed')
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('changes as c')
          .select(sql`1`.as('one'))
          .whereRef('c.account_id', '=', 's.account_id')
          .whereRef('c.endpoint', '=', 's.endpoint')
          .where(sql<SqlBool>`(${seq} > s.cursor_seq or (${seq} = s.cursor_seq and c.id >= s.cursor_id))`)
          .where(below),
      ),
    )
    .orderBy('s.id')
    .execute();

  let queued = 0;
  for (const sub of due) {
    try {
      queued += await db.transaction().execute(async (trx) => {
        const rows = await trx
          .selectFrom('changes as c')
          .select(['c.id', 'c.subject', seq.as('seq')])
          .where('c.account_id', '=', sub.account_id)
          .where('c.endpoint', '=', sub.endpoint)
          .where(sql<SqlBool>`(${seq} > ${sub.cursor_seq} or (${seq} = ${sub.cursor_seq} and c.id >= ${sub.cursor_id}))`)
          .where(below)
          .orderBy(seq)
          .orderBy('c.id')
          .limit(CHUNK)
          .execute();
        const last = rows.at(-1);
        if (!last) return 0;
        await trx
          .insertInto('notification_deliveries')
          .values(
            rows.map((row) => ({
              account_id: sub.account_id,
              subscription_id: sub.id,
              endpoint: sub.endpoint,
              url: sub.url,
              type: 'Notification' as const,
              change_id: row.id,
              subject: row.subject,
              message_id: randomUUID(),
              status: 'pending' as const,
              attempts: 0,
              next_attempt_at: now,
              created_at: now,
            })),
          )
          .execute();
        const moved = await trx
          .updateTable('notification_subscriptions')
          .set({ cursor_seq: Number(last.seq), cursor_id: last.id + 1 })
          .where('id', '=', sub.id)
          .where('status', '=', 'confirmed')
          .where('cursor_seq', '=', sub.cursor_seq)
          .where('cursor_id', '=', sub.cursor_id)
          .executeTakeFirst();
        if (Number(moved.numUpdatedRows) !== 1) throw new CursorMoved();
        return rows.length;
      });
    } catch (error) {
      // Another process queued these first (or the subscription just went away): nothing lost.
      if (!(error instanceof CursorMoved)) throw error;
    }
  }
  return queued;
}
