/** venue.getVenueList and venue.getVenue (get-venue-list.md, get-venue.md). */
import { defineAction } from '../../../registry/define-action.js';
import { defineListAction } from '../../../registry/define-list-action.js';
import { id } from '../../../registry/params.js';
import { z } from 'zod';
import { modifiedDateFilters } from '../../contact/modified-filters.js';
import { venueDetailResult, venueListItemResult } from './schemas.js';
import { venueDetail, venueListItems } from './shapes.js';
import { requireVenue } from './store.js';

export const getVenueList = defineListAction({
  namespace: 'venue',
  action: 'getVenueList',
  filters: {
    id: { column: 'venues.id', type: 'integer' },
    businessName: { column: 'venues.business_name', type: 'string' },
    venueIdentifier: { column: 'venues.venue_identifier', type: 'string' },
    venueGroupId: { column: 'venues.group_id', type: 'integer' },
    currencyCode: { column: 'venues.currency_code', type: 'string' },
    timezone: { column: 'venues.timezone', type: 'string' },
    hasSpaces: { column: 'venues.has_spaces', type: 'boolean' },
    hasAccommodation: { column: 'venues.has_accommodation', type: 'boolean' },
    addressCity: { column: 'venues.address_city', type: 'string' },
    addressStateCode: { column: 'venues.address_state_code', type: 'string' },
    addressCountryCode: { column: 'venues.address_country_code', type: 'string' },
    createdDate: { column: 'venues.created_at', type: 'timestamp' },
    modifiedDate: { column: 'venues.modified_at', type: 'timestamp' },
    ...modifiedDateFilters('venues.modified_at'),
  },
  item: venueListItemResult,
  rows: (ctx) => ({
    from: ctx.store.selectFrom('venues'),
    idColumn: 'venues.id',
    select: (qb) => qb.selectAll('venues'),
  }),
  items: (rows, ctx) => venueListItems(ctx.store, rows),
});

export const getVenue = defineAction({
  namespace: 'venue',
  action: 'getVenue',
  kind: 'read',
  params: z.object({ id: id() }),
  result: venueDetailResult,
  async handler(ctx, params) {
    const row = await requireVenue(ctx.store, params.id);
    return venueDetail(ctx.store, row, ctx.publicUrl);
  },
});
