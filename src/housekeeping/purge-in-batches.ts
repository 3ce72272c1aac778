/**
 * Deletes what a purge selects a slice at a time: each slice is one statement in its own
 * transaction, so a writer never waits behind more than one slice (SQLite has one writer; a
 * single delete of 50,000 outbox rows held it for seconds). Between slices the event loop gets a
 * turn, so the server keeps answering while a large backlog drains.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * Runs `deleteSlice(limit)` until it deletes fewer than `limit` rows or `shouldStop()` says so;
 * returns the total deleted.
 */
export async function purgeInBatches(
  deleteSlice: (limit: number) => Promise<number>,
  limit: number,
  shouldStop: () => boolean = () => false,
): Promise<number> {
  let total = 0;
  for (;;) {
    const deleted = await deleteSlice(limit);
    total += deleted;
    if (deleted < limit || shouldStop()) return total;
    await nextTurn();
  }
}
