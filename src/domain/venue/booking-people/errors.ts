/**
 * The specific codes of the attendee and note pages.
 *
 * add-or-update-booking-attendee.md documents its own block: 24410 booking, 24411 attendee,
 * 24412 error, 24413 / 24414 "The request contains invalid data" (its example: 24413 for a
 * missing firstName). The attendee reads answer with the same codes.
 *
 * add-or-update-booking-note.md: 24442 note, 24443 error, 24444 / 24445 invalid data; it
 * documents no code for a missing booking, so the note actions answer 404 / 23026 as every
 * bookings action does (bookings/errors.ts).
 *
 * Of the two "invalid data" codes, `invalid` is a value that is missing, blank or malformed
 * (the first, as the attendee example uses it) and `rejected` a reference the booking does not
 * hold (a session, menu or item of something else), as the sessions area splits its pair.
 */
import { ZodError } from 'zod';
import { ApiError } from '../../../protocol/errors.js';
import type { ActionContext } from '../../../registry/context.js';

export interface PeopleCodes {
  failed: number;
  invalid: number;
  rejected: number;
}

export const ATTENDEE_CODES = { booking: 24410, attendee: 24411, failed: 24412, invalid: 24413, rejected: 24414 } as const;

export const NOTE_CODES = { note: 24442, failed: 24443, invalid: 24444, rejected: 24445 } as const;

export const attendeeBookingNotFound = (): ApiError => new ApiError(404, ATTENDEE_CODES.booking, 'The booking does not exist');

export const attendeeNotFound = (): ApiError => new ApiError(404, ATTENDEE_CODES.attendee, 'The booking attendee does not exist');

export const noteNotFound = (): ApiError => new ApiError(404, NOTE_CODES.note, 'The booking note does not exist');

export const invalid = (codes: Pick<PeopleCodes, 'invalid'>, ...reasons: string[]): ApiError =>
  new ApiError(400, codes.invalid, 'The request contains invalid data', reasons);

export const rejected = (codes: Pick<PeopleCodes, 'rejected'>, ...reasons: string[]): ApiError =>
  new ApiError(400, codes.rejected, 'The request contains invalid data', reasons);

/** `param: *Value is required and can't be empty*`, as the attendee page's example words it. */
export const required = (codes: Pick<PeopleCodes, 'invalid'>, param: string): ApiError => invalid(codes, `${param}: *Value is required and can't be empty*`);

/** Runs a write; anything that is not already an API error becomes the page's "An error has occurred" (500). */
export async function guardPeopleWrite<T>(ctx: ActionContext, failed: number, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof ApiError || error instanceof ZodError) throw error;
    ctx.log.error({ err: error, requestId: ctx.caller.requestId, specificCode: failed }, 'venue booking attendee/note write failed');
    throw new ApiError(500, failed, 'An error has occurred', [`Request id: ${ctx.caller.requestId}`]);
  }
}
