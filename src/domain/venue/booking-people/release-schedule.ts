/**
 * venue.getBookingReleaseSchedule (get-booking-release-schedule.md): when the rooms a venue
 * holds for its bookings' accommodation go back on sale, as terms of `numDaysFromEvent` days
 * before the accommodation starts, releasing `numOfRooms` rooms (type 0) or
 * `percentageOfRooms` percent of them (type 1).
 *
 * Marquee's bookings do not hold accommodation blocks yet, and no documented action takes
 * release terms; what a booking does hold is its accommodation cut-off date (accommCutOffDate:
 * "after this date no more reservations may be made against the Block"), which is one term:
 * everything still held is released that many days before arrival. So each booking that includes
 * accommodation, has a cut-off date on or before its accommodation start and is not cancelled or
 * not accepted answers one term, type 1, 100 percent. The others have no release schedule.
 */
import { defineListAction } from '../../../registry/define-list-action.js';
import { collection, id } from '../../../registry/params.js';
import { requireBooking, type BookingRow } from '../bookings/store.js';
import { requireVenue } from '../venues/store.js';
import { daysFrom } from './dates.js';
import { releaseTermResult } from './schemas.js';

/** bookings/status.ts: a cancelled or not accepted booking holds no rooms to release. */
const RELEASED_ALREADY = [4, 8];

export const getBookingReleaseSchedule = defineListAction({
  namespace: 'venue',
  action: 'getBookingReleaseSchedule',
  params: { venueId: id(), bookingId: id().optional(), ...collection },
  filters: {},
  item: releaseTermResult,
  async rows(ctx, { venueId, bookingId }) {
    await requireVenue(ctx.store, venueId);
    if (bookingId !== undefined) await requireBooking(ctx.store, bookingId, venueId);
    return {
      from: ctx.store.selectFrom('bookings'),
      idColumn: 'bookings.id',
      select: (qb) => qb.selectAll('bookings'),
      where: (eb) =>
        eb.and([
          eb('bookings.venue_id', '=', venueId),
          ...(bookingId !== undefined ? [eb('bookings.id', '=', bookingId)] : []),
          eb('bookings.is_accomm_included', '=', 1),
          eb('bookings.current_status', 'not in', RELEASED_ALREADY),
          eb('bookings.date_accom_start', 'is not', null),
          eb('bookings.accomm_cut_off_date', 'is not', null),
          // yyyy-mm-dd text compares as the dates do, on both databases.
          eb('bookings.accomm_cut_off_date', '<=', eb.ref('bookings.date_accom_start')),
        ]),
    };
  },
  items: (rows: readonly BookingRow[]) =>
    rows.map((b) => ({
      bookingId: b.id,
      venueId: b.venue_id,
      type: 1 as const,
      numDaysFromEvent: daysFrom(b.accomm_cut_off_date!, b.date_accom_start!),
      numOfRooms: 0,
      percentageOfRooms: 100,
    })),
});
