/**
 * Where a session's resources sit in time: their times of day on the session's start date, on
 * the clock of the session's venue (an end not after the start is the next day). When a
 * session moves to another date, its resources move with it and are held again, each checked
 * against the units other bookings hold then.
 */
import type { ActionContext } from '../../../registry/context.js';
import type { Scope } from '../../../storage/scope.js';
import type { Interval } from '../spaces/intervals.js';
import { clockWindow, dateOn } from './clock.js';
import { invalid, rejected, RESOURCE_CODES, type LineCodes } from './errors.js';
import { holdResource } from './holds.js';
import { findSession, venueZoneOf, type ResourceRow, type SessionRow } from './store.js';

export function resourceWindow(zone: string, session: Pick<SessionRow, 'starts_at'>, times: { start: string; end: string }): Interval {
  return clockWindow(zone, dateOn(zone, session.starts_at), times.start, times.end);
}

/** The venues whose resources the session holds. */
export async function resourceVenues(store: Scope, sessionId: number): Promise<number[]> {
  const rows = await store.selectFrom('booking_session_resources').select('resource_venue_id').where('session_id', '=', sessionId).execute();
  return [...new Set(rows.map((r) => r.resource_venue_id))];
}

/** Holds the units of one session resource at its times; the caller holds the venue's lock. */
export async function holdSessionResource(ctx: ActionContext, session: SessionRow, zone: string, line: ResourceRow, codes: LineCodes = RESOURCE_CODES): Promise<void> {
  const resource = await ctx.store.selectFrom('resources').select(['id', 'venue_id', 'name', 'quantity']).where('id', '=', line.resource_id).executeTakeFirst();
  if (!resource) throw rejected(codes, `resourceId: ${line.resource_id} does not exist`);
  const window = resourceWindow(zone, session, { start: line.start_time, end: line.end_time });
  if (window.to <= window.from) throw invalid(codes, `endTime: the resource has no length on the venue's clock (daylight saving skips it)`);
  await holdResource(
    ctx.store,
    zone,
    resource,
    {
      sourceId: line.id,
      bookingId: session.booking_id,
      sessionId: session.id,
      spaceId: session.space_id,
      quantity: line.quantity,
      startsAt: window.from,
      endsAt: window.to,
    },
    ctx.now,
    (reason) => rejected(codes, reason),
  );
}

/** Holds every resource of the session again at its current date (after the session moved). */
export async function placeSessionResources(ctx: ActionContext, sessionId: number, codes: LineCodes): Promise<void> {
  const session = await findSession(ctx.store, sessionId);
  if (!session) return;
  const lines = await ctx.store.selectFrom('booking_session_resources').selectAll().where('session_id', '=', sessionId).orderBy('id').execute();
  if (lines.length === 0) return;
  const zone = await venueZoneOf(ctx.store, session.space_venue_id);
  for (const line of lines) await holdSessionResource(ctx, session, zone, line, codes);
}
