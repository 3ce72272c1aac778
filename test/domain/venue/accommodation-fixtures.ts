/** Arranging accommodation for tests: a hotel with room types, bookings that include accommodation, and request builders. */
import type { MarqueeClient } from '../../../src/client/index.js';
import type { Scope } from '../../../src/storage/scope.js';
import { addDays, nightsBetween } from '../../../src/domain/venue/rooms/nights.js';
import { addVenue } from './fixtures.js';
import { venueDate } from './rooms-fixtures.js';
import { addBooking } from './sessions-fixtures.js';

export const ZONE = 'Australia/Sydney';
/** The hotel's date `n` days from today on its own calendar. */
export const day = (n: number): string => venueDate(ZONE, n);

export interface Hotel {
  venue: number;
  king: number;
  twin: number;
  breakfast: number;
  stage: number;
}

export async function addRoomType(client: MarqueeClient, venueId: number, name: string, capacity: number): Promise<number> {
  return (await client.call<{ id: number }>('venue', 'addOrUpdateGuestRoom', { venueId, name, capacity })).id;
}

export async function addRoomOption(store: Scope, venueId: number, name: string, priceCents: number): Promise<number> {
  const now = Date.now();
  return (
    await store
      .insertInto('venue_room_options', {
        venue_id: venueId,
        name,
        description: null,
        price: priceCents,
        price_excluded_tax_ids: '[]',
        cost: 0,
        cost_excluded_tax_ids: '[]',
        cost_center_id: null,
        created_at: now,
        modified_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

/** An open opportunity stage, what changeBookingStatus needs to move a booking. */
export async function addOpenStage(store: Scope): Promise<number> {
  const now = Date.now();
  return (
    await store
      .insertInto('crm_lead_stages', { name: `Negotiating ${now}`, colour: '#336699', apply_to: 1, is_system: 0, created_at: now, modified_at: now })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

export async function addHotel(store: Scope, client: MarqueeClient, capacities = { king: 10, twin: 4 }): Promise<Hotel> {
  const venue = await addVenue(store, { name: `Harbour Hotel ${Date.now()}`, timezone: ZONE });
  await store.updateTable('venues').set({ has_accommodation: 1 }).where('id', '=', venue).execute();
  return {
    venue,
    king: await addRoomType(client, venue, 'King', capacities.king),
    twin: await addRoomType(client, venue, 'Twin', capacities.twin),
    breakfast: await addRoomOption(store, venue, 'Breakfast', 3800),
    stage: await addOpenStage(store),
  };
}

/** A booking of the venue that includes accommodation (status 2 Tentative unless given). */
export async function addAccommodationBooking(store: Scope, venueId: number, status = 2): Promise<number> {
  const id = await addBooking(store, venueId, { status });
  await store.updateTable('bookings').set({ is_accomm_included: 1 }).where('id', '=', id).execute();
  return id;
}

/** Day rates for every night from `start` to the night before `end`. */
export function dayRates(start: string, end: string, numRooms: number, cost = 180): Array<Record<string, unknown>> {
  return nightsBetween(start, addDays(end, -1)).map((bookingDate) => ({ bookingDate, numRooms, cost, numPayableByGuest: 0 }));
}

export function groupRequest(
  h: Pick<Hotel, 'venue'>,
  bookingId: number,
  roomId: number,
  start: string,
  end: string,
  numRooms: number,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return { venueId: h.venue, bookingId, roomVenueId: h.venue, roomId, startDate: start, endDate: end, dayRates: dayRates(start, end, numRooms), ...extra };
}

export const guest = (first: string, last = 'Guest', extra: Record<string, unknown> = {}) => ({
  guestContact: { firstName: first, lastName: last, email: `${first.toLowerCase()}.${last.toLowerCase()}@example.com` },
  ...extra,
});

export function roomRequest(groupId: number, arrival: string, departure: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    guest: guest('Room'),
    groupId,
    arrivalDate: arrival,
    departureDate: departure,
    numAdultGuests: 1,
    numChildGuests: 0,
    dayRates: nightsBetween(arrival, addDays(departure, -1)).map((dayDate) => ({ dayDate, cost: 200 })),
    ...extra,
  };
}

/** Allocation rows of a group, as night → rooms. */
export async function allocations(store: Scope, groupId: number): Promise<Record<string, number>> {
  const rows = await store
    .selectFrom('venue_room_allocations')
    .select(['night', 'rooms'])
    .where('source', '=', 'booking-accommodation')
    .where('source_id', '=', groupId)
    .orderBy('night')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.night, r.rooms]));
}
