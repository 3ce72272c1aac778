/**
 * venue.uploadBookingDocument (upload-booking-document.md): stores an uploaded file as a new
 * document of a booking, or as the next version of one (`documentNumber`). The file arrives as
 * multipart/form-data (server/multipart.ts hands it over as `ctx.caller.upload`); the version
 * row, its bytes, the changelog entry and the outbox change are written in one transaction.
 */
import { z } from 'zod';
import { formatTimestamp } from '../../../protocol/timestamp.js';
import type { ActionContext } from '../../../registry/context.js';
import { defineAction } from '../../../registry/define-action.js';
import { bool, id, intEnum, string } from '../../../registry/params.js';
import { CHANGELOG_REF, logBookingChange } from '../bookings/changelog.js';
import { requireBooking } from '../bookings/store.js';
import { badUpload, invalidUpload } from './errors.js';
import { uploadResult, type DocumentItem } from './schemas.js';
import { fileShape, filesOf, nextDocumentVersion, storeFile, type DocumentRow } from './store.js';

/** upload-booking-document.md, Booking Document Type and Booking Document Status. */
const UPLOAD_TYPES = [3, 4, 5] as const;
const UPLOAD_STATUSES = [3, 4, 5, 8] as const;

const CONTENT_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/i;

/** The name the file is listed and served under: the client's, without any directory. */
function displayName(filename: string, number: number, version: number): string {
  const base = filename.split(/[\\/]/).pop()?.trim() ?? '';
  return base.length > 0 ? base.slice(0, 255) : `document-${number}-${version}`;
}

export function documentItems(ctx: ActionContext, rows: DocumentRow[]): Promise<DocumentItem[]> {
  return filesOf(ctx.store, rows.map((r) => r.file_id)).then((files) =>
    rows.map((r) => ({
      id: r.id,
      venueId: r.venue_id,
      bookingId: r.booking_id,
      type: r.type,
      documentNumber: r.document_number,
      version: r.version,
      file: fileShape(ctx, r.file_id === null ? undefined : files.get(r.file_id)),
      templateName: r.template_name,
      status: r.status,
      createdDate: formatTimestamp(r.created_at),
      modifiedDate: formatTimestamp(r.modified_at),
    })),
  );
}

export const uploadBookingDocument = defineAction({
  namespace: 'venue',
  action: 'uploadBookingDocument',
  kind: 'write',
  params: z.object({
    venueId: id(),
    bookingId: id(),
    fileId: string(1024),
    type: intEnum(UPLOAD_TYPES),
    status: intEnum(UPLOAD_STATUSES),
    canBeDeleted: bool().optional(),
    documentNumber: id().optional(),
  }),
  result: uploadResult,
  async handler(ctx, p) {
    const upload = ctx.caller.upload;
    if (!upload) throw badUpload('fileId: send the file as multipart/form-data (a JSON body cannot carry it)');
    if (upload.bytes.length === 0) throw invalidUpload('fileId: the file is empty');
    const booking = await requireBooking(ctx.store, p.bookingId, p.venueId);
    const next = await nextDocumentVersion(ctx.store, p.documentNumber, booking.id);
    if (next === null) throw invalidUpload(`documentNumber: booking ${booking.id} has no document ${p.documentNumber}`);
    const filename = displayName(upload.filename, next.number, next.version);
    const fileId = await storeFile(ctx, booking.id, {
      filename,
      contentType: CONTENT_TYPE.test(upload.contentType) ? upload.contentType.toLowerCase() : 'application/octet-stream',
      bytes: upload.bytes,
    });
    const row = await ctx.store
      .insertInto('booking_documents', {
        venue_id: booking.venue_id,
        booking_id: booking.id,
        document_number: next.number,
        version: next.version,
        type: p.type,
        status: p.status,
        can_be_deleted: p.canBeDeleted === false ? 0 : 1,
        template_name: null,
        file_id: fileId,
        created_by: ctx.caller.userId,
        created_at: ctx.now,
        modified_at: ctx.now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await logBookingChange(ctx, booking, {
      refType: CHANGELOG_REF.booking,
      refId: booking.id,
      note: `Document ${next.number} version ${next.version} uploaded: ${filename}`,
    });
    const [item] = await documentItems(ctx, [row]);
    await ctx.recordChange('BookingDocumentGenerated', { data: item, previousData: {} });
    return { success: true, id: row.id, documentNumber: next.number, version: next.version };
  },
});
