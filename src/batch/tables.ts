/** Batch requests (getting-started/batch/*): one row per batch, one per job. */

export type BatchStatus = 'queued' | 'running' | 'completed';
export type CallbackStatus = 'none' | 'pending' | 'delivered' | 'failed';

export interface BatchesTable {
  /** The asyncId handed to the client: 32 hex characters. */
  id: string;
  account_id: number;
  /** The submitter: jobs run as this user and key, like the HTTP call would have. */
  user_id: number | null;
  api_key: string | null;
  callback_url: string | null;
  job_count: number;
  status: BatchStatus;
  /** Bumped by restart; job completions of an older generation no longer count. */
  generation: number;
  created_at: number;
  started_at: number | null;
  completed_at: number | null;
  /** Lease of the worker running the batch or posting its callback. */
  lease_owner: string | null;
  lease_until: number | null;
  callback_status: CallbackStatus;
  callback_attempts: number;
  callback_next_at: number | null;
  callback_first_at: number | null;
  callback_last_error: string | null;
  callback_delivered_at: number | null;
}

export interface BatchJobsTable {
  batch_id: string;
  position: number;
  account_id: number;
  namespace: string;
  action: string;
  /** JSON text of the job's params, as submitted. */
  params: string;
  generation: number;
  /** JSON text of what the call answered (result or error envelope); null until it ran. */
  response: string | null;
  /** HTTP status the same call would have had. */
  status_code: number | null;
  completed_at: number | null;
  /** Token of the attempt that recorded the completion. */
  completed_by: string | null;
}

declare module '../storage/schema.js' {
  interface Database {
    batches: BatchesTable;
    batch_jobs: BatchJobsTable;
  }
}

