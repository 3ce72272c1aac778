/**
 * Storage of the account namespace: cost centers, error reports, and the user fields of
 * get-user-list.md that the foundation's `users` table does not carry (added by migration
 * 0007). Conventions are those of storage/schema.ts.
 */
import type { Generated } from 'kysely';

export interface CostCentersTable {
  id: Generated<number>;
  account_id: number;
  name: string;
  /** Unique per account, ignoring case. */
  code: string;
  description: string | null;
  /** get-cost-center-list.md, Default Type (1–7); null for cost centers the account added. */
  default_type: number | null;
  created_at: number;
  modified_at: number;
}

export interface ErrorReportsTable {
  id: Generated<number>;
  account_id: number;
  /** Hash of what makes two reports "similar" (add-error-report.md: the same id is returned). */
  fingerprint: string;
  code: string | null;
  message: string;
  level: number | null;
  /** add-error-report.md, RefType (1–4). */
  ref_type: number;
  ref_id1: number | null;
  ref_id2: number | null;
  ref_id3: number | null;
  ref_id4: number | null;
  ref_id5: number | null;
  debug_data: string | null;
  occurrences: Generated<number>;
  reported_by_user_id: number | null;
  created_at: number;
  last_reported_at: number;
}

declare module '../../storage/schema.js' {
  interface UsersTable {
    salutation: string | null;
    middle_name: string | null;
    /** get-user-list.md swaps the descriptions of phone and phoneMobile; the names are kept. */
    phone: string | null;
    phone_mobile: string | null;
    /** get-user-list.md, User Types (1–5). */
    user_type: Generated<number>;
    group_id: number | null;
    last_login_at: number | null;
  }
  interface Database {
    cost_centers: CostCentersTable;
    error_reports: ErrorReportsTable;
  }
}
