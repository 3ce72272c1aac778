/** Batch results are kept for 2 days after completion (getting-started/batch/results.md). */
import type { Kysely } from 'kysely';
import type { Database } from '../storage/schema.js';

export const RESULTS_RETENTION_MS = 2 * 24 * 3600_000;

/** Deletes batches (and, by cascade, their jobs) completed more than 2 days ago. */
export async function purgeExpiredBatches(db: Kysely<Database>, now: number = Date.now()): Promise<number> {
  const result = await db
    .deleteFrom('batches')
    .where('status', '=', 'completed')
    .where('completed_at', '<', now - RESULTS_RETENTION_MS)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
