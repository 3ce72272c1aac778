/**
 * partner.getVenueList and partner.getVenue (partner/get-venue-list.md, partner/get-venue.md):
 * the venues every account lists in the marketplace, for a partner key. Paging, filters and the
 * envelope are every list's (defineListAction); only the rows differ, taken across accounts from
 * the listed venues (marketplace.ts) and never from the partner key's own account.
 */
import { z } from 'zod';
import { defineAction } from '../../registry/define-action.js';
import { defineListAction } from '../../registry/define-list-action.js';
import { bool, id } from '../../registry/params.js';
import { availabilityDays, availabilityParams } from './availability.js';
import { listedVenues, requireListedVenue } from './marketplace.js';
import { partnerVenueDetailResult, partnerVenueListItemResult } from './schemas.js';
import { partnerDetail, partnerListItems } from './shapes.js';

export const getVenueList = defineListAction({
  namespace: 'partner',
  action: 'getVenueList',
  params: {
    ...availabilityParams,
    allowsLiveBook: bool().optional(),
  },
  filters: {
    id: { column: 'venues.id', type: 'integer' },
    businessName: { column: 'venues.business_name', type: 'string' },
    hasSpaces: { column: 'venues.has_spaces', type: 'boolean' },
    hasAccommodation: { column: 'venues.has_accommodation', type: 'boolean' },
    currencyCode: { column: 'venues.currency_code', type: 'string' },
    addressCity: { column: 'venues.address_city', type: 'string' },
    addressStateCode: { column: 'venues.address_state_code', type: 'string' },
    addressCountryCode: { column: 'venues.address_country_code', type: 'string' },
    addressPostalCode: { column: 'venues.address_postal_code', type: 'string' },
  },
  item: partnerVenueListItemResult,
  rows: (ctx, params) => {
    // Refuses a bad period before any row is read.
    availabilityDays(params);
    const { allowsLiveBook } = params;
    return {
      from: listedVenues(ctx),
      idColumn: 'venues.id',
      select: (qb) => qb.selectAll('venues'),
      ...(allowsLiveBook === undefined ? {} : { where: (eb) => eb('venues.allows_live_book', '=', allowsLiveBook ? 1 : 0) }),
    };
  },
  items: (rows, ctx, params) => partnerListItems(ctx, rows, availabilityDays(params)),
});

export const getVenue = defineAction({
  namespace: 'partner',
  action: 'getVenue',
  kind: 'read',
  params: z.object({ id: id(), ...availabilityParams }),
  result: partnerVenueDetailResult,
  async handler(ctx, params) {
    const days = availabilityDays(params);
    const row = await requireListedVenue(ctx, params.id);
    return partnerDetail(ctx, row, days);
  },
});
