/** venue.getVenueRatePlanList (get-venue-rate-plan-list.md): the venue's rate plans. */
import { defineListAction } from '../../../../registry/define-list-action.js';
import { id } from '../../../../registry/params.js';
import { requireVenue } from '../../venues/store.js';
import { ratePlanResult } from '../schemas.js';

export const getVenueRatePlanList = defineListAction({
  namespace: 'venue',
  action: 'getVenueRatePlanList',
  params: { venueId: id() },
  filters: {
    id: { column: 'venue_rate_plans.id', type: 'integer' },
    name: { column: 'venue_rate_plans.name', type: 'string' },
    code: { column: 'venue_rate_plans.code', type: 'string' },
    description: { column: 'venue_rate_plans.description', type: 'string' },
  },
  item: ratePlanResult,
  async rows(ctx, { venueId }) {
    await requireVenue(ctx.store, venueId);
    return {
      from: ctx.store.selectFrom('venue_rate_plans'),
      idColumn: 'venue_rate_plans.id',
      select: (qb) => qb.select(['venue_rate_plans.id', 'venue_rate_plans.name', 'venue_rate_plans.code', 'venue_rate_plans.description']),
      where: (eb) => eb('venue_rate_plans.venue_id', '=', venueId),
    };
  },
  items: (rows) => rows.map((r) => ({ id: r.id, name: r.name, code: r.code, description: r.description })),
});
