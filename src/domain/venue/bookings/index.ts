/** The venue actions of the bookings area: opportunities, quotes and bookings, their lifecycle and changelog. */
import type { NamespaceActions } from '../../../registry/namespace.js';
import { changeBookingStatus } from './change-status.js';
import { getBookingChangelogList } from './changelog.js';
import { getBooking } from './get.js';
import { getBookingList, getBookingListForAccount } from './list.js';
import { addOrUpdateOpportunity, addOrUpdateOpportunityNote, convertLeadToOpportunity } from './opportunity.js';
import { addOrUpdateBooking } from './upsert.js';

export const bookingsActions: Partial<NamespaceActions<'venue'>> = {
  addOrUpdateOpportunity,
  addOrUpdateOpportunityNote,
  convertLeadToOpportunity,
  addOrUpdateBooking,
  getBooking,
  getBookingList,
  getBookingListForAccount,
  changeBookingStatus,
  getBookingChangelogList,
};

export { bookingsMigration } from './migrations/0017_venue_bookings.js';
export { seedBookings } from './seed.js';
