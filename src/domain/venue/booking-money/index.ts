/**
 * The venue actions of what a booking sells and what is paid on it: additional items, booking
 * packages, the booking's taxes, payments and refunds (which are invoice rows, refType 4).
 */
import type { NamespaceActions } from '../../../registry/namespace.js';
import { addItemsToBooking } from './items.js';
import { addOrUpdateBookingPackage } from './packages.js';
import { addPaymentToBooking } from './payments.js';
import { addRefundToBooking } from './refunds.js';
import { getBookingTaxList } from './tax-list.js';

export const bookingMoneyActions: Partial<NamespaceActions<'venue'>> = {
  addItemsToBooking,
  addOrUpdateBookingPackage,
  getBookingTaxList,
  addPaymentToBooking,
  addRefundToBooking,
};

export { bookingMoneyMigration } from './migrations/0022_venue_booking_money.js';
