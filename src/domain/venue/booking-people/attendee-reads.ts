/**
 * venue.getBookingAttendeeList (get-booking-attendee-list.md) and getBookingAttendeeByHash
 * (get-booking-attendee-by-hash.md). Both read only the caller's account: a hash of another
 * account's attendee is as unknown as one that exists nowhere (404 / 24411).
 */
import { sql } from 'kysely';
import { z } from 'zod';
import type { ActionContext } from '../../../registry/context.js';
import { defineAction } from '../../../registry/define-action.js';
import { defineListAction } from '../../../registry/define-list-action.js';
import { id, text } from '../../../registry/params.js';
import { caseless } from '../sessions/params.js';
import { requireVenue } from '../venues/store.js';
import { attendeeItems, findAttendee } from './attendee-store.js';
import { attendeeBookingNotFound, attendeeNotFound } from './errors.js';
import { attendeeResult } from './schemas.js';

/** The venue and booking a read names, each checked when named. */
async function checkParents(ctx: ActionContext, venueId: number | undefined, bookingId: number | undefined): Promise<void> {
  if (venueId !== undefined) await requireVenue(ctx.store, venueId);
  if (bookingId === undefined) return;
  const booking = await ctx.store.selectFrom('bookings').select('venue_id').where('id', '=', bookingId).executeTakeFirst();
  if (!booking || (venueId !== undefined && booking.venue_id !== venueId)) throw attendeeBookingNotFound();
}

export const getBookingAttendeeList = defineListAction({
  namespace: 'venue',
  action: 'getBookingAttendeeList',
  params: {
    venueId: id().optional(),
    bookingId: id().optional(),
    // "Sort Results: Support Parameter 'name'": first name, then last name; otherwise in the order added.
    orderBy: caseless(['name'] as const).optional(),
  },
  filters: {
    id: { column: 'booking_attendees.id', type: 'integer' },
    firstName: { column: 'booking_attendees.first_name', type: 'string' },
    lastName: { column: 'booking_attendees.last_name', type: 'string' },
    email: { column: 'booking_attendees.email', type: 'string' },
    phone: { column: 'booking_attendees.phone', type: 'string' },
  },
  item: attendeeResult,
  async rows(ctx, { venueId, bookingId, orderBy }) {
    await checkParents(ctx, venueId, bookingId);
    return {
      from: ctx.store.selectFrom('booking_attendees'),
      idColumn: 'booking_attendees.id',
      select: (qb) => {
        const all = qb.selectAll('booking_attendees');
        return orderBy === undefined ? all : all.orderBy(sql.ref('booking_attendees.first_name')).orderBy(sql.ref('booking_attendees.last_name'));
      },
      where: (eb) =>
        eb.and([
          ...(venueId !== undefined ? [eb('booking_attendees.venue_id', '=', venueId)] : []),
          ...(bookingId !== undefined ? [eb('booking_attendees.booking_id', '=', bookingId)] : []),
        ]),
    };
  },
  items: (rows, ctx) => attendeeItems(ctx.store, rows),
});

export const getBookingAttendeeByHash = defineAction({
  namespace: 'venue',
  action: 'getBookingAttendeeByHash',
  kind: 'read',
  params: z.object({ venueId: id().optional(), bookingId: id().optional(), hash: text(64) }),
  result: attendeeResult,
  async handler(ctx, { venueId, bookingId, hash }) {
    await checkParents(ctx, venueId, bookingId);
    const row = await findAttendee(ctx.store, { hash: hash.trim() });
    if (!row || (venueId !== undefined && row.venue_id !== venueId) || (bookingId !== undefined && row.booking_id !== bookingId)) throw attendeeNotFound();
    const [item] = await attendeeItems(ctx.store, [row]);
    return item!;
  },
});
