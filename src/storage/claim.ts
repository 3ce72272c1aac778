/**
 * Lease-based claiming of queued rows, identical on both dialects: one UPDATE whose outer
 * WHERE repeats the eligibility test. PostgreSQL re-checks that WHERE on the latest row
 * version when two workers race, so only one of them wins a row; SQLite has a single writer.
 * A worker that dies leaves its lease to expire and the row becomes claimable again.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.js';

export interface ClaimSpec {
  table: 'email_log';
  /** SQL condition (on the table's own columns) that makes a row eligible. */
  eligible: ReturnType<typeof sql<boolean>>;
  /** Oldest first. */
  orderBy: string;
  limit: number;
  leaseMs: number;
  now: number;
}

export async function claimRows(db: Kysely<Database>, spec: ClaimSpec): Promise<number[]> {
  const until = spec.now + spec.leaseMs;
  const table = sql.table(spec.table);
  const free = sql`(claimed_until is null or claimed_until < ${spec.now})`;
  const result = await sql<{ id: number }>`
    update ${table} set claimed_until = ${until}
    where id in (
      select id from ${table} where ${spec.eligible} and ${free}
      order by ${sql.ref(spec.orderBy)} limit ${spec.limit}
    )
    and ${spec.eligible} and ${free}
    returning id`.execute(db);
  return result.rows.map((r) => Number(r.id));
}
