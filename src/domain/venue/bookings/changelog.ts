/**
 * The booking changelog (get-booking-changelog-list.md): every write to a booking, or to
 * something it holds, adds one row in the writing transaction, saying what changed, who made
 * the change (the key's user, or changedByUserId on a status change) and when.
 */
import { formatTimestamp } from '../../../protocol/timestamp.js';
import type { ActionContext } from '../../../registry/context.js';
import { defineListAction } from '../../../registry/define-list-action.js';
import { collection, id, stringEnum } from '../../../registry/params.js';
import { modifiedDateFilters } from '../../contact/modified-filters.js';
import { requireVenue } from '../venues/store.js';
import { changelogResult, type ChangelogItem } from './schemas.js';
import { requireBooking, type BookingRow } from './store.js';
import type { BookingChangelogTable } from './tables.js';
import type { Selectable } from 'kysely';

/** get-booking-changelog-list.md, Booking Changelog Reference Type. */
export const CHANGELOG_REF = {
  booking: 1,
  accommodation: 2,
  session: 3,
  menu: 4,
  beverage: 5,
  resource: 6,
  product: 7,
  contact: 8,
  additionalItem: 9,
  package: 11,
  setupRequirement: 12,
} as const;

export interface ChangelogEntry {
  refType: number;
  refId: number;
  note: string;
  sessionId?: number | null;
  beoId?: number | null;
  /** Who made the change, when not the key's user (changeBookingStatus's changedByUserId). */
  userId?: number | null;
}

export async function logBookingChange(ctx: ActionContext, booking: Pick<BookingRow, 'id' | 'venue_id'>, entry: ChangelogEntry): Promise<void> {
  await ctx.store
    .insertInto('booking_changelog', {
      venue_id: booking.venue_id,
      booking_id: booking.id,
      beo_id: entry.beoId ?? null,
      session_id: entry.sessionId ?? null,
      recorded_by_user_id: entry.userId !== undefined ? entry.userId : ctx.caller.userId,
      ref_type: entry.refType,
      ref_id: entry.refId,
      note_text: entry.note,
      created_at: ctx.now,
      modified_at: ctx.now,
    })
    .execute();
}

export function changelogShape(r: Selectable<BookingChangelogTable>): ChangelogItem {
  return {
    id: r.id,
    venueId: r.venue_id,
    bookingId: r.booking_id,
    beoId: r.beo_id,
    sessionId: r.session_id,
    recordedByUserId: r.recorded_by_user_id,
    refType: r.ref_type,
    refId: r.ref_id,
    noteText: r.note_text,
    createdDate: formatTimestamp(r.created_at),
    modifiedDate: formatTimestamp(r.modified_at),
  };
}

export const getBookingChangelogList = defineListAction({
  namespace: 'venue',
  action: 'getBookingChangelogList',
  params: {
    venueId: id(),
    bookingId: id(),
    // "Sort Results: Support Parameter 'name'": a changelog has no name; entries are in the order they were recorded.
    orderBy: stringEnum(['name'] as const).optional(),
    ...collection,
  },
  filters: {
    id: { column: 'booking_changelog.id', type: 'integer' },
    beoId: { column: 'booking_changelog.beo_id', type: 'integer' },
    sessionId: { column: 'booking_changelog.session_id', type: 'integer' },
    recordedByUserId: { column: 'booking_changelog.recorded_by_user_id', type: 'integer' },
    refType: { column: 'booking_changelog.ref_type', type: 'integer' },
    refId: { column: 'booking_changelog.ref_id', type: 'integer' },
    noteText: { column: 'booking_changelog.note_text', type: 'string' },
    createdDate: { column: 'booking_changelog.created_at', type: 'timestamp' },
    modifiedDate: { column: 'booking_changelog.modified_at', type: 'timestamp' },
    ...modifiedDateFilters('booking_changelog.modified_at'),
  },
  item: changelogResult,
  async rows(ctx, params) {
    await requireVenue(ctx.store, params.venueId);
    const booking = await requireBooking(ctx.store, params.bookingId, params.venueId);
    return {
      from: ctx.store.selectFrom('booking_changelog'),
      idColumn: 'booking_changelog.id',
      select: (qb) => qb.selectAll('booking_changelog'),
      where: (eb) => eb('booking_changelog.booking_id', '=', booking.id),
    };
  },
  items: (rows) => rows.map(changelogShape),
});
