/**
 * The key of anything a process keeps about a tenant's rows (caches, memos). Row ids are only
 * unique per table, and validity markers such as write versions are per account, so a key
 * without the account lets one account find what was kept for another. Every cache of tenant
 * data keys its entries with this, so the account is part of the key by construction.
 */
import type { Scope } from './scope.js';

export type TenantKey = string & { readonly __tenantKey: unique symbol };

export function tenantKey(store: Pick<Scope, 'accountId'>, id: number | string): TenantKey {
  return `${store.accountId}:${id}` as TenantKey;
}

/**
 * The key of one row of a tenant as a number, for caches looked up many times per request (the
 * contact item cache, 100 lookups a page): a number is hashed by value, where a string key is
 * built and hashed afresh on every lookup (measured: a third of the cost of a warm deep page's
 * lookups). The account is part of the number: account × 2^32 + id, exact while the account id
 * is below 2^21 and the row id below 2^32. Outside that there is no key, and the caller keeps
 * nothing for that row.
 */
export type TenantRowKey = number & { readonly __tenantRowKey: unique symbol };

const ROW_SPACE = 2 ** 32;
const ACCOUNT_SPACE = 2 ** 21;

export function tenantRowKey(store: Pick<Scope, 'accountId'>, id: number): TenantRowKey | undefined {
  const account = store.accountId;
  if (!Number.isInteger(id) || id < 0 || id >= ROW_SPACE || !Number.isInteger(account) || account < 0 || account >= ACCOUNT_SPACE) return undefined;
  return (account * ROW_SPACE + id) as TenantRowKey;
}

/** The account a row key belongs to. */
export function accountOfRowKey(key: TenantRowKey): number {
  return Math.floor(key / ROW_SPACE);
}
