/** Reading notes of the caller's account, and their shape on get-booking-note-list.md. */
import type { Selectable } from 'kysely';
import { formatTimestamp } from '../../../protocol/timestamp.js';
import type { Scope } from '../../../storage/scope.js';
import type { NoteItem } from './schemas.js';
import type { BookingNotesTable } from './tables.js';

export type NoteRow = Selectable<BookingNotesTable>;

export async function findNote(store: Scope, id: number): Promise<NoteRow | undefined> {
  return store.selectFrom('booking_notes').selectAll().where('id', '=', id).executeTakeFirst();
}

export function noteItem(r: NoteRow): NoteItem {
  return {
    id: r.id,
    venueId: r.venue_id,
    bookingId: r.booking_id,
    isPrivate: r.is_private === 1,
    description: r.description,
    typeId: r.type_id,
    createdBy: r.created_by_user_id,
    createdDate: formatTimestamp(r.created_at),
    modifiedDate: formatTimestamp(r.modified_at),
  };
}
