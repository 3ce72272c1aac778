/**
 * The callbackUrl of a completed batch receives a POST of its results document
 * (`{asyncId, results}`, the same as batch.results). A failed POST is retried with exponential
 * backoff until the retry window is used up; repost queues it again.
 */
import { postMessage } from '../notify/http-post.js';
import { retriesExhausted, retryDelay, type WorkerSettings } from '../notify/settings.js';
import type { BatchServices } from './services.js';
import { resultsDocument } from './store.js';

export interface CallbackDeps {
  services: BatchServices;
  settings: WorkerSettings;
  owner: string;
}

/** Posts the callback of a batch this worker has leased for it; returns true when delivered. */
export async function postCallback(deps: CallbackDeps, batchId: string): Promise<boolean> {
  const { services, settings, owner } = deps;
  const db = services.storage.db;
  const batch = await db
    .selectFrom('batches')
    .select(['id', 'callback_url', 'callback_attempts', 'callback_first_at', 'generation'])
    .where('id', '=', batchId)
    .where('lease_owner', '=', owner)
    .where('callback_status', '=', 'pending')
    .executeTakeFirst();
  if (!batch?.callback_url) return false;
  const startedAt = Date.now();
  const document = await resultsDocument(db, batchId);
  const outcome = await postMessage(
    batch.callback_url,
    JSON.stringify(document),
    { 'content-type': 'application/json', 'user-agent': 'Marquee Batch Callback' },
    settings.requestTimeoutMs,
  );
  const now = Date.now();
  const attempts = batch.callback_attempts + 1;
  const first = batch.callback_first_at ?? startedAt;
  const exhausted = !outcome.ok && retriesExhausted(settings, first, now);
  await db
    .updateTable('batches')
    .set({
      callback_status: outcome.ok ? 'delivered' : exhausted ? 'failed' : 'pending',
      callback_attempts: attempts,
      callback_first_at: first,
      callback_last_error: outcome.error,
      callback_next_at: outcome.ok || exhausted ? null : now + retryDelay(settings, attempts),
      callback_delivered_at: outcome.ok ? now : null,
      lease_owner: null,
      lease_until: null,
    })
    .where('id', '=', batchId)
    .where('lease_owner', '=', owner)
    .where('generation', '=', batch.generation)
    .execute();
  if (!outcome.ok) {
    services.log.warn({ asyncId: batchId, attempts, error: outcome.error }, exhausted ? 'batch callback given up' : 'batch callback failed; will retry');
  }
  return outcome.ok;
}
