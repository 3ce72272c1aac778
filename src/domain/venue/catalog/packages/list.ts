/** venue.getVenuePackageList (get-venue-package-list.md): the venue's packages (event templates), without their sessions. */
import { sql, type SqlBool } from 'kysely';
import { defineListAction } from '../../../../registry/define-list-action.js';
import { id } from '../../../../registry/params.js';
import type { ExpressionFilter } from '../../../../storage/collection.js';
import { modifiedDateFilters } from '../../../contact/modified-filters.js';
import { requireVenue } from '../../venues/store.js';
import { hundredthsFilter } from '../values.js';
import { venuePackageResult } from './schemas.js';
import { packageItems } from './shapes.js';
import { hasSessions, selectPackage } from './store.js';

const hasSessionsFilter: ExpressionFilter = {
  type: 'boolean',
  where: (eb, value) => (value === null ? sql<SqlBool>`1 = 0` : eb(hasSessions, '=', Number(value))),
};

export const getVenuePackageList = defineListAction({
  namespace: 'venue',
  action: 'getVenuePackageList',
  params: { venueId: id() },
  filters: {
    id: { column: 'venue_packages.id', type: 'integer' },
    name: { column: 'venue_packages.name', type: 'string' },
    type: { column: 'venue_packages.type', type: 'integer' },
    minPax: { column: 'venue_packages.min_pax', type: 'integer' },
    maxPax: { column: 'venue_packages.max_pax', type: 'integer' },
    cost: hundredthsFilter('venue_packages.cost'),
    priceMethod: { column: 'venue_packages.price_method', type: 'integer' },
    actualCost: hundredthsFilter('venue_packages.actual_cost'),
    smallDescription: { column: 'venue_packages.small_description', type: 'string' },
    largeDescription: { column: 'venue_packages.large_description', type: 'string' },
    marketplaceName: { column: 'venue_packages.marketplace_name', type: 'string' },
    isVisibleOnVenueSearch: { column: 'venue_packages.is_visible_on_venue_search', type: 'boolean' },
    createdDate: { column: 'venue_packages.created_at', type: 'timestamp' },
    modifiedDate: { column: 'venue_packages.modified_at', type: 'timestamp' },
    ...modifiedDateFilters('venue_packages.modified_at'),
    startDate: { column: 'venue_packages.start_date', type: 'date' },
    endDate: { column: 'venue_packages.end_date', type: 'date' },
    startTime: { column: 'venue_packages.start_time', type: 'string' },
    endTime: { column: 'venue_packages.end_time', type: 'string' },
    hasSessions: hasSessionsFilter,
    spaceId: { column: 'venue_packages.space_id', type: 'integer' },
    spaceLayoutId: { column: 'venue_packages.space_layout_id', type: 'integer' },
    spaceCustomLayoutName: { column: 'venue_packages.space_custom_layout_name', type: 'string' },
    sortOrder: { column: 'venue_packages.sort_order', type: 'integer' },
    excludedFromCommissions: { column: 'venue_packages.excluded_from_commissions', type: 'boolean' },
    reduceRoomHireFirst: { column: 'venue_packages.reduce_room_hire_first', type: 'boolean' },
    hasLimitedStartTimes: { column: 'venue_packages.has_limited_start_times', type: 'boolean' },
    isAccommIncluded: { column: 'venue_packages.is_accomm_included', type: 'boolean' },
    discountCampaignId: { column: 'venue_packages.discount_campaign_id', type: 'integer' },
  },
  item: venuePackageResult,
  async rows(ctx, { venueId }) {
    await requireVenue(ctx.store, venueId);
    return {
      from: ctx.store.selectFrom('venue_packages'),
      idColumn: 'venue_packages.id',
      select: selectPackage,
      where: (eb) => eb('venue_packages.venue_id', '=', venueId),
    };
  },
  items: (rows, ctx) => packageItems(ctx.store, rows),
});
