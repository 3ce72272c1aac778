/**
 * Bulk writes into iVvy. Three or more writes go through the batch namespace (`batch.run`,
 * then `batch.results` until the job is done: two or three calls instead of one per record);
 * fewer, or an endpoint that does not offer batch (501/404/403), go call by call. Every job
 * answers on its own, so one invalid record never fails the others.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { IvvyApiError } from '../../client/index.js';
import { isErrorEnvelope } from '../../protocol/errors.js';
import type { RetryKind } from '../retry.js';
import type { IvvyApi } from './api.js';

export interface WriteJob {
  namespace: string;
  action: string;
  params: Record<string, unknown>;
  kind: RetryKind;
}

export type JobOutcome = { ok: true; body: unknown } | { ok: false; error: string };

/** The documented maximum number of jobs in one batch (24448). */
export const MAX_BATCH_JOBS = 200;
const MIN_BATCH_JOBS = 3;
/** Specific code of batch.results while the batch is still running. */
const NOT_COMPLETED = 24114;

export interface IvvyWriter {
  run(jobs: readonly WriteJob[]): Promise<JobOutcome[]>;
  /** Whether the batch namespace is in use (false after the endpoint refused it). */
  readonly batching: () => boolean;
}

export interface WriterOptions {
  useBatch: boolean;
  /** Longest wait for a batch to complete before its jobs are reported failed. */
  batchTimeoutMs?: number;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function createIvvyWriter(api: IvvyApi, options: WriterOptions): IvvyWriter {
  let batching = options.useBatch;
  const timeoutMs = options.batchTimeoutMs ?? 300_000;

  const single = async (job: WriteJob): Promise<JobOutcome> => {
    try {
      return { ok: true, body: await api.call(job.namespace, job.action, job.params, job.kind) };
    } catch (error) {
      return { ok: false, error: describe(error) };
    }
  };

  const batch = async (jobs: readonly WriteJob[]): Promise<JobOutcome[] | null> => {
    let asyncId: string;
    try {
      const started = await api.call<{ asyncId: string }>(
        'batch',
        'run',
        { jobs: jobs.map((j) => ({ namespace: j.namespace, action: j.action, params: j.params })) },
        'create',
      );
      asyncId = started.asyncId;
    } catch (error) {
      if (error instanceof IvvyApiError && [403, 404, 501].includes(error.status)) {
        batching = false;
        return null;
      }
      throw error;
    }
    const deadline = Date.now() + timeoutMs;
    // Marquee starts a batch at once (iVvy within a second or so): look early, then back off.
    for (let delay = 50; ; delay = Math.min(2000, Math.round(delay * 1.6))) {
      await sleep(delay);
      try {
        const done = await api.call<{ results: Array<{ response: unknown }> }>('batch', 'results', { async: asyncId });
        return jobs.map((_, i) => {
          const response = done.results[i]?.response;
          if (response === undefined) return { ok: false, error: `batch ${asyncId}: no result for job ${i + 1}` };
          if (isErrorEnvelope(response)) {
            return { ok: false, error: `iVvy ${jobs[i]!.namespace}.${jobs[i]!.action}: ${response.message} (${response.errorCode}/${response.specificCode})` };
          }
          return { ok: true, body: response };
        });
      } catch (error) {
        if (error instanceof IvvyApiError && error.specificCode === NOT_COMPLETED && Date.now() < deadline) continue;
        throw new Error(`batch ${asyncId}: ${describe(error)}`, { cause: error });
      }
    }
  };

  return {
    batching: () => batching,
    async run(jobs) {
      const out: JobOutcome[] = [];
      for (let i = 0; i < jobs.length; i += MAX_BATCH_JOBS) {
        const chunk = jobs.slice(i, i + MAX_BATCH_JOBS);
        let outcomes: JobOutcome[] | null = null;
        if (batching && chunk.length >= MIN_BATCH_JOBS) {
          try {
            outcomes = await batch(chunk);
          } catch (error) {
            // The batch may or may not have run: report every job failed. Creates are
            // protected by their intents (found again by externalId on the next run).
            outcomes = chunk.map(() => ({ ok: false as const, error: describe(error) }));
          }
        }
        if (outcomes === null) {
          outcomes = [];
          for (const job of chunk) outcomes.push(await single(job));
        }
        out.push(...outcomes);
      }
      return out;
    },
  };
}
