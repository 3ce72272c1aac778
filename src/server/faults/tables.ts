/** The fault rules table (migration 0028_faults), merged into the platform's `Database`. */
import type { Generated } from 'kysely';

export interface FaultRulesTable {
  id: Generated<number>;
  /** Null: every account. */
  target_account: number | null;
  /** Null: every key (of the account, when one is named). */
  api_key: string | null;
  namespace: string | null;
  action: string | null;
  kind: string;
  duration_ms: number | null;
  status: number | null;
  retry_after: number | null;
  every: number;
  percent: number | null;
  seed: number | null;
  times: number | null;
  note: string | null;
  created_at: number;
}

declare module '../../storage/schema.js' {
  interface Database {
    fault_rules: FaultRulesTable;
  }
}
