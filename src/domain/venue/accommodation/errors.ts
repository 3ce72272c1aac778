/**
 * The specific codes of the accommodation pages. add-or-update-booking-accommodation.md gives
 * 24248 and add-or-update-booking-room-reservation.md 24257 for "The request contains invalid
 * data"; update-booking-room-reservation-guest-contact.md gives 24421–24425. None documents a
 * code for a group or reservation that does not exist: they take the free 24108 and 24109 next to
 * the rooms area's 24103 / 24104, and an unknown booking answers the bookings area's 404 / 23026.
 *
 * The remove, confirm, cancel and change-status pages answer a refusal in their result
 * (`success: false` with the page's `errorType`), not with an error envelope (transitions.ts).
 */
import { ZodError } from 'zod';
import { ApiError } from '../../../protocol/errors.js';
import type { ActionContext } from '../../../registry/context.js';

export const GROUP_INVALID = 24248;
export const RESERVATION_INVALID = 24257;
export const GROUP_NOT_FOUND = 24108;
export const RESERVATION_NOT_FOUND = 24109;

/** update-booking-room-reservation-guest-contact.md, Throws. */
export const GUEST_CONTACT_CODES = { notFound: 24421, noIdentity: 24422, failed: 24423, invalid: 24424, anonymised: 24425 } as const;

const INVALID = 'The request contains invalid data';

export const groupInvalid = (...reasons: string[]): ApiError => new ApiError(400, GROUP_INVALID, INVALID, reasons);

export const reservationInvalid = (...reasons: string[]): ApiError => new ApiError(400, RESERVATION_INVALID, INVALID, reasons);

export const groupNotFound = (): ApiError => new ApiError(404, GROUP_NOT_FOUND, 'The accommodation group does not exist');

export const reservationNotFound = (): ApiError => new ApiError(404, RESERVATION_NOT_FOUND, 'The room reservation does not exist');

/** `param: Value is required and can't be empty`, as add-or-update-booking-room-reservation.md's example words it. */
export const requiredParam = (param: string): string => `${param}: Value is required and can't be empty`;

/**
 * Runs a write; anything that is not already an API error becomes "An error has occurred"
 * (500) with `failed`, logged with the request id like the platform's own 500s.
 */
export async function guardAccommodationWrite<T>(ctx: ActionContext, failed: number, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof ApiError || error instanceof ZodError) throw error;
    ctx.log.error({ err: error, requestId: ctx.caller.requestId, specificCode: failed }, 'venue accommodation write failed');
    throw new ApiError(500, failed, 'An error has occurred', [`Request id: ${ctx.caller.requestId}`]);
  }
}
