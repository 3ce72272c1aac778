/**
 * Runs the jobs of one claimed batch, in order, through the same dispatch() as HTTP calls,
 * as the submitting key's account and user.
 *
 * Crash safety: a write job's completion (its response) is recorded by `beforeCommit`, inside
 * the job's own transaction, so after a crash either both the job's writes and its completion
 * exist or neither does; the batch then resumes at the first job without a completion. Read
 * jobs and failed jobs have no writes to pair with; they are recorded in a transaction of their
 * own and simply run again if the process dies first. Every completion is conditional on the
 * job still being open in the batch's current generation, so a second worker (or a restart)
 * can never make a job's writes commit twice.
 */
import { randomUUID } from 'node:crypto';
import { findApiKey } from '../auth/keys.js';
import { ApiError } from '../protocol/errors.js';
import { Codes } from '../protocol/specific-codes.js';
import { dispatch, type DispatchResult } from '../registry/dispatch.js';
import type { BatchServices } from './services.js';
import type { Executor } from '../storage/scope.js';

export interface RunnerDeps {
  services: BatchServices;
  owner: string;
  leaseMs: number;
  isStopping(): boolean;
}

/** Thrown inside a job's transaction when its completion was already recorded elsewhere. */
class AlreadyCompleted extends ApiError {
  constructor() {
    super(409, Codes.internal, 'Batch job already completed');
  }
}

interface OpenJob {
  position: number;
  namespace: string;
  action: string;
  params: string;
}

function completeJob(
  db: Executor,
  batchId: string,
  job: OpenJob,
  generation: number,
  result: { status: number; body: unknown },
  token: string,
  now: number,
) {
  return db
    .updateTable('batch_jobs')
    .set({ response: JSON.stringify(result.body), status_code: result.status, completed_at: now, completed_by: token })
    .where('batch_id', '=', batchId)
    .where('position', '=', job.position)
    .where('generation', '=', generation)
    .where('completed_at', 'is', null)
    .executeTakeFirst();
}

/** Renews the batch lease; false when the batch is no longer ours (lease lost or restarted). */
async function renewLease(deps: RunnerDeps, batchId: string, generation: number): Promise<boolean> {
  const result = await deps.services.storage.db
    .updateTable('batches')
    .set({ lease_until: Date.now() + deps.leaseMs })
    .where('id', '=', batchId)
    .where('lease_owner', '=', deps.owner)
    .where('generation', '=', generation)
    .where('status', '=', 'running')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** What HTTP would answer before dispatch for this key: nothing, or 401/463. */
async function keyRefusal(services: BatchServices, apiKey: string | null): Promise<ApiError | null> {
  if (apiKey === null) return null;
  const record = await findApiKey(services.storage.db, services.secrets, apiKey);
  if (!record) return new ApiError(401, Codes.unknownKey, 'Unknown API key');
  if (record.revoked) return new ApiError(463, Codes.keyRevoked, 'Key Revoked');
  return null;
}

async function runJob(
  deps: RunnerDeps,
  batch: { id: string; account_id: number; user_id: number | null; api_key: string | null; generation: number },
  job: OpenJob,
): Promise<void> {
  const { services } = deps;
  const token = randomUUID();
  let recordedInTransaction = false;
  let lost = false;
  let result: DispatchResult | { ok: false; status: number; body: unknown };

  const refusal = await keyRefusal(services, batch.api_key);
  if (refusal) {
    result = { ok: false, status: refusal.errorCode, body: refusal.toEnvelope() };
  } else {
    result = await dispatch(
      services,
      {
        namespace: job.namespace,
        action: job.action,
        params: JSON.parse(job.params) as unknown,
        caller: {
          accountId: batch.account_id,
          userId: batch.user_id,
          apiKey: batch.api_key,
          via: 'batch',
          requestId: `batch:${batch.id}:${job.position}`,
        },
      },
      {
        beforeCommit: async (tx, response) => {
          const done = await completeJob(tx.executor, batch.id, job, batch.generation, { status: 200, body: response }, token, Date.now());
          if (Number(done.numUpdatedRows) !== 1) {
            lost = true;
            throw new AlreadyCompleted();
          }
          recordedInTransaction = true;
        },
      },
    );
  }
  if (lost) return;
  if (result.ok && recordedInTransaction) return;
  // A read job, an error, or a write whose result failed the post-commit schema check (the
  // HTTP caller would have received that error, so the job's response is the error too).
  await services.storage.db
    .updateTable('batch_jobs')
    .set({ response: JSON.stringify(result.body), status_code: result.status, completed_at: Date.now(), completed_by: token })
    .where('batch_id', '=', batch.id)
    .where('position', '=', job.position)
    .where('generation', '=', batch.generation)
    .where((eb) => eb.or([eb('completed_at', 'is', null), eb('completed_by', '=', token)]))
    .execute();
}

/**
 * Runs the open jobs of a batch this worker has claimed; marks it completed when none is left.
 * Returns true when the batch completed.
 */
export async function runBatch(deps: RunnerDeps, batchId: string): Promise<boolean> {
  const db = deps.services.storage.db;
  const batch = await db
    .selectFrom('batches')
    .select(['id', 'account_id', 'user_id', 'api_key', 'generation', 'callback_url'])
    .where('id', '=', batchId)
    .where('lease_owner', '=', deps.owner)
    .executeTakeFirst();
  if (!batch) return false;
  const open = await db
    .selectFrom('batch_jobs')
    .select(['position', 'namespace', 'action', 'params'])
    .where('batch_id', '=', batchId)
    .where('generation', '=', batch.generation)
    .where('completed_at', 'is', null)
    .orderBy('position')
    .execute();
  // A slow job must not let the lease lapse while it runs: keep it fresh in the background.
  const heartbeat = setInterval(() => {
    renewLease(deps, batchId, batch.generation).catch(() => undefined);
  }, Math.max(100, Math.floor(deps.leaseMs / 3)));
  try {
    for (const job of open) {
      if (deps.isStopping() || !(await renewLease(deps, batchId, batch.generation))) {
        // Hand the rest over at once (to this process after a restart, or to another one).
        await db
          .updateTable('batches')
          .set({ lease_owner: null, lease_until: null })
          .where('id', '=', batchId)
          .where('lease_owner', '=', deps.owner)
          .execute();
        return false;
      }
      await runJob(deps, batch, job);
    }
  } finally {
    clearInterval(heartbeat);
  }
  const now = Date.now();
  const completed = await db
    .updateTable('batches')
    .set({
      status: 'completed',
      completed_at: now,
      lease_owner: null,
      lease_until: null,
      callback_status: batch.callback_url ? 'pending' : 'none',
      callback_next_at: batch.callback_url ? now : null,
    })
    .where('id', '=', batchId)
    .where('lease_owner', '=', deps.owner)
    .where('generation', '=', batch.generation)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('batch_jobs')
            .select('position')
            .where('batch_id', '=', batchId)
            .where('completed_at', 'is', null),
        ),
      ),
    )
    .executeTakeFirst();
  return Number(completed.numUpdatedRows) === 1;
}
