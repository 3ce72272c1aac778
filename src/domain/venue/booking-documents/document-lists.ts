/**
 * venue.getBookingDocumentList and venue.getBookingDocumentVersionList
 * (get-booking-document-list.md, get-booking-document-version-list.md): a booking's documents
 * (the latest version of each document number) and every version of them, oldest first.
 */
import type { ExpressionBuilder } from 'kysely';
import { defineListAction } from '../../../registry/define-list-action.js';
import { bool, id } from '../../../registry/params.js';
import type { Database } from '../../../storage/schema.js';
import { requireBooking } from '../bookings/store.js';
import { documentItems } from './documents.js';
import { documentResult } from './schemas.js';

/** Statuses before a document is generated: 1 Building, 2 Building Error, 3 Draft. */
export const NOT_GENERATED = [1, 2, 3];

const filters = {
  id: { column: 'booking_documents.id', type: 'integer' },
  type: { column: 'booking_documents.type', type: 'integer' },
  status: { column: 'booking_documents.status', type: 'integer' },
  createdDate: { column: 'booking_documents.created_at', type: 'timestamp' },
  modifiedDate: { column: 'booking_documents.modified_at', type: 'timestamp' },
} as const;

type Eb = ExpressionBuilder<Database, 'booking_documents'>;

/** The row is the latest version of its document number. */
const latest = (eb: Eb) =>
  eb(
    'booking_documents.version',
    '=',
    eb
      .selectFrom('booking_documents as later')
      .select((sub) => sub.fn.max('later.version').as('version'))
      .whereRef('later.account_id', '=', 'booking_documents.account_id')
      .whereRef('later.document_number', '=', 'booking_documents.document_number'),
  );

export const getBookingDocumentList = defineListAction({
  namespace: 'venue',
  action: 'getBookingDocumentList',
  params: { venueId: id().optional(), bookingId: id(), onlyGenerated: bool().optional() },
  filters,
  item: documentResult,
  async rows(ctx, p) {
    const booking = await requireBooking(ctx.store, p.bookingId, p.venueId);
    return {
      from: ctx.store.selectFrom('booking_documents'),
      idColumn: 'booking_documents.id',
      select: (qb) => qb.selectAll('booking_documents'),
      where: (eb) =>
        eb.and([
          eb('booking_documents.booking_id', '=', booking.id),
          latest(eb),
          ...(p.onlyGenerated === true ? [eb('booking_documents.status', 'not in', NOT_GENERATED)] : []),
        ]),
    };
  },
  items: (rows, ctx) => documentItems(ctx, rows),
});

export const getBookingDocumentVersionList = defineListAction({
  namespace: 'venue',
  action: 'getBookingDocumentVersionList',
  params: { venueId: id().optional(), bookingId: id(), onlyGenerated: bool().optional(), documentNumber: id().optional() },
  filters,
  item: documentResult,
  async rows(ctx, p) {
    const booking = await requireBooking(ctx.store, p.bookingId, p.venueId);
    return {
      from: ctx.store.selectFrom('booking_documents'),
      idColumn: 'booking_documents.id',
      select: (qb) => qb.selectAll('booking_documents'),
      where: (eb) =>
        eb.and([
          eb('booking_documents.booking_id', '=', booking.id),
          ...(p.documentNumber !== undefined ? [eb('booking_documents.document_number', '=', p.documentNumber)] : []),
          ...(p.onlyGenerated === true ? [eb('booking_documents.status', 'not in', NOT_GENERATED)] : []),
        ]),
    };
  },
  items: (rows, ctx) => documentItems(ctx, rows),
});
