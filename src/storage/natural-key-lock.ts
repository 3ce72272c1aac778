/**
 * Serialises the writers that look a record up by a natural key and create it when it is not
 * there (addOrUpdateContact / addOrUpdateCompany with `updateIfExists`). Without it, two
 * concurrent requests for the same new identity both find nothing and both create, leaving the
 * duplicate that `updateIfExists` exists to prevent. The lock lasts until the transaction ends
 * (dialects/: an advisory lock on PostgreSQL; nothing is needed on SQLite's one writer).
 */
import { dialectOf } from './dialects/index.js';
import type { Scope } from './scope.js';

export function lockNaturalKey(scope: Scope, key: string): Promise<void> {
  return dialectOf(scope.dialect).lockNaturalKey(scope.executor, scope.inTransaction, scope.accountId, key);
}
