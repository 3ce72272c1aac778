/**
 * venue.getBookingNoteList (get-booking-note-list.md): the notes of one booking, or of every
 * booking of the venue when no bookingId is sent, with the page's filters (its "Additional
 * Parameters" createdDate and modifiedDate are filters too, as on every other list).
 */
import { defineListAction } from '../../../registry/define-list-action.js';
import { id } from '../../../registry/params.js';
import { requireBooking } from '../bookings/store.js';
import { requireVenue } from '../venues/store.js';
import { noteItem } from './note-store.js';
import { noteResult } from './schemas.js';

export const getBookingNoteList = defineListAction({
  namespace: 'venue',
  action: 'getBookingNoteList',
  params: { venueId: id(), bookingId: id().optional() },
  filters: {
    id: { column: 'booking_notes.id', type: 'integer' },
    isPrivate: { column: 'booking_notes.is_private', type: 'boolean' },
    description: { column: 'booking_notes.description', type: 'string' },
    typeId: { column: 'booking_notes.type_id', type: 'integer' },
    createdBy: { column: 'booking_notes.created_by_user_id', type: 'integer' },
    createdDate: { column: 'booking_notes.created_at', type: 'timestamp' },
    modifiedDate: { column: 'booking_notes.modified_at', type: 'timestamp' },
  },
  item: noteResult,
  async rows(ctx, { venueId, bookingId }) {
    await requireVenue(ctx.store, venueId);
    if (bookingId !== undefined) await requireBooking(ctx.store, bookingId, venueId);
    return {
      from: ctx.store.selectFrom('booking_notes'),
      idColumn: 'booking_notes.id',
      select: (qb) => qb.selectAll('booking_notes'),
      where: (eb) => eb.and([eb('booking_notes.venue_id', '=', venueId), ...(bookingId !== undefined ? [eb('booking_notes.booking_id', '=', bookingId)] : [])]),
    };
  },
  items: (rows) => rows.map(noteItem),
});
