/**
 * The specific codes of this area's pages. A booking that does not exist (or is not the named
 * venue's) is 404 / 23026 everywhere, as in the bookings area (bookings/errors.ts).
 *
 * - add-items-to-booking.md: 24140 no item, 24141 an item with invalid data.
 * - add-or-update-booking-package.md: 24458 package, 24459 booking package, 24460 error; of
 *   its two "invalid data" codes, 24462 (its example: a required field) is a value that is
 *   missing or does not fit, 24461 a reference the venue does not have (as sessions/errors.ts
 *   reads the sessions pages' pairs).
 * - add-payment-to-booking.md: 24136 the payment details are invalid.
 * - add-refund-to-booking.md: 24149 invalid details, 24145 nothing refundable, 24146 more than
 *   was paid, 24147 not greater than zero, 24148 more than can still be refunded.
 */
import { ApiError } from '../../../protocol/errors.js';

export const ITEM_CODES = { empty: 24140, invalid: 24141 } as const;
export const PACKAGE_CODES = { packageNotFound: 24458, bookingPackageNotFound: 24459, failed: 24460, rejected: 24461, invalid: 24462 } as const;
export const PAYMENT_INVALID = 24136;
export const REFUND_CODES = { invalid: 24149, nothingRefundable: 24145, moreThanPaid: 24146, notPositive: 24147, notApplied: 24148 } as const;

const INVALID = 'The request contains invalid data';

export const noItems = (): ApiError => new ApiError(400, ITEM_CODES.empty, 'There must be at least one additional item');
export const invalidItem = (...reasons: string[]): ApiError => new ApiError(400, ITEM_CODES.invalid, 'An additional item has invalid data', reasons);

export const packageNotFound = (): ApiError => new ApiError(404, PACKAGE_CODES.packageNotFound, 'The package does not exist');
export const bookingPackageNotFound = (): ApiError => new ApiError(404, PACKAGE_CODES.bookingPackageNotFound, 'The booking package does not exist');
export const packageRejected = (...reasons: string[]): ApiError => new ApiError(400, PACKAGE_CODES.rejected, INVALID, reasons);
export const packageInvalid = (...reasons: string[]): ApiError => new ApiError(400, PACKAGE_CODES.invalid, INVALID, reasons);

export const invalidPayment = (...reasons: string[]): ApiError => new ApiError(400, PAYMENT_INVALID, 'The payment details are invalid', reasons);

export const invalidRefund = (...reasons: string[]): ApiError => new ApiError(400, REFUND_CODES.invalid, 'The refund details are invalid', reasons);
export const nothingRefundable = (): ApiError =>
  new ApiError(400, REFUND_CODES.nothingRefundable, 'The booking does not have an amount that can be refunded');
export const refundAbovePaid = (reason: string): ApiError =>
  new ApiError(400, REFUND_CODES.moreThanPaid, 'Cannot refund more than the total amount payable on a booking', [reason]);
export const refundNotPositive = (): ApiError => new ApiError(400, REFUND_CODES.notPositive, 'The refund amount must be greater than zero');
export const refundNotApplied = (reason: string): ApiError =>
  new ApiError(400, REFUND_CODES.notApplied, 'The full refund amount could not be applied to the booking', [reason]);
