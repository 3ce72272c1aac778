/**
 * venue.getFunctionSpaceList (get-function-space-list.md). `venueId` names the venue; without
 * it the list holds every venue's spaces (each item carries its venueId). The page documents no
 * filters: the scalar fields of the item filter with the generic modifiers.
 */
import { defineListAction } from '../../../../registry/define-list-action.js';
import { id } from '../../../../registry/params.js';
import { modifiedDateFilters } from '../../../contact/modified-filters.js';
import { requireVenue } from '../../venues/store.js';
import { functionSpaceResult } from './schemas.js';
import { spaceItems } from './shapes.js';

export const getFunctionSpaceList = defineListAction({
  namespace: 'venue',
  action: 'getFunctionSpaceList',
  params: { venueId: id().optional() },
  filters: {
    id: { column: 'function_spaces.id', type: 'integer' },
    venueId: { column: 'function_spaces.venue_id', type: 'integer' },
    name: { column: 'function_spaces.name', type: 'string' },
    categoryId: { column: 'function_spaces.category_id', type: 'integer' },
    hasLayouts: { column: 'function_spaces.has_layouts', type: 'boolean' },
    minPax: { column: 'function_spaces.min_pax', type: 'integer' },
    maxPax: { column: 'function_spaces.max_pax', type: 'integer' },
    maxNumBookings: { column: 'function_spaces.max_num_bookings', type: 'integer' },
    isViewable: { column: 'function_spaces.is_viewable', type: 'boolean' },
    marketplaceName: { column: 'function_spaces.marketplace_name', type: 'string' },
    canBeLiveBooked: { column: 'function_spaces.can_be_live_booked', type: 'boolean' },
    createdDate: { column: 'function_spaces.created_at', type: 'timestamp' },
    modifiedDate: { column: 'function_spaces.modified_at', type: 'timestamp' },
    ...modifiedDateFilters('function_spaces.modified_at'),
  },
  item: functionSpaceResult,
  async rows(ctx, { venueId }) {
    if (venueId !== undefined) await requireVenue(ctx.store, venueId);
    return {
      from: ctx.store.selectFrom('function_spaces'),
      idColumn: 'function_spaces.id',
      select: (qb) => qb.selectAll('function_spaces'),
      ...(venueId !== undefined ? { where: (eb) => eb('function_spaces.venue_id', '=', venueId) } : {}),
    };
  },
  items: (rows, ctx) => spaceItems(ctx.store, rows),
});
