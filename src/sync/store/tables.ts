/** Kysely types of the sync engine's tables (migrations 0009_sync, 0020_sync_refusals). */
import type { Generated } from 'kysely';

export interface SyncLinksTable {
  id: Generated<number>;
  profile: string;
  module: string;
  ivvy_id: string | null;
  crm_id: string | null;
  /** `active`, `pending` (a create in flight), `deleted-ivvy` or `deleted-crm`. */
  status: string;
  ivvy_fp: string | null;
  crm_fp: string | null;
  /** Fingerprint of an update in flight to that side (see engine/apply.ts). */
  ivvy_pending_fp: string | null;
  crm_pending_fp: string | null;
  /** JSON of the canonical fields as the iVvy side last held them, to our knowledge. */
  ivvy_state: string | null;
  crm_state: string | null;
  ivvy_modified_at: number | null;
  crm_modified_at: number | null;
  created_at: number;
  updated_at: number;
}

export interface SyncCursorsTable {
  profile: string;
  module: string;
  /** `ivvy` or `crm`: whose changes this cursor walks. */
  side: string;
  watermark_at: number | null;
  window_from_at: number | null;
  window_until_at: number | null;
  resume: string | null;
  reconciled_at: number | null;
  updated_at: number;
}

export interface SyncRunsTable {
  id: Generated<number>;
  profile: string;
  /** `running`, `succeeded`, `partial` (some records failed), `failed` (the run stopped) or `interrupted` (its process died). */
  status: string;
  /** `cli`, `watch`, `webhook`. */
  trigger: string;
  dry_run: number;
  modules: string;
  counts: string;
  errors: string;
  error_count: number;
  /** `host:pid` of the process running it, to tell a crashed run from a live one. */
  holder: string;
  started_at: number;
  heartbeat_at: number;
  finished_at: number | null;
}

export interface SyncConflictsTable {
  id: Generated<number>;
  profile: string;
  module: string;
  run_id: number | null;
  ivvy_id: string | null;
  crm_id: string | null;
  winner: string;
  fields: string;
  ivvy_values: string;
  crm_values: string;
  ivvy_modified_at: number | null;
  crm_modified_at: number | null;
  created_at: number;
}

export interface SyncRetriesTable {
  profile: string;
  module: string;
  side: string;
  record_id: string;
  attempts: number;
  last_error: string;
  updated_at: number;
}

export interface SyncRefusalsTable {
  profile: string;
  module: string;
  /** `toCrm` or `toIvvy`: the system that refused. */
  direction: string;
  /** The source record (the iVvy id when writing into the CRM). */
  record_id: string;
  target_id: string | null;
  field: string;
  /** JSON of the refused canonical value. */
  value: string | null;
  value_hash: string;
  message: string;
  run_id: number | null;
  attempts: number;
  created_at: number;
  updated_at: number;
}

declare module '../../storage/schema.js' {
  interface Database {
    sync_links: SyncLinksTable;
    sync_cursors: SyncCursorsTable;
    sync_runs: SyncRunsTable;
    sync_conflicts: SyncConflictsTable;
    sync_retries: SyncRetriesTable;
    sync_refusals: SyncRefusalsTable;
  }
}
