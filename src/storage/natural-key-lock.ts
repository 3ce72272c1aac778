/**
 * Serialises the writers that look a record up by a natural key and create it when it is not
 * there (addOrUpdateContact / addOrUpdateCompany with `updateIfExists`). Without it, two
 * concurrent requests for the same new identity both find nothing and both create, leaving the
 * duplicate that `updateIfExists` exists to prevent.
 *
 * PostgreSQL: a transaction-scoped advisory lock on a hash of the account and key, held until
 * the writer commits, so the second request sees the first one's row. SQLite needs nothing:
 * one process runs one transaction at a time on its connection, and the database file admits
 * one writer.
 */
import { sql } from 'kysely';
import type { Scope } from './scope.js';

export async function lockNaturalKey(scope: Scope, key: string): Promise<void> {
  if (scope.dialect !== 'postgres') return;
  if (!scope.inTransaction) throw new Error('lockNaturalKey needs a transaction: the lock lasts until it ends');
  await sql`select pg_advisory_xact_lock(hashtextextended(${`${scope.accountId}:${key}`}, 0))`.execute(scope.executor);
}
