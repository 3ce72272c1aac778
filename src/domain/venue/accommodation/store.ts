/** Reading the accommodation area's rows within the caller's account. */
import type { Selectable } from 'kysely';
import type { Scope } from '../../../storage/scope.js';
import { requireBooking as requireVenueBooking, type BookingRow } from '../bookings/store.js';
import { STATUS } from '../bookings/status.js';
import { requireVenue } from '../venues/store.js';
import { groupNotFound, reservationNotFound } from './errors.js';
import type {
  BookingAccommodationDaysTable,
  BookingAccommodationOptionsTable,
  BookingAccommodationsTable,
  BookingReservedRoomsTable,
  BookingRoomReservationsTable,
} from './tables.js';

export type GroupRow = Selectable<BookingAccommodationsTable>;
export type GroupDayRow = Selectable<BookingAccommodationDaysTable>;
export type GroupOptionRow = Selectable<BookingAccommodationOptionsTable>;
export type ReservationRow = Selectable<BookingRoomReservationsTable>;
export type ReservedRoomRow = Selectable<BookingReservedRoomsTable>;

/**
 * The booking statuses whose groups hold their rooms (ari-endpoint.md, RoomInventoryUpdated:
 * "bookings with status Tentative, Confirmed, or Prospective Hold").
 */
export const RESERVING_STATUSES: readonly number[] = [STATUS.tentative, STATUS.confirmed, STATUS.prospectiveHold];

export const reservesRooms = (bookingStatus: number): boolean => RESERVING_STATUSES.includes(bookingStatus);

/** Whether the booking takes accommodation at all (add-or-update-booking.md: type 4, or isAccommIncluded). */
export const takesAccommodation = (booking: Pick<BookingRow, 'booking_type' | 'is_accomm_included'>): boolean =>
  booking.booking_type === 4 || booking.is_accomm_included === 1;

/** The venue (404 / 24102) and its booking (404 / 23026). */
export async function requireVenueAndBooking(store: Scope, venueId: number, bookingId: number): Promise<BookingRow> {
  await requireVenue(store, venueId);
  return requireVenueBooking(store, bookingId, venueId);
}

export async function groupsOfBookings(store: Scope, bookingIds: readonly number[]): Promise<GroupRow[]> {
  if (bookingIds.length === 0) return [];
  return store.selectFrom('booking_accommodations').selectAll().where('booking_id', 'in', [...new Set(bookingIds)]).orderBy('id').execute();
}

export async function findGroups(store: Scope, ids: readonly number[]): Promise<GroupRow[]> {
  if (ids.length === 0) return [];
  return store.selectFrom('booking_accommodations').selectAll().where('id', 'in', [...new Set(ids)]).orderBy('id').execute();
}

/** The group, of the booking; otherwise 404 / 24108. */
export async function requireGroup(store: Scope, id: number, bookingId: number): Promise<GroupRow> {
  const [row] = await findGroups(store, [id]);
  if (!row || row.booking_id !== bookingId) throw groupNotFound();
  return row;
}

export async function groupDays(store: Scope, groupIds: readonly number[]): Promise<GroupDayRow[]> {
  if (groupIds.length === 0) return [];
  return store
    .selectFrom('booking_accommodation_days')
    .selectAll()
    .where('accommodation_id', 'in', [...new Set(groupIds)])
    .orderBy('accommodation_id')
    .orderBy('kind')
    .orderBy('occ_type')
    .orderBy('night')
    .execute();
}

export async function groupOptions(store: Scope, groupIds: readonly number[]): Promise<GroupOptionRow[]> {
  if (groupIds.length === 0) return [];
  return store
    .selectFrom('booking_accommodation_options')
    .selectAll()
    .where('accommodation_id', 'in', [...new Set(groupIds)])
    .orderBy('accommodation_id')
    .orderBy('night')
    .orderBy('room_option_id')
    .execute();
}

export async function findReservation(store: Scope, id: number): Promise<ReservationRow | undefined> {
  return store.selectFrom('booking_room_reservations').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The reservation, of the booking; otherwise 404 / 24109. */
export async function requireReservation(store: Scope, id: number, bookingId: number): Promise<ReservationRow> {
  const row = await findReservation(store, id);
  if (!row || row.booking_id !== bookingId) throw reservationNotFound();
  return row;
}

export async function roomsOfReservations(store: Scope, reservationIds: readonly number[]): Promise<ReservedRoomRow[]> {
  if (reservationIds.length === 0) return [];
  return store.selectFrom('booking_reserved_rooms').selectAll().where('reservation_id', 'in', [...new Set(reservationIds)]).orderBy('id').execute();
}

/** The reserved rooms of some groups, cancelled ones included. */
export async function roomsOfGroups(store: Scope, groupIds: readonly number[]): Promise<ReservedRoomRow[]> {
  if (groupIds.length === 0) return [];
  return store.selectFrom('booking_reserved_rooms').selectAll().where('accommodation_id', 'in', [...new Set(groupIds)]).orderBy('id').execute();
}

/** Moves the booking's lastModifiedDate: something it holds changed (bookings/tables.ts, last_modified_at). */
export async function touchBooking(store: Scope, bookingId: number, now: number): Promise<void> {
  await store.updateTable('bookings').set({ last_modified_at: now }).where('id', '=', bookingId).execute();
}
