/**
 * Errors shared by the venue namespace. Only get-function-space-category-list.md gives the
 * "Venue does not exist" code (24102); every venue action that names a venue answers it with 404 (docs/compatibility.md, Venues).
 * Codes of one action stay with that action.
 */
import { ApiError } from '../../protocol/errors.js';

export const VENUE_NOT_FOUND = 24102;

export const venueNotFound = (code: number = VENUE_NOT_FOUND): ApiError => new ApiError(404, code, 'Venue does not exist');
