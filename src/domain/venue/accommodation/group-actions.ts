/**
 * venue.getBookingAccommodationList (get-booking-accommodation-list.md): every group of one
 * booking at once, by id (the page takes no paging or filter), and
 * venue.removeBookingAccommodation (remove-booking-accommodation.md): a group with room
 * reservations stays (errorType 2); removing one frees its rooms at once.
 */
import { z } from 'zod';
import type { ActionContext } from '../../../registry/context.js';
import { defineAction } from '../../../registry/define-action.js';
import { id } from '../../../registry/params.js';
import { CHANGELOG_REF, logBookingChange } from '../bookings/changelog.js';
import { wholeCollection, wholeCollectionResult } from '../rooms/schemas.js';
import { lockRoomTypes, syncGroupAllocations } from './allocations.js';
import { groupItems } from './group-shapes.js';
import { groupResult, removeResult } from './schemas.js';
import { groupsOfBookings, requireGroup, requireVenueAndBooking, roomsOfGroups, touchBooking } from './store.js';

export const getBookingAccommodationList = defineAction({
  namespace: 'venue',
  action: 'getBookingAccommodationList',
  kind: 'read',
  params: z.object({ venueId: id(), bookingId: id() }),
  result: wholeCollectionResult(groupResult),
  async handler(ctx, p) {
    const booking = await requireVenueAndBooking(ctx.store, p.venueId, p.bookingId);
    return wholeCollection(await groupItems(ctx.store, await groupsOfBookings(ctx.store, [booking.id])));
  },
});

/** remove-booking-accommodation.md, Error Type. */
export const REMOVE_GROUP_ERROR = { unknown: 1, hasReservations: 2 } as const;

async function removeGroup(ctx: ActionContext, p: { venueId: number; bookingId: number; id: number }) {
  const booking = await requireVenueAndBooking(ctx.store, p.venueId, p.bookingId);
  const group = await requireGroup(ctx.store, p.id, booking.id);
  await lockRoomTypes(ctx.store, [group.room_id]);
  // Cancelled rooms count too: they still name the group they were reserved from.
  if ((await roomsOfGroups(ctx.store, [group.id])).length > 0) return { success: false, errorType: REMOVE_GROUP_ERROR.hasReservations };
  await ctx.store.deleteFrom('booking_accommodations').where('id', '=', group.id).execute();
  await syncGroupAllocations(ctx, [group.id]);
  await logBookingChange(ctx, booking, { refType: CHANGELOG_REF.accommodation, refId: group.id, note: `Accommodation group ${group.id} removed` });
  await touchBooking(ctx.store, booking.id, ctx.now);
  await ctx.recordChange('BookingAccommodationDeleted', { venueId: booking.venue_id, bookingId: booking.id, bookingStatus: booking.current_status, accommodationId: group.id });
  return { success: true, errorType: null };
}

export const removeBookingAccommodation = defineAction({
  namespace: 'venue',
  action: 'removeBookingAccommodation',
  kind: 'write',
  params: z.object({ venueId: id(), bookingId: id(), id: id() }),
  result: removeResult,
  handler: (ctx, p) => removeGroup(ctx, p),
});
