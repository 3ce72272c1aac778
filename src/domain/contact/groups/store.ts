/** Subscription groups and their members. */
import type { Scope } from '../../../storage/scope.js';

export async function existingGroupIds(store: Scope, ids: readonly number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await store.selectFrom('subscription_groups').select('id').where('id', 'in', [...new Set(ids)]).execute();
  return new Set(rows.map((r) => r.id));
}

export async function groupExists(store: Scope, id: number): Promise<boolean> {
  return (await existingGroupIds(store, [id])).has(id);
}

export interface GroupSummary {
  id: number;
  name: string;
  tagColour: string;
  memberCount: number;
}

export async function listGroups(store: Scope): Promise<GroupSummary[]> {
  const rows = await store
    .selectFrom('subscription_groups')
    .select((eb) => [
      'subscription_groups.id',
      'subscription_groups.name',
      'subscription_groups.tag_colour',
      eb
        .selectFrom('subscription_group_members')
        .select((m) => m.fn.countAll<number>().as('n'))
        .whereRef('subscription_group_members.group_id', '=', 'subscription_groups.id')
        .as('member_count'),
    ])
    .orderBy('subscription_groups.id')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, tagColour: r.tag_colour, memberCount: Number(r.member_count ?? 0) }));
}

/** Which of `contactIds` are members of the group. */
export async function membersAmong(store: Scope, groupId: number, contactIds: readonly number[]): Promise<Set<number>> {
  if (contactIds.length === 0) return new Set();
  const rows = await store
    .selectFrom('subscription_group_members')
    .select('contact_id')
    .where('group_id', '=', groupId)
    .where('contact_id', 'in', contactIds)
    .execute();
  return new Set(rows.map((r) => r.contact_id));
}

/** Rows per INSERT, keeping every statement within SQLite's bound-parameter limit. */
const INSERT_CHUNK = 1000;

export async function addMembers(store: Scope, groupId: number, contactIds: readonly number[], now: number): Promise<void> {
  for (let i = 0; i < contactIds.length; i += INSERT_CHUNK) {
    await store
      .insertInto(
        'subscription_group_members',
        contactIds.slice(i, i + INSERT_CHUNK).map((contactId) => ({ group_id: groupId, contact_id: contactId, joined_at: now })),
      )
      // A concurrent call may have added the same member first; the membership is what counts.
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}

export async function removeMembers(store: Scope, groupId: number, contactIds: readonly number[]): Promise<void> {
  if (contactIds.length === 0) return;
  await store
    .deleteFrom('subscription_group_members')
    .where('group_id', '=', groupId)
    .where('contact_id', 'in', contactIds)
    .execute();
}
