/**
 * The specific codes of the bookings pages. Each write page documents "The request contains
 * invalid data" and "An error has occurred"; none documents a code for a booking that does not
 * exist, so every bookings action answers 404 / 23026 "The booking does not exist", the code
 * add-or-update-booking-package.md gives that condition (docs: compatibility rows of this area).
 */
import { ZodError } from 'zod';
import { ApiError } from '../../../protocol/errors.js';
import type { ActionContext } from '../../../registry/context.js';

export const BOOKING_NOT_FOUND = 23026;

export interface BookingWriteCodes {
  invalid: number;
  failed: number;
}

/** add-or-update-booking.md */
export const BOOKING_CODES: BookingWriteCodes & { race: number } = { invalid: 24297, failed: 24296, race: 24299 };

/** change-booking-status.md */
export const STATUS_CODES: BookingWriteCodes = { invalid: 24397, failed: 24346 };

/** add-or-update-opportunity.md */
export const OPPORTUNITY_CODES = { empty: 24221, notFound: 24222, invalid: 24224 } as const;

/** convert-lead-to-opportunity.md */
export const CONVERT_CODES = { empty: 24227, notFound: 24228 } as const;

/** add-or-update-opp-note.md: the venue code; the others are the crm note codes (crm/errors.ts NOTE_CODES). */
export const OPPORTUNITY_NOTE_VENUE_NOT_FOUND = 24438;

export const bookingNotFound = (): ApiError => new ApiError(404, BOOKING_NOT_FOUND, 'The booking does not exist');

export const invalidData = (codes: BookingWriteCodes, ...reasons: string[]): ApiError =>
  new ApiError(400, codes.invalid, 'The request contains invalid data', reasons);

/** `param: *Value is required and can't be empty*`, as change-booking-status.md's example words it. */
export const requiredFor = (codes: BookingWriteCodes, param: string): ApiError =>
  invalidData(codes, `${param}: *Value is required and can't be empty*`);

/** Runs a write; anything that is not already an API error becomes the page's "An error has occurred" (500). */
export async function guardBookingWrite<T>(ctx: ActionContext, codes: BookingWriteCodes, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof ApiError || error instanceof ZodError) throw error;
    ctx.log.error({ err: error, requestId: ctx.caller.requestId, specificCode: codes.failed }, 'venue bookings write failed');
    throw new ApiError(500, codes.failed, 'An error has occurred', [`Request id: ${ctx.caller.requestId}`]);
  }
}
