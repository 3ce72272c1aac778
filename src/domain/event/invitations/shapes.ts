/** Invitation rows (with their contact) -> getInvitedContactList's shape. */
import { formatTimestamp } from '../../../protocol/timestamp.js';
import type { Scope } from '../../../storage/scope.js';
import type { InvitationResponse } from '../codes.js';
import type { InvitedContact } from './schemas.js';

export interface InvitationRow {
  id: number;
  event_id: number;
  contact_id: number;
  response: string;
  registration_id: number | null;
  token: string;
  modified_at: number;
  first_name: string;
  last_name: string;
  email: string;
  phone: string | null;
}

/** The scoped invitations with their contact, before selection. */
export function invitationsFrom(store: Scope) {
  return store.selectFrom('event_invitations').innerJoin('contacts', 'contacts.id', 'event_invitations.contact_id');
}

export function selectInvitationRow(qb: ReturnType<typeof invitationsFrom>) {
  return qb.select([
    'event_invitations.id',
    'event_invitations.event_id',
    'event_invitations.contact_id',
    'event_invitations.response',
    'event_invitations.registration_id',
    'event_invitations.token',
    'event_invitations.modified_at',
    'contacts.first_name',
    'contacts.last_name',
    'contacts.email',
    'contacts.phone',
  ]);
}

export async function loadInvitationRows(store: Scope, ids: readonly number[]): Promise<InvitationRow[]> {
  if (ids.length === 0) return [];
  return selectInvitationRow(invitationsFrom(store)).where('event_invitations.id', 'in', [...ids]).orderBy('event_invitations.id').execute();
}

export const invitedContactOf = (row: InvitationRow): InvitedContact => ({
  eventId: row.event_id,
  contactId: row.contact_id,
  firstName: row.first_name,
  lastName: row.last_name,
  email: row.email,
  phone: row.phone,
  response: row.response as InvitationResponse,
  registrationId: row.registration_id,
  modifiedDate: formatTimestamp(Number(row.modified_at)),
});
