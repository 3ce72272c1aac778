/**
 * What every attendee or note write records beside itself, in its transaction: one row of the
 * booking's changelog and the booking's lastModifiedDate moved (both are "children" of the
 * booking, get-booking.md). The changelog has no reference type for attendees or notes
 * (get-booking-changelog-list.md), so they are logged as changes to the booking (refType 1,
 * refId the booking's id, as the bookings area logs its own), the note text naming which.
 */
import type { ActionContext } from '../../../registry/context.js';
import { CHANGELOG_REF, logBookingChange } from '../bookings/changelog.js';

export interface BookingRef {
  id: number;
  venue_id: number;
}

export async function recordBookingChildChange(ctx: ActionContext, booking: BookingRef, note: string): Promise<void> {
  await logBookingChange(ctx, booking, { refType: CHANGELOG_REF.booking, refId: booking.id, note });
  await ctx.store.updateTable('bookings').set({ last_modified_at: ctx.now }).where('id', '=', booking.id).execute();
}
