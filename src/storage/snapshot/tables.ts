/** The `snapshots` table (migration 0027). */
import type { Generated } from 'kysely';

export interface SnapshotsTable {
  id: Generated<number>;
  name: string;
  source_account: number;
  format: number;
  taken_at: number;
  row_count: number;
  byte_size: number;
  data: Buffer;
}

declare module '../schema.js' {
  interface Database {
    snapshots: SnapshotsTable;
  }
}
