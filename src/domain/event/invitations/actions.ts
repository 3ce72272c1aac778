/** inviteContacts, getInvitedContactList. */
import type { SelectQueryBuilder } from 'kysely';
import { z } from 'zod';
import { defineAction } from '../../../registry/define-action.js';
import { array, collection, id } from '../../../registry/params.js';
import { fetchPage, type FilterSpec } from '../../../storage/collection.js';
import type { Database } from '../../../storage/schema.js';
import { eventNotFound } from '../errors.js';
import { eventExists } from '../events/store.js';
import { inviteContactsResult, invitedContactListResult } from './schemas.js';
import { invitationsFrom, invitedContactOf, selectInvitationRow, type InvitationRow } from './shapes.js';
import { inviteContacts as invite } from './store.js';

/** At most this many contacts per call; larger lists are refused with 23016 rather than truncated. */
const MAX_INVITES = 1000;

export const inviteContacts = defineAction({
  namespace: 'event',
  action: 'inviteContacts',
  kind: 'write',
  params: z.object({ event: id(), contacts: array(id(), MAX_INVITES) }),
  result: inviteContactsResult,
  async handler(ctx, params) {
    return { results: await invite(ctx, params.event, params.contacts) };
  },
});

const INVITED_FILTERS: FilterSpec = {
  contactId: { column: 'event_invitations.contact_id', type: 'integer' },
  firstName: { column: 'contacts.first_name', type: 'string' },
  lastName: { column: 'contacts.last_name', type: 'string' },
  email: { column: 'contacts.email', type: 'string' },
  phone: { column: 'contacts.phone', type: 'string' },
  response: { column: 'event_invitations.response', type: 'string' },
  registrationId: { column: 'event_invitations.registration_id', type: 'integer' },
  modifiedDate: { column: 'event_invitations.modified_at', type: 'timestamp' },
};

export const getInvitedContactList = defineAction({
  namespace: 'event',
  action: 'getInvitedContactList',
  kind: 'read',
  params: z.object({ ...collection, eventId: id() }),
  result: invitedContactListResult,
  async handler(ctx, params) {
    if (!(await eventExists(ctx.store, params.eventId))) throw eventNotFound();
    const page = await fetchPage<InvitationRow>({
      dialect: ctx.store.dialect,
      from: invitationsFrom(ctx.store),
      filters: INVITED_FILTERS,
      params,
      idColumn: 'event_invitations.id',
      where: (eb) => eb('event_invitations.event_id', '=', params.eventId),
      select: (qb) => selectInvitationRow(qb as SelectQueryBuilder<Database, 'event_invitations' | 'contacts', {}>),
    });
    return { meta: page.meta, results: page.rows.map(invitedContactOf) };
  },
});
