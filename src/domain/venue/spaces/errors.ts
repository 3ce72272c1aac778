/**
 * The specific codes of the spaces area's write pages. Each lists "does not exist", "An
 * (unknown) error has occurred" and two "The request contains invalid data" codes; Marquee
 * gives the two the meanings the crm pages have (src/domain/crm/errors.ts):
 * - `rejected` (the first): a well-formed request that conflicts with the account's data — a
 *   duplicate name, a category or part space that is not the venue's;
 * - `invalid` (the second): values fine one by one but not together — minPax above maxPax, an
 *   update that names nothing to change;
 * - `failed`: the save itself failed (HTTP 500).
 * Parameter types, formats and required-ness are 23016 / 23017 as everywhere.
 */
import { ZodError } from 'zod';
import { ApiError } from '../../../protocol/errors.js';
import type { ActionContext } from '../../../registry/context.js';

export interface WriteCodes {
  notFound: readonly [number, string];
  failed: number;
  rejected: number;
  invalid: number;
}

/** add-or-update-function-space.md */
export const SPACE_CODES: WriteCodes = { notFound: [24385, 'The function space does not exist'], failed: 24386, rejected: 24387, invalid: 24388 };

/** add-or-update-function-space-category.md */
export const CATEGORY_CODES: WriteCodes = {
  notFound: [24308, 'The venue space category does not exist'],
  failed: 24309,
  rejected: 24310,
  invalid: 24311,
};

export const notFound = (codes: WriteCodes): ApiError => new ApiError(404, codes.notFound[0], codes.notFound[1]);

export const rejected = (codes: WriteCodes, ...reasons: string[]): ApiError =>
  new ApiError(400, codes.rejected, 'The request contains invalid data', reasons);

export const invalid = (codes: WriteCodes, ...reasons: string[]): ApiError =>
  new ApiError(400, codes.invalid, 'The request contains invalid data', reasons);

/** Runs a write; anything that is not already an API error becomes the page's "An error has occurred" (500). */
export async function guardWrite<T>(ctx: ActionContext, codes: WriteCodes, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof ApiError || error instanceof ZodError) throw error;
    ctx.log.error({ err: error, requestId: ctx.caller.requestId, specificCode: codes.failed }, 'venue spaces write failed');
    throw new ApiError(500, codes.failed, 'An error has occurred', [`Request id: ${ctx.caller.requestId}`]);
  }
}
