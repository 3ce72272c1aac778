/**
 * The specific codes of the rooms area. add-or-update-guest-room.md gives 24312–24315; the
 * read pages give none, so a rate plan or season that is not the venue's takes the free
 * 24103 / 24104 next to "Venue does not exist" (24102), and a room named by a read action
 * takes the guest room page's 24312 (docs/compatibility.md, Venue rooms).
 */
import { ZodError } from 'zod';
import { ApiError } from '../../../protocol/errors.js';
import type { ActionContext } from '../../../registry/context.js';

export const ROOM_CODES = {
  notFound: 24312,
  /** "An error has occurred": the save itself failed (HTTP 500). */
  failed: 24313,
  /** "The request contains invalid data": well-formed values that conflict with stored data. */
  invalid: 24314,
  // 24315 "An unknown error has occurred" is never answered: every failure has one of the above.
} as const;

export const RATE_PLAN_NOT_FOUND = 24103;
export const RATE_PLAN_RATE_NOT_FOUND = 24104;

export const roomNotFound = (): ApiError => new ApiError(404, ROOM_CODES.notFound, 'The room does not exist');

export const ratePlanNotFound = (): ApiError => new ApiError(404, RATE_PLAN_NOT_FOUND, 'The rate plan does not exist');

export const ratePlanRateNotFound = (): ApiError => new ApiError(404, RATE_PLAN_RATE_NOT_FOUND, 'The rate plan rate does not exist');

export const invalidRoom = (...reasons: string[]): ApiError =>
  new ApiError(400, ROOM_CODES.invalid, 'The request contains invalid data', reasons);

/**
 * Runs a write and turns anything that is not already an API error into the page's "An error
 * has occurred" (500), logged with the request id like the platform's own 500s.
 */
export async function guardRoomWrite<T>(ctx: ActionContext, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof ApiError || error instanceof ZodError) throw error;
    ctx.log.error({ err: error, requestId: ctx.caller.requestId, specificCode: ROOM_CODES.failed }, 'guest room write failed');
    throw new ApiError(500, ROOM_CODES.failed, 'An error has occurred', [`Request id: ${ctx.caller.requestId}`]);
  }
}
