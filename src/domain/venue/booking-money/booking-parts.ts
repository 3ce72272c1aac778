/** What getBooking and the booking lists read from this area (bookings/booking-parts.ts loaders). */
export { itemsOfBookings } from './items.js';
export { packagesOfBookings } from './packages.js';
export { moneyOfBookings } from './settlement.js';
