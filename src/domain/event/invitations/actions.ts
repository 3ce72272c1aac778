/** inviteContacts, getInvitedContactList. */
import { z } from 'zod';
import { defineAction } from '../../../registry/define-action.js';
import { defineListAction } from '../../../registry/define-list-action.js';
import { collection, array, id } from '../../../registry/params.js';
import { eventNotFound } from '../errors.js';
import { eventExists } from '../events/store.js';
import { inviteContactsResult, invitedContactResult } from './schemas.js';
import { invitationsFrom, invitedContactOf, selectInvitationRow } from './shapes.js';
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

export const getInvitedContactList = defineListAction({
  namespace: 'event',
  action: 'getInvitedContactList',
  params: { ...collection, eventId: id() },
  filters: {
    contactId: { column: 'event_invitations.contact_id', type: 'integer' },
    firstName: { column: 'contacts.first_name', type: 'string' },
    lastName: { column: 'contacts.last_name', type: 'string' },
    email: { column: 'contacts.email', type: 'string' },
    phone: { column: 'contacts.phone', type: 'string' },
    response: { column: 'event_invitations.response', type: 'string' },
    registrationId: { column: 'event_invitations.registration_id', type: 'integer' },
    modifiedDate: { column: 'event_invitations.modified_at', type: 'timestamp' },
  },
  item: invitedContactResult,
  rows: async (ctx, params) => {
    if (!(await eventExists(ctx.store, params.eventId))) throw eventNotFound();
    return {
      from: invitationsFrom(ctx.store),
      idColumn: 'event_invitations.id',
      where: (eb) => eb('event_invitations.event_id', '=', params.eventId),
      select: selectInvitationRow,
    };
  },
  items: (rows) => rows.map(invitedContactOf),
});
