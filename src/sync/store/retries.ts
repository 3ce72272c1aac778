/**
 * Records that failed to apply (a validation error on the other side, a call that kept
 * failing). Each later run reads them again by id and retries them, so a record whose change
 * fell inside an already-committed window is not lost.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../storage/schema.js';
import type { Side } from '../types.js';
import './tables.js';

export interface RetryEntry {
  module: string;
  side: Side;
  recordId: string;
  attempts: number;
  lastError: string;
  updatedAt: number;
}

export interface RetryStore {
  add(module: string, side: Side, recordId: string, error: string, now: number): Promise<void>;
  clear(module: string, side: Side, recordIds: readonly string[]): Promise<void>;
  list(module: string, side: Side, limit: number): Promise<RetryEntry[]>;
  /** Every record of a module's side waiting for a retry, oldest first. */
  ids(module: string, side: Side): Promise<string[]>;
  /** Records waiting, of these modules only (all when absent). */
  count(modules?: readonly string[]): Promise<number>;
}

export function createRetryStore(db: Kysely<Database>, profile: string): RetryStore {
  return {
    async add(module, side, recordId, error, now) {
      const message = error.slice(0, 2000);
      await db
        .insertInto('sync_retries')
        .values({ profile, module, side, record_id: recordId, attempts: 1, last_error: message, updated_at: now })
        .onConflict((oc) =>
          oc.columns(['profile', 'module', 'side', 'record_id']).doUpdateSet((eb) => ({
            attempts: eb('sync_retries.attempts', '+', 1),
            last_error: message,
            updated_at: now,
          })),
        )
        .execute();
    },
    async clear(module, side, recordIds) {
      for (let i = 0; i < recordIds.length; i += 500) {
        await db
          .deleteFrom('sync_retries')
          .where('profile', '=', profile)
          .where('module', '=', module)
          .where('side', '=', side)
          .where('record_id', 'in', recordIds.slice(i, i + 500))
          .execute();
      }
    },
    async list(module, side, limit) {
      const rows = await db
        .selectFrom('sync_retries')
        .selectAll()
        .where('profile', '=', profile)
        .where('module', '=', module)
        .where('side', '=', side)
        .orderBy('updated_at')
        .limit(limit)
        .execute();
      return rows.map((r) => ({
        module: r.module,
        side: r.side as Side,
        recordId: r.record_id,
        attempts: r.attempts,
        lastError: r.last_error,
        updatedAt: r.updated_at,
      }));
    },
    async ids(module, side) {
      const rows = await db
        .selectFrom('sync_retries')
        .select('record_id')
        .where('profile', '=', profile)
        .where('module', '=', module)
        .where('side', '=', side)
        .orderBy('updated_at')
        .orderBy('record_id')
        .execute();
      return rows.map((r) => r.record_id);
    },
    async count(modules) {
      if (modules !== undefined && modules.length === 0) return 0;
      let query = db
        .selectFrom('sync_retries')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('profile', '=', profile);
      if (modules !== undefined) query = query.where('module', 'in', modules);
      const row = await query.executeTakeFirst();
      return Number(row?.n ?? 0);
    },
  };
}
