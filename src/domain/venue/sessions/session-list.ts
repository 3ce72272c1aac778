/**
 * venue.getBookingSessionList (get-booking-session-list.md): the sessions of the account, of a
 * venue (the booking's venue or the space's) and of a booking when named, ordered by id unless
 * orderBy names startDate, name, createdDate or modifiedDate (then id breaks ties).
 * `includeBookingDetails` adds each session's `booking` (name, code, contact).
 */
import { sql } from 'kysely';
import { ApiError } from '../../../protocol/errors.js';
import { defineListAction } from '../../../registry/define-list-action.js';
import { bool, id } from '../../../registry/params.js';
import { requireVenue } from '../venues/store.js';
import { caseless } from './params.js';
import { sessionListItemResult } from './schemas.js';
import { sessionListItems } from './shapes.js';

/** The code every booking list answers an unknown booking with (bookings/errors.ts: 404 / 23026). */
export const bookingNotFound = (): ApiError => new ApiError(404, 23026, 'The booking does not exist');

const ORDER = { startDate: 'booking_sessions.starts_at', name: 'booking_sessions.name', createdDate: 'booking_sessions.created_at', modifiedDate: 'booking_sessions.modified_at' } as const;

export const getBookingSessionList = defineListAction({
  namespace: 'venue',
  action: 'getBookingSessionList',
  params: {
    venueId: id().optional(),
    bookingId: id().optional(),
    orderBy: caseless(['startDate', 'name', 'createdDate', 'modifiedDate'] as const).optional(),
    orderDir: caseless(['asc', 'desc'] as const).optional(),
    includeBookingDetails: bool().optional(),
  },
  filters: {
    id: { column: 'booking_sessions.id', type: 'integer' },
    bookingId: { column: 'booking_sessions.booking_id', type: 'integer' },
    name: { column: 'booking_sessions.name', type: 'string' },
    spaceVenueId: { column: 'booking_sessions.space_venue_id', type: 'integer' },
    spaceId: { column: 'booking_sessions.space_id', type: 'integer' },
    spaceLayout: { column: 'booking_sessions.layout_id', type: 'integer' },
    tariffId: { column: 'booking_sessions.tariff_id', type: 'integer' },
    costcenterId: { column: 'booking_sessions.cost_center_id', type: 'integer' },
    sessionTypeId: { column: 'booking_sessions.session_type_id', type: 'integer' },
    createdDate: { column: 'booking_sessions.created_at', type: 'timestamp' },
    modifiedDate: { column: 'booking_sessions.modified_at', type: 'timestamp' },
  },
  item: sessionListItemResult,
  async rows(ctx, params) {
    if (params.venueId !== undefined) await requireVenue(ctx.store, params.venueId);
    if (params.bookingId !== undefined) {
      const booking = await ctx.store.selectFrom('bookings').select('venue_id').where('id', '=', params.bookingId).executeTakeFirst();
      if (!booking || (params.venueId !== undefined && booking.venue_id !== params.venueId)) throw bookingNotFound();
    }
    const { venueId, bookingId, orderBy, orderDir } = params;
    return {
      from: ctx.store.selectFrom('booking_sessions'),
      idColumn: 'booking_sessions.id',
      select: (qb) => {
        const all = qb.selectAll('booking_sessions');
        return orderBy === undefined ? all : all.orderBy(sql.ref(ORDER[orderBy]), orderDir ?? 'asc');
      },
      where: (eb) =>
        eb.and([
          ...(venueId !== undefined ? [eb.or([eb('booking_sessions.venue_id', '=', venueId), eb('booking_sessions.space_venue_id', '=', venueId)])] : []),
          ...(bookingId !== undefined ? [eb('booking_sessions.booking_id', '=', bookingId)] : []),
        ]),
    };
  },
  items: (rows, ctx, params) => sessionListItems(ctx.store, rows, { booking: params.includeBookingDetails === true }),
});
