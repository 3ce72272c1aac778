/** venue.getVenueRoomList (get-venue-room-list.md): the venue's guest room types. */
import { defineListAction } from '../../../../registry/define-list-action.js';
import { id } from '../../../../registry/params.js';
import { requireVenue } from '../../venues/store.js';
import { amountFilter } from '../amounts.js';
import { guestRoomResult } from '../schemas.js';
import { guestRoomItem } from './store.js';

export const getVenueRoomList = defineListAction({
  namespace: 'venue',
  action: 'getVenueRoomList',
  params: { venueId: id() },
  filters: {
    id: { column: 'venue_rooms.id', type: 'integer' },
    code: { column: 'venue_rooms.code', type: 'string' },
    name: { column: 'venue_rooms.name', type: 'string' },
    description: { column: 'venue_rooms.description', type: 'string' },
    numStandardAdults: { column: 'venue_rooms.num_standard_adults', type: 'integer' },
    numExtraAdults: { column: 'venue_rooms.num_extra_adults', type: 'integer' },
    extraAdultCost: amountFilter('venue_rooms.extra_adult_cost'),
    canSmoke: { column: 'venue_rooms.can_smoke', type: 'boolean' },
    capacity: { column: 'venue_rooms.capacity', type: 'integer' },
    marketplaceName: { column: 'venue_rooms.marketplace_name', type: 'string' },
  },
  item: guestRoomResult,
  async rows(ctx, { venueId }) {
    await requireVenue(ctx.store, venueId);
    return {
      from: ctx.store.selectFrom('venue_rooms'),
      idColumn: 'venue_rooms.id',
      select: (qb) => qb.selectAll('venue_rooms'),
      where: (eb) => eb('venue_rooms.venue_id', '=', venueId),
    };
  },
  items: (rows) => rows.map(guestRoomItem),
});
