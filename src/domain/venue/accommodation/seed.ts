/**
 * Demo accommodation at each hotel: a group of rooms on three of its seeded bookings (one
 * Tentative, one Confirmed, one Prospective Hold, each then including accommodation for the
 * group's dates), holding their rooms as allocations, and five reservations on the tentative and
 * confirmed ones, one in each reservation status, for guests who are contacts of the account.
 * A handful of rows per hotel, written with multi-row inserts; seeding records no changes.
 */
import type { Scope, TenantInsert } from '../../../storage/scope.js';
import { STATUS } from '../bookings/status.js';
import { roomsOfVenue } from '../rooms/guest-rooms/store.js';
import { addDays, venueToday } from '../rooms/nights.js';
import { ratePlansOfVenue } from '../rooms/rate-plans/store.js';
import type { SeededVenue, VenueSeedContext } from '../seed/types.js';
import { ALLOCATION_SOURCE, stayNights } from './allocations.js';
import { RESERVATION_STATUS as R } from './status.js';

interface Counts {
  groups: number;
  reservations: number;
  guests: number;
}

const HOLDING = [STATUS.tentative, STATUS.confirmed, STATUS.prospectiveHold] as const;
const RESERVATION_STATUSES = [R.notConfirmed, R.confirmed, R.cancelled, R.checkedIn, R.checkedOut] as const;

async function seedHotel(ctx: VenueSeedContext, tx: Scope, hotel: SeededVenue): Promise<Counts> {
  const { faker, now } = ctx;
  const none = { groups: 0, reservations: 0, guests: 0 };
  const rooms = await roomsOfVenue(tx, hotel.id);
  if (rooms.length === 0) return none;
  const bar = (await ratePlansOfVenue(tx, hotel.id)).find((p) => p.code === 'BAR') ?? null;
  const options = await tx.selectFrom('venue_room_options').select(['id', 'price']).where('venue_id', '=', hotel.id).orderBy('id').execute();
  const bookings = [];
  for (const status of HOLDING) {
    const b = await tx.selectFrom('bookings').select(['id', 'current_status']).where('venue_id', '=', hotel.id).where('current_status', '=', status).orderBy('id').executeTakeFirst();
    if (b) bookings.push(b);
  }
  if (bookings.length === 0) return none;
  const today = venueToday(hotel.timezone, now);

  const groups: Array<{ id: number; bookingId: number; bookingStatus: number; roomId: number; start: string; end: string; rooms: number; cost: number }> = [];
  const days: TenantInsert<'booking_accommodation_days'>[] = [];
  const groupOptions: TenantInsert<'booking_accommodation_options'>[] = [];
  const held: TenantInsert<'venue_room_allocations'>[] = [];
  for (const b of bookings) {
    const room = faker.helpers.arrayElement(rooms);
    const start = addDays(today, faker.number.int({ min: 20, max: 120 }));
    const end = addDays(start, faker.number.int({ min: 2, max: 4 }));
    const numRooms = Math.min(room.capacity, faker.number.int({ min: 6, max: 12 }));
    const cost = faker.number.int({ min: 199, max: 349 }) * 100;
    const { id } = await tx
      .insertInto('booking_accommodations', {
        venue_id: hotel.id,
        booking_id: b.id,
        room_venue_id: hotel.id,
        rate_plan_id: bar?.id ?? null,
        room_id: room.id,
        start_date: start,
        end_date: end,
        override_capacity: 0,
        cut_off_date: addDays(start, -14),
        cost_center_id: null,
        include_in_package: 0,
        excluded_tax_ids: '[]',
        created_at: now,
        modified_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx.updateTable('bookings').set({ is_accomm_included: 1, date_accom_start: start, date_accom_end: end }).where('id', '=', b.id).execute();
    groups.push({ id, bookingId: b.id, bookingStatus: b.current_status, roomId: room.id, start, end, rooms: numRooms, cost });
    for (const night of stayNights(start, end)) {
      days.push({ accommodation_id: id, kind: 'rate', occ_type: 0, night, num_rooms: numRooms, cost, discount: 0, num_payable_by_guest: 0, num_free_rooms: 0 });
      held.push({ room_id: room.id, night, rooms: numRooms, source: ALLOCATION_SOURCE, source_id: id, created_at: now });
    }
    const breakfast = options[0];
    if (breakfast) {
      groupOptions.push({ accommodation_id: id, night: start, room_option_id: breakfast.id, num_rooms: numRooms, price_type: 1, num_options: 2, price: breakfast.price, excluded_tax_ids: '[]', cost_center_id: null, num_payable_by_guest: 0 });
    }
  }
  await tx.insertInto('booking_accommodation_days', days).execute();
  if (groupOptions.length > 0) await tx.insertInto('booking_accommodation_options', groupOptions).execute();
  await tx.insertInto('venue_room_allocations', held).execute();

  // Reservations need a tentative or confirmed booking; guests are the account's contacts.
  const reservable = groups.filter((g) => g.bookingStatus === STATUS.tentative || g.bookingStatus === STATUS.confirmed);
  const contacts = await tx.selectFrom('contacts').select('id').where('is_anonymised', '=', 0).orderBy('id').limit(RESERVATION_STATUSES.length).execute();
  if (reservable.length === 0 || contacts.length === 0) return { ...none, groups: groups.length };
  const guests = await tx
    .insertInto(
      'venue_guests',
      contacts.map((c) => ({ venue_id: hotel.id, contact_id: c.id, primary_phone: faker.phone.number(), address: null, created_at: now, modified_at: now })),
    )
    .returning(['id', 'contact_id'])
    .execute();
  const guestIds = guests.sort((a, b) => a.contact_id - b.contact_id).map((g) => g.id);
  const roomDays: TenantInsert<'booking_reserved_room_days'>[] = [];
  for (const [i, status] of RESERVATION_STATUSES.entries()) {
    const group = reservable[i % reservable.length]!;
    const guestId = guestIds[i % guestIds.length]!;
    const cancelledAt = status === R.cancelled ? now : null;
    const { id: reservationId } = await tx
      .insertInto('booking_room_reservations', {
        venue_id: hotel.id,
        booking_id: group.bookingId,
        reference: i + 1,
        main_guest_id: guestId,
        current_status: status,
        can_be_edited: 1,
        cancelled_at: cancelledAt,
        created_at: now,
        modified_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const { id: roomId } = await tx
      .insertInto('booking_reserved_rooms', {
        reservation_id: reservationId,
        accommodation_id: group.id,
        guest_id: guestId,
        current_status: status,
        arrival_date: group.start,
        departure_date: group.end,
        excluded_tax_ids: '[]',
        num_adult_guests: faker.number.int({ min: 1, max: 2 }),
        num_child_guests: 0,
        override_block_capacity: 0,
        external_reference: null,
        occ_type: null,
        cancelled_at: cancelledAt,
        created_at: now,
        modified_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const night of stayNights(group.start, group.end)) roomDays.push({ reserved_room_id: roomId, night, cost: group.cost });
  }
  await tx.insertInto('booking_reserved_room_days', roomDays).execute();
  return { groups: groups.length, reservations: RESERVATION_STATUSES.length, guests: guests.length };
}

export async function seedAccommodation(ctx: VenueSeedContext): Promise<Record<string, number>> {
  const hotels = ctx.venues.filter((v) => v.kind === 'hotel');
  if (hotels.length === 0) return {};
  return ctx.store.transaction(async (tx) => {
    const totals: Counts = { groups: 0, reservations: 0, guests: 0 };
    for (const hotel of hotels) {
      const counts = await seedHotel(ctx, tx, hotel);
      totals.groups += counts.groups;
      totals.reservations += counts.reservations;
      totals.guests += counts.guests;
    }
    return { accommodationGroups: totals.groups, roomReservations: totals.reservations, venueGuests: totals.guests };
  });
}
