/**
 * Subscription groups (get-subscription-group-list.md, add-contacts-to-subscription-group.md,
 * remove-contacts-from-subscription-group.md). Joining or leaving a group is a change of the
 * contact: it moves the contact's modifiedDate and records ContactUpdated.
 */
import { z } from 'zod';
import type { ActionContext } from '../../../registry/context.js';
import { defineAction } from '../../../registry/define-action.js';
import { array, id } from '../../../registry/params.js';
import { trackContactChanges } from '../contacts/changes.js';
import { existingContactIds } from '../contacts/store.js';
import { invalid } from '../errors.js';
import { addMembers, groupExists, listGroups, membersAmong, removeMembers } from './store.js';

const groupResult = z.strictObject({
  id: z.number().int(),
  groupName: z.string(),
  memberCount: z.number().int().min(0),
  tagColour: z.string(),
});

export const getSubscriptionGroupList = defineAction({
  namespace: 'contact',
  action: 'getSubscriptionGroupList',
  kind: 'read',
  params: z.object({}),
  result: z.array(groupResult),
  async handler(ctx) {
    return (await listGroups(ctx.store)).map((g) => ({
      id: g.id,
      groupName: g.name,
      memberCount: g.memberCount,
      tagColour: g.tagColour,
    }));
  },
});

/** Bounded so one call stays one set of queries within both databases' parameter limits. */
const MAX_CONTACTS_PER_CALL = 10_000;

const membershipParams = z.object({
  contacts: array(id(), MAX_CONTACTS_PER_CALL),
  group: id(),
});

const membershipResult = z.array(z.strictObject({ contactId: z.number().int(), status: z.boolean() }));

/**
 * One result per requested contact, in request order: `status` says whether the contact is,
 * after the call, in (or out of) the group; false for ids that are not contacts of the account.
 */
async function changeMembership(
  ctx: ActionContext,
  params: z.output<typeof membershipParams>,
  direction: 'add' | 'remove',
) {
  if (!(await groupExists(ctx.store, params.group))) {
    throw invalid('group', `The subscription group ${params.group} does not exist`);
  }
  const requested = [...new Set(params.contacts)];
  const existing = await existingContactIds(ctx.store, requested);
  const contacts = requested.filter((c) => existing.has(c));
  const members = await membersAmong(ctx.store, params.group, contacts);
  const affected = contacts.filter((c) => (direction === 'add' ? !members.has(c) : members.has(c)));
  await trackContactChanges(ctx, affected, () =>
    direction === 'add'
      ? addMembers(ctx.store, params.group, affected, ctx.now)
      : removeMembers(ctx.store, params.group, affected),
  );
  return params.contacts.map((contactId) => ({ contactId, status: existing.has(contactId) }));
}

export const addContactsToSubscriptionGroup = defineAction({
  namespace: 'contact',
  action: 'addContactsToSubscriptionGroup',
  kind: 'write',
  params: membershipParams,
  result: membershipResult,
  handler: (ctx, params) => changeMembership(ctx, params, 'add'),
});

export const removeContactsFromSubscriptionGroup = defineAction({
  namespace: 'contact',
  action: 'removeContactsFromSubscriptionGroup',
  kind: 'write',
  params: membershipParams,
  result: membershipResult,
  handler: (ctx, params) => changeMembership(ctx, params, 'remove'),
});
