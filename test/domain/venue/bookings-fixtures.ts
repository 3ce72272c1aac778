/**
 * Arranging bookings for the bookings suites: a venue, an event type, the account's built-in
 * opportunity stages (Won, Lost, Cancelled, Regretted, each with reasons) and an open stage,
 * a contact, and bookings added through the API as a client would.
 */
import { randomBytes } from 'node:crypto';
import type { MarqueeClient } from '../../../src/client/index.js';
import type { Scope } from '../../../src/storage/scope.js';
import { addVenue } from './fixtures.js';

const stamp = () => ({ created_at: Date.now(), modified_at: Date.now() });

export interface BookingWorld {
  venueId: number;
  otherVenueId: number;
  eventTypeId: number;
  contactId: number;
  userId: number;
  open: number;
  openReason: number;
  won: number;
  wonReason: number;
  lost: number;
  lostReason: number;
  cancelled: number;
  cancelledReason: number;
  regretted: number;
  leadStage: number;
}

async function stage(store: Scope, name: string, applyTo: number, system: number): Promise<number> {
  return (
    await store
      .insertInto('crm_lead_stages', { name, colour: '#336699', apply_to: applyTo, is_system: system, ...stamp() })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

async function reason(store: Scope, stageId: number, text: string): Promise<number> {
  return (await store.insertInto('crm_lead_stage_reasons', { stage_id: stageId, reason: text, created_at: Date.now() }).returning('id').executeTakeFirstOrThrow()).id;
}

/** Once per account: the built-in stages are unique by name. */
export async function bookingWorld(store: Scope, client: MarqueeClient, userId: number): Promise<BookingWorld> {
  const tag = randomBytes(3).toString('hex');
  const venueId = await addVenue(store, { name: `Bookings Centre ${tag}`, timezone: 'Australia/Brisbane' });
  const otherVenueId = await addVenue(store, { name: `Other Centre ${tag}` });
  const eventTypeId = (
    await store
      .insertInto('venue_event_types', { name: `Conference ${tag}`, description: null, marketplace_event_type: null, contact_type: 0, is_viewable: 1, ...stamp() })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  const contactId = (await client.call<{ id: number }>('contact', 'addOrUpdateContact', { firstName: 'Ava', lastName: `Donovan${tag}`, email: `ava.${tag}@example.com` })).id;
  const open = await stage(store, `Proposal ${tag}`, 1, 0);
  const won = await stage(store, 'Won', 1, 1);
  const lost = await stage(store, 'Lost', 1, 1);
  const cancelled = await stage(store, 'Cancelled', 1, 1);
  const regretted = await stage(store, 'Regretted', 1, 1);
  return {
    venueId,
    otherVenueId,
    eventTypeId,
    contactId,
    userId,
    open,
    openReason: await reason(store, open, 'Awaiting budget'),
    won,
    wonReason: await reason(store, won, 'Repeat client'),
    lost,
    lostReason: await reason(store, lost, 'Price too high'),
    cancelled,
    cancelledReason: await reason(store, cancelled, 'Event postponed'),
    regretted,
    leadStage: await stage(store, `New ${tag}`, 2, 0),
  };
}

export function bookingRequest(w: BookingWorld, extra: Record<string, unknown> = {}) {
  return {
    venueId: w.venueId,
    bookingType: 1,
    currentStatus: 1,
    name: `Annual Conference ${randomBytes(3).toString('hex')}`,
    contactId: w.contactId,
    eventTypeId: w.eventTypeId,
    bookedById: w.userId,
    totalAttendees: 120,
    dateEventStart: '2031-05-01',
    dateEventEnd: '2031-05-02',
    ...extra,
  };
}

export async function addBooking(client: MarqueeClient, w: BookingWorld, extra: Record<string, unknown> = {}): Promise<number> {
  return (await client.call<{ id: number }>('venue', 'addOrUpdateBooking', bookingRequest(w, extra))).id;
}

export async function changesSince(store: Scope, afterId: number): Promise<Array<{ subject: string; endpoint: string; body: Record<string, unknown> }>> {
  const rows = await store.selectFrom('changes').select(['subject', 'endpoint', 'body']).where('id', '>', afterId).orderBy('id').execute();
  return rows.map((r) => ({ subject: r.subject, endpoint: r.endpoint, body: JSON.parse(r.body) as Record<string, unknown> }));
}

export async function lastChangeId(store: Scope): Promise<number> {
  const row = await store.selectFrom('changes').select((eb) => eb.fn.max('id').as('id')).executeTakeFirst();
  return Number(row?.id ?? 0);
}
