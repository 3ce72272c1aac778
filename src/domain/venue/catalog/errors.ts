/**
 * The specific codes of the catalogue. get-cost-center-list.md documents 24271 for an unknown
 * venue; add-or-update-booking-package.md documents 24458 "The package does not exist", which
 * getVenuePackage answers too. The space hire plan pages give no code, so an unknown plan or
 * plan rate takes the free 24106 / 24107 after the rooms area's 24103 / 24104 (24105 is
 * batch's). Every other venue action names an unknown venue with 24102 (../errors.ts).
 */
import { ApiError } from '../../../protocol/errors.js';

export const COST_CENTER_VENUE_NOT_FOUND = 24271;
export const PACKAGE_NOT_FOUND = 24458;
export const SPACE_HIRE_PLAN_NOT_FOUND = 24106;
export const SPACE_HIRE_PLAN_RATE_NOT_FOUND = 24107;

export const packageNotFound = (): ApiError => new ApiError(404, PACKAGE_NOT_FOUND, 'The package does not exist');

export const spaceHirePlanNotFound = (): ApiError => new ApiError(404, SPACE_HIRE_PLAN_NOT_FOUND, 'The space hire plan does not exist');

export const spaceHirePlanRateNotFound = (): ApiError =>
  new ApiError(404, SPACE_HIRE_PLAN_RATE_NOT_FOUND, 'The space hire plan rate does not exist');
