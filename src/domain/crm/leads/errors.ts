/** contact/add-or-update-lead.md, Throws. */
import { ApiError } from '../../../protocol/errors.js';
import { LEAD_CODES } from '../errors.js';

export const emptyLeadRequest = (): ApiError => new ApiError(400, LEAD_CODES.empty, 'The request is empty');
export const leadNotFound = (): ApiError => new ApiError(404, LEAD_CODES.notFound, 'The lead does not exist');
/** A well-formed request whose details do not fit the account's data; the reason is listed. */
export const invalidLead = (reason: string): ApiError =>
  new ApiError(400, LEAD_CODES.invalid, 'The lead details are invalid', [reason]);
