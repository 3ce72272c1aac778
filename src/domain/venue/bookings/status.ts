/**
 * Booking statuses (get-booking.md, Status; change-booking-status.md, Booking Status). A quote
 * is a booking in a prospective status (Prospective, Prospective Hold); Tentative and Confirmed
 * are bookings proper; Cancelled ends both. Ordering and Not Accepted belong to catering
 * orders, which Marquee does not take: they can be read, never reached.
 */
export const STATUS = {
  prospective: 1,
  tentative: 2,
  confirmed: 3,
  cancelled: 4,
  ordering: 5,
  notAccepted: 8,
  prospectiveHold: 9,
} as const;

export type BookingStatus = (typeof STATUS)[keyof typeof STATUS];

export const STATUS_NAMES: Readonly<Record<BookingStatus, string>> = {
  1: 'Prospective',
  2: 'Tentative',
  3: 'Confirmed',
  4: 'Cancelled',
  5: 'Ordering',
  8: 'Not Accepted',
  9: 'Prospective Hold',
};

export const ALL_STATUSES = [1, 2, 3, 4, 5, 8, 9] as const;

/** The statuses a new booking may start in (add-or-update-booking.md lists 5 Ordering too: Marquee takes no orders). */
export const NEW_BOOKING_STATUSES = [1, 2, 3, 9] as const;

/** The statuses changeBookingStatus moves a booking to. */
export const TARGET_STATUSES = [1, 2, 3, 4, 9] as const;

export const isQuote = (status: number): boolean => status === STATUS.prospective || status === STATUS.prospectiveHold;

export const isBooked = (status: number): boolean => status === STATUS.tentative || status === STATUS.confirmed;

/** change-booking-status.md, Marketplace Stage Reason Type. */
export const MARKETPLACE_REGRET_REASONS = [1, 2, 3, 4, 5, 6, 7] as const;

/** Booking types a new booking may have (add-or-update-booking.md): 1 Detailed, 4 Accommodation Only. */
export const NEW_BOOKING_TYPES = [1, 4] as const;
