/**
 * Kysely table types. Each domain declares its own tables next to its code and merges them
 * into `Database` with `declare module` (see src/domain/<ns>/tables.ts), so this file only
 * holds the tables of the platform itself.
 *
 * Storage conventions, identical on SQLite and PostgreSQL:
 * - instants are epoch milliseconds (`*_at`, bigint); calendar dates are `yyyy-mm-dd` text;
 * - booleans are 0/1 integers; JSON documents are text; money is an integer of minor units;
 * - every tenant row carries `account_id`, and tenant queries go through `Scope`.
 */
import type { Generated } from 'kysely';

export interface AccountsTable {
  id: Generated<number>;
  name: string;
  is_demo: number;
  region: string;
  created_at: number;
}

export interface UsersTable {
  id: Generated<number>;
  account_id: number;
  first_name: string;
  last_name: string;
  email: string;
  is_primary: number;
  is_active: number;
  created_at: number;
  modified_at: number;
}

export interface ApiKeysTable {
  key: string;
  account_id: number;
  user_id: number | null;
  /** AES-256-GCM box of the secret under the server's master key (see auth/secret-box.ts). */
  secret_box: string;
  label: string | null;
  /** `account`, or `partner` (the partner namespace only): auth/keys.ts. */
  kind: Generated<KeyKind>;
  created_at: number;
  revoked_at: number | null;
}

export type KeyKind = 'account' | 'partner';

/** The change outbox: one row per recorded change, committed with the data it describes. */
export interface ChangesTable {
  id: Generated<number>;
  account_id: number;
  endpoint: string;
  subject: string;
  /** JSON text of the notification body (`data`, `previousData`, …). */
  body: string;
  /** 1 when the change came through the API, 0 otherwise (notifications.md, Source Type). */
  source_type: number;
  /** JSON text, e.g. {"apiKey": "…"} for API changes; null otherwise. */
  source_info: string | null;
  created_at: number;
}

export interface Database {
  accounts: AccountsTable;
  users: UsersTable;
  api_keys: ApiKeysTable;
  changes: ChangesTable;
}
