/**
 * getBookingList (one venue) and getBookingListForAccount (every venue of the account). Both
 * page through the bookings table alone and then read a page's references and parts in one
 * query each (shapes.ts).
 *
 * modifiedDateAfter / modifiedDateBefore compare the booking's lastModifiedDate (its own fields
 * or anything it holds): whatever changes what getBooking answers moves it. Both are inclusive
 * at the one-second precision of a timestamp, like fromModifiedDate / toModifiedDate elsewhere,
 * so a client syncing from the last modifiedDate it saw may see that booking again but never
 * misses one.
 */
import { defineListAction } from '../../../registry/define-list-action.js';
import { id } from '../../../registry/params.js';
import type { FilterSpec } from '../../../storage/collection.js';
import { modifiedDateFilters } from '../../contact/modified-filters.js';
import { requireVenue } from '../venues/store.js';
import { bookingListItemResult } from './schemas.js';
import { bookingListItems } from './shapes.js';

const { fromModifiedDate: modifiedDateAfter, toModifiedDate: modifiedDateBefore } = modifiedDateFilters('bookings.last_modified_at');

const FILTERS: FilterSpec<'bookings'> = {
  id: { column: 'bookings.id', type: 'integer' },
  leadId: { column: 'bookings.lead_id', type: 'integer' },
  code: { column: 'bookings.code', type: 'string' },
  name: { column: 'bookings.name', type: 'string' },
  companyId: { column: 'bookings.company_id', type: 'integer' },
  contactId: { column: 'bookings.contact_id', type: 'integer' },
  eventTypeId: { column: 'bookings.event_type_id', type: 'integer' },
  eventSubTypeId: { column: 'bookings.event_sub_type_id', type: 'integer' },
  currentStatus: { column: 'bookings.current_status', type: 'integer' },
  bookingType: { column: 'bookings.booking_type', type: 'integer' },
  bookedById: { column: 'bookings.booked_by_id', type: 'integer' },
  isConfidential: { column: 'bookings.is_confidential', type: 'boolean' },
  isAccommIncluded: { column: 'bookings.is_accomm_included', type: 'boolean' },
  dateEventStart: { column: 'bookings.date_event_start', type: 'date' },
  dateEventEnd: { column: 'bookings.date_event_end', type: 'date' },
  createdDate: { column: 'bookings.created_at', type: 'timestamp' },
  modifiedDate: { column: 'bookings.modified_at', type: 'timestamp' },
  lastModifiedDate: { column: 'bookings.last_modified_at', type: 'timestamp' },
  modifiedDateAfter,
  modifiedDateBefore,
};

export const getBookingList = defineListAction({
  namespace: 'venue',
  action: 'getBookingList',
  params: { venueId: id() },
  filters: FILTERS,
  item: bookingListItemResult,
  async rows(ctx, { venueId }) {
    await requireVenue(ctx.store, venueId);
    return {
      from: ctx.store.selectFrom('bookings'),
      idColumn: 'bookings.id',
      select: (qb) => qb.selectAll('bookings'),
      where: (eb) => eb('bookings.venue_id', '=', venueId),
    };
  },
  items: (rows, ctx) => bookingListItems(ctx.store, rows),
});

export const getBookingListForAccount = defineListAction({
  namespace: 'venue',
  action: 'getBookingListForAccount',
  filters: { ...FILTERS, venueId: { column: 'bookings.venue_id', type: 'integer' } },
  item: bookingListItemResult,
  rows: (ctx) => ({
    from: ctx.store.selectFrom('bookings'),
    idColumn: 'bookings.id',
    select: (qb) => qb.selectAll('bookings'),
  }),
  items: (rows, ctx) => bookingListItems(ctx.store, rows),
});
