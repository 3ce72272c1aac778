/**
 * The codes of upload-booking-document.md: 24464 "The request contains bad data" (the request
 * is not an upload: no file) and 24465 "The request contains invalid data" (an upload Marquee
 * cannot store as asked). A booking that does not exist, or not at the venue, answers 404 /
 * 23026 like every bookings action (bookings/errors.ts).
 */
import { ApiError } from '../../../protocol/errors.js';

export const UPLOAD_CODES = { bad: 24464, invalid: 24465 } as const;

export const badUpload = (reason: string): ApiError => new ApiError(400, UPLOAD_CODES.bad, 'The request contains bad data', [reason]);
export const invalidUpload = (reason: string): ApiError => new ApiError(400, UPLOAD_CODES.invalid, 'The request contains invalid data', [reason]);
