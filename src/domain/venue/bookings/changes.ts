/**
 * Recording changes to a booking: the outbox (venues-endpoint.md: BookingAdded with the
 * getBooking answer, BookingUpdated with it before and after) and the booking changelog, both
 * in the writing transaction. A write that changes nothing of what getBooking answers records
 * nothing and keeps modifiedDate.
 */
import type { ActionContext } from '../../../registry/context.js';
import { CHANGELOG_REF, logBookingChange } from './changelog.js';
import type { Booking } from './schemas.js';
import { bookingDetail } from './shapes.js';
import { requireBooking } from './store.js';

const STAMPS = new Set(['modifiedDate', 'lastModifiedDate']);

/** The getBooking fields whose values differ, in the shape's order. */
export function changedFields(before: Booking, after: Booking): string[] {
  return Object.keys(after).filter(
    (key) => !STAMPS.has(key) && JSON.stringify(before[key as keyof Booking]) !== JSON.stringify(after[key as keyof Booking]),
  );
}

export async function recordBookingAdded(ctx: ActionContext, bookingId: number, note: string): Promise<void> {
  const booking = await requireBooking(ctx.store, bookingId);
  await logBookingChange(ctx, booking, { refType: CHANGELOG_REF.booking, refId: booking.id, note });
  await ctx.recordChange('BookingAdded', { data: await bookingDetail(ctx.store, bookingId) });
}

export interface TrackedChange {
  changed: string[];
  before: Booking;
  after: Booking;
}

/**
 * Runs `mutate` on an existing booking; when getBooking's answer changed, moves modifiedDate
 * (and lastModifiedDate), logs `note(changed)` and records BookingUpdated.
 */
export async function trackBookingChange(
  ctx: ActionContext,
  bookingId: number,
  mutate: () => Promise<void>,
  note: (changed: string[]) => string,
  who?: number | null,
): Promise<TrackedChange> {
  const before = await bookingDetail(ctx.store, bookingId);
  await mutate();
  const mutated = await bookingDetail(ctx.store, bookingId);
  const changed = changedFields(before, mutated);
  if (changed.length === 0) return { changed, before, after: mutated };
  const booking = await requireBooking(ctx.store, bookingId);
  await ctx.store.updateTable('bookings').set({ modified_at: ctx.now, last_modified_at: ctx.now }).where('id', '=', bookingId).execute();
  await logBookingChange(ctx, booking, { refType: CHANGELOG_REF.booking, refId: bookingId, note: note(changed), ...(who !== undefined ? { userId: who } : {}) });
  const after = await bookingDetail(ctx.store, bookingId);
  await ctx.recordChange('BookingUpdated', { data: after, previousData: before });
  return { changed, before, after };
}
