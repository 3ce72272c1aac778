/**
 * Recording reservation changes, in the writing transaction: the outbox (venues-endpoint.md:
 * BookingRoomReservationAdded with the getBookingRoomReservationList item,
 * BookingRoomReservationUpdated with it before and after, BookingRoomReservationDeleted with the
 * ids) and one row of the booking's changelog (reference type 2, accommodation). A write that
 * changes nothing of the item records nothing and keeps modifiedDate.
 */
import type { ActionContext } from '../../../registry/context.js';
import { CHANGELOG_REF, logBookingChange } from '../bookings/changelog.js';
import type { BookingRow } from '../bookings/store.js';
import { reservationItem } from './reservation-shapes.js';
import type { ReservationItem } from './schemas.js';
import { RESERVATION_STATUS, reservationStatusOf } from './status.js';
import { findReservation, roomsOfReservations, touchBooking } from './store.js';

/** Sets the reservation's status from its rooms' (status.ts), with its cancelledDate. */
export async function refreshReservationStatus(ctx: ActionContext, reservationId: number): Promise<void> {
  const row = await findReservation(ctx.store, reservationId);
  if (!row) return;
  const rooms = await roomsOfReservations(ctx.store, [reservationId]);
  const status = reservationStatusOf(rooms.map((r) => r.current_status), row.current_status);
  if (status === row.current_status) return;
  const cancelled = status === RESERVATION_STATUS.cancelled;
  await ctx.store
    .updateTable('booking_room_reservations')
    .set({ current_status: status, cancelled_at: cancelled ? ctx.now : null })
    .where('id', '=', reservationId)
    .execute();
}

const same = (a: ReservationItem, b: ReservationItem) => JSON.stringify({ ...a, modifiedDate: null }) === JSON.stringify({ ...b, modifiedDate: null });

export async function logReservation(ctx: ActionContext, booking: Pick<BookingRow, 'id' | 'venue_id'>, reservationId: number, note: string): Promise<void> {
  await logBookingChange(ctx, booking, { refType: CHANGELOG_REF.accommodation, refId: reservationId, note });
  await touchBooking(ctx.store, booking.id, ctx.now);
}

/**
 * Runs `mutate` on an existing reservation, brings its status up to date and, when its item
 * changed, moves modifiedDate, logs `note` and records BookingRoomReservationUpdated. Whether
 * anything was recorded.
 */
export async function trackReservationChange(
  ctx: ActionContext,
  booking: Pick<BookingRow, 'id' | 'venue_id'>,
  reservationId: number,
  mutate: () => Promise<void>,
  note: string,
): Promise<boolean> {
  const before = await reservationItem(ctx.store, reservationId);
  await mutate();
  await refreshReservationStatus(ctx, reservationId);
  if (same(before, await reservationItem(ctx.store, reservationId))) return false;
  await ctx.store.updateTable('booking_room_reservations').set({ modified_at: ctx.now }).where('id', '=', reservationId).execute();
  await logReservation(ctx, booking, reservationId, note);
  await ctx.recordChange('BookingRoomReservationUpdated', { data: await reservationItem(ctx.store, reservationId), previousData: before });
  return true;
}
