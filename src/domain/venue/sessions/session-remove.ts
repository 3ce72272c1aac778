/**
 * venue.removeBookingSession (remove-booking-session.md). Removing a session frees its space
 * and the units of its resources at once, with its menus, beverage packages and resources;
 * recorded as BookingSessionDeleted and in the booking's changelog.
 */
import { z } from 'zod';
import type { ActionContext } from '../../../registry/context.js';
import { defineAction } from '../../../registry/define-action.js';
import { id } from '../../../registry/params.js';
import { releaseOccupancy } from '../spaces/occupancy.js';
import { releaseResourceOccupancy } from '../spaces/resource-occupancy.js';
import { REF, logChange } from './changes.js';
import { guardLineWrite, missing, REMOVE_SESSION_CODES, SESSION_CODES } from './errors.js';
import { lockVenueHolds } from './holds.js';
import { lineResult } from './schemas.js';
import { findSession, requireBooking } from './store.js';

const C = REMOVE_SESSION_CODES;

async function removeSession(ctx: ActionContext, p: { id: number; venueId?: number | undefined; bookingId?: number | undefined }) {
  if (p.bookingId !== undefined) await requireBooking(ctx.store, C, p.bookingId, p.venueId);
  const session = await findSession(ctx.store, p.id);
  if (!session || (p.bookingId !== undefined && session.booking_id !== p.bookingId)) throw missing(C.session);
  if (p.venueId !== undefined && p.venueId !== session.venue_id && p.venueId !== session.space_venue_id) throw missing(C.session);
  await lockVenueHolds(ctx.store, session.space_venue_id);
  const lines = await ctx.store.selectFrom('booking_session_resources').select('id').where('session_id', '=', session.id).execute();
  for (const line of lines) await releaseResourceOccupancy(ctx.store, 'session_resource', line.id);
  await releaseOccupancy(ctx.store, 'session', session.id);
  // The session's menus, beverage packages and resources go with it (foreign keys, on delete cascade).
  await ctx.store.deleteFrom('booking_sessions').where('id', '=', session.id).execute();
  await logChange(ctx, session, { refType: REF.session, refId: session.id, note: `Session '${session.name}' removed` });
  await ctx.recordChange('BookingSessionDeleted', { venueId: session.venue_id, bookingId: session.booking_id, sessionId: session.id });
  return { success: true as const, id: session.id };
}

export const removeBookingSession = defineAction({
  namespace: 'venue',
  action: 'removeBookingSession',
  kind: 'write',
  params: z.object({ id: id(), venueId: id().optional(), bookingId: id().optional() }),
  result: lineResult,
  handler: (ctx, p) => guardLineWrite(ctx, SESSION_CODES.failed, () => removeSession(ctx, p)),
});
