import type { Migration } from '../../../storage/ddl.js';
import { versionTable } from '../../../storage/write-versions.js';

/**
 * What a getBooking answer is made of (bookings/get.ts), besides venues, contacts and companies,
 * which are versioned already: the booking, its sessions and their menus, beverages and
 * resources, its packages, items, BEOs and invoices, and the venue catalogue and people they
 * name. With all of them versioned, the account's write version covers a whole answer and
 * getBooking keeps answers while it stands (storage/answer-cache.ts).
 */
export const BOOKING_ANSWER_TABLES = [
  'bookings',
  'booking_sessions',
  'booking_session_menus',
  'booking_session_beverages',
  'booking_session_resources',
  'booking_packages',
  'booking_items',
  'booking_beos',
  'invoices',
  'venue_event_types',
  'venue_menus',
  'venue_beverage_packages',
  'venue_packages',
  'venue_taxes',
  'resources',
  'crm_leads',
  'users',
] as const;

export const bookingAnswersMigration: Migration = {
  name: '0031_booking_answers',
  async up(db, { dialect }) {
    for (const table of BOOKING_ANSWER_TABLES) await versionTable(db, dialect, table);
  },
};
