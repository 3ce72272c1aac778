/**
 * venue.getBookingRoomReservationList (get-booking-room-reservation-list.md): the venue's
 * reservations, of one booking when named, paged and filtered, by id; and
 * venue.removeBookingRoomReservation (remove-booking-room-reservation.md): only a "not
 * confirmed" reservation is removed (else errorType 2), freeing what its rooms held.
 */
import { z } from 'zod';
import type { ActionContext } from '../../../registry/context.js';
import { defineAction } from '../../../registry/define-action.js';
import { defineListAction } from '../../../registry/define-list-action.js';
import { id } from '../../../registry/params.js';
import { bookingNotFound } from '../bookings/errors.js';
import { requireVenue } from '../venues/store.js';
import { lockRoomTypes, syncGroupAllocations } from './allocations.js';
import { logReservation } from './reservation-changes.js';
import { reservationItems } from './reservation-shapes.js';
import { removeResult, reservationResult } from './schemas.js';
import { RESERVATION_STATUS } from './status.js';
import { findGroups, requireReservation, requireVenueAndBooking, roomsOfReservations } from './store.js';

export const getBookingRoomReservationList = defineListAction({
  namespace: 'venue',
  action: 'getBookingRoomReservationList',
  params: { venueId: id(), bookingId: id().optional() },
  filters: {
    id: { column: 'booking_room_reservations.id', type: 'integer' },
    bookingId: { column: 'booking_room_reservations.booking_id', type: 'integer' },
    reference: { column: 'booking_room_reservations.reference', type: 'integer' },
    mainGuestId: { column: 'booking_room_reservations.main_guest_id', type: 'integer' },
    currentStatus: { column: 'booking_room_reservations.current_status', type: 'integer' },
    createdDate: { column: 'booking_room_reservations.created_at', type: 'timestamp' },
    modifiedDate: { column: 'booking_room_reservations.modified_at', type: 'timestamp' },
  },
  item: reservationResult,
  async rows(ctx, { venueId, bookingId }) {
    await requireVenue(ctx.store, venueId);
    if (bookingId !== undefined) {
      const booking = await ctx.store.selectFrom('bookings').select('venue_id').where('id', '=', bookingId).executeTakeFirst();
      if (!booking || booking.venue_id !== venueId) throw bookingNotFound();
    }
    return {
      from: ctx.store.selectFrom('booking_room_reservations'),
      idColumn: 'booking_room_reservations.id',
      select: (qb) => qb.selectAll('booking_room_reservations'),
      where: (eb) =>
        eb.and([
          eb('booking_room_reservations.venue_id', '=', venueId),
          ...(bookingId !== undefined ? [eb('booking_room_reservations.booking_id', '=', bookingId)] : []),
        ]),
    };
  },
  items: (rows, ctx) => reservationItems(ctx.store, rows),
});

/** remove-booking-room-reservation.md, Error Type. */
export const REMOVE_RESERVATION_ERROR = { unknown: 1, notNotConfirmed: 2 } as const;

async function removeReservation(ctx: ActionContext, p: { venueId: number; bookingId: number; id: number }) {
  const booking = await requireVenueAndBooking(ctx.store, p.venueId, p.bookingId);
  const reservation = await requireReservation(ctx.store, p.id, booking.id);
  if (reservation.current_status !== RESERVATION_STATUS.notConfirmed) return { success: false, errorType: REMOVE_RESERVATION_ERROR.notNotConfirmed };
  const rooms = await roomsOfReservations(ctx.store, [reservation.id]);
  const groups = await findGroups(ctx.store, rooms.map((r) => r.accommodation_id));
  await lockRoomTypes(ctx.store, groups.map((g) => g.room_id));
  // Its rooms, their rates and additional guests go with it (foreign keys, on delete cascade).
  await ctx.store.deleteFrom('booking_room_reservations').where('id', '=', reservation.id).execute();
  await syncGroupAllocations(ctx, groups.map((g) => g.id));
  await logReservation(ctx, booking, reservation.id, `Room reservation ${reservation.reference} removed`);
  await ctx.recordChange('BookingRoomReservationDeleted', {
    venueId: booking.venue_id,
    bookingId: booking.id,
    bookingStatus: booking.current_status,
    reservationId: reservation.id,
    roomIds: rooms.map((r) => r.id),
  });
  return { success: true, errorType: null };
}

export const removeBookingRoomReservation = defineAction({
  namespace: 'venue',
  action: 'removeBookingRoomReservation',
  kind: 'write',
  params: z.object({ venueId: id(), bookingId: id(), id: id() }),
  result: removeResult,
  handler: (ctx, p) => removeReservation(ctx, p),
});
