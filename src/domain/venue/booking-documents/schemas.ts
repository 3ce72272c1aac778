/** Result shapes of the booking document and BEO pages. */
import { z } from 'zod';
import { timestampText } from '../../../registry/result-schemas.js';

const int = z.number().int();

/** get-booking-document-list.md, File (the same on the BEO pages). */
export const fileResult = z.strictObject({ url: z.string(), urlExpiry: timestampText, filename: z.string() });

/** get-booking-document-list.md / get-booking-document-version-list.md, Booking Document. */
export const documentResult = z.strictObject({
  id: int,
  venueId: int,
  bookingId: int,
  type: int,
  documentNumber: int.nullable(),
  version: int.nullable(),
  file: fileResult.nullable(),
  templateName: z.string().nullable(),
  status: int,
  createdDate: timestampText,
  modifiedDate: timestampText,
});
export type DocumentItem = z.infer<typeof documentResult>;

/** get-booking-beo-list.md / get-booking-beo-version-list.md, Booking BEO. */
export const beoResult = z.strictObject({
  id: int,
  venueId: int,
  bookingId: int,
  beoType: int,
  beoNumber: int,
  version: int,
  versionNote: z.string(),
  file: fileResult.nullable(),
  templateName: z.string(),
  status: int,
  createdBy: int.nullable(),
  createdDate: timestampText,
});
export type BeoItem = z.infer<typeof beoResult>;

/** upload-booking-document.md, Returns. */
export const uploadResult = z.strictObject({ success: z.boolean(), id: int, documentNumber: int, version: int });
