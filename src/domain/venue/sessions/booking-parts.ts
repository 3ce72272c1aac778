/**
 * What the booking core reads of a booking's sessions for getBooking (get-booking.md,
 * `sessions`): one call for a page of bookings, sessions in the order they start.
 */
import type { Scope } from '../../../storage/scope.js';
import type { BookingSessionPart } from './schemas.js';
import { sessionParts } from './shapes.js';
import { sessionsOf } from './store.js';

export type { BookingSessionPart } from './schemas.js';

/** The sessions of each booking, by booking id; a booking without sessions is absent. */
export async function sessionsOfBookings(store: Scope, bookingIds: readonly number[]): Promise<Map<number, BookingSessionPart[]>> {
  const rows = await sessionsOf(store, bookingIds);
  const parts = await sessionParts(store, rows);
  const out = new Map<number, BookingSessionPart[]>();
  rows.forEach((row, i) => out.set(row.booking_id, [...(out.get(row.booking_id) ?? []), parts[i]!]));
  return out;
}
