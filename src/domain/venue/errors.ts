/**
 * Errors shared by the venue namespace. The pages give a "Venue does not exist" code only here
 * and there (24102 on get-function-space-category-list.md and add-or-update-blockoutspace.md);
 * every venue action that names a venue answers it with 404 (docs/compatibility.md, Venues).
 * Codes of one action stay with that action.
 */
import { ApiError } from '../../protocol/errors.js';

export const VENUE_NOT_FOUND = 24102;

export const venueNotFound = (code: number = VENUE_NOT_FOUND): ApiError => new ApiError(404, code, 'Venue does not exist');
