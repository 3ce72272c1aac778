/**
 * The events side of getContact: the contact's event invitations and registrations (with
 * their guests and invoices). This is the one place that reads them, for a whole batch of
 * contacts at a time, so getContact and the ContactAdded/ContactUpdated notifications stay in
 * step. Marquee has no event, invitation, registration or invoice tables yet, so every contact
 * has none; the events module replaces the body of this function with queries over its own
 * rows (one per relation for the whole batch), keeping the signature and the result shapes,
 * which contacts/schemas.ts already declares as documented.
 */
import type { Scope } from '../../storage/scope.js';
import type { EventInvitation, EventRegistration } from './contacts/schemas.js';

export interface ContactEventLinks {
  eventInvitations: EventInvitation[];
  eventRegistrations: EventRegistration[];
}

export interface EventLinkOptions {
  /** getContact's useEventSortOrder: order both arrays by event start instead of by id. */
  byEventStart?: boolean;
}

export async function loadContactEventLinks(
  _store: Scope,
  contactIds: readonly number[],
  _options: EventLinkOptions = {},
): Promise<Map<number, ContactEventLinks>> {
  return new Map(contactIds.map((id) => [id, { eventInvitations: [], eventRegistrations: [] }]));
}
