/** The booking a money action names, and recording what it changed. */
import type { ActionContext } from '../../../registry/context.js';
import { logBookingChange, type ChangelogEntry } from '../bookings/changelog.js';
import { STATUS } from '../bookings/status.js';
import { requireBooking, type BookingRow } from '../bookings/store.js';

export { requireBooking };
export type { BookingRow };

export const isCancelled = (booking: Pick<BookingRow, 'current_status'>): boolean => booking.current_status === STATUS.cancelled;

/**
 * Takes the booking's row lock for the rest of the transaction (on PostgreSQL; SQLite's write
 * lock on SQLite) by moving lastModifiedDate, so money checks and writes on one booking are
 * serialised: two payments racing for the same balance cannot both pass the check.
 */
export async function lockBooking(ctx: ActionContext, bookingId: number): Promise<void> {
  await ctx.store.updateTable('bookings').set({ last_modified_at: ctx.now }).where('id', '=', bookingId).execute();
}

/** One row of the booking's changelog (get-booking-changelog-list.md) for a change this area made. */
export async function logMoneyChange(ctx: ActionContext, booking: BookingRow, entry: ChangelogEntry): Promise<void> {
  await logBookingChange(ctx, booking, entry);
}
