/**
 * Reading across accounts, for the one kind of caller whose rows are not its account's: a
 * partner key reads the venues every account chose to publish (the partner namespace). A
 * Scope cannot express that by design, so this is the one other way in, and it only reads:
 * the domain code confines its queries to published rows (domain/partner/marketplace.ts), then
 * reads a published row's details through a read-only Scope of the row's own account.
 */
import type { SelectQueryBuilder } from 'kysely';
import type { Database } from './schema.js';
import { createScope, type Scope, type TenantTable } from './scope.js';

export interface CrossAccountReader {
  /** Rows of every account: the caller must narrow the query to rows that are public. */
  selectFrom<T extends TenantTable>(table: T): SelectQueryBuilder<Database, T, {}>;
  /** A Scope of `accountId` whose writes throw, for the account-scoped readers of a public row. */
  scopeOf(accountId: number): Scope;
}

function refuse(): never {
  throw new Error('cross-account access is read-only');
}

function readOnlyScope(base: Scope, accountId: number): Scope {
  const scope = createScope(base.executor, accountId, base.dialect);
  return {
    accountId,
    dialect: base.dialect,
    inTransaction: false,
    executor: base.executor,
    selectFrom: (table) => scope.selectFrom(table),
    insertInto: refuse,
    updateTable: refuse,
    deleteFrom: refuse,
    withExecutor: refuse,
    transaction: refuse,
  };
}

/** Cross-account reads on the executor of a read action's `store` (never inside a transaction). */
export function crossAccountReader(store: Scope): CrossAccountReader {
  if (store.inTransaction) throw new Error('cross-account reads run outside transactions only');
  return {
    // Kysely's selectFrom is generic over aliases; a plain table name gives exactly this type.
    selectFrom: <T extends TenantTable>(table: T) => store.executor.selectFrom(table) as unknown as SelectQueryBuilder<Database, T, {}>,
    scopeOf: (accountId) => readOnlyScope(store, accountId),
  };
}
