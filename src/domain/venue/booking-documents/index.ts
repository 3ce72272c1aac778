/**
 * Booking documents and BEOs (issue 16, part 4): uploads of document versions over
 * multipart/form-data, their lists, BEO lists, and the download links of both.
 */
import type { NamespaceActions } from '../../../registry/namespace.js';
import { getBookingBeoList, getBookingBeoVersionList } from './beo-lists.js';
import { getBookingDocumentList, getBookingDocumentVersionList } from './document-lists.js';
import { uploadBookingDocument } from './documents.js';

export { bookingDocumentsMigration } from './migrations/0023_venue_booking_documents.js';
export { bookingFileRoutes } from './routes.js';

export const bookingDocumentsActions: Partial<NamespaceActions<'venue'>> = {
  uploadBookingDocument,
  getBookingDocumentList,
  getBookingDocumentVersionList,
  getBookingBeoList,
  getBookingBeoVersionList,
};
