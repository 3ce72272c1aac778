/** Reading sessions, their lines and their bookings, within the caller's account. */
import type { Selectable } from 'kysely';
import type { Scope } from '../../../storage/scope.js';
import { zoneOf } from '../spaces/venue-time.js';
import { missing, type LineCodes } from './errors.js';
import type { BookingSessionBeveragesTable, BookingSessionMenusTable, BookingSessionResourcesTable, BookingSessionsTable } from './tables.js';

export type SessionRow = Selectable<BookingSessionsTable>;
export type MenuRow = Selectable<BookingSessionMenusTable>;
export type BeverageRow = Selectable<BookingSessionBeveragesTable>;
export type ResourceRow = Selectable<BookingSessionResourcesTable>;

/** What a session writer needs of its booking (bookings/tables.ts). */
export interface SessionBooking {
  id: number;
  venue_id: number;
  current_status: number;
  can_be_moved: number;
}

/** The booking's Cancelled status (bookings/status.ts): it holds nothing and takes no sessions. */
export const CANCELLED = 4;

/** The booking, of `venueId` when one is named; otherwise the page's "booking does not exist". */
export async function requireBooking(store: Scope, codes: Pick<LineCodes, 'booking'>, bookingId: number, venueId?: number): Promise<SessionBooking> {
  const row = await store
    .selectFrom('bookings')
    .select(['id', 'venue_id', 'current_status', 'can_be_moved'])
    .where('id', '=', bookingId)
    .executeTakeFirst();
  if (!row || (venueId !== undefined && row.venue_id !== venueId)) throw missing(codes.booking);
  return row;
}

export async function findSession(store: Scope, id: number): Promise<SessionRow | undefined> {
  return store.selectFrom('booking_sessions').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * The session named by a line's request: it must exist and belong to the booking and venue the
 * request names, when it names them (a venue is the booking's venue or the space's).
 */
export async function requireSession(
  store: Scope,
  codes: Pick<LineCodes, 'session'>,
  sessionId: number,
  named: { bookingId?: number | undefined; venueId?: number | undefined },
): Promise<SessionRow> {
  const row = await findSession(store, sessionId);
  if (!row) throw missing(codes.session);
  if (named.bookingId !== undefined && named.bookingId !== row.booking_id) throw missing(codes.session);
  if (named.venueId !== undefined && named.venueId !== row.venue_id && named.venueId !== row.space_venue_id) throw missing(codes.session);
  return row;
}

export async function sessionsOf(store: Scope, bookingIds: readonly number[]): Promise<SessionRow[]> {
  if (bookingIds.length === 0) return [];
  return store
    .selectFrom('booking_sessions')
    .selectAll()
    .where('booking_id', 'in', [...new Set(bookingIds)])
    .orderBy('starts_at')
    .orderBy('id')
    .execute();
}

/** Moves the booking's lastModifiedDate: something it holds changed (bookings/tables.ts, last_modified_at). */
export async function touchBooking(store: Scope, bookingId: number, now: number): Promise<void> {
  await store.updateTable('bookings').set({ last_modified_at: now }).where('id', '=', bookingId).execute();
}

/** The venue's clock zone. */
export async function venueZoneOf(store: Scope, venueId: number): Promise<string> {
  const row = await store.selectFrom('venues').select('timezone').where('id', '=', venueId).executeTakeFirst();
  return zoneOf(row?.timezone ?? 'UTC');
}
