/**
 * venue.addOrUpdateBookingNote (add-or-update-booking-note.md). Without id it adds a note to the
 * booking; with id it updates that note of the booking. A note's type says what it must be
 * about (note-types.ts): the booking days of a departmental note (day 1 is the booking's first
 * day), or lines the booking holds. Only the list its type takes is kept; an update that
 * changes the type needs the new type's list, unless it is given or already stored. Changes are
 * recorded as venues-endpoint.md says: BookingNoteAdded / BookingNoteUpdated with the note as
 * getBookingNoteList shows it.
 */
import { z } from 'zod';
import type { ActionContext } from '../../../registry/context.js';
import { defineAction } from '../../../registry/define-action.js';
import { array, bool, id, int, intEnum, string } from '../../../registry/params.js';
import type { Scope } from '../../../storage/scope.js';
import { requireBooking, type BookingRow } from '../bookings/store.js';
import { requireVenue } from '../venues/store.js';
import { recordBookingChildChange } from './changes.js';
import { daysFrom } from './dates.js';
import { guardPeopleWrite, invalid, NOTE_CODES, noteNotFound, rejected, required } from './errors.js';
import { findNote, noteItem, type NoteRow } from './note-store.js';
import { BOOKING_NOTE, NOTE_SUBJECTS, NOTE_TYPES, subjectOf, TEMPLATES, type NoteSubject } from './note-types.js';
import { upsertResult } from './schemas.js';
import type { BookingNotesTable } from './tables.js';

const C = NOTE_CODES;
const ids = () => array(id(), 500).nullable().optional();

export const noteParams = z.object({
  id: id().optional(),
  venueId: id(),
  bookingId: id(),
  // Optional here so that a missing one gets the page's own answer (24444), not a type error.
  description: string().optional(),
  isPrivate: bool().optional(),
  typeId: int().optional(),
  bookingDays: array(int(), 366).nullable().optional(),
  accommodationIds: ids(),
  sessionIds: ids(),
  menuIds: ids(),
  beverageIds: ids(),
  resourceIds: ids(),
  productIds: ids(),
  applyToTemplates: array(intEnum(TEMPLATES), 3).nullable().optional(),
});
type NoteParams = z.output<typeof noteParams>;

const COLUMN: Record<NoteSubject, 'booking_days' | 'accommodation_ids' | 'session_ids' | 'menu_ids' | 'beverage_ids' | 'resource_ids' | 'product_ids'> = {
  bookingDays: 'booking_days',
  accommodationIds: 'accommodation_ids',
  sessionIds: 'session_ids',
  menuIds: 'menu_ids',
  beverageIds: 'beverage_ids',
  resourceIds: 'resource_ids',
  productIds: 'product_ids',
};

/** How many days the booking spans: its event and accommodation dates together; 0 without dates. */
function bookingDayCount(b: BookingRow): number {
  const starts = [b.date_event_start, b.date_accom_start].filter((d): d is string => d !== null);
  const ends = [b.date_event_end, b.date_accom_end].filter((d): d is string => d !== null);
  if (starts.length === 0 || ends.length === 0) return 0;
  const first = starts.reduce((a, d) => (d < a ? d : a));
  const last = ends.reduce((a, d) => (d > a ? d : a));
  return Math.max(0, daysFrom(first, last) + 1);
}

/**
 * The lines of each kind the booking holds. An accommodation note is about the booking's
 * accommodation blocks (add-or-update-booking-accommodation.md's groups). No action adds
 * products to a booking, so a products note names none the booking holds and is refused.
 */
async function heldIds(store: Scope, subject: Exclude<NoteSubject, 'bookingDays'>, bookingId: number, wanted: readonly number[]): Promise<Set<number>> {
  const table = {
    sessionIds: 'booking_sessions',
    menuIds: 'booking_session_menus',
    beverageIds: 'booking_session_beverages',
    resourceIds: 'booking_session_resources',
    accommodationIds: 'booking_accommodations',
    productIds: null,
  } as const;
  const name = table[subject];
  if (name === null) return new Set();
  const rows = await store.selectFrom(name).select('id').where('booking_id', '=', bookingId).where('id', 'in', [...wanted]).execute();
  return new Set(rows.map((r) => r.id));
}

const WHAT: Record<Exclude<NoteSubject, 'bookingDays'>, string> = {
  accommodationIds: 'an accommodation block',
  sessionIds: 'a session',
  menuIds: 'a session menu',
  beverageIds: 'a session beverage package',
  resourceIds: 'a session resource',
  productIds: 'a session product',
};

/** The subject list the note keeps, checked against the booking: JSON text for its column. */
async function subjectList(store: Scope, subject: NoteSubject, given: readonly number[] | null | undefined, stored: string | undefined, booking: BookingRow): Promise<string> {
  if (given === undefined || given === null) {
    const kept = stored === undefined ? [] : (JSON.parse(stored) as number[]);
    if (kept.length === 0) throw required(C, subject);
    return stored!;
  }
  const values = [...new Set(given)];
  if (values.length === 0) throw required(C, subject);
  if (subject === 'bookingDays') {
    const days = bookingDayCount(booking);
    const outside = values.find((d) => d < 1 || d > days);
    if (outside !== undefined) throw rejected(C, days === 0 ? 'bookingDays: The booking has no dates' : `bookingDays: ${outside} is not a day of the booking (1 to ${days})`);
    return JSON.stringify(values.sort((a, b) => a - b));
  }
  const held = await heldIds(store, subject, booking.id, values);
  const stranger = values.find((v) => !held.has(v));
  if (stranger !== undefined) throw rejected(C, `${subject}: ${stranger} is not ${WHAT[subject]} of booking ${booking.id}`);
  return JSON.stringify(values);
}

type ListColumn = (typeof COLUMN)[NoteSubject];
type NoteColumns = Pick<BookingNotesTable, 'description' | 'type_id' | 'is_private' | 'apply_to_templates' | ListColumn>;

async function noteColumns(ctx: ActionContext, p: NoteParams, booking: BookingRow, current: NoteRow | undefined): Promise<NoteColumns> {
  const description = p.description !== undefined ? p.description.trim() : current?.description;
  if (!description) throw required(C, 'description');
  const typeId = p.typeId ?? current?.type_id ?? BOOKING_NOTE;
  if (!NOTE_TYPES.has(typeId)) throw invalid(C, `typeId: ${typeId} is not a booking note type`);
  const sameType = current !== undefined && current.type_id === typeId;
  const subject = subjectOf(typeId);
  const lists = {} as Record<ListColumn, string>;
  for (const s of NOTE_SUBJECTS) {
    lists[COLUMN[s]] = s === subject ? await subjectList(ctx.store, s, p[s], sameType ? current[COLUMN[s]] : undefined, booking) : '[]';
  }
  return {
    description,
    type_id: typeId,
    is_private: p.isPrivate !== undefined ? (p.isPrivate ? 1 : 0) : (current?.is_private ?? 0),
    apply_to_templates: p.applyToTemplates != null ? JSON.stringify([...new Set(p.applyToTemplates)].sort((a, b) => a - b)) : (current?.apply_to_templates ?? '[]'),
    ...lists,
  };
}

async function upsertNote(ctx: ActionContext, p: NoteParams) {
  await requireVenue(ctx.store, p.venueId);
  const booking = await requireBooking(ctx.store, p.bookingId, p.venueId);
  let current: NoteRow | undefined;
  if (p.id !== undefined) {
    current = await findNote(ctx.store, p.id);
    if (!current || current.booking_id !== booking.id) throw noteNotFound();
  }
  const columns = await noteColumns(ctx, p, booking, current);
  const type = NOTE_TYPES.get(columns.type_id);

  if (!current) {
    const row = await ctx.store
      .insertInto('booking_notes', {
        venue_id: booking.venue_id,
        booking_id: booking.id,
        ...columns,
        created_by_user_id: ctx.caller.userId,
        created_at: ctx.now,
        modified_at: ctx.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordBookingChildChange(ctx, booking, `${type} note #${row.id} added`);
    await ctx.recordChange('BookingNoteAdded', { data: noteItem((await findNote(ctx.store, row.id))!) });
    return { success: true as const, id: row.id };
  }

  await ctx.store.updateTable('booking_notes').set(columns).where('id', '=', current.id).execute();
  const after = (await findNote(ctx.store, current.id))!;
  // An update that changes nothing leaves the note, the booking, the changelog and the outbox as they were.
  if (JSON.stringify({ ...after, modified_at: 0 }) !== JSON.stringify({ ...current, modified_at: 0 })) {
    await ctx.store.updateTable('booking_notes').set({ modified_at: ctx.now }).where('id', '=', current.id).execute();
    await recordBookingChildChange(ctx, booking, `${type} note #${current.id} updated`);
    await ctx.recordChange('BookingNoteUpdated', { data: noteItem({ ...after, modified_at: ctx.now }), previousData: noteItem(current) });
  }
  return { success: true as const, id: current.id };
}

export const addOrUpdateBookingNote = defineAction({
  namespace: 'venue',
  action: 'addOrUpdateBookingNote',
  kind: 'write',
  params: noteParams,
  result: upsertResult,
  handler: (ctx, p) => guardPeopleWrite(ctx, C.failed, () => upsertNote(ctx, p)),
});
