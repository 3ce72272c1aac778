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
