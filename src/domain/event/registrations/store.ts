/**
 * Registrations: the one write path that creates them (the public registration pages and the
 * seeder both go through `registerForEvent`), and the status changes after that (payment
 * settled, cancelled). Each runs in the caller's transaction, raises the registration's
 * invoice through the invoice module, links the contact's invitation, and records its changes.
 */
import { applyPayment, cancelInvoice, createInvoice, InvoiceRefType, InvoiceStatus, ItemRefType } from '../../invoice/store.js';
import { invoiceUrl as publicInvoiceUrl } from '../../invoice/urls.js';
import { ACTIVE_REGISTRATION_STATUSES, EventStatus, RegistrationStatus } from '../codes.js';
import type { EventWriteContext } from '../context.js';
import { eventNotFound } from '../errors.js';
import { countPlacesTaken } from '../events/shapes.js';
import { loadAttendeeDetails } from '../attendees/shapes.js';
import { linkRegistration } from '../invitations/store.js';
import { newBarcode, newLinkSecret } from '../tokens.js';
import { ticketsUrl } from '../urls.js';
import { confirmationEmail } from './email.js';
import type { RegistrationDetail } from './schemas.js';
import { loadRegistrationDetails } from './shapes.js';

/** A registration the event cannot take; the message is shown to the person registering. */
export class RegistrationRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RegistrationRefused';
  }
}

export interface AttendeeInput {
  /** The attendee's contact, when known (guests may have none). */
  contactId?: number | null;
  firstName: string;
  lastName: string;
  email?: string | null;
  ticketId?: number | null;
  /** Sessions the attendee reserves. */
  sessionIds?: number[];
  isPublic?: boolean;
  customFields?: Array<{ name: string; value: string }>;
}

export interface PaymentOnRegistration {
  /** invoice PaymentMethod (add-payment.md). */
  method: number;
  paidAt?: number;
  receiptNum?: string | null;
}

export interface RegistrationInput {
  eventId: number;
  /** The main contact: who registers (and receives the confirmation and invoice). */
  contactId: number;
  isExhibitor?: boolean;
  attendees: AttendeeInput[];
  /** `started` leaves the registration In Progress: no invoice, no confirmation yet. */
  stage?: 'started' | 'submitted';
  /** Pays the registration's invoice in full as part of registering. */
  payment?: PaymentOnRegistration;
  /**
   * Records a registration as the organiser would (seed data of past events): skips the
   * checks that protect public registration (event open and not over, invite-only).
   */
  administrative?: boolean;
}

export interface Registered {
  registrationId: number;
  status: number;
  attendeeIds: number[];
  invoiceId: number | null;
}

/**
 * Takes the event's row lock for the rest of the transaction, so two registrations racing for
 * the last places queue up instead of both passing the capacity check (a no-op UPDATE locks
 * the row on PostgreSQL and the database on SQLite).
 */
async function lockEvent(ctx: EventWriteContext, eventId: number): Promise<boolean> {
  const result = await ctx.store
    .updateTable('events')
    .set((eb) => ({ capacity: eb.ref('capacity') }))
    .where('id', '=', eventId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function registerForEvent(ctx: EventWriteContext, input: RegistrationInput): Promise<Registered> {
  const store = ctx.store;
  if (!store.inTransaction) throw new Error('registerForEvent must run inside the caller\'s write transaction');
  if (input.attendees.length === 0) throw new RegistrationRefused('A registration needs at least one attendee.');
  if (!(await lockEvent(ctx, input.eventId))) throw eventNotFound();
  const event = await store.selectFrom('events').selectAll().where('id', '=', input.eventId).executeTakeFirstOrThrow();
  const isExhibitor = input.isExhibitor === true;

  const contactIds = [input.contactId, ...input.attendees.flatMap((a) => (a.contactId ? [a.contactId] : []))];
  const contacts = await store
    .selectFrom('contacts')
    .select(['id', 'first_name', 'last_name', 'email', 'phone', 'privacy_consent_source', 'privacy_consent_at'])
    .where('id', 'in', [...new Set(contactIds)])
    .execute();
  const contactById = new Map(contacts.map((c) => [c.id, c]));
  const main = contactById.get(input.contactId);
  if (!main) throw new RegistrationRefused('The contact registering does not exist.');
  for (const id of contactIds) if (!contactById.has(id)) throw new RegistrationRefused(`Contact ${id} does not exist.`);

  if (!input.administrative) {
    if (event.status === EventStatus.closed) throw new RegistrationRefused('Registrations for this event are closed.');
    if (Number(event.end_at) < ctx.now) throw new RegistrationRefused('This event is over.');
    if (event.is_invite_only === 1) {
      const invited = await store
        .selectFrom('event_invitations')
        .select('id')
        .where('event_id', '=', event.id)
        .where('contact_id', '=', input.contactId)
        .executeTakeFirst();
      if (!invited) throw new RegistrationRefused('This event is by invitation only.');
    }
    const duplicate = await store
      .selectFrom('event_registrations')
      .select('id')
      .where('event_id', '=', event.id)
      .where('contact_id', '=', input.contactId)
      .where('is_exhibitor', '=', isExhibitor ? 1 : 0)
      .where('status', 'in', [...ACTIVE_REGISTRATION_STATUSES])
      .executeTakeFirst();
    if (duplicate) throw new RegistrationRefused('You are already registered for this event.');
  }

  const ticketIds = [...new Set(input.attendees.flatMap((a) => (a.ticketId ? [a.ticketId] : [])))];
  const sessionIds = [...new Set(input.attendees.flatMap((a) => a.sessionIds ?? []))];
  const [tickets, sessions, sessionTickets, taken, ticketTaken, sessionTaken] = await Promise.all([
    ticketIds.length === 0
      ? []
      : store.selectFrom('event_tickets').selectAll().where('event_id', '=', event.id).where('id', 'in', ticketIds).execute(),
    sessionIds.length === 0
      ? []
      : store.selectFrom('event_sessions').selectAll().where('event_id', '=', event.id).where('id', 'in', sessionIds).execute(),
    sessionIds.length === 0
      ? []
      : store.selectFrom('event_session_tickets').select(['session_id', 'ticket_id']).where('session_id', 'in', sessionIds).execute(),
    countPlacesTaken(store, [event.id]),
    countTaken(ctx, 'ticket', ticketIds),
    countTaken(ctx, 'session', sessionIds),
  ]);
  const ticketById = new Map(tickets.map((t) => [t.id, t]));
  const sessionById = new Map(sessions.map((s) => [s.id, s]));
  const wanted = { tickets: new Map<number, number>(), sessions: new Map<number, number>() };
  for (const a of input.attendees) {
    if (a.ticketId) {
      const ticket = ticketById.get(a.ticketId);
      if (!ticket) throw new RegistrationRefused(`Ticket ${a.ticketId} is not a ticket of this event.`);
      if ((ticket.is_exhibitor === 1) !== isExhibitor) {
        throw new RegistrationRefused(`The ticket "${ticket.title}" is for ${ticket.is_exhibitor === 1 ? 'exhibitors' : 'delegates'}.`);
      }
      wanted.tickets.set(ticket.id, (wanted.tickets.get(ticket.id) ?? 0) + 1);
    }
    for (const sessionId of a.sessionIds ?? []) {
      const session = sessionById.get(sessionId);
      if (!session) throw new RegistrationRefused(`Session ${sessionId} is not a session of this event.`);
      if (session.only_for_certain_tickets === 1 && !sessionTickets.some((st) => st.session_id === sessionId && st.ticket_id === a.ticketId)) {
        throw new RegistrationRefused(`The session "${session.name}" is not available with this ticket.`);
      }
      wanted.sessions.set(sessionId, (wanted.sessions.get(sessionId) ?? 0) + 1);
    }
  }
  if (event.capacity > 0 && (taken.get(event.id) ?? 0) + input.attendees.length > event.capacity) {
    throw new RegistrationRefused('The event is full.');
  }
  for (const [ticketId, n] of wanted.tickets) {
    const ticket = ticketById.get(ticketId)!;
    if (ticket.capacity > 0 && (ticketTaken.get(ticketId) ?? 0) + n > ticket.capacity) {
      throw new RegistrationRefused(`The ticket "${ticket.title}" is sold out.`);
    }
  }
  for (const [sessionId, n] of wanted.sessions) {
    const session = sessionById.get(sessionId)!;
    if (session.max_capacity > 0 && (sessionTaken.get(sessionId) ?? 0) + n > session.max_capacity) {
      throw new RegistrationRefused(`The session "${session.name}" is full.`);
    }
  }

  const submitted = input.stage !== 'started';
  const registration = await store
    .insertInto('event_registrations', {
      event_id: event.id,
      contact_id: main.id,
      is_exhibitor: isExhibitor ? 1 : 0,
      status: RegistrationStatus.inProgress,
      first_name: main.first_name,
      last_name: main.last_name,
      email: main.email || null,
      phone: main.phone,
      privacy_consent_source: main.privacy_consent_source,
      privacy_consent_at: main.privacy_consent_at,
      ticket_token: newLinkSecret(),
      completed_at: null,
      cancelled_at: null,
      created_at: ctx.now,
      modified_at: ctx.now,
    })
    .returning(['id', 'ticket_token'])
    .executeTakeFirstOrThrow();

  const costOf = (a: AttendeeInput): number =>
    Number(a.ticketId ? ticketById.get(a.ticketId)!.amount_cents : 0) +
    (a.sessionIds ?? []).reduce((sum, id) => sum + Number(sessionById.get(id)!.cost_cents), 0);
  const attendeeIds: number[] = [];
  for (const a of input.attendees) {
    // One insert per attendee keeps ids and inputs paired on both databases.
    const consent = a.contactId ? contactById.get(a.contactId)! : null;
    const row = await store
      .insertInto('event_attendees', {
        event_id: event.id,
        registration_id: registration.id,
        contact_id: a.contactId ?? null,
        ticket_id: a.ticketId ?? null,
        first_name: a.firstName.trim(),
        last_name: a.lastName.trim(),
        email: a.email?.trim() || null,
        privacy_consent_source: consent?.privacy_consent_source ?? null,
        privacy_consent_at: consent?.privacy_consent_at ?? null,
        is_public: a.isPublic ? 1 : 0,
        barcode: newBarcode(),
        cost_cents: costOf(a),
        custom_fields: JSON.stringify(a.customFields ?? []),
        has_attended: 0,
        attended_at: null,
        created_at: ctx.now,
        modified_at: ctx.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    attendeeIds.push(row.id);
  }
  const reservations = input.attendees.flatMap((a, i) =>
    (a.sessionIds ?? []).map((sessionId) => ({
      attendee_id: attendeeIds[i]!,
      session_id: sessionId,
      is_reserved: 1,
      has_attended: 0,
      attended_at: null,
    })),
  );
  if (reservations.length > 0) await store.insertInto('event_attendee_sessions', reservations).execute();

  let status: number = RegistrationStatus.inProgress;
  let invoiceId: number | null = null;
  let invoiceUrl: string | null = null;
  if (submitted) {
    const items = input.attendees.flatMap((a, i) => {
      const who = `${a.firstName} ${a.lastName}`.trim();
      const ticket = a.ticketId ? ticketById.get(a.ticketId)! : null;
      const lines = [];
      if (ticket && Number(ticket.amount_cents) > 0) {
        lines.push({ description: `${ticket.title} – ${who}`, unitCostCents: Number(ticket.amount_cents), refId: ticket.id, ref2Id: attendeeIds[i]! });
      }
      for (const sessionId of a.sessionIds ?? []) {
        const session = sessionById.get(sessionId)!;
        if (Number(session.cost_cents) > 0) {
          lines.push({ description: `${session.name} – ${who}`, unitCostCents: Number(session.cost_cents), refType: ItemRefType.session, refId: session.id, ref2Id: attendeeIds[i]! });
        }
      }
      return lines;
    });
    if (items.length > 0) {
      const invoice = await createInvoice(ctx, {
        refType: InvoiceRefType.eventRegistration,
        refId: registration.id,
        contactId: main.id,
        eventId: event.id,
        title: `${event.title} – registration ${registration.id}`,
        description: `${isExhibitor ? 'Exhibitor' : 'Delegate'} registration for ${event.title}`,
        currency: event.currency,
        items,
        issuedAt: ctx.now,
      });
      invoiceId = invoice.id;
      if (input.payment) {
        const paid = await applyPayment(ctx, invoice.id, {
          amountCents: Math.round(invoice.totalCost * 100),
          paidAt: input.payment.paidAt ?? ctx.now,
          method: input.payment.method,
          receiptNum: input.payment.receiptNum ?? null,
        });
        status = paid.invoice.currentStatus === InvoiceStatus.paid ? RegistrationStatus.completed : RegistrationStatus.paymentRequired;
      } else {
        status = RegistrationStatus.paymentRequired;
      }
      const token = await store.selectFrom('invoices').select('token').where('id', '=', invoice.id).executeTakeFirstOrThrow();
      invoiceUrl = publicInvoiceUrl(ctx.publicUrl, token.token);
    } else {
      status = RegistrationStatus.completed;
    }
    await store
      .updateTable('event_registrations')
      .set({ status, completed_at: ctx.now })
      .where('id', '=', registration.id)
      .execute();
  }

  await linkRegistration(ctx, event.id, main.id, registration.id);
  const detail = (await loadRegistrationDetails(store, [registration.id])).get(registration.id)!;
  await ctx.recordChange('EventRegistrationAdded', { data: detail });
  const attendees = await loadAttendeeDetails(store, attendeeIds, ctx.publicUrl);
  for (const id of attendeeIds) await ctx.recordChange('EventAttendeeAdded', { data: attendees.get(id)! });

  if (submitted && ctx.sendEmail && main.email) {
    await ctx.sendEmail(
      confirmationEmail({
        event,
        registration: { id: registration.id, status, isExhibitor },
        contact: { id: main.id, firstName: main.first_name, email: main.email },
        attendees: input.attendees.map((a) => ({
          firstName: a.firstName,
          lastName: a.lastName,
          ticketTitle: a.ticketId ? ticketById.get(a.ticketId)!.title : null,
        })),
        ticketsUrl: ticketsUrl(ctx.publicUrl, registration.id, registration.ticket_token),
        invoiceUrl,
      }),
    );
  }
  return { registrationId: registration.id, status, attendeeIds, invoiceId };
}

/** Places taken per ticket or per session by attendees of registrations that hold places. */
async function countTaken(ctx: EventWriteContext, by: 'ticket' | 'session', ids: readonly number[]): Promise<Map<number, number>> {
  if (ids.length === 0) return new Map();
  const store = ctx.store;
  const rows =
    by === 'ticket'
      ? await store
          .selectFrom('event_attendees')
          .innerJoin('event_registrations', 'event_registrations.id', 'event_attendees.registration_id')
          .select((eb) => ['event_attendees.ticket_id as id', eb.fn.countAll<number>().as('n')])
          .where('event_attendees.ticket_id', 'in', [...ids])
          .where('event_registrations.status', 'in', [...ACTIVE_REGISTRATION_STATUSES])
          .groupBy('event_attendees.ticket_id')
          .execute()
      : await store
          .selectFrom('event_attendee_sessions')
          .innerJoin('event_attendees', 'event_attendees.id', 'event_attendee_sessions.attendee_id')
          .innerJoin('event_registrations', 'event_registrations.id', 'event_attendees.registration_id')
          .select((eb) => ['event_attendee_sessions.session_id as id', eb.fn.countAll<number>().as('n')])
          .where('event_attendee_sessions.session_id', 'in', [...ids])
          .where('event_registrations.status', 'in', [...ACTIVE_REGISTRATION_STATUSES])
          .groupBy('event_attendee_sessions.session_id')
          .execute();
  return new Map(rows.map((r) => [Number(r.id), Number(r.n)]));
}

/**
 * Changes a registration's status, moving its modifiedDate and its attendees' (their
 * registrationStatus changes with it), and records the updates.
 */
async function changeStatus(
  ctx: EventWriteContext,
  registrationId: number,
  set: { status: number; cancelled_at?: number; completed_at?: number },
): Promise<RegistrationDetail> {
  const store = ctx.store;
  const attendeeIds = (
    await store.selectFrom('event_attendees').select('id').where('registration_id', '=', registrationId).orderBy('id').execute()
  ).map((r) => r.id);
  const [before, attendeesBefore] = await Promise.all([
    loadRegistrationDetails(store, [registrationId]),
    loadAttendeeDetails(store, attendeeIds, ctx.publicUrl),
  ]);
  await store.updateTable('event_registrations').set({ ...set, modified_at: ctx.now }).where('id', '=', registrationId).execute();
  if (attendeeIds.length > 0) {
    await store.updateTable('event_attendees').set({ modified_at: ctx.now }).where('registration_id', '=', registrationId).execute();
  }
  const [after, attendeesAfter] = await Promise.all([
    loadRegistrationDetails(store, [registrationId]),
    loadAttendeeDetails(store, attendeeIds, ctx.publicUrl),
  ]);
  const data = after.get(registrationId)!;
  await ctx.recordChange('EventRegistrationUpdated', { data, previousData: before.get(registrationId)! });
  for (const id of attendeeIds) {
    await ctx.recordChange('EventAttendeeUpdated', { data: attendeesAfter.get(id)!, previousData: attendeesBefore.get(id)! });
  }
  return data;
}

/**
 * Cancels a registration: its places are released and its invoices that were not paid are
 * cancelled (paid ones stay, for the organiser to refund). Cancelling twice changes nothing.
 */
export async function cancelRegistration(ctx: EventWriteContext, registrationId: number): Promise<RegistrationDetail | undefined> {
  const current = await ctx.store.selectFrom('event_registrations').select(['id', 'status']).where('id', '=', registrationId).executeTakeFirst();
  if (!current) return undefined;
  if (current.status === RegistrationStatus.cancelled) return (await loadRegistrationDetails(ctx.store, [registrationId])).get(registrationId);
  const unpaid = await ctx.store
    .selectFrom('invoices')
    .select('id')
    .where('ref_type', '=', InvoiceRefType.eventRegistration)
    .where('ref_id', '=', registrationId)
    .where('status', 'in', [InvoiceStatus.notPaid, InvoiceStatus.unconfirmedPaid])
    .where('amount_paid_cents', '=', 0)
    .orderBy('id')
    .execute();
  for (const invoice of unpaid) await cancelInvoice(ctx, invoice.id);
  return changeStatus(ctx, registrationId, { status: RegistrationStatus.cancelled, cancelled_at: ctx.now });
}

/**
 * A registration waiting on payment becomes Completed once every invoice raised for it is
 * settled (paid or written off). The invoice namespace calls this after a payment on an
 * invoice whose refType is 1 (event registration); returns whether the status changed.
 */
export async function settleRegistration(ctx: EventWriteContext, registrationId: number): Promise<boolean> {
  const current = await ctx.store.selectFrom('event_registrations').select(['id', 'status']).where('id', '=', registrationId).executeTakeFirst();
  if (!current || current.status !== RegistrationStatus.paymentRequired) return false;
  const invoices = await ctx.store
    .selectFrom('invoices')
    .select('status')
    .where('ref_type', '=', InvoiceRefType.eventRegistration)
    .where('ref_id', '=', registrationId)
    .where('status', '<>', InvoiceStatus.cancelled)
    .execute();
  const settled = invoices.length > 0 && invoices.every((i) => i.status === InvoiceStatus.paid || i.status === InvoiceStatus.writtenOff);
  if (!settled) return false;
  await changeStatus(ctx, registrationId, { status: RegistrationStatus.completed });
  return true;
}
