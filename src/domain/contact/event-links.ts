/**
 * The events side of getContact: the contact's event invitations and registrations (with
 * their guests and invoices). This is the one place that reads them, for a whole batch of
 * contacts at a time (four queries however many contacts), so getContact and the
 * ContactAdded/ContactUpdated notifications stay in step.
 *
 * Links (invite links, tickets, invoices) are built from the server's current public URL, so
 * they follow the deployment when it moves.
 * Registrations still in progress are not listed: get-contact.md documents only Completed,
 * Cancelled and Payment Required (docs/compatibility.md, Events).
 */
import { formatOptionalTimestamp, formatTimestamp } from '../../protocol/timestamp.js';
import { prepared } from '../../storage/prepared.js';
import type { Scope } from '../../storage/scope.js';
import { InvoiceRefType, loadInvoicesForSources } from '../invoice/store.js';
import { RegistrationStatus } from '../event/codes.js';
import { fullName } from '../event/display.js';
import { ticketsUrl } from '../event/urls.js';
import { invitationLinks } from '../event/invitations/store.js';
import type { EventInvitation, EventRegistration } from './contacts/schemas.js';

export interface ContactEventLinks {
  eventInvitations: EventInvitation[];
  eventRegistrations: EventRegistration[];
}

export interface EventLinkOptions {
  /** getContact's useEventSortOrder: order both arrays by event start instead of by id. */
  byEventStart?: boolean;
}

const LISTED_STATUSES = [RegistrationStatus.completed, RegistrationStatus.cancelled, RegistrationStatus.paymentRequired];

// Both run on every getContact and twice on every contact write, mostly finding nothing:
// prepared once (storage/prepared.ts) rather than built and compiled per call.
function invitationsQuery(byEventStart: boolean) {
  return prepared((store, p: { ids: number[] }) => {
    const query = store
      .selectFrom('event_invitations')
      .innerJoin('events', 'events.id', 'event_invitations.event_id')
      .select([
        'event_invitations.id',
        'event_invitations.contact_id',
        'event_invitations.response',
        'event_invitations.token',
        'events.id as event_id',
        'events.code',
        'events.start_at',
      ])
      .where('event_invitations.contact_id', 'in', p.ids);
    return (byEventStart ? query.orderBy('events.start_at') : query).orderBy('event_invitations.id');
  });
}

function registrationsQuery(byEventStart: boolean) {
  return prepared((store, p: { ids: number[] }) => {
    const query = store
      .selectFrom('event_registrations')
      .innerJoin('events', 'events.id', 'event_registrations.event_id')
      .select([
        'event_registrations.id',
        'event_registrations.contact_id',
        'event_registrations.status',
        'event_registrations.completed_at',
        'event_registrations.ticket_token',
        'events.id as event_id',
        'events.code',
        'events.start_at',
      ])
      .where('event_registrations.contact_id', 'in', p.ids)
      .where('event_registrations.status', 'in', LISTED_STATUSES);
    return (byEventStart ? query.orderBy('events.start_at') : query).orderBy('event_registrations.id');
  });
}

const invitationsOf = { byId: invitationsQuery(false), byStart: invitationsQuery(true) };
const registrationsOf = { byId: registrationsQuery(false), byStart: registrationsQuery(true) };

type InvitationRow = Awaited<ReturnType<(typeof invitationsOf)['byId']>>[number];

function invitationItem(publicUrl: string, inv: InvitationRow): EventInvitation {
  const links = invitationLinks(publicUrl, inv);
  return {
    eventId: inv.event_id,
    eventCode: inv.code,
    eventStartDateTime: formatTimestamp(Number(inv.start_at)),
    inviteLinkYes: links.inviteLinkYes,
    inviteLinkNo: links.inviteLinkNo,
    response: inv.response as EventInvitation['response'],
  };
}

/**
 * One contact's links synchronously (inside `readNow`, storage/sqlite-direct.ts), when that
 * is possible and the contact has no listed registration; undefined otherwise, and the caller
 * uses loadContactEventLinks (registrations need their guests and invoices as well).
 */
export function contactEventLinksNow(
  store: Scope,
  contactId: number,
  publicUrl: string,
  options: EventLinkOptions = {},
): ContactEventLinks | undefined {
  const order = options.byEventStart ? 'byStart' : 'byId';
  const registrations = registrationsOf[order].now(store, { ids: [contactId] });
  if (registrations === undefined || registrations.length > 0) return undefined;
  const invitations = invitationsOf[order].now(store, { ids: [contactId] });
  if (invitations === undefined) return undefined;
  return { eventInvitations: invitations.map((inv) => invitationItem(publicUrl, inv)), eventRegistrations: [] };
}

/** The guests of a batch of registrations, in the order of the (account, registration, id) index. */
export function guestsQuery(store: Scope, registrationIds: readonly number[]) {
  return store
    .selectFrom('event_attendees')
    .select(['registration_id', 'contact_id', 'first_name', 'last_name', 'email', 'has_attended', 'attended_at'])
    .where('registration_id', 'in', registrationIds)
    .orderBy('registration_id')
    .orderBy('id');
}

export async function loadContactEventLinks(
  store: Scope,
  contactIds: readonly number[],
  publicUrl: string,
  options: EventLinkOptions = {},
): Promise<Map<number, ContactEventLinks>> {
  const out = new Map<number, ContactEventLinks>(contactIds.map((id) => [id, { eventInvitations: [], eventRegistrations: [] }]));
  if (contactIds.length === 0) return out;
  const ids = [...new Set(contactIds)];

  const order = options.byEventStart ? 'byStart' : 'byId';
  const [invitations, registrations] = await Promise.all([
    invitationsOf[order](store, { ids }),
    registrationsOf[order](store, { ids }),
  ]);
  const registrationIds = registrations.map((r) => r.id);
  const [attendees, invoices] = await Promise.all([
    registrationIds.length === 0 ? [] : guestsQuery(store, registrationIds).execute(),
    // Invoice URLs need one base URL for the batch; per-row bases differ only after a move.
    loadInvoicesForSources(store, publicUrl, InvoiceRefType.eventRegistration, registrationIds),
  ]);
  const guestsBy = new Map<number, EventRegistration['guestDetails']>();
  for (const a of attendees) {
    const list = guestsBy.get(a.registration_id) ?? [];
    list.push({
      contactId: a.contact_id,
      fullName: fullName(a.first_name, a.last_name),
      email: a.email,
      attended: a.has_attended === 1,
      attendedDateTime: formatOptionalTimestamp(a.has_attended === 1 && a.attended_at !== null ? Number(a.attended_at) : null),
    });
    guestsBy.set(a.registration_id, list);
  }

  for (const inv of invitations) out.get(inv.contact_id)?.eventInvitations.push(invitationItem(publicUrl, inv));
  for (const reg of registrations) {
    if (reg.contact_id === null) continue;
    const base = publicUrl;
    const regInvoices = invoices.get(reg.id) ?? [];
    const primary = regInvoices[0];
    const guests = guestsBy.get(reg.id) ?? [];
    out.get(reg.contact_id)?.eventRegistrations.push({
      eventId: reg.event_id,
      eventCode: reg.code,
      eventStartDateTime: formatTimestamp(Number(reg.start_at)),
      registrationId: reg.id,
      currentStatus: reg.status as EventRegistration['currentStatus'],
      confirmedDate:
        reg.status === RegistrationStatus.completed ? formatOptionalTimestamp(reg.completed_at === null ? null : Number(reg.completed_at)) : null,
      isPaymentWaiting: reg.status === RegistrationStatus.paymentRequired,
      printTicketUrl: reg.status === RegistrationStatus.cancelled ? null : ticketsUrl(base, reg.id, reg.ticket_token),
      printTicketUrlPdf: reg.status === RegistrationStatus.cancelled ? null : ticketsUrl(base, reg.id, reg.ticket_token, true),
      attendeeCount: guests.length,
      invoiceUrl: primary?.invoiceUrl ?? null,
      invoiceUrlPdf: primary?.invoiceUrlPdf ?? null,
      guestDetails: guests,
      invoices: regInvoices,
    });
  }
  return out;
}
