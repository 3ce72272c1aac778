/**
 * The specific codes of the session pages. Each write page has its own block of codes:
 *
 * - add-or-update-booking-session.md: 24360 booking, 24361 session, 24362 error, 24363 / 24364
 *   "The request contains invalid data"; remove-booking-session.md: 24365 booking, 24366 session.
 * - add-or-update-booking-session-resource.md: 24338 session, 24339 resource, 24340 error,
 *   24341 / 24342 invalid data.
 * - add-or-update-booking-session-menu.md documents only its examples, 24335 "An error has
 *   occurred" and 24337 "The request contains invalid data"; beverage's examples are 24353 and
 *   24354. The blocks are read as the resource page lays its block out (session, line, error,
 *   invalid, invalid): menus 24333 session, 24334 menu, 24336 / 24337 invalid; beverages 24351
 *   session, 24352 beverage, 24354 / 24355 invalid (each page's example code for a missing
 *   required field is its `invalid`).
 *
 * Of the two "invalid data" codes, `rejected` is a request that conflicts with the account's
 * data (the space is taken, a menu of another venue, a resource short of units) and `invalid`
 * values that do not fit together or a field required when adding, worded as the pages'
 * examples word it. Types and formats stay 23016 as everywhere.
 */
import { ZodError } from 'zod';
import { ApiError } from '../../../protocol/errors.js';
import type { ActionContext } from '../../../registry/context.js';

export interface LineCodes {
  /** The booking named does not exist (or is not the venue's). */
  booking: readonly [number, string];
  /** The session named does not exist (or is not the booking's). */
  session: readonly [number, string];
  /** The line itself (the session, menu, beverage package or resource) does not exist. */
  line: readonly [number, string];
  failed: number;
  rejected: number;
  invalid: number;
}

const BOOKING = 'The booking does not exist';
const SESSION = 'The session does not exist';

export const SESSION_CODES: LineCodes = {
  booking: [24360, BOOKING],
  session: [24361, SESSION],
  line: [24361, SESSION],
  failed: 24362,
  rejected: 24363,
  invalid: 24364,
};

/** remove-booking-session.md */
export const REMOVE_SESSION_CODES = { booking: [24365, BOOKING], session: [24366, SESSION] } as const;

export const MENU_CODES: LineCodes = {
  booking: [24360, BOOKING],
  session: [24333, 'The booking session does not exist'],
  line: [24334, 'The booking session menu does not exist'],
  failed: 24335,
  rejected: 24336,
  invalid: 24337,
};

export const BEVERAGE_CODES: LineCodes = {
  booking: [24360, BOOKING],
  session: [24351, 'The booking session does not exist'],
  line: [24352, 'The booking session beverage does not exist'],
  failed: 24353,
  rejected: 24355,
  invalid: 24354,
};

export const RESOURCE_CODES: LineCodes = {
  booking: [24360, BOOKING],
  session: [24338, 'The booking session does not exist'],
  line: [24339, 'The booking session resource does not exist'],
  failed: 24340,
  rejected: 24341,
  invalid: 24342,
};

/** add-or-update-blockoutspace.md, remove-blockoutspace.md */
export const BLOCKOUT_CODES = { empty: 24270, notFound: 24271, invalid: 24272, failed: 24273, removeNotFound: 24274 } as const;

export const missing = (code: readonly [number, string]): ApiError => new ApiError(404, code[0], code[1]);

export const rejected = (codes: Pick<LineCodes, 'rejected'>, ...reasons: string[]): ApiError =>
  new ApiError(400, codes.rejected, 'The request contains invalid data', reasons);

export const invalid = (codes: Pick<LineCodes, 'invalid'>, ...reasons: string[]): ApiError =>
  new ApiError(400, codes.invalid, 'The request contains invalid data', reasons);

/** `param: *Value is required and can't be empty*`, as the pages' examples word it. */
export const required = (codes: Pick<LineCodes, 'invalid'>, param: string): ApiError => invalid(codes, `${param}: *Value is required and can't be empty*`);

/** Runs a write; anything that is not already an API error becomes the page's "An error has occurred" (500). */
export async function guardLineWrite<T>(ctx: ActionContext, failed: number, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof ApiError || error instanceof ZodError) throw error;
    ctx.log.error({ err: error, requestId: ctx.caller.requestId, specificCode: failed }, 'venue booking session write failed');
    throw new ApiError(500, failed, 'An error has occurred', [`Request id: ${ctx.caller.requestId}`]);
  }
}
