/**
 * Row claiming for background workers. On PostgreSQL several server processes may share one
 * database, so the rows a worker is about to lease are locked with FOR UPDATE SKIP LOCKED:
 * competing workers pass over them instead of queueing behind them. SQLite has a single
 * writer, so the claiming UPDATE is already exclusive there and the clause does not exist.
 */
import type { SelectQueryBuilder } from 'kysely';
import type { DialectName } from './url.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function skipLocked<Q extends SelectQueryBuilder<any, any, any>>(query: Q, dialect: DialectName): Q {
  return dialect === 'postgres' ? (query.forUpdate().skipLocked() as Q) : query;
}
