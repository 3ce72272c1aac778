/**
 * Recording session changes, in the writing transaction: the outbox (venues-endpoint.md:
 * BookingSessionAdded with the getBookingSessionList item, BookingSessionUpdated with it before
 * and after, BookingSessionDeleted with venue, booking and session ids) and one row of the
 * booking's changelog (get-booking-changelog-list.md) with the reference type of what changed.
 * A change to a session's menu, beverage package or resource is a change to the session: its
 * modifiedDate moves and BookingSessionUpdated is recorded.
 */
import type { ActionContext } from '../../../registry/context.js';
import type { SessionListItem } from './schemas.js';
import { sessionListItems } from './shapes.js';
import { findSession, touchBooking, type SessionRow } from './store.js';

/** get-booking-changelog-list.md, Booking Changelog Reference Type (the ones a session writes). */
export const REF = { session: 3, menu: 4, beverage: 5, resource: 6 } as const;

export interface LogEntry {
  refType: (typeof REF)[keyof typeof REF];
  refId: number;
  note: string;
}

export async function logChange(ctx: ActionContext, session: Pick<SessionRow, 'id' | 'venue_id' | 'booking_id'>, entry: LogEntry): Promise<void> {
  await ctx.store
    .insertInto('booking_changelog', {
      venue_id: session.venue_id,
      booking_id: session.booking_id,
      beo_id: null,
      session_id: session.id,
      recorded_by_user_id: ctx.caller.userId,
      ref_type: entry.refType,
      ref_id: entry.refId,
      note_text: entry.note,
      created_at: ctx.now,
      modified_at: ctx.now,
    })
    .execute();
  await touchBooking(ctx.store, session.booking_id, ctx.now);
}

export async function sessionItem(ctx: ActionContext, sessionId: number): Promise<SessionListItem> {
  const row = await findSession(ctx.store, sessionId);
  if (!row) throw new Error(`session ${sessionId} vanished inside its own transaction`);
  const [item] = await sessionListItems(ctx.store, [row]);
  return item!;
}

const same = (a: SessionListItem, b: SessionListItem) => JSON.stringify({ ...a, modifiedDate: null }) === JSON.stringify({ ...b, modifiedDate: null });

/**
 * Runs `mutate` on an existing session and records what changed: a session item that differs
 * (or `lineChanged`, a change to one of its lines) moves modifiedDate, logs `entry` and records
 * BookingSessionUpdated. Whether anything was recorded.
 */
export async function trackSessionChange(
  ctx: ActionContext,
  session: SessionRow,
  mutate: () => Promise<boolean | void>,
  entry: (changed: string[]) => LogEntry,
): Promise<boolean> {
  const before = await sessionItem(ctx, session.id);
  const lineChanged = (await mutate()) === true;
  const mutated = await sessionItem(ctx, session.id);
  if (same(before, mutated) && !lineChanged) return false;
  const changed = Object.keys(mutated).filter(
    (k) => k !== 'modifiedDate' && JSON.stringify(before[k as keyof SessionListItem]) !== JSON.stringify(mutated[k as keyof SessionListItem]),
  );
  await ctx.store.updateTable('booking_sessions').set({ modified_at: ctx.now }).where('id', '=', session.id).execute();
  await logChange(ctx, session, entry(changed));
  await ctx.recordChange('BookingSessionUpdated', { data: await sessionItem(ctx, session.id), previousData: before });
  return true;
}
