/**
 * Batch rows as the batch actions see them: saving a submitted batch, its progress and
 * results, and the state changes behind restart and repost. Everything is account-scoped.
 */
import { randomBytes } from 'node:crypto';
import type { Executor, Scope } from '../storage/scope.js';
import type { BatchJob } from './job-format.js';

export interface BatchResultItem {
  namespace: string;
  action: string;
  request: unknown;
  response: unknown;
}

export interface BatchResults {
  asyncId: string;
  results: BatchResultItem[];
}

export async function saveBatch(
  tx: Scope,
  input: { jobs: BatchJob[]; callbackUrl: string | null; userId: number | null; apiKey: string | null; now: number },
): Promise<string> {
  const id = randomBytes(16).toString('hex');
  await tx
    .insertInto('batches', {
      id,
      user_id: input.userId,
      api_key: input.apiKey,
      callback_url: input.callbackUrl,
      job_count: input.jobs.length,
      status: 'queued',
      generation: 1,
      created_at: input.now,
      started_at: null,
      completed_at: null,
      lease_owner: null,
      lease_until: null,
      callback_status: 'none',
      callback_attempts: 0,
      callback_next_at: null,
      callback_first_at: null,
      callback_last_error: null,
      callback_delivered_at: null,
    })
    .execute();
  await tx
    .insertInto(
      'batch_jobs',
      input.jobs.map((job, position) => ({
        batch_id: id,
        position,
        namespace: job.namespace,
        action: job.action,
        params: JSON.stringify(job.params),
        generation: 1,
        response: null,
        status_code: null,
        completed_at: null,
        completed_by: null,
      })),
    )
    .execute();
  return id;
}

export async function findBatch(store: Scope, id: string) {
  return store
    .selectFrom('batches')
    .select(['id', 'status', 'job_count', 'callback_url', 'generation'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Percentage of work done; 100 only once the batch is complete (its results are ready). */
export async function progressOf(store: Scope, id: string): Promise<number | null> {
  const batch = await findBatch(store, id);
  if (!batch) return null;
  if (batch.status === 'completed') return 100;
  const done = await store
    .selectFrom('batch_jobs')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('batch_id', '=', id)
    .where('completed_at', 'is not', null)
    .executeTakeFirst();
  return Math.min(99, Math.floor((Number(done?.n ?? 0) * 100) / batch.job_count));
}

/** The results document of a batch (also the body of its callback), unscoped. */
export async function resultsDocument(db: Executor, id: string): Promise<BatchResults> {
  const jobs = await db
    .selectFrom('batch_jobs')
    .select(['namespace', 'action', 'params', 'response'])
    .where('batch_id', '=', id)
    .orderBy('position')
    .execute();
  return {
    asyncId: id,
    results: jobs.map((job) => ({
      namespace: job.namespace,
      action: job.action,
      request: JSON.parse(job.params) as unknown,
      response: job.response === null ? null : (JSON.parse(job.response) as unknown),
    })),
  };
}

/** Queues the batch to run again from its first job, as a new generation. */
export async function restartBatch(tx: Scope, id: string): Promise<boolean> {
  const batch = await findBatch(tx, id);
  if (!batch) return false;
  const generation = batch.generation + 1;
  await tx
    .updateTable('batches')
    .set({
      status: 'queued',
      generation,
      started_at: null,
      completed_at: null,
      lease_owner: null,
      lease_until: null,
      callback_status: 'none',
      callback_attempts: 0,
      callback_next_at: null,
      callback_first_at: null,
      callback_last_error: null,
    })
    .where('id', '=', id)
    .execute();
  await tx
    .updateTable('batch_jobs')
    .set({ generation, response: null, status_code: null, completed_at: null, completed_by: null })
    .where('batch_id', '=', id)
    .execute();
  return true;
}

/** Queues the callback of a completed batch again. */
export async function repostCallback(tx: Scope, id: string, now: number): Promise<void> {
  await tx
    .updateTable('batches')
    .set({
      callback_status: 'pending',
      callback_attempts: 0,
      callback_next_at: now,
      callback_first_at: null,
      callback_last_error: null,
      // A callback in flight loses its lease, so its outcome cannot mark this repost done.
      lease_owner: null,
      lease_until: null,
    })
    .where('id', '=', id)
    .where('status', '=', 'completed')
    .execute();
}
