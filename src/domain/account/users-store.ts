/** Lookups of the account's users for other namespaces (owners, assignees). */
import type { Scope } from '../../storage/scope.js';

export async function existingUserIds(store: Scope, ids: readonly number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await store.selectFrom('users').select('id').where('id', 'in', [...new Set(ids)]).execute();
  return new Set(rows.map((r) => r.id));
}

export async function userExists(store: Scope, id: number): Promise<boolean> {
  return (await existingUserIds(store, [id])).has(id);
}
